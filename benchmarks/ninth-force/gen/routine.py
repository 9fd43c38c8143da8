"""Everyday look-ups with no occurrence behind them: briefings, patrol checks, counters, research, records work."""
from .clock import DAY, HOUR
from .world import F_SEARCH, F_PERSON, F_PERSON_FULL, F_OCC, F_OCC_NOTES, F_VEH

PATROL_REASON = ("stop check", "routine patrol", "suspicious vehicle", "veh check", "ANPR hit", "no insurance",
                 "name check", "intel", "S1 PACE", "check - circs", "STOP CHECK", "enquiry")
SAR = "SAR-2026-%04d"


class Routine:
    def __init__(self, world, occs, rng):
        self.w, self.o, self.r = world, occs, rng

    def _open_occ(self, hub, t):
        lst = self.o.open_by_hub.get(hub)
        if not lst:
            return None
        for _ in range(6):
            # A draw so small that 1 - x**2.5 rounds to 1.0 would index one past the end.
            oc = self.w.occs[lst[min(len(lst) - 1, int(len(lst) * (1 - self.r.random() ** 2.5)))]]
            if oc.opened < t and (oc.closed is None or oc.closed > t - 2 * DAY):
                return oc
        return None

    def _any_occ(self, hub):
        lst = self.o.open_by_hub.get(hub)
        return self.w.occs[self.r.choice(lst)] if lst else None

    def run(self):
        w, r = self.w, self.r
        for s in w.staff:
            for sh in s.shifts:
                if sh.end <= w.start or sh.start >= w.end:
                    continue
                if sh.kind == "training":
                    if r.random() < .3:
                        w.add(sh.start + r.randint(3600, 6 * 3600), "rms", s, "view", "person",
                              w.pop.people[r.randrange(len(w.pop.people))].pid, F_SEARCH, w.dev.station_ws(r, s))
                    continue
                if sh.kind == "on_call":
                    self.callout(s, sh)
                    continue
                self.shift(s, sh)

    def t_in(self, sh):
        return sh.start + int((sh.end - sh.start) * self.r.random())

    def person_near(self, codes, pred=None):
        return self.w.pop.pick_in(self.r, codes, pred)

    def own_cases(self, s, sh, k):
        """Working their own open cases: re-reading the record and the people in it."""
        w, r = self.w, self.r
        mine = w.cases.get(s.i)
        if not mine:
            return
        for _ in range(k):
            oc = w.occs[mine[min(len(mine) - 1, int(len(mine) * (1 - r.random() ** 2)))]]
            t = self.t_in(sh)
            if oc.opened > t or (oc.closed is not None and oc.closed < t - 3 * DAY):
                continue
            ws = w.dev.pick(r, s)
            w.add(t, "rms", s, r.choice(("view", "view", "update")), "occurrence", oc.oid, F_OCC_NOTES, ws)
            if oc.persons and r.random() < .6:
                pi, role = oc.persons[r.randrange(len(oc.persons))]
                w.add(t + r.randint(30, 900), "rms", s, "view", "person", w.pop.people[pi].pid,
                      F_PERSON_FULL if role in ("victim", "other") else F_PERSON, ws)

    def shift(self, s, sh):
        w, r, dev, pop = self.w, self.r, self.w.dev, self.w.pop
        u = s.unit
        self.own_cases(s, sh, {"enquiry": 6, "ppu": 5, "cid": 5, "mispers": 3, "response": 3, "nbh": 3, "pcso": 2, "roads": 2,
                               "sup_resp": 2, "special": 1, "rural": 2, "schools": 2}.get(u, 0))
        hub_codes = w.hub_areas.get(s.hub, w.all_codes)
        add = w.add
        if u in ("response", "roads", "special", "sup_resp", "triage"):
            ws0 = dev.pick(r, s, mobile=False)
            for _ in range(r.randint(1, 5) if u != "special" else r.randint(0, 3)):
                oc = self._open_occ(s.hub if u != "roads" else r.choice(w.geo.hubs()), sh.start)
                if oc:
                    add(sh.start + r.randint(300, 2400), "rms", s, "view", "occurrence", oc.oid, F_OCC, ws0)
            nveh = {"roads": r.randint(5, 15), "special": r.randint(1, 5), "sup_resp": r.randint(0, 2)}.get(u, r.randint(1, 5))
            for _ in range(nveh):
                t = self.t_in(sh)
                add(t, "pnc", s, "search", "vehicle", self.o.vrm(), F_VEH, dev.pick(r, s), r.choice(PATROL_REASON))
            npers = {"roads": r.randint(2, 7), "special": r.randint(0, 2), "sup_resp": r.randint(0, 1), "triage": 0}.get(u, r.randint(0, 4))
            for _ in range(npers):
                codes = hub_codes if u != "roads" else w.all_codes
                p = self.person_near(codes, lambda p: 16 <= p.age() <= 70 and (p.sex == "male" or r.random() < .45))
                if p:
                    t = self.t_in(sh)
                    ws = dev.pick(r, s)
                    add(t, "pnc", s, "search", "person", p.pid, "identity;warnings", ws,
                        r.choice(("driver check", "stop check", "rtc - driver", "no licence?")) if u == "roads" else r.choice(PATROL_REASON))
                    if r.random() < .35:
                        add(t + r.randint(30, 600), "rms", s, "search", "person", p.pid, F_SEARCH, ws)
                    if r.random() < .08 and u != "sup_resp":
                        self.stop_check(s, p, t)
            if u == "triage":
                self.triage(s, sh)
            for _ in range(r.randint(0, 2)):
                p = self.person_near(hub_codes)
                if p:
                    add(self.t_in(sh), "rms", s, "search", "person", p.pid, F_SEARCH, dev.pick(r, s))
        elif u in ("nbh", "pcso", "rural", "schools"):
            codes = w.station_areas.get(s.station, hub_codes) if s.village_station else hub_codes
            for _ in range(r.randint(1, 5)):
                oc = self._open_occ(s.hub, sh.start)
                if oc:
                    add(self.t_in(sh), "rms", s, "view", "occurrence", oc.oid, F_OCC, dev.pick(r, s))
            if u == "rural":
                for _ in range(r.randint(2, 7)):
                    p = pop.people[r.choice(pop.farm_workers)]
                    add(self.t_in(sh), "pnc", s, "search", "person", p.pid, "identity;warnings", dev.pick(r, s),
                        r.choice(("farm visit", "seasonal worker check", "Op Harvest", "rural crime", "name check")))
                for _ in range(r.randint(2, 8)):
                    add(self.t_in(sh), "pnc", s, "search", "vehicle", self.o.vrm(), F_VEH, dev.pick(r, s), r.choice(("plant check", "quad bike", "Op Harvest", "suspicious vehicle")))
            elif u == "schools":
                for _ in range(r.randint(2, 6)):
                    p = self.person_near(hub_codes, lambda p: 11 <= p.age() <= 17)
                    if p:
                        add(self.t_in(sh), "rms", s, "view", "person", p.pid, r.choice((F_SEARCH, F_PERSON)), dev.pick(r, s))
            else:
                for _ in range(r.randint(2, 8)):
                    p = self.person_near(codes)
                    if p:
                        add(self.t_in(sh), "rms", s, r.choice(("view", "search")), "person", p.pid,
                            r.choice((F_SEARCH, F_PERSON, "summary;identity;address;warnings")), dev.pick(r, s))
                if u == "nbh" and r.random() < .5:
                    for _ in range(r.randint(1, 3)):
                        add(self.t_in(sh), "pnc", s, "search", "vehicle", self.o.vrm(), F_VEH, dev.pick(r, s), r.choice(PATROL_REASON))
                if r.random() < .05:
                    p = self.person_near(codes, lambda p: 16 <= p.age() <= 60)
                    if p:
                        self.stop_check(s, p, self.t_in(sh))
        elif u == "ctrl_ch":
            for _ in range(r.randint(4, 12)):
                t = self.t_in(sh)
                ws = dev.pick(r, s)
                add(t, "command_control", s, "search", "location", "UPRN-%011d" % r.randrange(10 ** 10, 10 ** 11), "address", ws)
                if r.random() < .35:
                    p = self.person_near(w.all_codes)
                    if p:
                        add(t + r.randint(20, 300), "rms", s, "search", "person", p.pid, F_SEARCH, ws)
        elif u == "ctrl_disp":
            for _ in range(r.randint(3, 10)):
                oc = self._open_occ(r.choice(w.geo.hubs()), sh.start)
                if oc:
                    add(self.t_in(sh), "command_control", s, "view", "occurrence", oc.oid, "summary", dev.pick(r, s))
            for _ in range(r.randint(1, 6)):
                add(self.t_in(sh), "pnc", s, "search", "vehicle", self.o.vrm(), F_VEH, dev.pick(r, s), r.choice(("for unit", "ANPR", "veh check")))
        elif u == "ctrl_sup":
            for _ in range(r.randint(4, 12)):
                oc = self._open_occ(r.choice(w.geo.hubs()), sh.start)
                if oc:
                    add(self.t_in(sh), "command_control", s, "view", "occurrence", oc.oid, "summary;notes", dev.pick(r, s))
        elif u == "custody":
            for _ in range(r.randint(0, 3)):
                p = self.person_near(w.all_codes, lambda p: "custody_detainee" in p.markers)
                if p:
                    add(self.t_in(sh), "rms", s, "search", "person", p.pid, F_SEARCH, dev.pick(r, s))
        elif u in ("cid", "ppu", "mispers"):
            for _ in range(r.randint(1, 5)):
                p = self.person_near(hub_codes)
                if p:
                    add(self.t_in(sh), r.choice(("pnd", "intelligence", "rms")), s, "search", "person", p.pid,
                        "summary;history", dev.pick(r, s), r.choice(("enquiry", "research", "safeguarding", "")))
            if u == "mispers":
                self.mispers_daily(s, sh)
        elif u == "intel":
            for _ in range(r.randint(5, 12)):
                add(self.t_in(sh), "intelligence", s, r.choice(("view", "search", "update")), "intelligence",
                    "IR-26-%05d" % r.randrange(1, 30000), "summary;notes", dev.pick(r, s))
            for _ in range(r.randint(4, 14)):
                p = self.person_near(w.all_codes)
                if p:
                    system = r.choice(("intelligence", "intelligence", "pnd", "rms"))
                    add(self.t_in(sh), system, s, "search", "person", p.pid, "summary;associates;history", dev.pick(r, s),
                        r.choice(("research", "tasking", "problem profile", "")) if system == "pnd" else "")
        elif u == "counter":
            for _ in range(r.randint(2, 7)):
                p = self.person_near(hub_codes, lambda p: p.age() >= 16)
                if p:
                    add(self.t_in(sh), "rms", s, "search", "person", p.pid, r.choice((F_SEARCH, "summary;identity;address")), dev.pick(r, s))
            for _ in range(r.randint(1, 5)):
                oc = self._any_occ(s.hub)
                if oc and oc.opened < sh.end:
                    add(self.t_in(sh), "rms", s, "view", "occurrence", oc.oid, "summary", dev.pick(r, s))
        elif u == "enquiry":
            for _ in range(r.randint(0, 3)):
                oc = self._any_occ(s.hub)
                if oc and oc.opened < sh.end:
                    add(self.t_in(sh), "rms", s, "view", "occurrence", oc.oid, F_OCC_NOTES, dev.pick(r, s))
                    if oc.persons and r.random() < .4:
                        add(self.t_in(sh), "rms", s, "view", "person", pop.people[oc.persons[0][0]].pid, F_PERSON, dev.pick(r, s))
        elif u == "records":
            for _ in range(r.randint(6, 18)):
                t = self.t_in(sh)
                oc = self.w.occs[r.randrange(len(self.w.occs))]
                if oc.opened >= t:
                    continue
                act = r.choice(("view", "view", "view", "print", "export"))
                reason = "" if act == "view" and r.random() < .6 else r.choice((SAR % r.randint(1, 900), "CPS disclosure", "court file", "FOI", "DBS enquiry"))
                add(t, "rms", s, act, "occurrence", oc.oid, "summary;history;notes", dev.pick(r, s), reason)
                if oc.persons and r.random() < .5:
                    add(t + r.randint(30, 600), "rms", s, "view", "person", pop.people[oc.persons[0][0]].pid, "summary;identity;history", dev.pick(r, s), reason)
        elif u == "admin":
            for _ in range(r.randint(0, 3)):
                oc = self._any_occ(s.hub)
                if oc and oc.opened < sh.end:
                    add(self.t_in(sh), "rms", s, "view", "occurrence", oc.oid, "summary", dev.pick(r, s))
        elif u == "ccu":
            for _ in range(r.randint(1, 6)):
                p = self.person_near(w.all_codes)
                if p:
                    add(self.t_in(sh), "rms", s, "view", "person", p.pid, "summary;history", dev.pick(r, s), "PSD audit")

    def stop_check(self, s, p, t):
        w, r = self.w, self.r
        self.o.seq += 1
        o = w.new_occ("OC-26-%06d" % self.o.seq, "stop_check", t, t + r.randint(600, 3600), s.station, s.hub, None)
        w.involve(o, p, "suspect")
        w.assign(o, s, "attending", t - 120, t + r.randint(600, 2400))
        w.add(t + r.randint(300, 1500), "rms", s, "update", "occurrence", o.oid, "summary", w.dev.pick(r, s))

    def callout(self, s, sh):
        """On call overnight: rung at home, checks the people involved on a force handheld or laptop."""
        w, r = self.w, self.r
        if r.random() > (.22 if s.village_station else .3):
            return
        t = sh.start + r.randint(HOUR, 6 * HOUR)
        ws = s.hh or s.laptop or w.dev.station_ws(r, s)
        oc = self._open_occ(s.hub, t)
        if oc is None:
            return
        w.add(t, "rms", s, "view", "occurrence", oc.oid, F_OCC_NOTES, ws)
        for pi, role in oc.persons[:3]:
            w.add(t + r.randint(60, 1200), "rms", s, "view", "person", w.pop.people[pi].pid, F_PERSON_FULL if role == "victim" else F_PERSON, ws)
        if r.random() < .4 and oc.persons:
            w.add(t + r.randint(60, 1800), "pnc", s, "search", "person", w.pop.people[oc.persons[0][0]].pid, "identity;warnings", ws, "on call")

    def triage(self, s, sh):
        """The street triage car re-reads the people it is working with in crisis (a caseload kept by the nurse)."""
        w, r, pop = self.w, self.r, self.w.pop
        case = getattr(self, "_caseload", None)
        if case is None:
            case = []
            codes = [a.code for a in w.geo.areas if a.kind != "village"]
            while len(case) < 45:
                p = pop.pick_in(r, codes, lambda p: "mental_health" in p.markers and p.age() >= 16)
                if p is None:
                    break
                if p.i not in case:
                    case.append(p.i)
            self._caseload = case
        for _ in range(r.randint(2, 6)):
            p = pop.people[case[int(len(case) * r.random() ** 1.5)]]
            ws = w.dev.pick(r, s)
            t = self.t_in(sh)
            w.add(t, "rms", s, "view", "person", p.pid, r.choice((F_PERSON_FULL, "summary;warnings;history", F_PERSON)), ws)

    def mispers_daily(self, s, sh):
        w, r, pop = self.w, self.r, self.w.pop
        t = sh.start + r.randint(600, 3600)
        ws = w.dev.station_ws(r, s)
        for kids in pop.care_homes:
            for k in kids:
                if r.random() < .35:
                    w.add(t, "rms", s, "view", "person", k.pid, r.choice(("summary;warnings;history", F_PERSON_FULL)), ws)
                    t += r.randint(30, 400)
