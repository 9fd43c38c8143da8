"""Shift patterns, the shifts actually worked, and the (incomplete) roster the HR system exports.

Rotas are written in local time (07:00 is 07:00 on the wall clock, before and after the clock change). What is
worked differs from what is rostered: late finishes, unrecorded overtime on rest days, sickness left on the roster,
a few rostered duties missing from the export, specials who book duties in a separate system."""
from .clock import HOUR
from .units import SHIFT_UNITS

H = HOUR


class Shift:
    __slots__ = ("start", "end", "rend", "kind", "rostered", "worked", "wfh", "day")

    def __init__(self, start, end, kind, day):
        self.start, self.end, self.rend, self.kind, self.day = start, end, end, kind, day
        self.rostered, self.worked, self.wfh = True, True, False


_CYCLES = {
    "resp10": (10, [(7, 10), (7, 10), (14, 10), (14, 10), (22, 9), (22, 9), None, None, None, None], 2),
    "rpu10": (10, [(7, 10), (7, 10), (16, 10), (16, 10), (22, 9), (22, 9), None, None, None, None], 2),
    "arv10": (10, [(7, 10), (7, 10), (15, 10), (15, 10), (22, 10), (22, 10), None, None, None, None], 2),
    "fcr12": (8, [(7, 12), (7, 12), (19, 12), (19, 12), None, None, None, None], 2),
    "cust12": (8, [(6, 12), (6, 12), (18, 12), (18, 12), None, None, None, None], 2),
}


def _planned(pattern, s, d, wd, week, rng, flex):
    """(start hour as seconds, duration seconds, kind) for day d, or None."""
    if pattern in _CYCLES:
        n, table, step = _CYCLES[pattern]
        slot = table[(d + s.watch * step) % n]
        return None if slot is None else (slot[0] * H, slot[1] * H, "duty")
    if pattern in ("nbh", "pcso"):
        kind = (week + s.i) % 3
        hours = 8
        if kind == 0 and wd < 5:
            return (8 * H, hours * H, "duty")
        if kind == 1 and 1 <= wd <= 5:
            return (14 * H, hours * H, "duty")
        if kind == 2 and wd >= 2:
            return (10 * H, hours * H, "duty")
        return None
    if pattern == "special":
        p = 0.2 if wd in (4, 5) else 0.045
        if rng.random() < p:
            if wd == 5 and rng.random() < 0.3:
                return (10 * H, 8 * H, "duty")
            return (18 * H, rng.choice((6, 7, 8)) * H, "duty")
        return None
    if pattern == "office_cmu":
        if (week + s.i) % 6 == 0:
            if wd == 5:
                return (9 * H, 8 * H, "duty")
            if wd == 0:
                return None
        return (8 * H + flex, 8 * H, "duty") if wd < 5 else None
    if pattern == "office_mash":
        if (week + s.i) % 8 == 3:
            if wd >= 5:
                return (10 * H, 8 * H, "duty")
            if wd in (3, 4):
                return None
        if wd >= 5:
            return None
        if (week + s.i) % 5 == 0 and s.role != "supervisor":
            return (14 * H, 8 * H, "duty")
        return (8 * H + 1800 + flex, 8 * H + 1800, "duty")
    if pattern == "office_vcu":
        if wd == 5 and (week + s.i) % 4 == 0:
            return (9 * H, 4 * H, "duty")
        return (9 * H + flex, 8 * H, "duty") if wd < 5 else None
    if pattern == "office_ppiu":
        days = (0, 1, 2, 3) if s.i % 2 == 0 else (1, 2, 3, 4)
        return (8 * H, 10 * H, "duty") if wd in days else None
    # plain office week
    if wd >= 5:
        return None
    if s.state.get("part_time") and wd in s.state["part_time"]:
        return None
    return (8 * H + flex, 8 * H, "duty")


def build_shifts(rng, clock, s, unit, lo, hi):
    """Shifts for staff s on day indices lo..hi-1."""
    pattern = unit.pattern
    if pattern == "office" and rng.random() < 0.12:
        s.state["part_time"] = tuple(sorted(rng.sample(range(5), rng.choice((1, 2)))))
    flex = rng.choice((-3600, -1800, 0, 0, 1800, 3600))
    first = lo if s.start_day is None else max(lo, s.start_day)
    last = hi if s.end_day is None else min(hi, s.end_day)
    leave = set()
    if pattern != "special":
        span = hi - lo
        target = int(span * 0.1)
        while len(leave) < target:
            a = rng.randrange(lo, hi)
            for k in range(rng.randint(2, 10)):
                leave.add(a + k)
    shift_unit = unit.key in SHIFT_UNITS
    out = []
    for d in range(first, last):
        wd = clock.weekday(d)
        week = (d + clock.wd0) // 7
        plan = _planned(pattern, s, d, wd, week, rng, flex + rng.choice((-900, 0, 0, 900)))
        if plan is None:
            if shift_unit and d not in leave and rng.random() < 0.055:
                # overtime on a rest day, mostly not on the roster
                st = rng.choice((7, 8, 14, 18, 22)) * H
                sh = Shift(clock.at_local(d, st), 0, "overtime", d)
                sh.end = sh.rend = sh.start + rng.choice((8, 9, 10)) * H
                sh.rostered = rng.random() < 0.4
                out.append(sh)
            elif unit.key in ("cmu", "mash", "vcu", "ppiu") and wd < 5 and rng.random() < 0.01:
                pass
            continue
        if d in leave:
            continue
        start_secs, dur, kind = plan
        sh = Shift(clock.at_local(d, start_secs), 0, kind, d)
        sh.end = sh.rend = sh.start + dur
        r = rng.random()
        if r < 0.035:
            sh.worked = False          # sick: still on the roster
        elif r < 0.055:
            sh.kind = "training"
        if sh.worked and sh.kind == "duty":
            if rng.random() < (0.25 if shift_unit else 0.1):
                sh.end += rng.randint(30, 150) * 60
            if rng.random() < 0.04:
                sh.rostered = False    # missing from the export
            if s.hybrid and rng.random() < 0.4 and pattern != "office_ppiu":
                sh.wfh = True
            if unit.key in ("cmu", "mash", "vcu", "ppiu", "fib") and rng.random() < 0.03:
                # an unrostered evening overtime stint after the day's work
                ot = Shift(sh.rend + rng.randint(1, 3) * H, 0, "overtime", d)
                ot.end = ot.rend = ot.start + rng.randint(2, 3) * H
                ot.rostered = False
                ot.wfh = s.hybrid
                out.append(ot)
        if pattern == "special":
            sh.rostered = rng.random() < 0.45
        out.append(sh)
        if pattern == "office_ppiu" and (week + s.i) % 9 == 0:
            oc = Shift(clock.at_local(d, 18 * H), 0, "on_call", d)
            oc.end = oc.rend = oc.start + 14 * H
            out.append(oc)
    out.sort(key=lambda x: (x.start, x.kind))
    return out


def groups_of(s):
    """The on-duty groups a member of staff is drawn from when work is allocated."""
    u = s.unit
    g = ["unit:" + u]
    k = s.sector.k if s.sector is not None else -1
    sup = s.role == "supervisor"
    if u == "lpt_resp":
        g.append(("sup:resp:%d" if sup else "resp:%d") % k)
    elif u == "lpt_nbh":
        g.append("nbh:%d" % k)
    elif u == "pcso":
        g.append("pcso:%d" % k)
    elif u == "specials":
        g.append("spc:%d" % k)
    elif u == "cmu":
        g.append("cmu:sup" if sup else ("cmu_screen" if "Screening" in s.team else "cmu"))
    elif u in ("rpu", "arv", "mash", "vcu", "fib", "records", "iom"):
        g.append(u + (":sup" if sup else ""))
    elif u == "fcr_ch":
        g.append("fcr_sup" if sup else "fcr_ch")
    elif u == "fcr_disp":
        g.append("fcr_disp")
    elif u == "custody":
        g.append("cust:" + s.station)
    elif u == "ppiu":
        g.append(("ppiu_sup:" if sup else "ppiu:") + ("rasso" if "RASSO" in s.team else "da"))
    return g


class OnDuty:
    """Who is working when: group -> local day -> [(start, end, staff)]."""

    def __init__(self, clock, staff):
        self.clock = clock
        self.idx = {}
        for s in staff:
            gs = groups_of(s)
            for sh in s.shifts:
                if not sh.worked or sh.kind not in ("duty", "overtime"):
                    continue
                for g in gs:
                    self.idx.setdefault(g, {}).setdefault(sh.day, []).append((sh.start, sh.end, s))

    def at(self, group, t):
        days = self.idx.get(group)
        if not days:
            return []
        d = self.clock.local_day(t)
        out = [x[2] for x in days.get(d, ()) if x[0] <= t < x[1]]
        out.extend(x[2] for x in days.get(d - 1, ()) if x[0] <= t < x[1])
        return out

    def day(self, group, d):
        days = self.idx.get(group)
        return [x[2] for x in days.get(d, ())] if days else []

    def members(self, group):
        seen, out = set(), []
        for d in sorted(self.idx.get(group, {})):
            for x in self.idx[group][d]:
                if x[2].i not in seen:
                    seen.add(x[2].i)
                    out.append(x[2])
        return out
