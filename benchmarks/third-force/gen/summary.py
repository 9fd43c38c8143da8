"""The run's own account: explained share by role, events per system, the cast."""
import bisect
from . import clock
from .events import SYSTEMS


def explained_by_role(env):
    """Share of each role's audit events explained by an assignment link, by this generator's definition:
    the user holds an assignment to the occurrence read, or to an occurrence the person read was in, and the
    access falls from an hour before the assignment starts to 14 days after it ends (any time while it runs)."""
    O = env.O
    mine = {}
    for o, s, role, a, b in O.assign:
        mine.setdefault(s, {}).setdefault(o, []).append((a - 3600, (b + 14 * clock.DAY) if b else 1 << 40))
    rosters = {}
    for idx, a, b, _k in env.roster_rows:
        rosters.setdefault(idx, []).append((a, b))
    rstarts = {k: [a for a, _b in v] for k, v in rosters.items()}
    tot, exp, off = {}, {}, {}
    marked = {}
    P = env.P
    for system in SYSTEMS:
        for e in env.log.ev[system]:
            t, s, _a, etype, ent = e[0], e[1], e[2], e[3], e[4]
            role = env.staff[s].role
            if e[8] is not None:
                role = ("cast", e[8])
            if etype == "person":
                marked[role] = marked.get(role, 0) + (1 if P.markers[ent] else 0)
                marked[(role, "n")] = marked.get((role, "n"), 0) + 1
            tot[role] = tot.get(role, 0) + 1
            m = mine.get(s)
            ok = False
            if m:
                if etype == "occurrence":
                    cands = (ent,)
                elif etype in ("person", "custody_image"):
                    cands = O.by_person.get(ent, ())
                else:
                    cands = ()
                for o in cands:
                    for a, b in m.get(o, ()):
                        if a <= t <= b:
                            ok = True
                            break
                    if ok:
                        break
            if ok:
                exp[role] = exp.get(role, 0) + 1
            rs = rstarts.get(s)
            on = False
            if rs:
                i = bisect.bisect_right(rs, t + 1800) - 1
                on = i >= 0 and rosters[s][i][1] + 1800 > t
            if not on:
                off[role] = off.get(role, 0) + 1
    env.marked_share = marked
    return tot, exp, off


def text(env, parts, faults, seconds):
    tot, exp, off = explained_by_role(env)
    m = env.marked_share
    L = []
    L.append("Harbourgate Metropolitan Police (synthetic): %d staff, %d days from %s, seed %s" % (
        len(env.staff), env.days, clock.START_DATE.isoformat(), env.seed))
    L.append("persons %d, occurrences %d, assignments %d, roster rows %d, audit events %d" % (
        len(env.P.pid), len(env.O.cat), len(env.O.assign), len(env.roster_rows), env.log.count()))
    L.append("")
    L.append("Explained share by role (assignment to the occurrence, or to an occurrence the person was in,")
    L.append("from 1 h before the assignment to 14 days after it ends); off-roster = outside rostered shifts +-30 min")
    L.append("%-24s %9s %10s %11s" % ("role", "events", "explained", "off-roster"))
    T = E = F = 0
    for role in sorted(r for r in tot if isinstance(r, str)):
        L.append("%-24s %9d %9.1f%% %10.1f%%" % (role, tot[role], 100.0 * exp.get(role, 0) / tot[role], 100.0 * off.get(role, 0) / tot[role]))
        T += tot[role]; E += exp.get(role, 0); F += off.get(role, 0)
    for r in tot:
        if not isinstance(r, str):
            T += tot[r]; E += exp.get(r, 0); F += off.get(r, 0)
    L.append("%-24s %9d %9.1f%% %10.1f%%  (cast scenario events included)" % ("all", T, 100.0 * E / max(1, T), 100.0 * F / max(1, T)))
    m = env.marked_share
    pm = sum(v for k, v in m.items() if isinstance(k, str))
    pn = sum(v for k, v in m.items() if isinstance(k, tuple) and k[1] == "n" and isinstance(k[0], str))
    L.append("person look-ups of people with a vulnerability marker: %.1f%% (people on record with one: %.1f%%)" % (
        100.0 * pm / max(1, pn), 100.0 * sum(1 for x in env.P.markers if x) / len(env.P.markers)))
    L.append("")
    L.append("Events per system")
    for s in SYSTEMS:
        L.append("  %-16s %9d" % (s, len(env.log.ev[s])))
    L.append("")
    L.append("The cast")
    for p in parts:
        L.append("  %-10s %-30s %s %-22s %-34s %s events, first %s" % (p.kind, p.scenario, p.s.sid, p.s.role, p.s.team,
                                                                  p.n_events, p.first_at))
        k = ("cast", p.tag)
        L.append("             %s" % p.note)
        L.append("             scenario events explained by assignment %.0f%%, off-roster %.0f%%, marked people %.0f%%" % (
            100.0 * exp.get(k, 0) / max(1, tot.get(k, 0)), 100.0 * off.get(k, 0) / max(1, tot.get(k, 0)),
            100.0 * m.get(k, 0) / max(1, m.get((k, "n"), 0))))
    L.append("")
    n_dup = sum(1 for f in faults if f[3] == "duplicate")
    L.append("Faults: %d quarantined rows, %d duplicate rows (see .faults.csv)" % (len(faults) - n_dup, n_dup))
    L.append("Generated in %.1f s" % seconds)
    return "\n".join(L) + "\n"
