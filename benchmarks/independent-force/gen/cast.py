"""Helpers for casting staff in scenarios: choosing staff, planting occurrences and people, and picking
times on and off duty."""
from . import clock, names
from .occurrences import _assign, add_person, custody, pick as pick_on_duty
from .people import new_person
from .world import Occurrence

DAY, HOUR, MIN = clock.DAY, clock.HOUR, clock.MIN
STATIONS = [s[0] for s in names.STATIONS]


def choose(W, role, pred=None):
    rng = W.rng
    c = [s for s in W.staff if s.role == role and s.cast is None and s.end is None and s.start < W.t0 - 300 * DAY
         and len(s.shifts) > 20 and (pred is None or pred(s))]
    st = c[rng.randrange(len(c))]
    st.cast = set()
    return st


def area_of(W, st):
    if st.area is not None:
        return st.area
    return st.home_area if st.home_area is not None else W.rng.randrange(len(STATIONS))


def duty_time(W, st, d1, d2, lo=1, hi=6):
    """A time lo..hi hours into one of st's worked duty shifts that start between day d1 and d2 (a week later at a
    time while st works no such shift then: leave, a run of rest days)."""
    rng = W.rng
    while True:
        shs = [x for x in st.shifts_in(W.t0 + d1 * DAY, W.t0 + d2 * DAY)
               if x[2] == "duty" and x[1] - x[0] >= (hi + 1) * HOUR and x[0] >= W.t0 + d1 * DAY]
        if shs or d2 >= W.days:
            break
        d2 += 7
    if not shs:
        raise SystemExit(f"{st.sid} works no duty shift of {hi + 1} hours from day {d1}: try another seed")
    s, e, _ = shs[rng.randrange(len(shs))]
    return s + rng.randrange(lo * HOUR, hi * HOUR)


def on_shift_times(W, st, a, b, per_week, kinds=("duty", "overtime")):
    """Times inside worked shifts between a and b, about per_week a week, the first within ten days of a."""
    rng = W.rng
    shs = [x for x in st.shifts_in(a, b) if x[2] in kinds and x[0] >= a]
    if not shs:
        return []
    n = min(len(shs), max(1, int(round(per_week * (b - a) / (7 * DAY) * rng.uniform(.85, 1.15)))))
    early = [x for x in shs if x[0] < a + 10 * DAY]
    chosen = set(rng.sample(range(len(shs)), n))
    if early and not any(shs[i][0] < a + 10 * DAY for i in chosen):
        chosen.add(rng.randrange(len(early)))
    out = []
    for i in sorted(chosen):
        s, e, _ = shs[i]
        out.append(s + rng.randrange(20 * MIN, max(21 * MIN, e - s - 20 * MIN)))
    return out


def off_duty_nights(W, st, a, b, n):
    """n times late at night (local 22:30-03:30) when st has no shift within two hours."""
    rng = W.rng
    days = list(range((a - W.t0) // DAY, (b - W.t0) // DAY))
    rng.shuffle(days)
    out = []
    for d in days:
        t = clock.local_midnight(W.t0, d) + int(rng.uniform(22.5, 27.5) * HOUR)
        if t < a or t >= b:
            continue
        if st.shift_at(t, slack=2 * HOUR) is None and st.shift_at(t - 2 * HOUR) is None:
            out.append(int(t))
            if len(out) >= n:
                break
    return sorted(out)


def plant_occurrence(W, cat, t, station, closed=None):
    o = Occurrence(None, cat, int(t), closed, station)
    W.occs.append(o)
    W.cast_occs.append(o)
    return o


def person(W, area, sex, lo, hi, markers=(), family=None):
    p = new_person(W, area, sex, lo, hi, family)
    p.markers.update(markers)
    W.cast_persons.append(p)
    return p


def family_of(W, p, area, partner=True, mother=True, child=False):
    """Give a planted person a few relatives on the records."""
    out = []
    if partner:
        q = person(W, area, "male" if p.sex == "female" else "female", 22, 45)
        q.pc = p.pc
        W.link(p, q, "partner")
        out.append(q)
    if mother:
        m = person(W, area, "female", 45, 70, family=p.family)
        W.link(p, m, "parent")
        out.append(m)
    if child:
        c = person(W, area, "female" if W.rng.random() < .5 else "male", 3, 12, ("child",), family=p.family)
        c.pc = p.pc
        W.link(c, p, "parent")
        out.append(c)
    return out


def standard_staffing(W, o, exclude=()):
    """Call handler and a supervisor for a planted occurrence (others are set by the scenario)."""
    rng = W.rng
    ch = pick_on_duty(W, "ch", names.HQ[0], o.opened, exclude)
    _assign(o, ch, "call_handler", o.opened, o.opened + rng.randrange(5, 20) * MIN)
    return ch


__all__ = ["choose", "duty_time", "on_shift_times", "off_duty_nights", "plant_occurrence", "person", "family_of",
           "standard_staffing", "add_person", "_assign", "custody", "pick_on_duty", "area_of"]
