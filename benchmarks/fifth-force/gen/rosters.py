"""Work patterns: the shifts people actually work, and the incomplete roster the force exports."""
from . import clock
from .clock import local, DAY, HOUR
from .rng import stream

MODE = {"resp": "field", "nbh": "field", "nbh_day": "field", "special": "field", "office": "office",
        "cc": "console", "hybrid": "office", "counter": "office"}


def _planned(s, d, r):
    """Planned shifts on day d as (start_hours, length_hours, kind)."""
    p, wd = s.pattern, d % 7
    if p == "resp":                     # 2 earlies, 2 lates, 2 nights, 4 rest days
        c = (d + (s.crew % 5) * 2) % 10
        return [(7, 10, "duty"), (7, 10, "duty"), (14, 10, "duty"), (14, 10, "duty"),
                (22, 9, "duty"), (22, 9, "duty")][c:c + 1] if c < 6 else []
    if p in ("nbh", "nbh_day"):
        if (d + s.crew) % 7 in (5, 6):
            return []
        early = ((d // 7) + s.crew) % 2 == 0
        if p == "nbh":
            return [(8, 8, "duty")] if early else [(14, 8.5, "duty")]
        return [(8, 8, "duty")] if early else [(12, 8, "duty")]
    if p == "cc":                       # 2 days, 2 nights, 4 off (12 hours)
        c = (d + (s.crew % 4) * 2) % 8
        return [(7, 12, "duty"), (7, 12, "duty"), (19, 12, "duty"), (19, 12, "duty")][c:c + 1] if c < 4 else []
    if p == "special":
        if (wd == 4 and r.random() < 0.55) or (wd == 5 and r.random() < 0.45) or r.random() < 0.04:
            return [(18, 8, "duty")]
        return []
    if wd >= 5:
        return []
    if p == "office":
        return [(7.5 + (s.crew % 5) * 0.5, 8.5, "duty")]
    if p == "hybrid":
        return [(7 + (s.crew % 7) * 0.5, 7.5, "duty")]
    return [(8, 8, "duty")]            # counter


def build(w):
    r = stream(w.seed, "rosters")
    days = w.days
    for s in w.staff:
        first = max(0, clock.day_of(s.start))
        last = days if s.end is None else min(days, clock.day_of(s.end))
        leave = set()
        for _ in range(max(1, round(2 * days / 120))):
            a = r.randrange(days)
            leave.update(range(a, a + r.randint(4, 9)))
        mode = MODE[s.pattern]
        oncall = s.role in ("detective", "safeguarding_officer") or (s.role == "supervisor" and s.unit == "cid")
        for d in range(first, last):
            plan = _planned(s, d, r)
            if d in leave:
                continue
            for h, length, kind in plan:
                if r.random() < 0.035:
                    kind = "training"
                    h, length = 9, 7.5
                start = local(d, h)
                end = start + int(length * HOUR)
                if s.pattern == "hybrid":
                    jitter = r.randint(-45, 45) * 60
                    shown = (local(d, 9), local(d, 17))
                    start += jitter
                    end = start + int((length + r.uniform(-0.5, 1.0)) * HOUR)
                    m = "home" if r.random() < 0.5 else "office"
                else:
                    shown = (start, end)
                    m = mode
                sick = r.random() < 0.02
                listed = r.random() < (0.5 if s.pattern == "special" else 0.94)
                if listed:
                    w.rosters.append((s.sid, shown[0], shown[1], kind))
                if not sick:
                    s.shifts.append((start, end, kind, m))
                    if s.pattern == "hybrid" and r.random() < 0.06:
                        es = local(d, 19.5 + r.random())
                        s.shifts.append((es, es + r.randint(40, 100) * 60, "duty", "home"))
            if not plan and s.pattern in ("resp", "cc", "nbh") and r.random() < 0.045:
                h = r.choice([7, 10, 14, 18, 22])
                start = local(d, h)
                end = start + r.randint(6, 10) * HOUR
                if r.random() < 0.3:
                    w.rosters.append((s.sid, start, end, "overtime"))
                s.shifts.append((start, end, "overtime", mode))
            if oncall and ((d // 7) + s.crew) % 9 == 0:
                start, end = local(d, 17), local(d + 1, 8)
                if r.random() < 0.6:
                    w.rosters.append((s.sid, start, end, "on_call"))
                if r.random() < 0.3:
                    cs = start + r.randint(4, 11) * HOUR
                    s.shifts.append((cs, cs + r.randint(2, 5) * HOUR, "on_call", "callout"))
        s.shifts.sort()
    w.rosters.sort(key=lambda x: (x[1], x[0]))


def build_duty_index(w):
    """pool -> hour index -> staff on a worked shift that hour."""
    duty = {}
    for s in w.staff:
        pools = []
        if s.role == "response_officer" or (s.role == "special_constable" and s.unit == "response"):
            pools.append(("resp", s.group))
        if s.role in ("neighbourhood_officer", "pcso") or (s.role == "special_constable" and s.unit == "nbh"):
            pools.append(("nbh", s.team))
        if s.role == "special_constable" and s.unit == "nbh":
            pools.append(("resp", s.group))
        if s.role == "call_handler":
            pools.append(("ch",))
        if s.role == "custody_officer":
            pools.append(("cust", s.station))
        if s.role == "supervisor" and s.unit in ("response", "nbh"):
            pools.append(("sup", s.group))
        if not pools:
            continue
        for start, end, kind, mode in s.shifts:
            if kind == "training":
                continue
            for h in range((start - clock.START) // HOUR, (end - clock.START) // HOUR):
                for p in pools:
                    duty.setdefault(p, {}).setdefault(h, []).append(s.sid)
    w.duty = duty


def on_duty(w, pool, t):
    return w.duty.get(pool, {}).get((t - clock.START) // HOUR, ())
