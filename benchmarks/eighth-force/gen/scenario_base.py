"""What every cast scenario (offender or look-alike) shares: casting, story start, convenient times."""
from .util import DAY, local_time
from .population import new_household, given_for


class Scenario:
    name = "?"
    kind = "misconduct"
    units = ()
    sup = False

    def __init__(self, ctx, tag, variant, r):
        self.ctx = ctx
        self.sim = ctx.sim
        self.tag = tag
        self.variant = variant
        self.r = r
        self.actor = None
        self.start = None
        self.n = 0

    # casting: someone in one of the units, in service throughout, not moving, not already cast
    def cast(self, units=None, sup=None, need=None):
        sim, r = self.sim, self.r
        units = units or self.units
        sup = self.sup if sup is None else sup
        cands = [s for s in sim.staff if s.segs[0][1] in units and len(s.segs) == 1 and s.cast is None
                 and s.leave_date is None and s.hire_date < -sim.warm and bool(s.sup) == sup
                 and (need is None or need(s))]
        if not cands:
            cands = [s for s in sim.staff if s.segs[0][1] in units and len(s.segs) == 1 and s.cast is None
                     and s.leave_date is None and s.hire_date < -sim.warm]
        if not cands:
            return False
        s = cands[r.randrange(len(cands))]
        s.cast = (self.name, self.tag)
        self.actor = s.idx
        days = sim.days
        self.start = r.randrange(max(1, days // 10), max(days // 10 + 2, days // 3 - 3))
        return True

    def setup(self):
        return self.cast()

    def day(self, d):
        pass

    # ---- helpers -------------------------------------------------------------------------------------------
    def ev(self, ts, *a, **k):
        self.n += 1
        if ts % 60 == 0:
            ts += self.r.randrange(1, 60)       # clocks record seconds
        self.sim.ev(ts, *a, tag=self.tag, **k)

    def window(self, d, sidx=None):
        s = self.sim.staff[self.actor if sidx is None else sidx]
        wi = s.wday.get(d)
        return s.windows[wi] if wi is not None else None

    def on_shift(self, d, lo=0.1, hi=0.9):
        w = self.window(d)
        if w is None:
            return None
        a, b, k = w
        return a + int((b - a) * (lo + (hi - lo) * self.r.random()))

    def off_duty(self, d, h0=18.5, h1=23.5):
        """A local evening time on day d when the actor is not working (or None)."""
        sim = self.sim
        day0 = sim.t0 + d * DAY
        t = local_time(day0, int(h0 * 60) + self.r.randrange(int((h1 - h0) * 60)))
        if t < day0 or sim.working(self.actor, t) is not None:
            return None
        return t

    def day0(self, d):
        return self.sim.t0 + d * DAY

    def woman(self, area, amin, amax, markers=0, kind="single"):
        """A new woman on the records in an area (with her own household)."""
        P, r = self.sim.P, self.r
        mem = new_household(P, r, area, kind=kind)
        i = mem[0]
        P.sex[i] = "f"
        P.given[i] = given_for(r, "f")
        P.by[i] = 2025 - r.randrange(amin, amax + 1)
        P.mk[i] |= markers
        return i

    def relative(self, i, sex="f", amin=18, amax=60, same_address=False):
        """A relative of person i in another household (same family name), or at the same address."""
        P, r = self.sim.P, self.r
        area = P.area[i]
        mem = new_household(P, r, area if area >= 0 else self.ctx.areas[0], kind="single",
                            pc=P.pc[i] if same_address else None)
        j = mem[0]
        P.fam[j] = P.fam[i]
        P.sex[j] = sex
        P.given[j] = given_for(r, sex)
        P.by[j] = 2025 - r.randrange(amin, amax + 1)
        return j


class Ctx:
    def __init__(self, sim, inc, routine, areas):
        self.sim = sim
        self.inc = inc
        self.rt = routine
        self.areas = areas
        self.declared = []     # (sidx, person, relation, day)
