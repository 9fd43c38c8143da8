"""A person's working context: their shifts, on- and off-duty times and the devices they would use."""
import bisect
from . import clock
from .rng import stream

PATROL = {"response", "response_sgt", "transport", "nte", "mh_triage", "specials"}
STREET = {"neighbourhood", "pcso", "licensing"}
CONTROL = {"call", "dispatch", "control_sup"}
DESK_OFFICER = {"cid", "cid_sgt", "sou", "hcu", "omu", "review", "cet", "dasu", "mash", "ccu"}


class Ctx:
    def __init__(self, env, s, stage="work"):
        self.env = env
        self.s = s
        self.idx = s.idx
        self.rng = stream(env.seed, stage, s.sid)
        self.shifts = env.worked[s.idx]
        self.starts = [a for a, _b, _k in self.shifts]
        self.add = env.log.add
        self._dev = {}

    # ----- time
    def shift_at(self, t, slack=0):
        i = bisect.bisect_right(self.starts, t + slack) - 1
        if i >= 0 and self.shifts[i][1] + slack > t:
            return i
        return None

    def shifts_between(self, t0, t1):
        lo = bisect.bisect_left(self.starts, t0 - 16 * clock.HOUR)
        out = []
        for i in range(lo, len(self.shifts)):
            a, b, _k = self.shifts[i]
            if a >= t1:
                break
            if b > t0:
                out.append(i)
        return out

    def t_in(self, i, lo=None, hi=None):
        a, b, _k = self.shifts[i]
        if lo is not None and lo > a:
            a = lo
        if hi is not None and hi < b:
            b = hi
        if b <= a:
            return a
        return self.rng.randint(a, b - 1)

    def off_duty_time(self, d, h0=18.0, h1=23.5):
        """A time on day d, local h0..h1, when not on a worked shift (None if there is none)."""
        for _ in range(4):
            t = clock.local(d, self.rng.uniform(h0, h1))
            if self.shift_at(t, 1800) is None:
                return t
        return None

    # ----- devices
    def dev(self, t, i=None, off=False):
        s, r = self.s, self.rng.random()
        if off or i is None:
            if s.laptop and r < 0.8:
                return s.laptop
            if s.handheld and r < 0.9:
                return s.handheld
            return s.pcs[0]
        u = s.unit
        if u in CONTROL:
            d = self._dev.get(i)
            if d is None:
                d = self._dev[i] = "CC-POS-%02d" % self.rng.randint(1, 64)
            return d
        if u == "custody":
            d = self._dev.get(i)
            if d is None:
                code = {"Dockside": "DKS", "Kingsholt": "KNG", "Lantern Hill": "LNH"}[s.suite]
                d = self._dev[i] = "CUS-%s-%02d" % (code, self.rng.randint(1, 9))
            return d
        if u in PATROL:
            if r < 0.5 and s.vehicles:
                d = self._dev.get(i)
                if d is None:
                    d = self._dev[i] = self.rng.choice(s.vehicles)
                return d
            if r < 0.75 and s.handheld:
                return s.handheld
            return self.rng.choice(s.pcs)
        if u in STREET:
            if r < 0.4 and s.handheld:
                return s.handheld
            if r < 0.48 and s.vehicles:
                return s.vehicles[0]
            return self.rng.choice(s.pcs)
        if u in DESK_OFFICER:
            if r < 0.12 and s.laptop:
                return s.laptop
            if r < 0.2 and s.handheld:
                return s.handheld
            return self.rng.choice(s.pcs)
        if r < 0.08 and s.laptop:
            return s.laptop
        return self.rng.choice(s.pcs)
