"""Everyday legitimate use of the force's systems, by role. Much of it has no occurrence behind it."""
from .clock import DAY, HOUR, local_hour, weekday
from .force_model import CODE, vehicles, URBAN

OCC_F = "summary;history;notes"
P_SUM = "summary;warnings"
P_VIEW = "summary;identity;warnings;history"
P_CONTACT = "summary;identity;contact;address;warnings"
STOP_REASONS = ["stop check", "stop chk", "STOP CHECK", "s&s", "S1 PACE search", "stop - person", "stop/acc",
                "street enq", "stop check NTE", "susp person"]
VEH_REASONS = ["veh stop", "moving traffic", "ANPR activation", "VEH CHECK", "veh chk", "rtc", "no insurance?"]
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def vrn(rng):
    return "QX%02d%s" % (rng.choice([15, 16, 18, 19, 21, 22, 23, 24, 25, 65, 66, 68, 70, 72, 74]),
                         "".join(rng.choice(LETTERS) for _ in range(3)))


def _age(p):
    return 2025 - p.birth if p.birth else 40


class Activity:
    def __init__(self, rng, world, maker):
        self.rng, self.w, self.maker = rng, world, maker
        self.stop_n = 0

    # --- helpers -----------------------------------------------------------
    def t_in(self, a, b, lo=0.0, hi=1.0):
        return int(a + (b - a) * self.rng.uniform(lo, hi))

    def look_person(self, t, system, sid, pid, fields, ws, reason="", action="view", tag=None):
        self.w.ev(t, system, sid, action, "person", pid, fields, ws, reason, tag)

    def look_occ(self, t, system, sid, o, ws, action="view", fields=OCC_F, reason="", tag=None):
        self.w.ev(t, system, sid, action, "occurrence", o.oid, fields, ws, reason, tag)

    def cases(self, sid, t, roles=("officer_in_case", "investigator", "analyst")):
        out = []
        for o, role, a, b in self.w.assign_by_staff.get(sid, ()):
            if role in roles and a <= t and (b is None or t <= b + 2 * DAY):
                out.append(o)
        return out

    def terminal(self, s):
        return self.rng.choice(s.terminals)

    # --- shared behaviours -------------------------------------------------
    def briefing(self, s, a, ws, k):
        rec = self.w.recent(s.station, a, 2)
        for o in self.rng.sample(rec, min(k, len(rec))):
            self.look_occ(a + self.rng.randrange(300, 2400), "rms", s.sid, o, ws, fields="summary;notes")

    def attended(self, s, a, b, mobile):
        rng = self.rng
        for o, role, x, y in self.w.assign_by_staff.get(s.sid, ()):
            if role not in ("attending", "supervisor") or not (a <= x < b):
                continue
            self.look_occ(x, "command_control", s.sid, o, mobile, fields="summary;notes")
            for pid, prole in o.persons:
                if rng.random() < 0.8:
                    t = x + rng.randrange(60, 1800)
                    self.look_person(t, "rms", s.sid, pid, P_VIEW if prole == "suspect" else P_CONTACT, mobile)
                if prole == "suspect" and rng.random() < 0.6:
                    self.look_person(x + rng.randrange(60, 900), "pnc", s.sid, pid, "identity;warnings", mobile,
                                     rng.choice(["inc", "enqs re incident", "suspect", "dom", "ongoing inc"]), "search")
            for _ in range(rng.randint(1, 3)):
                self.look_occ(min(y, b) + rng.randrange(-1200, 2 * HOUR), "rms", s.sid, o, self.terminal(s)
                              if rng.random() < 0.5 else mobile, action="update", fields="summary;notes")

    def casework(self, s, a, b, ws, p=0.35, deep=False):
        rng = self.rng
        for o in self.cases(s.sid, a):
            if rng.random() > p:
                continue
            t = self.t_in(a, b, 0.05, 0.9)
            self.look_occ(t, "rms", s.sid, o, ws, action=rng.choice(["view", "view", "update"]))
            for pid, prole in o.persons:
                if rng.random() < 0.6:
                    t += rng.randrange(30, 900)
                    self.look_person(t, "rms", s.sid, pid, P_CONTACT if prole in ("victim", "witness") else P_VIEW, ws)
                if deep and rng.random() < 0.25:
                    for lp, rel in self.w.linked.get(pid, ())[:3]:
                        t += rng.randrange(30, 600)
                        self.look_person(t, "rms", s.sid, lp, P_SUM, ws)
            if deep and rng.random() < 0.15:
                sus = [pid for pid, r in o.persons if r == "suspect"]
                if sus:
                    self.look_person(t + 60, "pnd", s.sid, sus[0], "summary;history;associates", ws,
                                     rng.choice(["investigation", "case enqs", "OIC research"]), "search")

    def patrol(self, s, a, b, mobile, n_person, n_vehicle, young=False):
        rng, w = self.rng, self.w
        st = s.station
        for _ in range(n_vehicle):
            t = self.t_in(a, b, 0.1, 0.95)
            w.ev(t, "pnc", s.sid, "search", "vehicle", vrn(rng), "vehicles", mobile, rng.choice(VEH_REASONS))
        for _ in range(n_person):
            t = self.t_in(a, b, 0.1, 0.95)
            if young:
                p = w.pool(st, ("general", "prolific", "sex_worker"), lambda q: 18 <= _age(q) <= 32,
                           key=(st, "young")).pick(rng)
            elif rng.random() < 0.45:
                p = w.pool(st, ("prolific",)).pick(rng)
            else:
                p = w.pool(st, ("general", "sex_worker", "welfare", "prolific"), lambda q: 15 <= _age(q) <= 70,
                           key=(st, "street")).pick(rng)
            if not p:
                continue
            reason = rng.choice(STOP_REASONS)
            self.look_person(t, "pnc", s.sid, p.pid, "identity;warnings;history", mobile, reason, "search")
            if rng.random() < 0.35:
                self.look_person(t + rng.randrange(30, 400), "rms", s.sid, p.pid, P_VIEW, mobile)
            if rng.random() < 0.2:   # the stop was written up as a stop check occurrence
                o = self.maker_stop(t, st, p.pid, s.sid)
                self.look_occ(t + rng.randrange(600, 2400), "rms", s.sid, o, mobile, action="update")

    def maker_stop(self, t, st, pid, sid):
        from .world import Occ
        o = self.w.add_occ(Occ(self.maker.new_id(), "stop_check", t, t + self.rng.randrange(900, 3600), st))
        self.w.add_person(o, pid, "suspect" if self.rng.random() < 0.3 else "other")
        self.w.add_assign(o, sid, "attending", t, t + 1800)
        return o

    def local_faces(self, s, a, b, ws, n, kinds=("prolific", "repeat_victim", "welfare")):
        rng = self.rng
        pool = self.w.pool(s.station, kinds)
        for _ in range(n):
            p = pool.pick(rng)
            if p:
                f = "summary;photo;warnings" if p.kind == "prolific" else rng.choice([P_SUM, P_CONTACT, P_VIEW])
                self.look_person(self.t_in(a, b, 0.05, 0.95), "rms", s.sid, p.pid, f, ws,
                                 action="search" if rng.random() < 0.3 else "view")

    # --- roles ---------------------------------------------------------------
    def shift(self, s, a, b, kind):
        rng = self.rng
        if kind == "training":
            if rng.random() < 0.3:
                self.briefing(s, a, self.terminal(s), 1)
            return
        r = s.role
        if r == "supervisor":
            r = {"Resp": "response_officer", "NPT ": "neighbourhood_officer", "CID ": "detective",
                 "Cont": "dispatcher", "Cust": "custody_officer"}[s.team[:4]]
            self.supervise(s, a, b)
        getattr(self, "r_" + r)(s, a, b)

    def supervise(self, s, a, b):
        rng = self.rng
        ws = self.terminal(s)
        mine = [o for o, role, x, y in self.w.assign_by_staff.get(s.sid, ()) if role == "supervisor"
                and x - DAY <= a <= (y or a) + DAY]
        rec = self.w.recent(s.station if s.station in CODE else "*", a, 3)
        for o in mine + rng.sample(rec, min(len(rec), rng.randint(1, 4))):
            t = self.t_in(a, b, 0.1, 0.9)
            self.look_occ(t, "rms", s.sid, o, ws, action=rng.choice(["view", "view", "update"]),
                          reason="supervisor review" if o.cat == "sexual_offence" else "")
            if o.persons and rng.random() < 0.4:
                self.look_person(t + 120, "rms", s.sid, rng.choice(o.persons)[0], P_SUM, ws)
        self.casework(s, a, b, ws, p=0.5)

    def r_response_officer(self, s, a, b):
        rng = self.rng
        veh = rng.choice(vehicles(s.station))
        mobile = veh if rng.random() < 0.6 or not s.handheld else s.handheld
        self.briefing(s, a, self.terminal(s), rng.randint(1, 5))
        self.attended(s, a, b, mobile)
        rural = s.station not in URBAN
        self.patrol(s, a, b, mobile, rng.randint(0, 4), rng.randint(1, 6 if rural else 3))
        self.local_faces(s, a, b, mobile, rng.randint(0, 2), ("prolific",))
        self.casework(s, a, b, self.terminal(s), p=0.45)

    r_special_constable = r_response_officer

    def r_nte(self, s, a, b):
        rng = self.rng
        veh = "MDT-NTE%d" % (1 if s.station == "Castlebridge" else 2)
        self.briefing(s, a, self.terminal(s), rng.randint(1, 3))
        self.attended(s, a, b, veh)
        self.patrol(s, a, b, rng.choice([veh, s.handheld]), rng.randint(5, 14), rng.randint(0, 2), young=True)

    def r_neighbourhood_officer(self, s, a, b):
        rng = self.rng
        ws = self.terminal(s)
        self.briefing(s, a, ws, rng.randint(2, 5))
        self.attended(s, a, b, s.handheld or ws)
        self.local_faces(s, a, b, rng.choice([ws, s.handheld or ws]), rng.randint(0, 3))
        if rng.random() < 0.5:
            self.patrol(s, a, b, s.handheld or ws, rng.randint(0, 2), rng.randint(0, 1))
        for o in [x for x in self.w.recent(s.station, a, 4) if x.cat == "antisocial_behaviour"][:rng.randint(0, 3)]:
            self.look_occ(self.t_in(a, b), "rms", s.sid, o, ws)
        self.casework(s, a, b, ws, p=0.35)

    def r_pcso(self, s, a, b):
        rng = self.rng
        ws = self.terminal(s)
        self.briefing(s, a, ws, rng.randint(1, 4))
        self.attended(s, a, b, s.handheld or ws)
        self.local_faces(s, a, b, ws, rng.randint(0, 3), ("prolific", "repeat_victim", "welfare", "missing_teen"))

    def r_detective(self, s, a, b):
        rng = self.rng
        ws = s.laptop if s.laptop and rng.random() < 0.3 else self.terminal(s)
        if rng.random() < 0.5:
            self.briefing(s, a, ws, rng.randint(1, 4))
        self.casework(s, a, b, ws, p=0.6, deep=True)
        self.attended(s, a, b, ws)
        for _ in range(rng.randint(0, 3)):
            self.w.ev(self.t_in(a, b), "intelligence", s.sid, rng.choice(["view", "search"]), "intelligence",
                      "IR/25/%06d" % rng.randrange(1, 60000), "summary;notes", ws)
        self.local_faces(s, a, b, ws, rng.randint(0, 2), ("prolific",))

    def r_safeguarding_officer(self, s, a, b):
        rng = self.rng
        ws = self.terminal(s) if rng.random() < 0.7 or not s.laptop else s.laptop
        cats = ("missing_person",) if s.team == "Missing Persons Unit" else (
            "domestic_abuse", "sexual_offence", "stalking_harassment", "missing_person", "concern_for_welfare")
        rec = [o for o in self.w.recent("*", a, 2) if o.cat in cats]
        for o in rng.sample(rec, min(len(rec), rng.randint(3, 10))):
            t = self.t_in(a, b, 0.05, 0.9)
            self.look_occ(t, "rms", s.sid, o, ws, reason="MASH" if rng.random() < 0.3 else "")
            for pid, prole in o.persons:
                if prole in ("victim", "other", "witness") and rng.random() < 0.8:
                    self.look_person(t + rng.randrange(60, 900), "rms", s.sid, pid, P_CONTACT + ";history", ws)
                    if rng.random() < 0.1:
                        self.look_person(t + 1000, "pnd", s.sid, pid, "summary;history", ws, "safeguarding", "search")
        self.casework(s, a, b, ws, p=0.5, deep=True)

    def r_call_handler(self, s, a, b):
        rng = self.rng
        ws = "FCR-P%02d" % rng.randint(1, 40)
        for o, role, x, y in self.w.assign_by_staff.get(s.sid, ()):
            if role == "call_handler" and a <= x < b:
                self.look_occ(x, "command_control", s.sid, o, ws, action="update", fields="summary;notes")
                if rng.random() < 0.5:
                    self.w.ev(x + 40, "command_control", s.sid, "search", "location", "LOC-%s-%05d" % (
                        CODE[o.station], rng.randrange(20000)), "summary;address", ws)
                for pid, prole in o.persons:
                    if rng.random() < 0.85:
                        self.look_person(x + rng.randrange(30, 600), "rms", s.sid, pid, "summary;warnings;history", ws,
                                         action="search")
        # calls that never became an occurrence (advice, duplicates, transfers)
        for _ in range(rng.randint(2, 7)):
            t = self.t_in(a, b)
            p = self.w.pool("*", ("general", "welfare", "repeat_victim", "prolific"), key=("*", "callers")).pick(rng)
            self.look_person(t, "rms", s.sid, p.pid, "summary;warnings", ws, action="search")
            if rng.random() < 0.4:
                self.w.ev(t + 30, "command_control", s.sid, "search", "location", "LOC-%s-%05d" % (
                    CODE[p.station], rng.randrange(20000)), "summary;address", ws)

    def r_dispatcher(self, s, a, b):
        rng = self.rng
        ws = "FCR-P%02d" % rng.randint(41, 60)
        rec = [o for o in self.w.recent("*", a, 0) if o.cat not in ("custody", "stop_check")]
        for o in rng.sample(rec, min(len(rec), rng.randint(6, 15))):
            t = max(o.opened, a) + rng.randrange(60, 1800)
            self.look_occ(t, "command_control", s.sid, o, ws, action=rng.choice(["view", "view", "update"]),
                          fields="summary;notes")
            if o.persons and rng.random() < 0.2:
                self.look_person(t + 60, "rms", s.sid, o.persons[0][0], "warnings", ws, action="search")
        for _ in range(rng.randint(0, 4)):
            self.w.ev(self.t_in(a, b), "pnc", s.sid, "search", "vehicle", vrn(rng), "vehicles", ws,
                      rng.choice(["ANPR activation", "veh of interest", "pursuit"]))

    def r_custody_officer(self, s, a, b):
        rng = self.rng
        suite = s.station
        ws = "CUS-%s-%02d" % (CODE[suite], rng.randint(1, 8))
        for x, y, o, pid in self.w.custody_at.get(suite, ()):
            if y < a or x > b or rng.random() < 0.35:
                continue
            t0, t1 = max(x, a), min(y, b)
            self.w.ev(t0 + rng.randrange(0, 600), "custody", s.sid, "update" if x >= a else "view", "person", pid,
                      "custody;identity;warnings", ws)
            for _ in range(rng.randint(0, 3)):
                self.w.ev(self.t_in(t0, t1), "custody", s.sid, rng.choice(["view", "update"]), "person", pid,
                          "custody;warnings;notes", ws)
            if x >= a and rng.random() < 0.6:
                self.w.ev(x + rng.randrange(600, 2400), "custody", s.sid, "view", "custody_image", pid, "photo", ws)
                self.look_person(x + rng.randrange(300, 1800), "pnc", s.sid, pid, "identity;warnings;history", ws,
                                 rng.choice(["custody", "cust", "detained person"]), "search")
            if rng.random() < 0.25:
                self.look_person(self.t_in(t0, t1), "rms", s.sid, pid, P_VIEW, ws)
        # bail returns, voluntary attenders, warrant and pre-release checks: nobody detained behind them
        pool = self.w.pool(suite, ("prolific", "general", "welfare"), lambda p: _age(p) >= 17, key=(suite, "cust"))
        for _ in range(rng.randint(2, 9)):
            p = pool.pick(rng)
            t = self.t_in(a, b)
            self.look_person(t, rng.choice(["pnc", "rms", "rms"]), s.sid, p.pid, P_VIEW, ws,
                             rng.choice(["bail return", "VA", "warrant chk", "custody"]), "search")

    def r_intelligence_analyst(self, s, a, b):
        rng = self.rng
        ws = s.laptop if s.laptop and rng.random() < 0.4 else self.terminal(s)
        for _ in range(rng.randint(4, 12)):
            self.w.ev(self.t_in(a, b), "intelligence", s.sid, rng.choice(["view", "view", "search", "update"]),
                      "intelligence", "IR/25/%06d" % rng.randrange(1, 60000), "summary;notes;associates", ws)
        st = s.station if s.team.startswith("Local") else rng.choice(list(CODE))
        self.local_faces(s, a, b, ws, rng.randint(2, 8), ("prolific", "sex_worker", "missing_teen"))
        for _ in range(rng.randint(0, 3)):
            self.w.ev(self.t_in(a, b), "pnc", s.sid, "search", "vehicle", vrn(rng), "vehicles", ws, "intel research")
        self.casework(s, a, b, ws, p=0.5)

    def r_police_staff(self, s, a, b):
        rng, w = self.rng, self.w
        ws = self.terminal(s)
        if s.team == "Front Counter":
            for _ in range(rng.randint(3, 12)):
                p = w.pool(s.station, ("general", "prolific", "repeat_victim", "welfare")).pick(rng)
                t = self.t_in(a, b)
                self.look_person(t, "rms", s.sid, p.pid, rng.choice(["summary;identity", P_SUM]), ws, action="search")
                if rng.random() < 0.25:
                    self.look_person(t + 120, "pnc", s.sid, p.pid, "identity;warnings", ws,
                                     rng.choice(["front counter enq", "FCE", "bail sign", "producer"]), "search")
        elif s.team == "Data Quality":
            rec = w.recent("*", a, 3)
            for _ in range(rng.randint(6, 18)):
                o = rng.choice(rec) if rec else None
                if o and o.persons:
                    pid = rng.choice(o.persons)[0]
                else:
                    pid = rng.choice(w.people).pid
                self.look_person(self.t_in(a, b), "rms", s.sid, pid, rng.choice(["identity;address", "identity",
                                 "summary;identity;address"]), ws, action=rng.choice(["update", "update", "view"]))
        elif s.team == "Crime Recording Bureau":
            rec = [o for o in w.recent("*", a, 2) if o.cat not in ("custody", "stop_check")]
            for o in rng.sample(rec, min(len(rec), rng.randint(5, 14))):
                t = self.t_in(a, b)
                self.look_occ(t, "rms", s.sid, o, ws, action=rng.choice(["view", "update"]))
                if o.persons and rng.random() < 0.5:
                    self.look_person(t + 90, "rms", s.sid, o.persons[0][0], "summary;identity", ws)
        elif s.team == "Vetting":
            for _ in range(rng.randint(4, 12)):
                p = rng.choice(w.people)
                t = self.t_in(a, b)
                self.look_person(t, "pnd", s.sid, p.pid, "summary;identity;history", ws, "vetting", "search")
                if rng.random() < 0.5:
                    self.look_person(t + 200, "pnc", s.sid, p.pid, "identity;history", ws, "VETTING", "search")
        else:
            rec = w.recent("*", a - 30 * DAY, 20)
            for o in rng.sample(rec, min(len(rec), rng.randint(2, 8))):
                self.look_occ(self.t_in(a, b), "rms", s.sid, o, ws, action=rng.choice(["print", "export", "view"]),
                              reason=rng.choice(["disclosure", "SAR", "CPS file", "FOI"]))

    def r_ccu_officer(self, s, a, b):
        rng = self.rng
        ws = s.laptop or self.terminal(s)
        for _ in range(rng.randint(1, 6)):
            p = rng.choice(self.w.people)
            self.look_person(self.t_in(a, b), "rms", s.sid, p.pid, P_VIEW, ws, reason="PSD enquiry")
        for _ in range(rng.randint(0, 3)):
            self.w.ev(self.t_in(a, b), "intelligence", s.sid, "view", "intelligence",
                      "IR/25/%06d" % rng.randrange(1, 60000), "summary;notes", ws)

    def callout(self, s, a, b):
        """An on-call detective called out to a serious incident (often not on the roster as duty)."""
        rng, w = self.rng, self.w
        rec = [o for o in w.recent("*", a, 0) if o.cat in ("sexual_offence", "assault", "domestic_abuse")
               and a <= o.opened < b]
        if not rec:
            return
        o = rng.choice(rec)
        t = o.opened + rng.randrange(1800, 3 * HOUR)
        w.add_assign(o, s.sid, "investigator", t, o.closed if not o.closed or o.closed > t else None)
        ws = s.laptop or self.terminal(s)
        self.look_occ(t, "rms", s.sid, o, ws)
        for pid, _r in o.persons:
            self.look_person(t + rng.randrange(60, 1800), "rms", s.sid, pid, P_CONTACT, ws)

    def run(self, worked, oncall, skip=()):
        rng = self.rng
        for s in self.w.staff:
            for a, b, kind in worked.get(s.sid, ()):
                if s.nte and weekday(a) in (4, 5) and local_hour(a) >= 18:
                    self.r_nte(s, a, b)
                else:
                    self.shift(s, a, b, kind)
            for a, b in oncall.get(s.sid, ()):
                if rng.random() < 0.2:
                    self.callout(s, a, b)
