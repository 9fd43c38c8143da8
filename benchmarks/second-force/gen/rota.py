"""Shift systems and rosters. Rosters are written from plans; the work actually done differs from them
(missing shifts, unrecorded overtime, overruns, sickness)."""
from .clock import DAY, local_to_utc, weekday

# 10-hour shifts on a 5-week rota for response: Early, Late, Night, Day (power) shift
RESP35 = "EEEEE--LLLL---NNNN---DDDDD--LLL----"
RESP_TIMES = {"E": (7 * 60, 17 * 60), "L": (15 * 60, 25 * 60), "N": (22 * 60, 32 * 60), "D": (10 * 60, 20 * 60)}
# 12-hour 4-on 4-off for control room and custody
CTRL8 = "DDNN----"
CTRL_TIMES = {"D": (7 * 60, 19 * 60), "N": (19 * 60, 31 * 60)}


def _plan(rng, s, day, d0):
    """Planned (start_min, end_min) in local minutes for staff s on day index day, or None."""
    wd = weekday(d0)
    role, team = s.role, s.team
    if role == "response_officer" or (role == "supervisor" and team.startswith("Response")):
        c = RESP35[(day + 7 * s.group) % 35]
        return RESP_TIMES.get(c)
    if role in ("call_handler", "dispatcher", "custody_officer") or (
            role == "supervisor" and (team.startswith("Control") or team.startswith("Custody"))):
        c = CTRL8[(day + 2 * s.group) % 8]
        return CTRL_TIMES.get(c)
    if role in ("neighbourhood_officer", "pcso") or (role == "supervisor" and team.startswith("NPT")):
        if (day + s.pattern) % 7 in (5, 6):
            return None
        return (8 * 60, 16 * 60) if (day // 7 + s.pattern) % 2 == 0 else (14 * 60, 22 * 60)
    if role == "special_constable":
        if s.nte:
            return (19 * 60, 27 * 60) if wd in (4, 5) and rng.random() < 0.45 else None
        return (18 * 60, 26 * 60) if rng.random() < 0.17 else None
    if role == "police_staff" and team == "Front Counter":
        if (day + s.pattern) % 7 in (5, 6):
            return None
        return (8 * 60, 16 * 60) if (day // 7 + s.pattern) % 2 == 0 else (12 * 60, 20 * 60)
    if wd >= 5:
        return None
    st = 8 * 60 + 30 * (s.pattern % 3)
    return (st, st + (9 * 60 if role == "detective" else 8 * 60))


def build(rng, staff, t0, days):
    """Returns (roster rows, worked shifts by staff id, on-call windows by staff id)."""
    roster, worked, oncall = [], {}, {}
    for s in staff:
        s.pattern = rng.randrange(7)
        miss = 0.25 if s.role == "special_constable" else 0.04
        leave = set()
        for _ in range(rng.randint(1, 3)):
            a = rng.randrange(days)
            leave.update(range(a, a + rng.randint(2, 7)))
        w, oc = [], []
        train_day = rng.randrange(35)
        ot_rate = 0.0 if s.role in ("police_staff", "ccu_officer", "intelligence_analyst") else 0.12
        oncall_week = rng.randrange(8) if s.role == "detective" else None
        for day in range(days):
            d0 = t0 + day * DAY
            end_bound = s.end if s.end else t0 + days * DAY + DAY
            if d0 < s.start or d0 >= end_bound:
                continue
            plan = _plan(rng, s, day, d0)
            if day in leave:
                continue
            if plan:
                kind = "duty"
                if s.role in ("response_officer", "neighbourhood_officer", "detective", "custody_officer",
                              "safeguarding_officer", "supervisor") and day % 35 == train_day:
                    kind, plan = "training", (8 * 60, 16 * 60)
                a, b = local_to_utc(d0, plan[0]), local_to_utc(d0, plan[1])
                if rng.random() < 0.025:      # sick: rostered, not worked
                    roster.append((s.sid, a, b, kind))
                    continue
                if rng.random() >= miss:
                    roster.append((s.sid, a, b, kind))
                over = rng.choice([0, 0, 0, 1800, 3600, 7200]) if kind == "duty" else 0
                w.append((a, b + over, kind))
            elif rng.random() < ot_rate / 7 * 3:
                st = rng.choice([8 * 60, 10 * 60, 18 * 60, 20 * 60])
                a, b = local_to_utc(d0, st), local_to_utc(d0, st + rng.choice([6, 8, 10]) * 60)
                if rng.random() < 0.5:
                    roster.append((s.sid, a, b, "overtime"))
                w.append((a, b, "overtime"))
            if oncall_week is not None and (day // 7) % 8 == oncall_week:
                a, b = local_to_utc(d0, 17 * 60), local_to_utc(d0, 32 * 60)
                roster.append((s.sid, a, b, "on_call"))
                oc.append((a, b))
        worked[s.sid] = w
        oncall[s.sid] = oc
    return roster, worked, oncall


def on_duty(shifts, t):
    for a, b, _k in shifts:
        if a <= t < b:
            return True
    return False
