"""Simulation state: occurrences, who was in them, assignments, duty lookups, devices and the event buckets."""
import bisect
from .util import DAY, MIN
from .organisation import ST_CODE, STATIONS
from .population import M

CATS = ("domestic_abuse", "sexual_offence", "stalking_harassment", "assault", "theft", "burglary",
        "criminal_damage", "public_order", "road_traffic", "missing_person", "concern_for_welfare", "mental_health",
        "drugs", "fraud", "antisocial_behaviour", "stop_check", "custody", "other")
C = {c: i for i, c in enumerate(CATS)}
OP_ROLES = ("victim", "witness", "suspect", "caller", "other")
R = {x: i for i, x in enumerate(OP_ROLES)}


class Sim:
    def __init__(self, seed, staff, people, t0, days, warm, n_staff):
        self.seed = seed
        self.staff = staff
        self.P = people
        self.t0 = t0
        self.days = days
        self.warm = warm
        self.n_staff = n_staff
        self.t_end = t0 + days * DAY
        self.buckets = [[] for _ in range(days)]
        self.flushed = 0
        self.dropped = 0
        # occurrences
        self.o_cat = []
        self.o_open = []
        self.o_close = []
        self.o_st = []
        self.o_ps = []
        self.o_dup = []
        self.recent = {i: [] for i in range(len(STATIONS))}   # station -> recent occurrence ids
        self.assign = []          # (occ, sidx, role, start, end_exported or None, end_true)
        self.caseload = [[] for _ in staff]     # sidx -> occ where officer in case / investigator
        self.victims_recent = []   # (time, occ, person) for victim-facing units
        self.custody_recent = {}   # suite station -> [(occ, person, release time)]
        self.vehicles = 0
        for s in staff:
            s.wstarts = [w[0] for w in s.windows]
        self.duty = {}
        self._hcache = {}
        self._build_duty()
        self._desk_n = {}
        for s in staff:
            for seg in s.segs:
                self._desk_n[seg[2]] = self._desk_n.get(seg[2], 0) + 1

    def release(self):
        """Drop the big structures once the bundle is written (before it is measured)."""
        self.P = None
        self.o_cat = self.o_open = self.o_close = self.o_st = self.o_ps = self.o_dup = None
        self.assign = self.caseload = self.recent = self.duty = None
        self.victims_recent = self.custody_recent = None
        for s in self.staff:
            s.windows = s.wstarts = s.wday = s.oncall = None

    # ---- duty lookups ------------------------------------------------------------------------------------
    def _build_duty(self):
        for s in self.staff:
            for d, wi in s.wday.items():
                seg = s.seg_at(d)
                a, b, k = s.windows[wi]
                key = (d, seg[1], seg[2])
                self.duty.setdefault(key, []).append((a, b, s.idx))

    def _hour_list(self, h, units, station):
        """(start, end, staff) of the units at a station whose work overlaps hour h (cached per hour)."""
        key = (h, units, station)
        lst = self._hcache.get(key)
        if lst is None:
            t0h = h * 3600
            t1h = t0h + 3600
            d = (t0h - self.t0) // DAY
            lst = []
            for dd in (d, d - 1):
                for u in units:
                    for w in self.duty.get((dd, u, station), ()):
                        if w[0] < t1h and w[1] > t0h:
                            lst.append(w)
            self._hcache[key] = lst
        return lst

    def new_day(self):
        self._hcache.clear()

    def on_duty(self, t, units, station, r=None, n=None):
        """Staff of the given units at a station working at time t: all of them, or (with r and n) up to n
        picked at random."""
        lst = self._hour_list(t // 3600, units, station)
        if n is None or len(lst) <= 3 * n:
            out = [i for a, b, i in lst if a <= t < b]
            if n is not None and len(out) > n:
                pick = []
                while len(pick) < n:
                    i = out[int(r.random() * len(out))]
                    if i not in pick:
                        pick.append(i)
                return pick
            return out
        out = []
        m = len(lst)
        rnd = r.random
        for _ in range(6 * n):
            a, b, i = lst[int(rnd() * m)]
            if a <= t < b and i not in out:
                out.append(i)
                if len(out) >= n:
                    return out
        if not out:
            return [i for a, b, i in lst if a <= t < b][:n]
        return out

    def working(self, sidx, t):
        s = self.staff[sidx]
        k = bisect.bisect_right(s.wstarts, t) - 1
        if k >= 0:
            w = s.windows[k]
            if w[0] <= t < w[1]:
                return w
        return None

    def slot(self, sidx, t_from, r, max_days=6):
        """A random time in the member of staff's next working window at or after t_from."""
        s = self.staff[sidx]
        k = bisect.bisect_right(s.wstarts, t_from) - 1
        if k < 0:
            k = 0
        n = len(s.windows)
        lim = t_from + max_days * DAY
        while k < n:
            a, b, kind = s.windows[k]
            if b - 15 * MIN > t_from and a <= lim:
                lo = max(a + 10 * MIN, t_from)
                hi = b - 10 * MIN
                if hi > lo:
                    return lo + r.randrange(int(hi - lo))
            if a > lim:
                return None
            k += 1
        return None

    # ---- records -------------------------------------------------------------------------------------------
    def new_occ(self, cat, opened, station, listed=True):
        i = len(self.o_cat)
        self.o_cat.append(cat)
        self.o_open.append(opened)
        self.o_close.append(-1)
        self.o_st.append(station)
        self.o_ps.append([])
        self.o_dup.append(not listed)
        if not listed:
            return i
        self.recent[station].append(i)
        return i

    def add_op(self, occ, p, role):
        self.o_ps[occ].append((p, role))
        cat = self.o_cat[occ]
        if role == 0:
            if cat == 0:
                self.P.dmk[p] |= M["domestic_abuse_victim"]
            elif cat == 1:
                self.P.dmk[p] |= M["sexual_offence_victim"]
            elif cat == 2:
                self.P.dmk[p] |= M["stalking_victim"]
        elif role == 4:
            if cat == 9:
                self.P.dmk[p] |= M["missing_person"]
            elif cat == 11:
                self.P.dmk[p] |= M["mental_health"]
        elif role == 2 and cat == 16:
            self.P.dmk[p] |= M["custody_detainee"]

    def add_assign(self, occ, sidx, role, start, end_true, export_end=True):
        if end_true is not None and end_true <= start:
            end_true = start + 1800
        self.assign.append((occ, sidx, role, start, end_true if export_end else None, end_true))
        if role in ("officer_in_case", "investigator"):
            cl = self.caseload[sidx]
            cl.append(occ)
            if len(cl) > 60:
                del cl[:20]

    # ---- recent records (lists are in roughly the order things happened) ------------------------------------
    def recent_occ(self, station, t, hours, r):
        """A random occurrence of a station opened in the `hours` before t (or None)."""
        rl = self.recent.get(station)
        if not rl:
            return None
        key = self.o_open.__getitem__
        hi = bisect.bisect_left(rl, t, key=key)
        lo = bisect.bisect_left(rl, t - hours * 3600, 0, hi, key=key)
        if hi <= lo:
            return None
        i = rl[lo + r.randrange(hi - lo)]
        return i if self.o_open[i] < t else None

    def recent_victims(self, t, d_lo, d_hi, r):
        """A random (time, occurrence, victim) reported between d_hi and d_lo days before t (or None)."""
        vr = self.victims_recent
        if not vr:
            return None
        hi = bisect.bisect_left(vr, t - d_lo * DAY, key=lambda x: x[0])
        lo = bisect.bisect_left(vr, t - d_hi * DAY, 0, hi, key=lambda x: x[0])
        if hi <= lo:
            return None
        x = vr[lo + r.randrange(hi - lo)]
        return x if x[0] < t else None

    def recent_custody(self, suite, t, h_lo, h_hi, r):
        """A random (custody occurrence, detainee, release) booked between h_hi and h_lo hours before t."""
        cr = self.custody_recent.get(suite)
        if not cr:
            return None
        key = lambda x: self.o_open[x[0]]
        hi = bisect.bisect_left(cr, t - h_lo * 3600, key=key)
        lo = bisect.bisect_left(cr, t - h_hi * 3600, 0, hi, key=key)
        if hi <= lo:
            return None
        x = cr[lo + r.randrange(hi - lo)]
        return x if self.o_open[x[0]] < t else None

    def persons_of(self, occ, role=None):
        if role is None:
            return [p for p, _ in self.o_ps[occ]]
        return [p for p, rr in self.o_ps[occ] if rr == role]

    def is_open(self, occ, t):
        c = self.o_close[occ]
        return self.o_open[occ] <= t and (c < 0 or t < c)

    # ---- devices ---------------------------------------------------------------------------------------------
    def desk(self, sidx, t, r):
        s = self.staff[sidx]
        st = s.seg_at((t - self.t0) // DAY)[2]
        n = max(6, int(self._desk_n.get(st, 10) * 0.55))
        fav = (sidx * 2654435761 + st * 97) % n
        k = fav if r.random() < 0.6 else r.randrange(n)
        return f"{ST_CODE[st]}-WS{k + 1:04d}"

    def mdt(self, sidx, t, r):
        st = self.staff[sidx].seg_at((t - self.t0) // DAY)[2]
        return f"MDT-{ST_CODE[st]}-{r.randrange(1, 19):02d}"

    def mobile(self, sidx, t, r):
        s = self.staff[sidx]
        seg = s.seg_at((t - self.t0) // DAY)
        if seg[1] in ("apu",):
            return f"APU-HH-{r.randrange(1, 25):02d}"
        if s.beacon and r.random() < 0.85:
            return s.beacon
        return self.mdt(sidx, t, r)

    def remote(self, sidx, t, r):
        s = self.staff[sidx]
        return s.laptop or self.desk(sidx, t, r)

    def kcc_pos(self, sidx, t):
        d = (t - self.t0) // DAY
        return f"KCC-P{(sidx * 7919 + d * 104729) % 140 + 1:03d}"

    def jcr_console(self, sidx, t):
        d = (t - self.t0) // DAY
        return f"JCR-CON{(sidx * 31 + d * 17) % 36 + 1:02d}"

    def custody_term(self, station, r):
        return f"CUST-{ST_CODE[station]}-T{r.randrange(1, 9):02d}"

    # ---- events ----------------------------------------------------------------------------------------------
    def ev(self, ts, system, sidx, action, etype, ent, fields, ws, reason="", tag=None):
        d = (ts - self.t0) // DAY
        if 0 <= d < self.days:
            if d < self.flushed:
                self.dropped += 1      # would land in a day already written (a few seconds before midnight)
                return
            self.buckets[d].append((ts, system, sidx, action, etype, ent, fields, ws, reason, tag))

    def vrm(self, r):
        L = "ABCDEFGHJKLMNPRSTVWXY"
        return f"{r.choice('VKQ')}{r.choice(L)}{r.randrange(10, 75)}{r.choice(L)}{r.choice(L)}{r.choice(L)}"

    def location(self, r, station):
        return f"LOC-{ST_CODE[station]}-{r.randrange(1, 40000):05d}"
