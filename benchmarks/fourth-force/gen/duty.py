"""Who was actually at work, hour by hour, in each pool (used to staff incidents with people on duty)."""
import bisect

from . import clock


def pool_keys(s):
    a, st = s.arche, s.station
    if a == "response":
        return [f"resp:{st}"]
    if a == "port":
        return ["port"]
    if a in ("neighbourhood", "pcso", "student_liaison"):
        return [f"neigh:{st}"]
    if a == "special":
        return [f"special:{st}"]
    if a == "call_handler":
        return ["ch"]
    if a == "dispatcher":
        return ["disp"]
    if a == "cid":
        return [f"det:{st}"]
    if a == "public_protection":
        return ["pp"]
    if a == "safeguarding":
        return [f"safe:{st}"]
    if a == "custody":
        return [f"custody:{st}", f"cso:{st}"]
    if a == "detention":
        return [f"custody:{st}"]
    if a == "sergeant":
        if s.pattern == "custody":
            return [f"custody:{st}", f"sgt:custody:{st}", f"cso:{st}"]
        if s.pattern == "control":
            return ["sgt:control"]
        if s.pattern == "port":
            return ["sgt:port"]
        return [f"sgt:{st}"]
    if a == "analyst":
        return ["analyst"]
    if a == "missing_coord":
        return ["missing"]
    return [f"other:{a}"]


class Duty:
    def __init__(self, staff, period):
        self.t0 = period.t0
        self.hours = {}
        self.members = {}
        self.starts = {}
        for s in staff:
            keys = pool_keys(s)
            for k in keys:
                self.members.setdefault(k, []).append(s.idx)
            self.starts[s.idx] = [p[0] for p in s.periods]
            for a, b, kind, place in s.periods:
                if kind in ("on_call", "extra") or place == "home":
                    continue
                for h in range(max(0, (a - self.t0) // 3600), (b - self.t0) // 3600 + 1):
                    for k in keys:
                        self.hours.setdefault(k, {}).setdefault(h, []).append(s.idx)
        self.staff = staff

    def on(self, key, t, rng, spread=2):
        """Someone in the pool at work at t (nearest hour within spread), or None."""
        table = self.hours.get(key)
        if not table:
            return None
        h = (t - self.t0) // 3600
        for dh in (0, 1, -1, 2, -2, 3)[: 2 * spread]:
            lst = table.get(h + dh)
            if lst:
                return rng.choice(lst)
        return None

    def anyone(self, key, rng, t=None):
        """Any member of the pool (in post at t, when given)."""
        lst = self.members.get(key)
        if not lst:
            return None
        for _ in range(8):
            i = rng.choice(lst)
            s = self.staff[i]
            if t is None or (s.start <= t and (s.end is None or s.end > t + 14 * clock.DAY)):
                return i
        return None

    def next_start(self, idx, t):
        """Start of the member's first worked period from t (they pick the job up then)."""
        starts = self.starts[idx]
        i = bisect.bisect_left(starts, t)
        if i < len(starts):
            return starts[i]
        return t + clock.DAY
