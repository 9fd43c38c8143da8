"""DIR.summary.txt: explained share by role, events per system, the cast."""
from . import clock
from .clock import DAY, HOUR

ROLES = ["response_officer", "supervisor", "neighbourhood_officer", "pcso", "special_constable", "detective",
         "safeguarding_officer", "call_handler", "dispatcher", "custody_officer", "intelligence_analyst",
         "police_staff", "ccu_officer"]


def explained_share(w):
    """An access is explained when its user holds an assignment, from 2 hours before its start to 7 days after
    its end (or the end of the period), to the occurrence it opens, the occurrence it was opened from, or any
    occurrence the person opened is in."""
    end_all = clock.START + w.days * DAY
    win = {}
    for oid, sid, role, a, b in w.assigns:
        win.setdefault((sid, oid), []).append((a - 2 * HOUR, (b or end_all) + 7 * DAY))
    P = w.person_by_id
    tot, exp = {}, {}
    ptot, pexp = {}, {}

    def hit(sid, oid, t):
        for a, b in win.get((sid, oid), ()):
            if a <= t <= b:
                return True
        return False

    role_of = {s.sid: s.role for s in w.staff}
    for t, sid, sys, act, et, ent, f, ws, reason, ctx, tag in w.events:
        role = role_of[sid]
        ok = False
        if ctx and hit(sid, ctx, t):
            ok = True
        elif et == "occurrence":
            ok = hit(sid, ent, t)
        elif et in ("person", "custody_image"):
            p = P.get(ent)
            if p:
                for o, _ in p.occs:
                    if (sid, o.oid) in win and hit(sid, o.oid, t):
                        ok = True
                        break
        if et in ("person", "custody_image"):
            ptot[role] = ptot.get(role, 0) + 1
            pexp[role] = pexp.get(role, 0) + ok
        tot[role] = tot.get(role, 0) + 1
        exp[role] = exp.get(role, 0) + ok
    return tot, exp, ptot, pexp


def write(w, path, counts, seconds):
    tot, exp, ptot, pexp = explained_share(w)
    lines = [f"Vellmoor Police synthetic bundle: seed {w.seed}, {w.n_staff} staff, {w.days} days "
             f"from {clock.date(clock.START)}", ""]
    T, E = sum(tot.values()), sum(exp.values())
    PT, PE = sum(ptot.values()), sum(pexp.values())
    lines.append(f"Events: {T}   persons: {len(w.persons)}   occurrences: {len(w.occs)}   "
                 f"assignments: {len(w.assigns)}   roster rows: {len(w.rosters)}")
    lines.append("")
    lines.append("Explained share (see summary.explained_share): all events / person look-ups")
    lines.append(f"  {'role':24s} {'staff':>5s} {'events':>9s} {'explained':>9s} {'persons':>9s} {'explained':>9s}")
    nstaff = {}
    for s in w.staff:
        nstaff[s.role] = nstaff.get(s.role, 0) + 1
    for role in ROLES:
        if role in tot:
            lines.append(f"  {role:24s} {nstaff.get(role, 0):5d} {tot[role]:9d} {exp[role] / tot[role]:9.1%} "
                         f"{ptot.get(role, 0):9d} {(pexp.get(role, 0) / ptot[role]) if ptot.get(role) else 0:9.1%}")
    lines.append(f"  {'all':24s} {len(w.staff):5d} {T:9d} {E / T:9.1%} {PT:9d} {PE / PT:9.1%}")
    lines.append("")
    lines.append("Events per system (as generated, before faults and duplicates)")
    for k, v in counts.items():
        lines.append(f"  {k:16s} {v:9d}")
    lines.append("")
    lines.append("The cast")
    tagged = {}
    for e in w.events:
        if e[10] is not None:
            tagged[e[10]] = tagged.get(e[10], 0) + 1
    for c in sorted(w.cast, key=lambda c: (c["kind"] != "misconduct", c["scenario"], c["sid"])):
        s = c["s"]
        lines.append(f"  {c['kind']:10s} {c['sid']:8s} {c['scenario']:30s} {s.role:22s} {s.team:20s} "
                     f"{tagged.get(c['sid'], 0):4d} scenario events, first {c['first'][0]} {clock.iso_z(c['first'][1])}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
