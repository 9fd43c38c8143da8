"""Shift patterns, what staff actually worked, and what the duty system exported (rosters.csv)."""
from .util import rng, DAY, HOUR, MIN, local_time
from .organisation import UNITS

PLANNED_OT_EXPORT = 0.3     # share of rest-day overtime that reaches the duty system export


def _hm(h, m=0):
    return h * 60 + m


def planned(pat, d, team_no, phase, day0, r):
    """Planned shift (start, end) in UTC for day d, or None. day0 is the UTC midnight of day d."""
    wd = d % 7
    w = d // 7
    if pat == "resp5":
        pos = (d + 2 * team_no) % 10
        if pos < 2:
            return local_time(day0, _hm(7)), local_time(day0, _hm(17))
        if pos < 4:
            return local_time(day0, _hm(14)), local_time(day0, _hm(24))
        if pos < 6:
            return local_time(day0, _hm(22)), local_time(day0, _hm(31))
        return None
    if pat in ("apu4", "ctrl4"):
        pos = (d + 2 * team_no) % 8
        h0 = 6 if pat == "apu4" else 7
        if pos < 2:
            return local_time(day0, _hm(h0)), local_time(day0, _hm(h0 + 12))
        if pos < 4:
            return local_time(day0, _hm(h0 + 12)), local_time(day0, _hm(h0 + 24))
        return None
    if pat == "days":
        if wd < 5:
            return local_time(day0, _hm(8)), local_time(day0, _hm(16))
        return None
    if pat == "days6":
        if wd == 6 or wd == (phase + w) % 5:
            return None
        if (w + phase) % 2:
            return local_time(day0, _hm(12)), local_time(day0, _hm(20))
        return local_time(day0, _hm(8)), local_time(day0, _hm(16))
    if pat == "nbh":
        rest = (2 * w + phase) % 7
        if wd == rest or wd == (rest + 1) % 7:
            return None
        if (w + phase) % 2:
            return local_time(day0, _hm(14)), local_time(day0, _hm(22))
        return local_time(day0, _hm(8)), local_time(day0, _hm(16))
    if pat == "cid":
        cover = (w + phase) % 4 == 0
        if wd == 5 and cover:
            return local_time(day0, _hm(8)), local_time(day0, _hm(18))
        if wd >= 5 or (wd == 0 and cover):
            return None
        if (w + phase) % 2:
            return local_time(day0, _hm(12)), local_time(day0, _hm(22))
        return local_time(day0, _hm(8)), local_time(day0, _hm(18))
    if pat == "specials":
        p = 0.3 if wd in (4, 5) else 0.04
        if r.random() < p:
            return local_time(day0, _hm(19)), local_time(day0, _hm(27))
        return None
    if pat == "hub":
        if wd < 5:
            return local_time(day0, _hm(9)), local_time(day0, _hm(17))
        if wd == 5 and (w + phase) % 3 == 0:
            return local_time(day0, _hm(10)), local_time(day0, _hm(14))
        return None
    if pat == "contact_days":
        if (d + phase) % 7 < 4:
            return local_time(day0, _hm(10)), local_time(day0, _hm(20))
        return None
    raise ValueError(pat)


def build_schedules(seed, staff, t0, days, warm):
    """Fill s.windows (actual work), s.wday (day -> window) and return exported roster rows."""
    roster = []
    for s in staff:
        r = rng(seed, f"sched|{s.idx}")
        phase = r.randrange(7)
        lo = max(-warm, s.start_day)
        hi = days if s.end_day is None else min(days, s.end_day)
        # annual leave blocks and sickness episodes
        leave = set()
        span = hi - lo
        for _ in range(max(1, int(span / 55))):
            a = r.randrange(lo, max(lo + 1, hi))
            for k in range(r.randrange(3, 10)):
                leave.add(a + k)
        sick = set()
        if r.random() < 0.3:
            for _ in range(r.choice((1, 1, 2))):
                a = r.randrange(lo, max(lo + 1, hi))
                for k in range(r.choice((1, 1, 2, 3, 5, 8))):
                    sick.add(a + k)
        windows = []
        wday = {}
        seg_i = 0
        segs = s.segs
        officer = UNITS[segs[0][1]]["role"] not in ("call_handler", "dispatcher", "police_staff",
                                                     "intelligence_analyst")
        for d in range(lo, hi):
            while seg_i + 1 < len(segs) and segs[seg_i + 1][0] <= d:
                seg_i += 1
            seg = segs[seg_i]
            unit = UNITS[seg[1]]
            day0 = t0 + d * DAY
            p = planned(unit["pat"], d, seg[4], phase, day0, r)
            exported = unit["rostered"]
            if p is None:
                # rest-day overtime, sometimes exported
                if d not in leave and unit["pat"] not in ("specials",) and r.random() < (0.035 if officer else 0.015):
                    st = local_time(day0, r.choice((_hm(8), _hm(10), _hm(16), _hm(18))))
                    en = st + r.choice((6, 8, 9, 10)) * HOUR
                    if exported and r.random() < PLANNED_OT_EXPORT:
                        roster.append((st, en, s.idx, "overtime"))
                    wday[d] = len(windows)
                    windows.append((st, en, "overtime"))
                continue
            st, en = p
            if d in leave:
                continue
            kind = "duty"
            if unit["pat"] not in ("specials", "hub") and r.random() < 0.02:
                kind = "training"
                st, en = local_time(day0, _hm(9)), local_time(day0, _hm(17))
            if exported:
                roster.append((st, en, s.idx, kind))
            if d in sick:
                continue
            # what really happened: early starts, late finishes, swaps, flexi
            ast, aen = st, en
            x = r.random()
            if unit["pat"] in ("days", "days6", "hub"):
                ast = st + r.randrange(-60, 75) * MIN
                aen = ast + (en - st) + r.randrange(-30, 60) * MIN
            elif x < 0.03:
                shift = r.choice((-7, 7, -8, 8)) * HOUR
                if st + shift < day0 + HOUR:
                    shift = -shift
                ast, aen = st + shift, en + shift
            if r.random() < 0.18 and kind == "duty":
                aen += r.randrange(30, 180) * MIN
            if r.random() < 0.1 and ast - 45 * MIN > day0:
                ast -= r.randrange(10, 45) * MIN
            wday[d] = len(windows)
            windows.append((ast, aen, kind))
        # on-call weeks for detective and public-protection supervisors
        oncall = []
        if s.sup and segs[-1][1] in ("cid", "daiu", "rasso", "major", "mosovo", "child"):
            exp = segs[-1][1] in ("cid", "daiu", "rasso")
            first_week = (lo // 7) + r.randrange(5)
            wk = first_week
            while wk * 7 < hi:
                for k in range(7):
                    d = wk * 7 + k
                    if lo <= d < hi:
                        day0 = t0 + d * DAY
                        a, b = local_time(day0, _hm(18)), local_time(day0, _hm(32))
                        oncall.append((a, b))
                        if exp:
                            roster.append((a, b, s.idx, "on_call"))
                wk += 5
        s.windows = windows
        s.wday = wday
        s.oncall = oncall
        s.rostered_any = False
    roster.sort(key=lambda x: (x[0], x[2]))
    for st, en, i, k in roster:
        staff[i].rostered_any = True
    return roster


def on_day_index(staff, days, warm):
    """Per day: list of (sidx, start, end, kind) for staff working a window that starts that day."""
    idx = [[] for _ in range(days + warm)]
    for s in staff:
        for d, wi in s.wday.items():
            a, b, k = s.windows[wi]
            idx[d + warm].append((s.idx, a, b, k))
    return idx
