"""Ordinary work: what each role looks at, shift by shift, on which system and device."""
import bisect

from . import clock, places
from .clock import DAY, HOUR
from .rng import stream, poisson, skew

F_VICTIM = ["summary;contact;warnings", "summary;warnings", "identity;contact;address", "summary;history;warnings",
            "summary;contact"]
F_SUSPECT = ["summary;history;warnings", "identity;warnings;history", "summary;associates;history",
             "summary;photo;history", "summary;warnings"]
F_WITNESS = ["summary;contact", "summary", "identity;contact;address", "summary;contact"]
F_OTHER = ["summary;warnings", "summary;contact", "summary", "summary;warnings;history"]
FIELDS = {"victim": F_VICTIM, "suspect": F_SUSPECT, "witness": F_WITNESS, "caller": F_WITNESS, "other": F_OTHER}
R_INCIDENT = ["incident", "INC", "attending incident", "enq", "incident enquiries", "", "log", "call"]
R_STOP = ["stop check", "stop check", "STOP", "stop/search", "s1 pace", "vehicle stop", "check", "stop chk"]
R_VEH = ["vehicle check", "VEH", "anpr", "ANPR hit", "suspicious vehicle", "rtc", "veh chk", "patrol"]
R_CUSTODY = ["custody", "detained person", "cust rec", "booking in", "DP checks"]
R_ENQ = ["enquiry", "enq", "intel check", "warrant check", "address check", "case enquiries", ""]
R_PND = ["research", "background check", "intel development", "case research", "risk assessment",
         "intel development\nper DS request", "MARAC research", "op research", "safeguarding check"]
NOT_BRIEF = {"custody", "stop_check", "fraud"}


class Worker:
    def __init__(self, w):
        self.w = w
        self.r = stream(w.seed, "work")
        self.ev = w.events
        self.S = w.staff_by_id
        self.P = w.person_by_id
        self.O = w.occ_by_id
        self._index()

    # ---- indexes -------------------------------------------------------------------------------------
    def _index(self):
        w = self.w
        n = len(places.NAMES)
        self.open_by = [[[] for _ in range(w.days)] for _ in range(n)]
        self.by_day = {}
        self.cust = {}
        self.charged = []
        occs = sorted(w.occs, key=lambda o: o.opened)
        self.inc_times = [o.opened for o in occs if o.cat not in ("custody", "stop_check")]
        self.inc = [o for o in occs if o.cat not in ("custody", "stop_check")]
        for o in occs:
            d0 = clock.day_of(o.opened)
            if o.cat == "custody":
                self.cust.setdefault(o.si, []).append(o)
                if d0 >= 0 and self.r.random() < .45:
                    self.charged.append((o.opened, self.O[o.parent]))
                continue
            if 0 <= d0 < w.days:
                self.by_day.setdefault((o.cat, d0), []).append(o)
            if o.cat in NOT_BRIEF:
                continue
            last = w.days if o.closed is None else min(w.days, clock.day_of(o.closed))
            for d in range(max(0, d0 + 1), min(last, d0 + 21)):
                self.open_by[o.si][d].append(o)
        for si in self.cust:
            self.cust[si].sort(key=lambda o: o.opened)
        self.cust_t = {si: [o.opened for o in v] for si, v in self.cust.items()}
        self.charged.sort(key=lambda x: x[0])
        self.charged_t = [x[0] for x in self.charged]
        self.cases = {}
        for a in w.assigns:
            if a[2] in ("officer_in_case", "investigator"):
                self.cases.setdefault(a[1], []).append(a)

    # ---- emitting ------------------------------------------------------------------------------------
    def e(self, t, sid, sys, action, etype, entity, fields, ws, reason="", ctx="", tag=None):
        self.ev.append((t, sid, sys, action, etype, entity, fields, ws, reason, ctx, tag))

    def rms_occ(self, t, sid, o, ws, action="view", fields="summary;notes"):
        self.ev.append((t, sid, "rms", action, "occurrence", o.oid, fields, ws, "", o.oid, None))

    def rms_person(self, t, sid, pid, role, ws, ctx="", fields=None):
        f = fields or self.r.choice(FIELDS[role])
        if ctx and self.r.random() < 0.1:      # the occurrence screen's nominal tab: logged against the occurrence
            self.ev.append((t, sid, "rms", "view", "occurrence", ctx, f, ws, "", ctx, None))
        else:
            self.ev.append((t, sid, "rms", "view", "person", pid, f, ws, "", ctx, None))

    def open_occ(self, t, sid, o, ws, k=None, pnc=0.0, step=None):
        """Open an occurrence and some of the people in it; return the time reached."""
        r = self.r
        step = step or (lambda: r.randint(20, 150))
        self.rms_occ(t, sid, o, ws)
        ppl = o.persons if k is None else r.sample(o.persons, min(k, len(o.persons)))
        for pid, role in ppl:
            t += step()
            self.rms_person(t, sid, pid, role, ws, o.oid)
            if pnc and role in ("suspect", "victim", "other") and r.random() < pnc:
                t += r.randint(30, 200)
                self.e(t, sid, "pnc", "search", "person", pid, "identity;warnings", ws, r.choice(R_INCIDENT), o.oid)
        return t

    def area_person(self, si, kind="adult"):
        return self.r.choice(self.w.pools[kind][si] or self.w.pools["adult"][si])

    def stop_person(self, si):
        r = self.r
        x = r.random()
        pl = self.w.pools
        if x < .45:
            return skew(r, pl["prolific"][si], 1.5)
        if x < .8:
            return r.choice(pl["young_m"][si] or pl["adult"][si])
        return r.choice(pl["adult"][si])

    # ---- devices -------------------------------------------------------------------------------------
    def devices(self, s, mode):
        r, code = self.r, places.CODES[s.si]
        desk = s.desk if r.random() < .75 else f"WS-{code}-{r.randint(100, 160):03d}"
        if mode == "field":
            return f"MDT-{code}{r.randint(1, 14):02d}", desk
        if mode == "console":
            if s.role == "custody_officer":
                c = f"CUS-{code}-{r.randint(1, 8):02d}"
                return c, c
            c = f"CC-VEL-{r.randint(1, 48):02d}"
            return c, c
        if mode == "home":
            return s.lt or desk, s.lt or desk
        if mode == "callout":
            d = s.lt or s.mob or desk
            return d, s.mob or d
        return desk, desk

    # ---- the day's work --------------------------------------------------------------------------------
    def run(self):
        fn = {"response_officer": self.response, "special_constable": self.response,
              "neighbourhood_officer": self.neighbourhood, "pcso": self.pcso, "detective": self.detective,
              "safeguarding_officer": self.safeguarding, "call_handler": self.call_handler,
              "dispatcher": self.dispatcher, "custody_officer": self.custody, "intelligence_analyst": self.analyst,
              "police_staff": self.police_staff, "supervisor": self.supervisor, "ccu_officer": self.ccu}
        r = self.r
        for s in self.w.staff:
            f = fn[s.role]
            own = sorted(self.w.by_staff.get(s.sid, []), key=lambda a: a[3])
            starts = [a[3] for a in own]
            for sh in s.shifts:
                st, en, kind, mode = sh
                if kind == "training":
                    if r.random() < .3:
                        ws = s.desk
                        for _ in range(r.randint(1, 3)):
                            self.rms_occ(r.randint(st, en), s.sid, r.choice(self.inc[-400:]), ws)
                    continue
                i, j = bisect.bisect_left(starts, st), bisect.bisect_left(starts, en)
                f(s, sh, own[i:j])
            self.off_duty_checks(s)

    def follow_ups(self, s, t0, t1, ws, p=0.35, most=3):
        """Work on one's own open cases: the case, its people, an update."""
        r = self.r
        active = [a for a in self.cases.get(s.sid, ()) if a[3] <= t0 and (a[4] is None or a[4] > t0)]
        if len(active) > most * 3:
            active = r.sample(active, most * 3)
        n = 0
        for a in active:
            if n >= most or r.random() > p:
                continue
            n += 1
            o = self.O[a[0]]
            t = r.randint(t0, t1)
            t = self.open_occ(t, s.sid, o, ws, k=r.randint(1, 3))
            if r.random() < .5:
                self.rms_occ(t + r.randint(60, 900), s.sid, o, ws, "update", "notes")
        return n

    def briefing(self, s, t, ws, k):
        r = self.r
        d = clock.day_of(t)
        pool = self.open_by[s.si][d] if 0 <= d < self.w.days else []
        if not pool:
            return t
        for o in r.sample(pool, min(k, len(pool))):
            t += r.randint(30, 140)
            self.rms_occ(t, s.sid, o, ws, fields="summary")
            if r.random() < .2:
                pid, role = r.choice(o.persons)
                t += r.randint(20, 90)
                self.rms_person(t, s.sid, pid, role, ws, o.oid, "summary;warnings")
        return t

    def attend(self, s, a, mdt, desk):
        r = self.r
        o = self.O[a[0]]
        t = a[3]
        self.e(t - r.randint(60, 400), s.sid, "command_control", "view", "occurrence", o.oid, "summary;notes", mdt)
        if r.random() < .5:
            self.e(t - r.randint(30, 300), s.sid, "command_control", "view", "location",
                   places.address_id(self.P[o.persons[0][0]].postcode or "QV1 1AA", 1 + int(o.oid[-2:]) % 60),
                   "address", mdt)
        t = self.open_occ(t + r.randint(60, 600), s.sid, o, mdt, pnc=.45)
        end = a[4] or t + HOUR
        self.rms_occ(max(t + 300, end - r.randint(0, 1800)), s.sid, o, desk if r.random() < .4 else mdt,
                     "update", "notes")

    def response(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        mdt, desk = self.devices(s, mode)
        sid = s.sid
        self.briefing(s, st + r.randint(300, 1500), desk, r.randint(2, 4))
        for a in own:
            if a[2] == "attending":
                self.attend(s, a, mdt, desk)
            elif a[2] == "officer_in_case" and a[3] >= st:
                o = self.O[a[0]]
                if o.cat == "stop_check":
                    continue
                self.open_occ(a[3] + r.randint(0, 1800), sid, o, desk, k=2)
        for _ in range(poisson(r, 1.1 if s.role == "response_officer" else .8)):
            t = r.randint(st, en)
            p = self.stop_person(s.si)
            self.e(t, sid, "pnc", "search", "person", p.pid, r.choice(["identity;warnings", "identity;warnings;history"]),
                   mdt, r.choice(R_STOP))
            if r.random() < .25:
                self.stop_check(s, p, t + r.randint(120, 900), mdt)
        for _ in range(poisson(r, 1.3)):
            t = r.randint(st, en)
            p = r.choice(self.w.pools["adult"][s.si])
            vrm = p.vrm or f"VX{r.randint(10, 74)}{r.choice('ABCDEFG')}{r.choice('HJKLMN')}{r.choice('PRSTW')}"
            self.e(t, sid, "pnc", "search", "vehicle", vrm, "vehicles", mdt, r.choice(R_VEH))
            if p.vrm and r.random() < .35:
                self.e(t + r.randint(20, 120), sid, "pnc", "search", "person", p.pid, "identity;warnings", mdt,
                       r.choice(["keeper check", "rk check", "vehicle check", ""]))
        self.follow_ups(s, st, en, desk, p=.25, most=2)
        for _ in range(poisson(r, 0.9)):
            t = r.randint(st, en)
            p = self.stop_person(s.si) if r.random() < .5 else self.area_person(s.si)
            self.e(t, sid, "rms", "search", "person", p.pid, r.choice(["summary;warnings", "summary", "summary;history"]),
                   r.choice([mdt, desk]))
        if r.random() < .3:   # an open incident in the area from the command-and-control screen
            self.dispatch_views(s, st, en, mdt, r.randint(1, 3))

    def stop_check(self, s, p, t, ws):
        w = self.w
        o = w.occ_gen.new("stop_check", t, s.si, [(p.pid, "suspect")], closed=t + self.r.randint(300, 2400))
        w.assign(o.oid, s.sid, "officer_in_case", t, o.closed)
        self.rms_occ(t + 60, s.sid, o, ws, "update", "summary;notes")

    def dispatch_views(self, s, st, en, ws, k):
        r = self.r
        i = bisect.bisect_left(self.inc_times, st - 3 * HOUR)
        j = bisect.bisect_left(self.inc_times, en)
        if j <= i:
            return
        for _ in range(k):
            o = self.inc[r.randrange(i, j)]
            t = max(o.opened + r.randint(60, 3 * HOUR), st)
            if t < en:
                self.e(t, s.sid, "command_control", "view", "occurrence", o.oid, "summary;notes", ws)

    def neighbourhood(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        mdt, desk = self.devices(s, mode)
        self.briefing(s, st + r.randint(300, 1800), desk, r.randint(2, 5))
        for a in own:
            o = self.O[a[0]]
            if a[2] == "attending":
                self.attend(s, a, mdt, desk)
            elif a[2] == "officer_in_case" and o.cat != "stop_check":
                self.open_occ(a[3] + r.randint(0, 3600), s.sid, o, desk, k=3)
        team = places.NBH_STATIONS[s.team] if s.team in places.NBH_STATIONS else [s.si]
        pro = self.w.pools["prolific"]
        for _ in range(poisson(r, 2.0)):
            si = r.choice(team)
            p = skew(r, pro[si], 2.2) if r.random() < .7 else self.area_person(si)
            self.e(r.randint(st, en), s.sid, "rms", "view", "person", p.pid,
                   r.choice(["summary;history", "summary;warnings;address", "summary;associates", "summary;photo"]),
                   desk)
        for _ in range(poisson(r, .6)):
            p = self.stop_person(s.si)
            self.e(r.randint(st, en), s.sid, "pnc", "search", "person", p.pid, "identity;warnings", mdt,
                   r.choice(R_STOP + R_ENQ))
        self.follow_ups(s, st, en, desk, p=.35, most=3)

    def pcso(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        mdt, desk = self.devices(s, mode)
        self.briefing(s, st + r.randint(300, 1800), desk, r.randint(1, 4))
        for a in own:
            o = self.O[a[0]]
            if a[2] == "attending":
                t = self.open_occ(a[3], s.sid, o, mdt, k=2)
                self.rms_occ(t + r.randint(600, 3000), s.sid, o, desk, "update", "notes")
        team = places.NBH_STATIONS[s.team]
        for _ in range(poisson(r, 1.3)):
            si = r.choice(team)
            p = skew(r, self.w.pools["prolific"][si], 2.2) if r.random() < .6 else self.area_person(si)
            self.e(r.randint(st, en), s.sid, "rms", "view", "person", p.pid, r.choice(["summary", "summary;warnings"]),
                   desk)

    def detective(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        ws, mob = self.devices(s, mode)
        sid = s.sid
        n = self.follow_ups(s, st, en, ws, p=.45, most=3 if kind != "on_call" else 1)
        for a in self.cases.get(sid, ())[-12:]:
            if a[3] <= st and (a[4] is None or a[4] > st) and r.random() < .12:
                o = self.O[a[0]]
                sus = [p for p, role in o.persons if role == "suspect"]
                if sus:
                    t = r.randint(st, en)
                    self.e(t, sid, "pnd", "search", "person", sus[0], "identity;history;associates", ws,
                           r.choice(R_PND), o.oid)
                    if o.custody and r.random() < .6:
                        self.e(t + r.randint(60, 600), sid, "rms", "view", "custody_image", sus[0], "photo", ws, "",
                               o.oid)
        for _ in range(poisson(r, 1.0)):
            si = r.choice(places.GROUP_STATIONS[s.group])
            p = skew(r, self.w.pools["prolific"][si], 1.6)
            self.e(r.randint(st, en), sid, "pnd" if r.random() < .5 else "rms", "search", "person", p.pid,
                   "summary;history;associates", ws, r.choice(R_PND))
        d = clock.day_of(st)
        pool = self.open_by[s.si][d] if 0 <= d < self.w.days else []
        for o in r.sample(pool, min(len(pool), poisson(r, 1.0))):
            self.open_occ(r.randint(st, en), sid, o, ws, k=1)

    def safeguarding(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        ws, mob = self.devices(s, mode)
        sid = s.sid
        self.follow_ups(s, st, en, ws, p=.4, most=4 if kind != "on_call" else 1)
        d = clock.day_of(st)
        if s.unit in ("da", "so", "cp") and kind != "on_call":
            cats = {"da": ("domestic_abuse", "stalking_harassment"), "so": ("sexual_offence",),
                    "cp": ("missing_person", "sexual_offence", "domestic_abuse")}[s.unit]
            cand = [o for c in cats for dd in (d - 1, d - 2) for o in self.by_day.get((c, dd), ())]
            if s.unit == "cp":
                cand = [o for o in cand if any(2025 - self.P[p].by < 18 for p, _ in o.persons)] or cand[:3]
            k = {"da": 3, "so": 2, "cp": 2}[s.unit]
            for o in r.sample(cand, min(len(cand), poisson(r, k))):
                t = r.randint(st, en)
                t = self.open_occ(t, sid, o, ws)
                for pid, role in o.persons:
                    if role == "victim" and r.random() < .5:
                        self.e(t + r.randint(60, 400), sid, "pnd", "search", "person", pid,
                               "identity;history;associates", ws, r.choice(R_PND))
        if s.unit == "om":
            rso = self.w.pools["rso"]
            if not s.cases:
                k = min(len(rso), 35)
                s.cases = r.sample(rso, k)
            for _ in range(poisson(r, 4)):
                p = r.choice(s.cases)
                t = r.randint(st, en)
                self.e(t, sid, "rms", "view", "person", p.pid,
                       r.choice(["summary;address;associates", "summary;history;warnings", "identity;address"]), ws)
                if r.random() < .4:
                    self.e(t + r.randint(60, 600), sid, "pnc", "search", "person", p.pid, "identity;warnings;history",
                           ws, r.choice(["offender management", "RSO visit", "OM", "home visit", "ViSOR"]))
                if r.random() < .25:
                    partners = [q for q, rel in p.links if rel in ("partner", "spouse", "household")]
                    if partners:
                        self.e(t + r.randint(60, 900), sid, "rms", "view", "person", partners[0].pid,
                               "summary;contact;address", ws)

    def call_handler(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        ws, _ = self.devices(s, mode)
        sid = s.sid
        for a in own:
            if a[2] != "call_handler":
                continue
            o = self.O[a[0]]
            t = a[3]
            self.e(t, sid, "command_control", "update", "occurrence", o.oid, "summary;notes", ws)
            for pid, role in o.persons:
                if role in ("caller", "victim") or r.random() < .3:
                    t += r.randint(20, 120)
                    self.e(t, sid, "rms", "search", "person", pid, r.choice(["summary;warnings", "summary;history;warnings",
                                                                           "summary;warnings;address"]), ws, "", o.oid)
            if r.random() < .6:
                self.e(t + r.randint(20, 200), sid, "command_control", "view", "location",
                       places.address_id(self.P[o.persons[0][0]].postcode or "QV1 1AA", r.randint(1, 60)), "address", ws)
            self.e(a[4] or t + 600, sid, "command_control", "update", "occurrence", o.oid, "notes", ws)
        # calls that never become an occurrence: advice, repeat calls, duplicates
        calls = poisson(r, 4.5 if clock.local_hour(st) < 12 else 3.5)
        for _ in range(calls):
            t = r.randint(st, en)
            si = r.choices(range(len(places.NAMES)), places.WEIGHTS)[0]
            p = skew(r, self.w.pools["callers"][si], 1.4) if r.random() < .5 else self.area_person(si)
            self.e(t, sid, "command_control", "view", "location", places.address_id(p.postcode or "QV1 1AA",
                                                                                   r.randint(1, 60)), "address", ws)
            if r.random() < .7:
                self.e(t + r.randint(20, 200), sid, "rms", "search", "person", p.pid, "summary;warnings", ws)

    def dispatcher(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        ws, _ = self.devices(s, mode)
        self.dispatch_views(s, st, en, ws, poisson(r, 13))
        for _ in range(poisson(r, 3)):
            t = r.randint(st, en)
            i = bisect.bisect_left(self.inc_times, t - 2 * HOUR)
            j = bisect.bisect_left(self.inc_times, t)
            if j > i:
                o = self.inc[r.randrange(i, j)]
                pid, role = r.choice(o.persons)
                self.e(t, s.sid, "rms", "search", "person", pid, "summary;warnings", ws)
        for _ in range(poisson(r, 4)):
            si = r.choices(range(len(places.NAMES)), places.WEIGHTS)[0]
            self.e(r.randint(st, en), s.sid, "command_control", "view", "location",
                   places.address_id(places.postcode(r, si), r.randint(1, 60)), "address", ws)

    def custody(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        ws, _ = self.devices(s, mode)
        sid = s.sid
        for a in own:
            if a[2] != "supervisor":
                continue
            o = self.O[a[0]]
            pid = o.persons[0][0]
            t = a[3]
            self.e(t, sid, "custody", "update", "occurrence", o.oid, "custody;notes", ws)
            self.e(t + r.randint(60, 300), sid, "custody", "view", "person", pid, "identity;custody;warnings", ws)
            self.e(t + r.randint(300, 900), sid, "custody", "update", "custody_image", pid, "photo", ws)
            self.e(t + r.randint(300, 1200), sid, "pnc", "search", "person", pid, "identity;warnings;history", ws,
                   r.choice(R_CUSTODY))
            if r.random() < .6:
                self.e(t + r.randint(600, 1800), sid, "rms", "view", "person", pid, "summary;history;warnings", ws,
                       "", o.parent or "")
        lst = self.cust.get(s.si, [])
        ts = self.cust_t.get(s.si, [])
        i = bisect.bisect_left(ts, st - 30 * HOUR)
        j = bisect.bisect_left(ts, en)
        inside = [o for o in lst[i:j] if o.closed is None or o.closed > st]
        for o in r.sample(inside, min(len(inside), poisson(r, 5))):
            t = r.randint(max(st, o.opened), min(en, o.closed or en))
            self.e(t, sid, "custody", r.choice(["view", "update", "update"]), "occurrence", o.oid, "custody;notes", ws)
            if r.random() < .25:
                self.e(t + 60, sid, "custody", "view", "person", o.persons[0][0], "identity;custody", ws)

    def analyst(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        ws, _ = self.devices(s, mode)
        sid = s.sid
        live = [c for c in s.cases if c[0] <= st < c[1]]
        for ts, te, scope in live:
            for oid in r.sample(scope, min(len(scope), poisson(r, 4))):
                o = self.O[oid]
                t = r.randint(st, en)
                t = self.open_occ(t, sid, o, ws, k=2)
                for pid, role in o.persons:
                    if role == "suspect" and r.random() < .6:
                        sysn = "pnd" if r.random() < .5 else "intelligence"
                        self.e(t + r.randint(60, 600), sid, sysn, "search", "person", pid, "identity;history;associates",
                               ws, r.choice(R_PND) if sysn == "pnd" else "", oid)
                if r.random() < .4:
                    self.e(t + r.randint(60, 900), sid, "intelligence", "view", "intelligence",
                           f"IR-{r.randint(100000, 199999)}", "summary;notes", ws, "")
        for _ in range(poisson(r, 6 if not live else 2)):   # requests for research that leave no tasking record
            si = r.choices(range(len(places.NAMES)), places.WEIGHTS)[0]
            p = skew(r, self.w.pools["prolific"][si], 1.5) if r.random() < .7 else self.area_person(si)
            t = r.randint(st, en)
            sysn = r.choice(["pnd", "intelligence", "rms"])
            self.e(t, sid, sysn, "search", "person", p.pid, "identity;history;associates", ws,
                   r.choice(R_PND) if sysn == "pnd" else "")
            if r.random() < .5:
                self.e(t + r.randint(60, 600), sid, "intelligence", "view", "intelligence",
                       f"IR-{r.randint(100000, 199999)}", "summary;notes", ws, "")

    def police_staff(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        ws, _ = self.devices(s, mode)
        sid = s.sid
        if s.unit == "cj":      # files for court: charged cases, their victims and witnesses
            i = bisect.bisect_left(self.charged_t, st - 21 * DAY)
            j = bisect.bisect_left(self.charged_t, st)
            if j > i:
                for _ in range(poisson(r, 2)):
                    o = self.charged[r.randrange(i, j)][1]
                    t = r.randint(st, en)
                    self.rms_occ(t, sid, o, ws)
                    for pid, role in o.persons:
                        t += r.randint(40, 300)
                        f = "summary;contact;address" if role in ("victim", "witness") else "summary;history"
                        self.rms_person(t, sid, pid, role, ws, o.oid, f)
                    if r.random() < .4:
                        self.rms_occ(t + 300, sid, o, ws, "print", "summary;notes")
        elif s.unit == "records":   # data quality: merges, corrections
            for _ in range(poisson(r, 5)):
                p = r.choice(self.w.persons)
                t = r.randint(st, en)
                self.e(t, sid, "rms", "view", "person", p.pid, "identity;address", ws)
                if r.random() < .5:
                    self.e(t + r.randint(30, 200), sid, "rms", "update", "person", p.pid, "identity;address", ws,
                           r.choice(["duplicate record, merged", "address update", 'DQ "correction"', "", "", ""]))
            if r.random() < .2:
                o = r.choice(self.inc[-3000:])
                self.rms_occ(r.randint(st, en), sid, o, ws, "export", "summary;notes")
        else:                       # front counter: callers at the desk, bail sign-ins, property
            for _ in range(poisson(r, 3)):
                p = self.area_person(s.si)
                self.e(r.randint(st, en), sid, "rms", "search", "person", p.pid, "summary;warnings", ws)

    def supervisor(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        a_ws, ws = self.devices(s, mode if mode != "field" else "office")
        sid = s.sid
        for a in own:
            o = self.O[a[0]]
            if a[2] == "supervisor":
                t = self.open_occ(a[3], sid, o, ws, k=2)
                self.rms_occ(t + r.randint(120, 900), sid, o, ws, "update", "notes")
        if s.unit in ("response", "nbh"):
            self.briefing(s, st + r.randint(120, 900), ws, r.randint(3, 7))
            self.dispatch_views(s, st, en, ws, r.randint(1, 4))
        elif s.unit == "cc":
            self.dispatch_views(s, st, en, ws, poisson(r, 8))
        else:
            d = clock.day_of(st)
            pool = self.open_by[s.si][d] if 0 <= d < self.w.days else []
            for o in r.sample(pool, min(len(pool), poisson(r, 4))):
                self.open_occ(r.randint(st, en), sid, o, ws, k=1)
        self.follow_ups(s, st, en, ws, p=.3, most=2)

    def ccu(self, s, sh, own):
        r = self.r
        st, en, kind, mode = sh
        ws, _ = self.devices(s, mode)
        for _ in range(poisson(r, 5)):
            p = r.choice(self.w.persons)
            self.e(r.randint(st, en), s.sid, "rms", "view", "person", p.pid, "summary", ws)

    def off_duty_checks(self, s):
        """Officers glance at their own cases from a force phone on rest days."""
        if not s.mob or s.sid not in self.cases:
            return
        r = self.r
        for d in range(self.w.days):
            if r.random() < .025:
                t = clock.local(d, r.uniform(8, 22))
                if t < s.start or (s.end is not None and t >= s.end):
                    continue
                act = [a for a in self.cases[s.sid] if a[3] <= t and (a[4] is None or a[4] > t)]
                if act:
                    a = r.choice(act)
                    o = self.O[a[0]]
                    self.open_occ(t, s.sid, o, s.mob, k=1)


def build(w):
    wk = Worker(w)
    w.worker = wk
    wk.run()
