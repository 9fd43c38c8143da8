"""Shift patterns, leave, overtime and on-call; which shifts the duty system exports; who is on at an hour."""
from .clock import local_clock, weekday, HOUR, PERIOD_START
from .staffing import active

CYCLE10 = ["E", "E", "L", "L", "N", "N", "O", "O", "O", "O"]
CYCLE8 = ["D", "D", "N", "N", "O", "O", "O", "O"]
TIMES = {"E": (7, 17), "L": (15, 25), "N": (22, 32), "D": (7, 19), "N12": (19, 31), "T": (15, 25)}


class Shift:
    __slots__ = ("start", "end", "kind", "exported")

    def __init__(self, start, end, kind, exported):
        self.start, self.end, self.kind, self.exported = start, end, kind, exported


def pool_of(s):
    u = s.unit
    if u == "response":
        return "response:" + s.hub
    if u == "sup_resp":
        return "sup:" + s.hub
    if u == "custody":
        return "custody:" + s.station
    if u in ("nbh", "pcso"):
        return "nbh:" + s.station
    if u == "special":
        return "special:" + s.hub
    if u in ("counter", "enquiry"):
        return u + ":" + s.hub
    return u


def _leave_days(rng, days):
    out = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        a = rng.randrange(0, days)
        out.extend(range(a, a + rng.randint(4, 14)))
    if rng.random() < .25:
        a = rng.randrange(0, days)
        out.extend(range(a, a + rng.randint(1, 6)))
    return out


def build_rosters(rng, staff, days):
    for s in staff:
        s.shifts = []
        off = _leave_days(rng, days)
        offset = s.team_no * 2 + (rng.randint(0, 1) if s.unit not in ("ctrl_ch", "ctrl_disp", "custody") else 0)
        start_mode = rng.choice((8, 8, 9, 10))
        oncall_week = rng.randrange(5)
        for d in range(days):
            ts0 = local_clock(d, 0)
            if not active(s, ts0) or d in off:
                continue
            u = s.unit
            wd = weekday(d)
            code = None
            if u in ("response", "sup_resp", "roads"):
                if s.village_station:
                    code = {0: "D", 1: "D", 2: "N12", 3: "N12"}.get((d + offset) % 8)
                else:
                    c = CYCLE10[(d + offset) % 10]
                    code = None if c == "O" else c
            elif u == "triage":
                code = "T" if (d + offset) % 8 < 4 else None
            elif u in ("ctrl_ch", "ctrl_disp", "ctrl_sup", "custody"):
                c = CYCLE8[(d + offset) % 8]
                code = None if c == "O" else ("N12" if c == "N" else "D")
            elif u in ("nbh", "pcso", "rural", "schools"):
                if wd < 5 or (wd == 5 and rng.random() < .2):
                    if rng.random() < .9:
                        h = rng.choice((8, 8, 10, 14)) if u != "schools" else 8
                        ln = 10 if u == "rural" else 8
                        s.shifts.append(Shift(local_clock(d, h, rng.choice((0, 0, 30))), local_clock(d, h + ln), "duty", rng.random() > .03))
                # village officers cover their patch on call overnight one week in five: not exported
                if s.village_station and (d // 7) % 5 == oncall_week:
                    s.shifts.append(Shift(local_clock(d, 22), local_clock(d, 31), "on_call", False))
                continue
            elif u == "special":
                if (wd == 4 or wd == 5) and rng.random() < .55:
                    s.shifts.append(Shift(local_clock(d, 19), local_clock(d, 27), "duty", False))
                elif (wd == 6 and rng.random() < .3) or (wd in (1, 2) and rng.random() < .12):
                    s.shifts.append(Shift(local_clock(d, 10), local_clock(d, 18), "duty", False))
                continue
            else:  # office hours
                if wd < 5 or (u == "counter" and wd == 5 and rng.random() < .3):
                    s.shifts.append(Shift(local_clock(d, start_mode), local_clock(d, start_mode + 8), "duty", rng.random() > .03))
                if u in ("cid", "ppu") and (d // 7) % 8 == oncall_week:
                    s.shifts.append(Shift(local_clock(d, 17), local_clock(d, 32), "on_call", False))
                continue
            if code:
                a, b = TIMES[code]
                if rng.random() < .04:
                    s.shifts.append(Shift(local_clock(d, 8), local_clock(d, 16), "training", True))
                else:
                    s.shifts.append(Shift(local_clock(d, a), local_clock(d, b), "duty", rng.random() > .03))
            elif u in ("response", "roads", "custody", "ctrl_ch", "ctrl_disp") and rng.random() < .07:
                a = rng.choice((8, 10, 18))
                s.shifts.append(Shift(local_clock(d, a), local_clock(d, a + rng.choice((6, 8, 10))), "overtime", rng.random() < .35))


def roster_rows(staff):
    rows = []
    for s in staff:
        for sh in s.shifts:
            if sh.exported:
                rows.append((s.i, sh.start, sh.end, sh.kind))
    return rows


class OnDuty:
    """Who is working (duty or overtime, exported or not) in each hour, per deployment pool."""

    def __init__(self, staff, days):
        self.idx = {}
        self.n_hours = days * 24
        for s in staff:
            p = pool_of(s)
            for sh in s.shifts:
                if sh.kind not in ("duty", "overtime"):
                    continue
                h0 = max(0, (sh.start - PERIOD_START) // HOUR)
                h1 = min(self.n_hours, (sh.end - PERIOD_START) // HOUR)
                for h in range(h0, h1):
                    self.idx.setdefault((h, p), []).append(s.i)

    def who(self, pool, ts):
        return self.idx.get(((ts - PERIOD_START) // HOUR, pool), ())
