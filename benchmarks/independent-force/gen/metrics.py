"""Measured figures: share of person look-ups with a business link, markers among people in occurrences."""
from . import clock

DAY = clock.DAY


def link_windows(W):
    win = {}
    for o in W.occs:
        if not o.persons:
            continue
        for st, role, s, e in o.assign:
            end = max(e if e is not None else W.t_end, o.closed if o.closed else W.t_end) + 7 * DAY
            for p, _ in o.persons:
                win.setdefault((st.sid, p.pid), []).append((s - DAY, end))
    return win


def explained_share(W, by_role=False):
    win = link_windows(W)
    role = {s.sid: s.role for s in W.staff}
    tot = exp = 0
    per = {}
    for system, evs in W.ev.items():
        for ev in evs:
            if ev[3] != "person" and ev[3] != "custody_image":
                continue
            t, sid, pid = ev[0], ev[1], ev[4]
            ok = False
            for a, b in win.get((sid, pid), ()):
                if a <= t <= b:
                    ok = True
                    break
            tot += 1
            exp += ok
            if by_role:
                r = per.setdefault(role[sid], [0, 0])
                r[0] += 1
                r[1] += ok
    if by_role:
        return tot, exp, per
    return tot, exp


def marker_share(W):
    seen = {}
    for o in W.occs:
        for p, _ in o.persons:
            seen[p.pid] = bool(p.markers)
    return sum(seen.values()) / max(1, len(seen))
