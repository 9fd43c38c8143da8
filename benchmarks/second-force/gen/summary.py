"""Summary figures measured by this generator's own definition of an explained access.

An access is *linked* when the member of staff holds an assignment (any role) to the occurrence read, or to an
occurrence in which the person read appears, from an hour before the assignment starts to 14 days after it ends
(open assignments: until the period ends), or when a custody officer reads a person detained at their own suite
at that time (two hours either side). *On a rostered shift* uses the roster as written (not the work done)."""
import bisect
from collections import Counter, defaultdict

from .clock import DAY, HOUR


def measure(w, numbered, truth):
    win = defaultdict(list)
    for o in w.occs:
        for sid, role, a, b in o.assign:
            span = (a - HOUR, (b + 14 * DAY) if b else w.end + DAY)
            win[(sid, o.oid)].append(span)
            for pid, _r in o.persons:
                win[(sid, pid)].append(span)
    held = defaultdict(list)
    for suite, eps in w.custody_at.items():
        for x, y, o, pid in eps:
            held[(suite, pid)].append((x - 2 * HOUR, y + 2 * HOUR))
    rost = defaultdict(list)
    for sid, a, b, k in w.roster:
        rost[sid].append((a, b))
    starts = {}
    for sid in rost:
        rost[sid].sort()
        starts[sid] = [a for a, b in rost[sid]]
    role = {s.sid: s.role for s in w.staff}
    station = {s.sid: s.station for s in w.staff}
    tot, lin, onr, marked = Counter(), Counter(), Counter(), Counter()
    per_sys = Counter()
    for system, evs in numbered.items():
        for eid, e in evs:
            t, sid, action, et, ent, fields, ws, reason, tag = e
            r = role[sid]
            per_sys[system] += 1
            tot[r] += 1
            ok = any(a <= t <= b for a, b in win.get((sid, ent), ()))
            if not ok and r == "custody_officer" and et in ("person", "custody_image"):
                ok = any(a <= t <= b for a, b in held.get((station[sid], ent), ()))
            if ok:
                lin[r] += 1
            i = bisect.bisect_right(starts.get(sid, []), t) - 1
            if i >= 0 and rost[sid][i][1] >= t:
                onr[r] += 1
            if et == "person" and w.person.get(ent) and w.person[ent].markers - {"child"}:
                marked[r] += 1
    lines = ["Second force (Wealdmoor Constabulary, fictional) - summary", ""]
    lines.append("%-24s %9s %8s %10s %8s" % ("role", "events", "linked", "on_roster", "marked"))
    T = sum(tot.values())
    for r in sorted(tot):
        lines.append("%-24s %9d %7.1f%% %9.1f%% %7.1f%%" % (r, tot[r], 100.0 * lin[r] / tot[r],
                                                             100.0 * onr[r] / tot[r], 100.0 * marked[r] / tot[r]))
    lines.append("%-24s %9d %7.1f%% %9.1f%% %7.1f%%" % ("ALL", T, 100.0 * sum(lin.values()) / T,
                                                         100.0 * sum(onr.values()) / T, 100.0 * sum(marked.values()) / T))
    lines += ["", "linked = explained by an assignment/attendance/custody duty (see gen/summary.py);",
              "on_roster = inside a shift as written in rosters.csv; marked = person read carries a vulnerability",
              "or custody marker other than 'child'.", "", "events per system:"]
    for s in sorted(per_sys):
        lines.append("  %-16s %9d" % (s, per_sys[s]))
    lines.append("")
    n_bad = sum(1 for r in truth if r[2] == "misconduct")
    lines.append("cast: %d misconduct, %d benign look-alikes" % (n_bad, len(truth) - n_bad))
    for sid, scen, kind, eid, at, n in truth:
        lines.append("  %-10s %-24s %-7s %-21s %3d scenario events, first %s %s" % (
            kind, scen, sid, role[sid], n, eid, at))
    return "\n".join(lines) + "\n"
