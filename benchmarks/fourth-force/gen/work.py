"""Ordinary work: what each kind of role does in the systems during the periods they actually work.
Much of it has no occurrence behind it: briefings, patrol and port checks, dispatch, screening, research,
data quality, disclosure, victim contact."""
import bisect

from . import clock, places
from .rng import stream, poisson

DAY, H = clock.DAY, clock.HOUR
SUMMARY, NOTES, HIST = "summary", "summary;notes", "summary;notes;history"
ID_W = "identity;warnings"
ID_W_ADDR = "identity;warnings;address"
VICTIM_FULL = "identity;contact;address;history"
SUSPECT_FULL = "identity;warnings;history;associates;address"
PATROL = ["stop check", "Stop check", "vehicle stop", "VEH STOP", "suspicious vehicle", "s1 PACE", "intel check",
          "enquiry", "RTC", "officer safety", "check, town centre"]
NTE_REASONS = ["NTE patrol", "NTE - town centre", "stop check", "nightsafe patrol"]
PORT_REASONS = ["ports check", "PORTS CHK", "port inbound", "ferry arrivals", "ports check - foot passengers"]
PND_REASONS = ["01 - Investigation", "02 - Intelligence", "03 - Safeguarding", "04 - Vetting", "05 - Research"]
GRACE = {"attending": 3 * DAY, "supervisor": DAY, "call_handler": 0, "officer_in_case": 2 * DAY,
         "investigator": 2 * DAY, "analyst": 0}
FERRIES = [6.75, 13.5, 21.25]
SCREEN = ["domestic_abuse", "domestic_abuse", "concern_for_welfare", "missing_person", "stalking_harassment",
          "sexual_offence", "mental_health"]
SUMMER_FERRIES = [10.0, 17.5]


class Work:
    def __init__(self, staff, P, O, period, seed):
        self.rng = stream(seed, "work")
        self.staff, self.P, self.O, self.period = staff, P, O, period
        self.ev = []
        n = len(staff)
        self.mdt = {c: [f"MDT-{c}-{i:02d}" for i in range(1, max(6, n // 60) + 1)] for c in
                    ["SAL", "HAR", "PEN", "FEN", "MOR", "CAR"]}
        self.consoles = [f"JCR-POS-{i:02d}" for i in range(1, max(10, n // 40) + 1)]
        self.cus = {"SAL": [f"CUS-SAL-{i:02d}" for i in range(1, 9)], "FEN": [f"CUS-FEN-{i:02d}" for i in range(1, 5)]}
        self.kiosk = [f"PORT-HAR-{i:02d}" for i in range(1, 7)]
        rng = stream(seed, "vehicles")
        self.plates = [places.plate(rng) for _ in range(max(2000, n * 12))]
        self.n_intel = max(5000, n * 30)
        self.npeople = len(P.pid)
        self.team_occ = {}
        A = O.assign
        for k, (occ, sidx, role, start, end) in enumerate(A):
            t = staff[sidx]
            self.team_occ.setdefault((t.station, t.team), []).append((start, occ))
        for v in self.team_occ.values():
            v.sort()
        self.victims_by_town = {}
        for i, cat in enumerate(O.cat):
            if cat == "domestic_abuse":
                for p, r in O.persons[i]:
                    if r == "victim":
                        self.victims_by_town.setdefault(O.station[i], []).append((O.opened[i], p))
        for v in self.victims_by_town.values():
            v.sort()

    # ---------- helpers
    def add(self, t, s, system, action, etype, eid, fields, ws, reason=""):
        self.ev.append((t, s.idx, system, action, etype, eid, fields, ws, reason, 0))

    def context(self, s, per):
        a, b, kind, place = per
        rng = self.rng
        if place == "home" or kind in ("on_call", "extra"):
            dev = s.lap or (s.mob or rng.choice(s.ws))
            return [dev]
        code = places.CODE[s.station]
        ws = rng.choice(s.ws)
        p = s.pattern
        if kind == "training":
            return [ws]
        if s.arche == "port" or (s.arche == "sergeant" and p == "port"):
            return [rng.choice(self.kiosk), rng.choice(self.kiosk), rng.choice(self.mdt["HAR"]), ws]
        if p in ("resp",) or s.arche == "special":
            m = rng.choice(self.mdt.get(code, self.mdt["SAL"]))
            out = [m, m, m, ws, ws]
            if s.mob:
                out.append(s.mob)
            return out
        if p == "control":
            return [rng.choice(self.consoles)]
        if p == "custody":
            return [rng.choice(self.cus[self.suite(s, a)])]
        if s.arche in ("neighbourhood", "pcso", "student_liaison") and s.mob:
            return [ws, ws, s.mob]
        return [ws, ws, ws, rng.choice(s.ws)]

    def suite(self, s, t):
        if s.station == "Fenmouth" and clock.SEASONAL_SUITE[0] <= t < clock.SEASONAL_SUITE[1]:
            return "FEN"
        return "SAL"

    def times(self, a, b, n):
        rng = self.rng
        span = max(60, b - a - 300)
        return sorted(a + rng.randrange(span) for _ in range(n))

    def person_fields(self, role):
        return {"victim": "summary;identity;contact;address", "suspect": "identity;warnings;history;address",
                "witness": "identity;contact", "caller": "summary;contact", "other": "identity;warnings;address"}[role]

    def recent_cat(self, cat, t, window, station=None):
        lst = self.O.by_cat.get(cat if station is None else (cat, station), [])
        lo = bisect.bisect_left(lst, (t - window, -1))
        hi = bisect.bisect_left(lst, (t, -1))
        if hi <= lo:
            return None
        return lst[self.rng.randrange(lo, hi)][1]

    def recent_occ(self, station, t, window):
        lst, lo, hi = self.O.recent(station, t, window)
        if hi <= lo:
            return None
        return lst[self.rng.randrange(lo, hi)][1]

    def run(self, quiet=True):
        for s in self.staff:
            self.staff_work(s)
        return self.ev

    def staff_work(self, s):
        A = self.O.assign
        assigns = sorted(s.assign, key=lambda k: A[k][3])
        starts = [A[k][3] for k in assigns]
        handler = getattr(self, "w_" + s.arche)
        cand, ptr = [], 0
        for per in s.periods:
            a, b = per[0], per[1]
            i0 = bisect.bisect_left(starts, a - 1800)
            i1 = bisect.bisect_left(starts, b)
            while ptr < i0:
                cand.append(assigns[ptr])
                ptr += 1
            cand = [k for k in cand if A[k][4] is None or A[k][4] + GRACE[A[k][2]] >= a]
            ctx = self.context(s, per)
            starting = assigns[i0:i1]
            for k in starting:
                if A[k][3] >= a - 1800:
                    self.burst(s, k, max(a, A[k][3]), ctx)
            handler(s, per, ctx, cand)

    # ---------- building blocks
    def burst(self, s, k, t, ctx):
        """The work when an assignment begins."""
        rng, O, add = self.rng, self.O, self.add
        occ, _, role, start, end = self.O.assign[k]
        oid = O.oid[occ]
        people = O.persons[occ]
        cat = O.cat[occ]
        dev = rng.choice(ctx)
        g = lambda: rng.randint(10, 160)
        if cat == "custody":
            if role == "attending":
                add(t, s, "custody", "view", "occurrence", oid, "custody;notes", dev)
                for p, r in people:
                    add(t + g(), s, "custody", "view", "person", self.P.pid[p], "identity;custody", dev)
            return
        if cat == "stop_check":
            p = people[0][0]
            add(t, s, "pnc", "search", "person", self.P.pid[p], ID_W, dev, rng.choice(PATROL))
            if rng.random() < 0.5:
                add(t + g(), s, "rms", "search", "person", self.P.pid[p], ID_W, dev)
            add(t + 600 + g(), s, "rms", "update", "occurrence", oid, NOTES, dev)
            return
        if role == "call_handler":
            add(t, s, "command_control", "update", "occurrence", oid, NOTES, dev)
            add(t + g(), s, "command_control", "search", "location", O.loc[occ], "summary;address", dev)
            for p, r in people[:2]:
                if rng.random() < 0.6:
                    add(t + g(), s, "rms", "search", "person", self.P.pid[p], "summary;warnings", dev)
            add(t + 200 + g(), s, "command_control", "update", "occurrence", oid, NOTES, dev,
                rng.choice(["", "", "", "update from caller", "callback, no answer", "FRS informed"]))
        elif role == "attending":
            add(t, s, "command_control", "view", "occurrence", oid, NOTES, dev)
            tt = t + g()
            add(tt, s, "rms", "view", "occurrence", oid, HIST, dev)
            for p, r in people[: rng.randint(1, 3)]:
                tt += g()
                add(tt, s, "rms", "view", "person", self.P.pid[p], self.person_fields(r), dev)
                if r == "suspect" and rng.random() < 0.5:
                    add(tt + g(), s, "pnc", "search", "person", self.P.pid[p], ID_W, dev,
                        rng.choice([f"inc {oid}", f"ref {oid}", "incident", "suspect check"]))
            if rng.random() < 0.7:
                add(tt + rng.randint(1800, 9000), s, "rms", "update", "occurrence", oid, NOTES, dev)
        elif role in ("officer_in_case", "investigator"):
            tt = t + rng.randint(60, 3 * H)
            add(tt, s, "rms", "view", "occurrence", oid, HIST, dev)
            for p, r in people:
                tt += g()
                add(tt, s, "rms", "view", "person", self.P.pid[p], self.person_fields(r), dev)
                if r == "suspect" and rng.random() < 0.35:
                    add(tt + g(), s, "pnd", "search", "person", self.P.pid[p], "identity;history;associates", dev,
                        "01 - Investigation")
            if rng.random() < 0.25:
                add(tt + g(), s, "intelligence", "search", "person", self.P.pid[people[0][0]], "summary;history", dev)
            add(tt + g(), s, "rms", "update", "occurrence", oid, NOTES, dev)
        elif role == "supervisor":
            add(t, s, "rms", "view", "occurrence", oid, HIST, dev)
            if people and rng.random() < 0.6:
                add(t + g(), s, "rms", "view", "person", self.P.pid[people[0][0]], "summary;warnings", dev)
            if rng.random() < 0.5:
                add(t + g() + 60, s, "rms", "update", "occurrence", oid, NOTES, dev)

    def followup(self, s, k, t, ctx, heavy=False):
        rng, O, add = self.rng, self.O, self.add
        occ, _, role, start, end = O.assign[k]
        oid = O.oid[occ]
        dev = rng.choice(ctx)
        people = O.persons[occ]
        if O.cat[occ] == "custody":
            return
        add(t, s, "rms", "view", "occurrence", oid, HIST if heavy else NOTES, dev)
        tt = t
        if people:
            for p, r in rng.sample(people, min(len(people), rng.randint(1, 3 if heavy else 2))):
                tt += rng.randint(15, 200)
                f = "summary;contact;notes" if r == "victim" and rng.random() < 0.6 else self.person_fields(r)
                add(tt, s, "rms", "view", "person", self.P.pid[p], f, dev)
        if rng.random() < (0.6 if heavy else 0.35):
            add(tt + rng.randint(60, 900), s, "rms", "update", "occurrence", oid, NOTES, dev)

    def followups(self, s, per, ctx, cand, p_each, roles=("officer_in_case", "investigator", "supervisor", "analyst"),
                  heavy=False, limit=12):
        a, b = per[0], per[1]
        A = self.O.assign
        rng = self.rng
        chosen = [k for k in cand if A[k][2] in roles and rng.random() < p_each][:limit]
        for k in chosen:
            self.followup(s, k, a + rng.randrange(max(60, b - a - 600)), ctx, heavy)

    def briefing(self, s, t, ctx, n, station=None, window=36 * H):
        rng, O = self.rng, self.O
        lst, lo, hi = O.recent(station if station is not None else s.station, t, window)
        if hi <= lo:
            return
        dev = rng.choice(ctx)
        for _ in range(n):
            occ = lst[rng.randrange(lo, hi)][1]
            t += rng.randint(20, 140)
            self.add(t, s, "rms", "view", "occurrence", O.oid[occ], SUMMARY, dev)

    def area_of(self, s):
        st = s.station
        return st if st in places.DISTRICTS and st != "Saltreach Harbour" else "Saltreach"

    def patrol(self, s, per, ctx, rate_v, rate_p, nte=False):
        rng, P, add = self.rng, self.P, self.add
        a, b = per[0], per[1]
        hours = (b - a) / H
        area = self.area_of(s)
        for t in self.times(a, b, poisson(rng, rate_v * hours)):
            add(t, s, "pnc", "search", "vehicle", rng.choice(self.plates), "vehicles", rng.choice(ctx),
                rng.choice(PATROL))
        for t in self.times(a, b, poisson(rng, rate_p * hours)):
            lh = clock.local_hour(t)
            night = lh >= 21 or lh < 4
            if nte and night:
                pool = "student" if area == "Pentowan" and clock.in_term(t) and rng.random() < 0.6 else (
                    rng.choice(["visitor", "seasonal", area]) if area == "Fenmouth" and clock.is_summer(t) else area)
                who = P.choose(rng, pool, "male" if rng.random() < 0.7 else "female", ["young", "young", "adult"], 0.2)
                reason = rng.choice(NTE_REASONS)
            else:
                who = P.choose(rng, area if rng.random() < 0.85 else "visitor", "male" if rng.random() < 0.76 else
                               "female", ["young", "young", "adult", "adult", "child", "older"], 0.35)
                reason = rng.choice(PATROL)
            dev = rng.choice(ctx)
            add(t, s, "pnc", "search", "person", P.pid[who], ID_W if rng.random() < 0.8 else "identity;warnings;vehicles",
                dev, reason)
            if rng.random() < 0.15:
                add(t + rng.randint(30, 300), s, "rms", "search", "person", P.pid[who], "summary;warnings", dev)

    def local_people(self, s, per, ctx, rate, fields="summary;warnings", frequent=0.6):
        rng, P = self.rng, self.P
        a, b = per[0], per[1]
        area = self.area_of(s)
        for t in self.times(a, b, poisson(rng, rate * (b - a) / H)):
            who = P.choose(rng, area, rng.choice(["male", "male", "female"]), ["child", "young", "young", "adult"],
                           frequent)
            self.add(t, s, "rms", "view", "person", P.pid[who], fields, rng.choice(ctx))

    def cc_views(self, s, per, ctx, rate, station, window=12 * H, update=0.0):
        rng, O = self.rng, self.O
        a, b = per[0], per[1]
        for t in self.times(a, b, poisson(rng, rate * (b - a) / H)):
            occ = self.recent_occ(station, t, window)
            if occ is None:
                continue
            dev = rng.choice(ctx)
            self.add(t, s, "command_control", "view", "occurrence", O.oid[occ], NOTES, dev)
            if rng.random() < update:
                self.add(t + rng.randint(20, 200), s, "command_control", "update", "occurrence", O.oid[occ], NOTES,
                         dev, rng.choice(["", "", "resource allocated", "unit assigned, en route", "stood down"]))

    def is_worktime(self, per):
        return per[2] in ("duty", "overtime") and per[3] == "work"

    # ---------- roles
    def w_response(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng = self.rng
        if kind == "training":
            return
        if rng.random() < 0.8:
            self.briefing(s, a + rng.randint(300, 900), ctx, rng.randint(2, 6))
        self.followups(s, per, ctx, cand, 0.45, ("officer_in_case", "attending"), limit=6)
        nte = s.station in ("Pentowan", "Fenmouth", "Saltreach") and clock.local_weekday(a) in (4, 5)
        self.patrol(s, per, ctx, 0.2, 0.14, nte)
        self.cc_views(s, per, ctx, 0.12, s.station)
        self.local_people(s, per, ctx, 0.1)
        if rng.random() < 0.08:
            who = self.P.choose(rng, self.area_of(s), "male", ["young", "adult"], 0.5)
            self.add(a + rng.randrange(max(60, b - a - 600)), s, "pnd", "search", "person", self.P.pid[who],
                     "identity;history", rng.choice(ctx), rng.choice(PND_REASONS[:2]))

    def w_special(self, s, per, ctx, cand):
        a, b = per[0], per[1]
        rng = self.rng
        if rng.random() < 0.7:
            self.briefing(s, a + rng.randint(300, 900), ctx, rng.randint(2, 6))
        self.patrol(s, per, ctx, 0.25, 0.25, True)
        self.cc_views(s, per, ctx, 0.2, s.station)

    def w_port(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, add = self.rng, self.P, self.add
        if kind == "training":
            return
        self.briefing(s, a + rng.randint(300, 900), ctx, rng.randint(2, 5), "Saltreach Harbour", 72 * H)
        d0 = self.period.day_of(a) - 1
        for d in range(d0, d0 + 3):
            ferries = FERRIES + (SUMMER_FERRIES if clock.is_summer(self.period.day_start(d)) else [])
            for f in ferries:
                t = self.period.local_time(d, f)
                if not (a <= t < b):
                    continue
                for i in range(rng.randint(2, 8)):
                    tt = t + rng.randint(0, 50 * 60)
                    who = P.choose(rng, rng.choice(["visitor", "visitor", "seasonal"]),
                                   "male" if rng.random() < 0.56 else "female", ["young", "young", "adult", "older"],
                                   0.08)
                    add(tt, s, "pnc", "search", "person", P.pid[who], ID_W, rng.choice(ctx), rng.choice(PORT_REASONS))
                    if rng.random() < 0.05:
                        add(tt + rng.randint(60, 900), s, "pnd", "search", "person", P.pid[who], "identity;history",
                            rng.choice(ctx), "02 - Intelligence")
                for i in range(rng.randint(1, 4)):
                    add(t + rng.randint(0, 50 * 60), s, "pnc", "search", "vehicle", rng.choice(self.plates), "vehicles",
                        rng.choice(ctx), rng.choice(["freight check", "ports check", "vehicle inbound"]))
        self.followups(s, per, ctx, cand, 0.25, ("officer_in_case", "attending"), limit=3)
        self.cc_views(s, per, ctx, 0.1, "Saltreach Harbour", 48 * H)

    def w_neighbourhood(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng = self.rng
        if kind == "training":
            return
        if rng.random() < 0.7:
            self.briefing(s, a + rng.randint(300, 1800), ctx, rng.randint(2, 6), window=72 * H)
        self.followups(s, per, ctx, cand, 0.55, ("officer_in_case", "attending"), limit=6)
        self.local_people(s, per, ctx, 0.3, frequent=0.7)
        if s.role != "pcso":
            self.patrol(s, per, ctx, 0.12, 0.1)
        a_, b_ = a, b
        for t in self.times(a_, b_, poisson(rng, 0.2 * (b - a) / H)):
            occ = self.recent_occ(s.station, t, 14 * DAY)
            if occ is not None:
                self.add(t, s, "command_control", "search", "location", self.O.loc[occ], "summary;address",
                         rng.choice(ctx))

    w_pcso = w_neighbourhood

    def caseload(self, s, n, pool_fn):
        cl = s.habit.get("caseload")
        if cl is None:
            cl = [pool_fn() for _ in range(n)]
            s.habit["caseload"] = cl
        return cl

    def w_student_liaison(self, s, per, ctx, cand):
        rng, P = self.rng, self.P
        a, b = per[0], per[1]
        self.w_neighbourhood(s, per, ctx, cand)
        cl = self.caseload(s, 45, lambda: P.choose(rng, "student", "female" if rng.random() < 0.55 else "male",
                                                   ["young"], 0.3))
        n = rng.randint(4, 11) if clock.in_term(a) else rng.randint(0, 3)
        tag = 0 if s.cast is None else s.cast + 1       # a benign look-alike when cast
        for t in self.times(a, b, n):
            who = cl[int(len(cl) * rng.random() ** 1.8)]
            self.ev.append((t, s.idx, "rms", "view", "person", P.pid[who], rng.choice(
                ["summary;warnings", "summary;contact", "summary;warnings;notes"]), rng.choice(ctx), "", tag))

    def w_cid(self, s, per, ctx, cand, pp=False):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        if kind == "training":
            return
        if kind in ("on_call", "extra"):
            self.followups(s, per, ctx, cand, 0.3, ("officer_in_case", "investigator"), limit=2)
            if kind == "on_call":
                for t in self.times(a, b, rng.randint(1, 4)):
                    occ = self.recent_occ(None, t, 8 * H)
                    if occ is not None:
                        add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, ctx[0])
                        if O.persons[occ] and rng.random() < 0.6:
                            p, r = O.persons[occ][0]
                            add(t + rng.randint(30, 200), s, "rms", "view", "person", P.pid[p], self.person_fields(r),
                                ctx[0])
            return
        self.briefing(s, a + rng.randint(300, 1800), ctx, rng.randint(1, 4), NEAREST(s), 24 * H)
        self.followups(s, per, ctx, cand, 0.5 if pp else 0.42, ("officer_in_case", "investigator", "supervisor"),
                       heavy=True, limit=9)
        for t in self.times(a, b, poisson(rng, 2.0)):
            if rng.random() < 0.5:
                add(t, s, "intelligence", "view", "intelligence", f"INT{rng.randrange(self.n_intel):07d}",
                    "summary;notes", rng.choice(ctx))
            else:
                who = P.choose(rng, self.area_of(s), "male", ["young", "adult"], 0.5)
                add(t, s, "intelligence", "search", "person", P.pid[who], "summary;history;associates", rng.choice(ctx))
        for t in self.times(a, b, poisson(rng, 1.2)):
            who = P.choose(rng, self.area_of(s), "male", ["young", "adult"], 0.5)
            add(t, s, "pnd", "search", "person", P.pid[who], "identity;history;associates", rng.choice(ctx),
                rng.choice(PND_REASONS[:2]))
        if pp and rng.random() < 0.5:
            # reviews of overnight rapes and serious domestic abuse across the force
            for t in self.times(a, a + 3 * H, rng.randint(1, 4)):
                occ = self.recent_occ(None, t, 24 * H)
                if occ is not None and O.cat[occ] in ("sexual_offence", "domestic_abuse", "stalking_harassment"):
                    add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, rng.choice(ctx))

    def w_public_protection(self, s, per, ctx, cand):
        self.w_cid(s, per, ctx, cand, pp=True)

    def w_safeguarding(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        if kind in ("training", "extra"):
            if kind == "extra":
                self.followups(s, per, ctx, cand, 0.3, ("officer_in_case",), limit=2)
            return
        self.followups(s, per, ctx, cand, 0.45, ("officer_in_case", "investigator", "attending"), heavy=True, limit=8)
        # screening of new referrals in the area (no assignment behind it)
        for t in self.times(a, b, poisson(rng, 2.5)):
            occ = self.recent_cat(rng.choice(SCREEN), t, 72 * H, s.station)
            if occ is None:
                continue
            dev = rng.choice(ctx)
            add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, dev)
            for p, r in O.persons[occ][:2]:
                add(t + rng.randint(30, 240), s, "rms", "view", "person", P.pid[p], "summary;warnings;contact;history", dev)
        # MARAC preparation: re-reading the area's high-risk victims
        if clock.local_weekday(a) == (s.idx % 5) and (self.period.day_of(a) // 7 + s.idx) % 2 == 0:
            lst = self.victims_by_town.get(s.station, [])
            i = bisect.bisect_left(lst, (a - 150 * DAY, -1))
            j = bisect.bisect_left(lst, (a, -1))
            if j > i:
                dev = rng.choice(ctx)
                for t in self.times(a, b, rng.randint(8, 20)):
                    p = lst[rng.randrange(i, j)][1]
                    add(t, s, "rms", "view", "person", P.pid[p], "summary;contact;history;warnings", dev)

    def w_missing_coord(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        self.followups(s, per, ctx, cand, 0.5, ("officer_in_case",), limit=6)
        for t in self.times(a, b, poisson(rng, 12 if kind in ("duty", "overtime") else 2)):
            occ = self.recent_cat("missing_person", t, 10 * DAY)
            if occ is None:
                continue
            dev = rng.choice(ctx)
            add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, dev)
            for p, r in O.persons[occ]:
                add(t + rng.randint(20, 200), s, "rms", "view", "person", P.pid[p],
                    "summary;contact;address;history;photo" if r == "other" else "summary;contact", dev)

    def w_call_handler(self, s, per, ctx, cand):
        a, b = per[0], per[1]
        rng, P, add = self.rng, self.P, self.add
        dev = ctx[0]
        for t in self.times(a, b, poisson(rng, 0.6 * (b - a) / H)):
            area = rng.choice(places.AREAS)
            add(t, s, "command_control", "search", "location", places.location_id(places.postcode(rng, area),
                                                                               rng.randint(1, 40)), "summary;address",
                dev, rng.choice(["", "", "", "advice given", "FRS call", "no police action, advised 101",
                                 "caller re-contact, update"]))
            if rng.random() < 0.3:
                who = P.choose(rng, area, rng.choice(["male", "female"]), ["young", "adult", "older"], 0.3)
                add(t + rng.randint(20, 200), s, "rms", "search", "person", P.pid[who], "summary;warnings", dev)

    def w_dispatcher(self, s, per, ctx, cand):
        a, b = per[0], per[1]
        rng, P, O, add = self.rng, self.P, self.O, self.add
        dev = ctx[0]
        self.cc_views(s, per, ctx, 1.1, None, 10 * H, update=0.4)
        for t in self.times(a, b, poisson(rng, 0.3 * (b - a) / H)):
            add(t, s, "pnc", "search", "vehicle", rng.choice(self.plates), "vehicles", dev,
                rng.choice(["officer request", "ops req", "ANPR hit", "officer request - vehicle"]))
        for t in self.times(a, b, poisson(rng, 0.35 * (b - a) / H)):
            occ = self.recent_occ(None, t, 6 * H)
            if occ is not None and O.persons[occ]:
                p, r = rng.choice(O.persons[occ])
                add(t, s, "rms", "view", "person", P.pid[p], "summary;warnings", dev)

    def w_custody(self, s, per, ctx, cand, staff_role=False):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        if kind == "training":
            return
        code = self.suite(s, a)
        lst = O.custody.get(code, [])
        lo = bisect.bisect_left(lst, (a - 40 * H, -1))
        hi = bisect.bisect_left(lst, (b, -1))
        dev = ctx[0]
        mine = s.habit.get("mine")
        if mine is None:
            mine = s.habit["mine"] = {O.assign[k][0] for k in s.assign}
        for _, c in lst[lo:hi]:
            op, cl = O.opened[c], O.closed[c]
            if cl is not None and cl < a:
                continue
            p = O.persons[c][0][0]
            pid, cid = P.pid[p], O.oid[c]
            share = 1.0 if c in mine else (0.3 if staff_role else 0.12)
            if a <= op < b and rng.random() < share:
                t = op + rng.randint(60, 1200)
                add(t, s, "custody", "update", "occurrence", cid, "custody;notes", dev)
                add(t + rng.randint(30, 300), s, "custody", "view", "person", pid, "identity;custody;warnings", dev)
                add(t + rng.randint(300, 900), s, "custody", "update", "custody_image", pid, "photo", dev)
                if rng.random() < 0.7:
                    add(t + rng.randint(300, 900), s, "pnc", "search", "person", pid, ID_W, dev,
                        rng.choice(["custody", "CUSTODY - booking in", "detained person"]))
                if rng.random() < 0.5:
                    add(t + rng.randint(300, 1500), s, "rms", "view", "person", pid, "identity;history;warnings", dev)
            # reviews and care of the detainee during the shift
            lo_t, hi_t = max(a, op), min(b, cl if cl is not None else b)
            if hi_t <= lo_t:
                continue
            rate = 0.45 if c in mine else (0.1 if staff_role else 0.03)
            n = poisson(rng, (hi_t - lo_t) / H * rate)
            for t in self.times(lo_t, hi_t, n):
                add(t, s, "custody", rng.choice(["view", "view", "update"]), "occurrence", cid, "custody;notes", dev)
            if cl is not None and a <= cl < b and rng.random() < 0.4:
                add(cl - rng.randint(60, 900), s, "custody", "update", "occurrence", cid, "custody;notes", dev)
                if rng.random() < 0.4:
                    add(cl - rng.randint(60, 900), s, "custody", "view", "custody_image", pid, "photo", dev)

    def w_detention(self, s, per, ctx, cand):
        self.w_custody(s, per, ctx, cand, staff_role=True)

    def w_analyst(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        if kind == "training":
            return
        scale = 1.0 if kind in ("duty", "overtime") else 0.15
        for start, end, scope in s.habit.get("tasks", []):
            if start <= a < end:
                for t in self.times(a, b, poisson(rng, 14 * scale)):
                    occ = rng.choice(scope)
                    dev = rng.choice(ctx)
                    add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, dev)
                    if O.persons[occ] and rng.random() < 0.45:
                        p, r = rng.choice(O.persons[occ])
                        add(t + rng.randint(20, 300), s, "rms", "view", "person", P.pid[p],
                            "summary;history;associates", dev)
        for t in self.times(a, b, poisson(rng, 7 * scale)):
            dev = rng.choice(ctx)
            if rng.random() < 0.55:
                add(t, s, "intelligence", rng.choice(["view", "search"]), "intelligence",
                    f"INT{rng.randrange(self.n_intel):07d}", "summary;notes", dev)
            else:
                who = P.choose(rng, rng.choice(places.AREAS), rng.choice(["male", "male", "female"]),
                               ["young", "adult"], 0.55)
                add(t, s, "intelligence", "search", "person", P.pid[who], "summary;history;associates", dev)
        for t in self.times(a, b, poisson(rng, 3 * scale)):
            who = P.choose(rng, rng.choice(places.AREAS), rng.choice(["male", "male", "female"]), ["young", "adult"], 0.5)
            add(t, s, "pnd", "search", "person", P.pid[who], "identity;history;associates", rng.choice(ctx),
                rng.choice(["05 - Research", "02 - Intelligence"]))
        for t in self.times(a, b, poisson(rng, 4 * scale)):
            occ = self.recent_occ(None, t, 30 * DAY)
            if occ is not None:
                add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, rng.choice(ctx))

    def w_sergeant(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, O, add = self.rng, self.O, self.add
        if kind == "training":
            return
        if s.pattern == "custody":
            self.w_custody(s, per, ctx, cand)
        elif s.pattern == "control":
            self.cc_views(s, per, ctx, 1.2, None, 12 * H, update=0.2)
        else:
            station = "Saltreach Harbour" if s.pattern == "port" else s.station
            self.briefing(s, a + rng.randint(120, 600), ctx, rng.randint(3, 7), station)
            self.cc_views(s, per, ctx, 0.35, station)
            lst = self.team_occ.get((s.station, s.team), [])
            lo = bisect.bisect_left(lst, (a - 3 * DAY, -1))
            hi = bisect.bisect_left(lst, (b, -1))
            if hi > lo:
                for t in self.times(a, b, poisson(rng, 4)):
                    occ = lst[rng.randrange(lo, hi)][1]
                    dev = rng.choice(ctx)
                    add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, dev)
                    if rng.random() < 0.25:
                        add(t + rng.randint(60, 600), s, "rms", "update", "occurrence", O.oid[occ], NOTES, dev)
        self.followups(s, per, ctx, cand, 0.3, ("supervisor",), limit=4)

    def w_inspector(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, O, add = self.rng, self.O, self.add
        n = poisson(self.rng, 6 if kind == "duty" else 1)
        for t in self.times(a, b, n):
            occ = self.recent_occ(s.station, t, 3 * DAY)
            if occ is not None:
                add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, rng.choice(ctx))

    def w_records(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        scale = 1.0 if kind in ("duty", "overtime") else 0.2
        for t in self.times(a, b, poisson(rng, 14 * scale)):
            dev = rng.choice(ctx)
            if rng.random() < 0.6:
                occ = self.recent_occ(None, t, 5 * DAY)
                if occ is None or not O.persons[occ]:
                    continue
                p = rng.choice(O.persons[occ])[0]
            else:
                p = rng.randrange(self.npeople)
            pid = P.pid[p]
            add(t, s, "rms", rng.choice(["view", "search"]), "person", pid, "identity;address", dev)
            if rng.random() < 0.4:
                add(t + rng.randint(30, 400), s, "rms", "update", "person", pid, "identity;address", dev)
        for t in self.times(a, b, poisson(rng, 3 * scale)):
            occ = self.recent_occ(None, t, 4 * DAY)
            if occ is not None:
                add(t, s, "rms", "update", "occurrence", O.oid[occ], SUMMARY, rng.choice(ctx))

    def w_disclosure(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        n = rng.randint(2, 6) if kind in ("duty", "overtime") else rng.randint(0, 1)
        for t in self.times(a, b, n):
            occ = self.recent_occ(None, t - 30 * DAY, 300 * DAY)
            if occ is None or not any(r == "suspect" for _, r in O.persons[occ]):
                continue
            dev = rng.choice(ctx)
            add(t, s, "rms", "view", "occurrence", O.oid[occ], "summary;notes;history", dev)
            tt = t
            for p, r in O.persons[occ]:
                tt += rng.randint(40, 400)
                add(tt, s, "rms", "view", "person", P.pid[p], "identity;contact;address;history", dev)
            if rng.random() < 0.35:
                add(tt + rng.randint(60, 900), s, "rms", rng.choice(["print", "export"]), "occurrence", O.oid[occ],
                    "summary;notes;history", dev)

    def w_front_counter(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        area = self.area_of(s)
        for t in self.times(a, b, poisson(rng, 9)):
            who = P.choose(rng, area, rng.choice(["male", "female"]), ["young", "adult", "older"], 0.3)
            add(t, s, "rms", "search", "person", P.pid[who], "summary;warnings", rng.choice(ctx))
        for t in self.times(a, b, poisson(rng, 4)):
            occ = self.recent_occ(s.station, t, 20 * DAY)
            if occ is not None:
                add(t, s, "rms", "view", "occurrence", O.oid[occ], SUMMARY, rng.choice(ctx))

    def w_corporate(self, s, per, ctx, cand):
        rng = self.rng
        if rng.random() < 0.25:
            a, b = per[0], per[1]
            occ = self.recent_occ(None, a, 30 * DAY)
            if occ is not None:
                self.add(a + rng.randrange(max(60, b - a - 600)), s, "rms", "view", "occurrence", self.O.oid[occ],
                         SUMMARY, rng.choice(ctx))

    def w_licensing(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        peak = 2.2 if clock.ts(2025, 4, 28) <= a < clock.ts(2025, 6, 30) else 1.0
        for t in self.times(a, b, poisson(rng, 5 * peak)):
            who = P.choose(rng, rng.choice(places.AREAS + ["seasonal"]), "male" if rng.random() < 0.68 else "female",
                           ["young", "adult", "adult"], 0.05)
            dev = rng.choice(ctx)
            if rng.random() < 0.6:
                add(t, s, "pnc", "search", "person", P.pid[who], ID_W, dev,
                    rng.choice(["licensing check", "SIA / licensing", "premises licence - DPS check"]))
            else:
                add(t, s, "pnd", "search", "person", P.pid[who], "identity;history", dev, "04 - Vetting")
        for t in self.times(a, b, poisson(rng, 1.5 * peak)):
            occ = self.recent_occ(rng.choice(["Pentowan", "Fenmouth", "Saltreach"]), t, 30 * DAY)
            if occ is not None and O.cat[occ] in ("public_order", "assault", "drugs", "antisocial_behaviour"):
                add(t, s, "rms", "view", "occurrence", O.oid[occ], NOTES, rng.choice(ctx))

    def w_victim_care(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        for t in self.times(a, b, poisson(rng, 9 if kind == "duty" else 1)):
            occ = self.recent_occ(None, t, 14 * DAY)
            if occ is None:
                continue
            victims = [p for p, r in O.persons[occ] if r == "victim"]
            if not victims:
                continue
            dev = rng.choice(ctx)
            add(t, s, "rms", "view", "occurrence", O.oid[occ], SUMMARY, dev)
            add(t + rng.randint(20, 200), s, "rms", "view", "person", P.pid[victims[0]], "summary;contact", dev)
            if rng.random() < 0.3:
                add(t + rng.randint(400, 1200), s, "rms", "update", "occurrence", O.oid[occ], NOTES, dev,
                    "VCOP contact")

    def w_ccu(self, s, per, ctx, cand):
        a, b, kind, place = per
        rng, P, O, add = self.rng, self.P, self.O, self.add
        for t in self.times(a, b, poisson(rng, 8 if kind == "duty" else 1)):
            dev = rng.choice(ctx)
            if rng.random() < 0.5:
                occ = self.recent_occ(None, t, 60 * DAY)
                if occ is not None:
                    add(t, s, "rms", "view", "occurrence", O.oid[occ], HIST, dev)
            else:
                add(t, s, "rms", "view", "person", P.pid[rng.randrange(self.npeople)], "summary;history", dev)


def NEAREST(s):
    return {"Morrowby": "Saltreach", "Carrow": "Saltreach", "Saltreach Harbour": "Saltreach",
            "Tidewater House": "Saltreach"}.get(s.station, s.station)
