"""DIR.summary.txt: the force in numbers, the explained share by role (our own definition), events per system
and file, and the cast."""
import bisect

from . import clock

SENSITIVE = ("contact", "address", "photo", "custody")


def explained_windows(staff, P, O):
    """(staff, record) -> windows in which an assignment explains a look-up of that record: from two hours
    before the assignment to seven days after it ends (or open-ended)."""
    win = {}
    for occ, sidx, role, start, end in O.assign:
        w = (start - 2 * clock.HOUR, float("inf") if end is None else end + 7 * clock.DAY)
        win.setdefault((sidx, O.oid[occ]), []).append(w)
        for p, _ in O.persons[occ]:
            win.setdefault((sidx, P.pid[p]), []).append(w)
    return win


def write(path, staff, P, O, ev, tables, C, period, args):
    win = explained_windows(staff, P, O)
    rosters = {}
    for s in staff:
        rosters[s.idx] = ([a for a, b, k in s.roster], [b for a, b, k in s.roster])
    marked = {pid for i, pid in enumerate(P.pid) if P.markers.get(i)}
    stats = {}
    systems = {}
    for e in ev:
        t, sidx, sy, act, et, eid, fl, ws, rs, tag = e
        systems[sy] = systems.get(sy, 0) + 1
        role = staff[sidx].role
        st = stats.setdefault(role, [0, 0, 0, 0, 0, 0, 0])
        st[0] += 1
        starts, ends = rosters[sidx]
        i = bisect.bisect_right(starts, t + 1800) - 1
        if not (i >= 0 and t <= ends[i] + 1800):
            st[5] += 1
        if ws.startswith("LT"):
            st[6] += 1
        if et not in ("person", "occurrence", "custody_image"):
            continue
        st[1] += 1
        ok = False
        for a, b in win.get((sidx, eid), ()):
            if a <= t <= b:
                ok = True
                break
        if ok:
            st[2] += 1
        if et != "occurrence":
            st[3] += 1
            if eid in marked:
                st[4] += 1
    out = []
    w = out.append
    w(f"Saltreach Police (synthetic) - seed {args.seed}, {args.staff} staff, {args.days} days from "
      f"{clock.date_str(period.t0)} to {clock.date_str(period.t1 - 1)}")
    w("")
    w(f"staff {len(staff)}, persons {len(P.pid)}, occurrences {len(O.oid)}, assignments {len(O.assign)}, "
      f"audit events {len(ev)}")
    w("")
    w("Explained share by role. An access to a person, custody image or occurrence is explained when the member of")
    w("staff holds an assignment to that occurrence, or to an occurrence the person is in, from two hours before the")
    w("assignment starts to seven days after it ends. Off roster: not within 30 minutes of a rostered shift.")
    w("")
    w(f"{'role':24s} {'events':>9s} {'records':>9s} {'explained':>9s} {'marked':>7s} {'off-rost':>8s} {'laptop':>7s}")
    tot = [0] * 7
    for role in sorted(stats):
        st = stats[role]
        tot = [a + b for a, b in zip(tot, st)]
        w(f"{role:24s} {st[0]:9d} {st[1]:9d} {st[2] / max(1, st[1]):9.1%} {st[4] / max(1, st[3]):7.1%} "
          f"{st[5] / max(1, st[0]):8.1%} {st[6] / max(1, st[0]):7.1%}")
    w(f"{'all':24s} {tot[0]:9d} {tot[1]:9d} {tot[2] / max(1, tot[1]):9.1%} {tot[4] / max(1, tot[3]):7.1%} "
      f"{tot[5] / max(1, tot[0]):8.1%} {tot[6] / max(1, tot[0]):7.1%}")
    w("(marked: share of person and custody-image look-ups whose person carries any marker)")
    w("")
    w("Events per system")
    for sy in sorted(systems):
        w(f"  {sy:18s} {systems[sy]:9d}")
    w("")
    w("Rows per file (as written, faults and re-deliveries included)")
    for name in sorted(tables):
        w(f"  {name:30s} {len(tables[name].records):9d}")
    w("")
    w("The cast")
    n_tag = {}
    for e in ev:
        if e[9]:
            n_tag[e[9]] = n_tag.get(e[9], 0) + 1
    for m in C.members:
        s = staff[m.sidx]
        i = C.first[m.no + 1]
        w(f"  {m.kind:10s} {m.scenario:30s} {s.sid} {s.role:22s} {s.team:26s} {s.station:18s} "
          f"events {n_tag.get(m.no + 1, 0):4d}  first {clock.iso_z(ev[i][0])}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
