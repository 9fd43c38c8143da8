"""Helpers shared by the offender and look-alike stages: choosing staff and people, spacing events over time."""
from .clock import DAY, HOUR, local_clock, PERIOD_START


class Cast:
    def __init__(self, world, occs, rng):
        self.w, self.o, self.r = world, occs, rng
        self.cast = []

    def staff(self, pred, sex=None):
        w = self.w
        c = [s for s in w.staff if pred(s) and s.start <= w.start and s.end is None and s.i not in self.cast
             and len(w.work(s)) >= 8 and (sex is None or s.sex == sex)]
        if not c and sex is not None:
            return self.staff(pred)
        if not c:
            c = [s for s in w.staff if s.unit == "response" and s.start <= w.start and s.end is None and s.i not in self.cast]
        s = c[self.r.randrange(len(c))]
        self.cast.append(s.i)
        return s

    def tag(self, s, name, kind):
        self.w.tags.append((s.i, name, kind))
        return len(self.w.tags)

    def start_time(self):
        w = self.w
        return w.start + int((w.end - w.start) * self.r.uniform(.11, .28))

    def count(self, s, lo=.02, hi=.08, floor=6):
        base = max(s.events, 40)
        share = self.r.uniform(lo, hi)
        return max(floor, round(share * base / (1 - share)))

    def times(self, s, t0, n, off_share=.3, t1=None, anchor=True):
        """n times from t0 to t1: a share at home in the evening or on a rest day, the rest inside shifts."""
        w, r = self.w, self.r
        t1 = t1 or w.end - HOUR
        out = []
        tries = 0
        while len(out) < n and tries < n * 20:
            tries += 1
            t = t0 + int((t1 - t0) * r.random())
            if r.random() < off_share:
                d = (t - PERIOD_START) // DAY
                t = local_clock(d, r.choice((7, 18, 19, 20, 21, 22, 23)), r.randrange(60))
                if t < t0 or t >= t1:
                    continue
            else:
                t = w.at_work(r, s, t)
                if t is None or t >= t1:
                    continue
            out.append(t + r.randrange(600))
        out.sort()
        if out and anchor and t0 >= w.start:
            first = w.at_work(r, s, t0) if off_share < .5 else None
            if first is None or first - t0 >= 3 * DAY:
                d = (t0 - PERIOD_START) // DAY
                first = local_clock(d, r.choice((19, 20, 21)), r.randrange(60))
                if first < t0:
                    first += DAY
            if first < out[0]:
                out[0] = first
        return out

    def thin_times(self, s, t0, per_week, off_share=.2):
        weeks = max(1, (self.w.end - t0) // (7 * DAY))
        n = 0
        out = []
        for k in range(weeks):
            m = self.r.choice(per_week)
            out.extend(self.times(s, t0 + k * 7 * DAY, max(m, 1 if k == 0 else 0), off_share, min(self.w.end - HOUR, t0 + (k + 1) * 7 * DAY), anchor=(k == 0)))
        return sorted(out)

    def person(self, codes, pred):
        return self.w.pop.pick_in(self.r, codes, pred, tries=400)

    def linked(self, p, rels=None):
        return [self.w.pop.people[j] for j, rel in p.links if rels is None or rel in rels]

    def occ(self, cat, t, area, closed=None):
        o = self.w.new_occ(self.o.oid(t), cat, t, closed, area.station if area.kind == "village" else area.hub, area.hub, area)
        self.o.open_by_hub.setdefault(area.hub, []).append(o.i)
        return o

    def cap(self, s, times):
        """Keep misuse below a tenth of the member of staff's events."""
        lim = max(4, int(s.events * .085))
        if len(times) > lim:
            step = len(times) / lim
            times = [times[int(k * step)] for k in range(lim)]
        return times
