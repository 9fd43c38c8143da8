"""Rosters as written (rostered shifts, some missing) and the periods actually worked (leave, overruns,
unrecorded overtime, on-call call-outs, hybrid days from home, short unrostered catch-ups)."""
from . import clock
from .rng import stream

H = clock.HOUR
FRONTLINE = ("resp", "port", "neigh", "special", "custody", "control")


def planned(s, period, rng):
    """The shifts the pattern plans: (start, end, kind)."""
    out = []
    habit_start = s.habit.setdefault("flexi", 7.0 + rng.random() * 2.5)
    s.habit.setdefault("home_days", rng.sample(range(5), 2) if s.hybrid else [])
    for d in range(period.days):
        wd = period.weekday(d)
        t_day = period.day_start(d)
        summer = clock.is_summer(t_day)
        p = s.pattern
        if p == "resp":
            c = (d + s.team_no * 2) % 10
            if c in (0, 1):
                if summer and s.station in ("Fenmouth", "Pentowan") and s.role == "response_officer":
                    out.append((period.local_time(d, 8), period.local_time(d, 12), "duty"))
                    out.append((period.local_time(d, 18), period.local_time(d, 24), "duty"))
                else:
                    out.append((period.local_time(d, 7), period.local_time(d, 17), "duty"))
            elif c in (2, 3, 4):
                out.append((period.local_time(d, 22), period.local_time(d, 31), "duty"))
        elif p in ("port", "control", "custody"):
            c = (d + s.team_no * 2) % 8
            base = 6 if p == "port" else 7
            if c in (0, 1):
                out.append((period.local_time(d, base), period.local_time(d, base + 12), "duty"))
            elif c in (2, 3):
                out.append((period.local_time(d, base + 12), period.local_time(d, base + 24), "duty"))
        elif p == "neigh":
            week = d // 7
            rest = ((s.team_no * 2 + week) % 7, (s.team_no * 2 + week + 1) % 7)
            if wd in rest:
                continue
            late = (week + s.team_no) % 2 == 1
            if late:
                st = 16 if summer and s.station in ("Fenmouth", "Carrow") else 15
                out.append((period.local_time(d, st), period.local_time(d, st + 8), "duty"))
            else:
                out.append((period.local_time(d, 8), period.local_time(d, 16), "duty"))
        elif p == "special":
            if wd == 0:
                k = rng.choice([0, 1, 1, 2] + ([2, 3] if summer else []))
                for day in sorted(rng.sample([4, 5, 6], min(k, 3))):
                    dd = d + day
                    if dd >= period.days:
                        continue
                    if day in (4, 5) and rng.random() < 0.75:
                        out.append((period.local_time(dd, 19), period.local_time(dd, 27), "duty"))
                    else:
                        out.append((period.local_time(dd, 10), period.local_time(dd, 18), "duty"))
        elif p == "det":
            if wd < 5:
                st = 8 + (rng.random() - 0.5) * 0.5
                out.append((period.local_time(d, st), period.local_time(d, st + 8), "duty"))
            if (d // 7 + s.idx) % 8 == 0:
                if wd < 5:
                    out.append((period.local_time(d, 16), period.local_time(d, 32), "on_call"))
                else:
                    out.append((period.local_time(d, 8), period.local_time(d, 32), "on_call"))
        elif p == "counter":
            if wd != (s.team_no % 6) and wd != 6:
                out.append((period.local_time(d, 8), period.local_time(d, 16), "duty"))
        else:   # office hours with flexible time
            if wd < 5:
                st = habit_start + (rng.random() - 0.5) * 1.2
                out.append((period.local_time(d, st), period.local_time(d, st + 7.6 + rng.random() * 0.8), "duty"))
    return out


def build(staff, period, seed):
    rng = stream(seed, "rota")
    for s in staff:
        _one(s, period, rng)


def _one(s, period, rng):
    plan = planned(s, period, rng)
    lo = max(s.start, period.t0)
    hi = period.t1 if s.end is None else min(s.end, period.t1)
    plan = [x for x in plan if lo <= x[0] < hi]
    # leave blocks, more of them in summer
    leave = []
    for _ in range(rng.choice([0, 1, 1, 2]) + (1 if period.has_summer and rng.random() < 0.5 else 0)):
        a = period.t0 + rng.randrange(period.days) * clock.DAY
        if clock.is_summer(a) or rng.random() < 0.6:
            leave.append((a, a + rng.randint(3, 9) * clock.DAY))
    frontline = s.pattern in FRONTLINE
    office_no_roster = s.pattern == "office" and rng.random() < 0.18
    nominal = s.pattern == "office"
    worked, roster = [], []
    days_worked = set()
    for (a, b, kind) in plan:
        summer = clock.is_summer(a)
        on_leave = any(x <= a < y for x, y in leave)
        if kind == "on_call":
            roster.append((a, b, "on_call"))
            nights = int((b - a) // (16 * H))
            for _ in range(nights + 1):
                if rng.random() < 0.35:
                    c = a + rng.randint(1 * H, max(1 * H + 1, b - a - 2 * H))
                    worked.append((c, c + rng.randint(15, 110) * 60, "on_call", "home"))
            continue
        if on_leave:
            if rng.random() < 0.12:
                roster.append(_nominal(a, b, kind, nominal, period))
            continue
        if rng.random() < 0.03:          # sick: rostered, not worked
            roster.append(_nominal(a, b, kind, nominal, period))
            continue
        if rng.random() < 0.02 and s.pattern not in ("control", "custody"):
            t = period.day_start(period.day_of(a))
            ta, tb = t + 9 * H - clock.offset(t), t + 17 * H - clock.offset(t)
            roster.append((ta, tb, "training"))
            worked.append((ta, tb, "training", "work"))
            continue
        end = b
        if frontline and rng.random() < (0.35 if summer else 0.22):
            end = b + rng.randint(15, 150) * 60
        place = "work"
        if s.hybrid and period.weekday(period.day_of(a + clock.offset(a))) in s.habit["home_days"]:
            place = "home"
        elif s.pattern == "det" and s.lap and rng.random() < 0.12:
            place = "home"
        worked.append((a, end, kind, place))
        days_worked.add(period.day_of(a))
        missing = (0.5 if s.pattern == "special" else (0.11 if summer else 0.05))
        if not office_no_roster and rng.random() >= missing:
            roster.append(_nominal(a, b, kind, nominal, period))
    # unrostered overtime on rest days, heavy in summer for the front line
    for d in range(period.days):
        t = period.day_start(d)
        if not (lo <= t < hi) or d in days_worked:
            continue
        if any(x <= t < y for x, y in leave):
            continue
        summer = clock.is_summer(t)
        p_ot = 0.02 + (0.08 if frontline and summer else 0.0) + (0.03 if s.station in ("Fenmouth", "Saltreach Harbour")
                                                                   and summer else 0.0)
        if s.pattern in ("office", "counter") and s.arche not in ("records", "disclosure"):
            p_ot = 0.006
        if rng.random() < p_ot:
            st = rng.choice([8, 10, 14, 17, 18, 19])
            a, b = period.local_time(d, st), period.local_time(d, st + rng.choice([8, 9, 10]))
            worked.append((a, b, "overtime", "work"))
            if rng.random() < 0.35:
                roster.append((a, b, "overtime"))
        elif s.lap and s.pattern in ("det", "office") and rng.random() < 0.035:
            a = period.local_time(d, rng.choice([7, 18, 19, 20, 21]) + rng.random())
            worked.append((a, a + rng.randint(10, 50) * 60, "extra", "home"))
    worked.sort()
    roster.sort()
    s.periods = worked
    s.roster = roster


def _nominal(a, b, kind, nominal, period):
    """Office staff are rostered 09:00-17:00 whatever their flexible hours."""
    if not nominal:
        return (a, b, kind)
    d = period.day_of(a + clock.offset(a))
    return (period.local_time(d, 9), period.local_time(d, 17), kind)


def on_duty(s, t, slack=0):
    """Whether t falls in a worked period (what really happened, not the roster)."""
    for a, b, _, _ in s.periods:
        if a - slack <= t < b + slack:
            return True
        if a > t + slack:
            break
    return False
