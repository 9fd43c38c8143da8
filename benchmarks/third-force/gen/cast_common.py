"""Shared helpers for the cast: choosing who plays a part and when they could plausibly act."""
from . import clock
from .context import Ctx
from .rng import stream
from .rosters import who

H = clock.HOUR


class Part:
    """One cast member: a scenario played by a member of staff."""

    def __init__(self, env, scenario, kind, s, tag):
        self.scenario, self.kind, self.s, self.tag = scenario, kind, s, tag
        self.rng = stream(env.seed, "cast", scenario, s.sid)
        self.ctx = None
        self.note = ""

    def context(self, env):
        if self.ctx is None:
            self.ctx = Ctx(env, self.s, stage="cast-" + self.scenario)
        return self.ctx

    def emit(self, system, t, action, etype, entity, fields, ws, reason=""):
        self.ctx.add(system, t, self.s.idx, action, etype, entity, fields, ws, reason, self.tag)


def pick_staff(env, rng, units, used, roles=None):
    """A member of one of `units` (or else of `roles`) employed all period, not already cast."""
    def ok(s):
        return (s.idx not in used and s.start < clock.START and s.end is None and len(env.worked[s.idx]) >= 12)
    cands = [s for s in env.staff if s.unit in units and ok(s)]
    if not cands and roles:
        cands = [s for s in env.staff if s.role in roles and ok(s)]
    if not cands:
        cands = [s for s in env.staff if ok(s)]
    s = rng.choice(cands)
    used.add(s.idx)
    return s


def duty_times(ctx, t0, t1, k, night=False):
    """k times inside worked shifts between t0 and t1 (night: local 20:00-05:00 only when possible)."""
    rng = ctx.rng
    shifts = ctx.shifts_between(t0, t1)
    out = []
    if not shifts:
        return out
    for _ in range(k * 6):
        i = rng.choice(shifts)
        t = ctx.t_in(i, t0, t1)
        if night:
            h = clock.local_hour(t)
            if 5 <= h < 20:
                continue
        out.append((t, i))
        if len(out) >= k:
            break
    return sorted(out)


def off_times(ctx, d0, d1, k, h0=19.0, h1=23.5):
    """k off-duty times on days d0..d1 between local h0 and h1."""
    rng = ctx.rng
    out = []
    for _ in range(k * 6):
        d = rng.randint(d0, max(d0, d1))
        t = ctx.off_duty_time(d, h0, h1)
        if t is not None:
            out.append(t)
            if len(out) >= k:
                break
    return sorted(out)


def shift_on_day(ctx, d, night=None, kinds=("duty", "overtime")):
    """A worked shift starting on day d (optionally a night shift), or None."""
    lo, hi = clock.local(d, 0), clock.local(d, 24)
    for i in ctx.shifts_between(lo, hi):
        a = ctx.shifts[i][0]
        if lo <= a < hi and ctx.shifts[i][2] in kinds:
            if night is None or (clock.local_hour(a) >= 14) == night:
                return i
    return None


def first_shift_from(ctx, d, night=None, limit=30, kinds=("duty", "overtime")):
    for dd in range(d, d + limit):
        i = shift_on_day(ctx, dd, night, kinds)
        if i is not None:
            return i
    return None


def person_like(env, rng, sex, a0, a1, borough=None, avoid=()):
    P = env.P
    for _ in range(2000):
        band = "young" if a0 <= 30 else "adult"
        lst = P.pools[("demo", band, sex, borough or "*")] if rng.random() < 0.8 else P.pools[("demo", "adult", sex, "*")]
        p = rng.choice(lst)
        if a0 <= P.age(p) <= a1 and P.birth[p] and p not in avoid and p not in env.cast_people:
            env.cast_people.add(p)
            return p
    p = rng.choice(P.pools[("demo", "young", sex, "*")])
    env.cast_people.add(p)
    return p


def on_duty(env, unit, where, t, rng):
    return who(env.duty, unit, where, t, rng)
