"""The cast: staff who abuse their position (misconduct) and legitimate look-alikes (benign).

Every scenario event carries tag = the cast member's staff id; the rest of their work is generated as usual."""
from .clock import DAY, HOUR, local_to_utc, day_of
from .force_model import CODE
from .world import Occ
from .activity import P_CONTACT, P_VIEW, P_SUM, STOP_REASONS

ADDR = "summary;identity;contact;address"


def _age(p):
    return 2025 - p.birth if p.birth else 40


class Cast:
    def __init__(self, rng, world, maker, worked):
        self.rng, self.w, self.maker, self.worked = rng, world, maker, worked
        self.used = set()
        self.rows = []          # (sid, scenario, kind)
        self.victims = set()    # people already used as scenario targets

    # --- picking -----------------------------------------------------------
    def pick_staff(self, roles, team_prefix=None, min_shifts=30, nte=None):
        cands = [s for s in self.w.staff if s.role in roles and s.sid not in self.used and not s.end
                 and s.start < self.w.t0 and len(self.worked.get(s.sid, ())) >= min_shifts
                 and (team_prefix is None or s.team.startswith(team_prefix)) and (nte is None or s.nte == nte)]
        if not cands:
            cands = [s for s in self.w.staff if s.role in roles and s.sid not in self.used
                     and len(self.worked.get(s.sid, ())) >= 5]
        if not cands:
            return None
        s = self.rng.choice(cands)
        self.used.add(s.sid)
        return s

    def person(self, station, test, kinds=("general", "repeat_victim", "welfare", "sex_worker")):
        ps = [p for p in self.w.people if p.kind in kinds and test(p) and p.pid not in self.victims
              and (station is None or p.station == station)]
        if not ps:
            ps = [p for p in self.w.people if test(p) and p.pid not in self.victims]
        p = self.rng.choice(ps)
        self.victims.add(p.pid)
        return p

    def shifts(self, s, lo, hi):
        return [x for x in self.worked.get(s.sid, ()) if lo <= x[0] < hi and x[2] != "training"]

    def on_duty_t(self, s, lo, hi, late=False):
        sh = self.shifts(s, lo, hi) or self.shifts(s, self.w.t0, self.w.end)
        a, b, _ = self.rng.choice(sh)
        return int(a + (b - a) * self.rng.uniform(0.6 if late else 0.1, 0.95))

    def off_duty_t(self, s, lo, hi, hours=(19, 23)):
        rng = self.rng
        for _ in range(60):
            d = lo + rng.randrange(max(1, (hi - lo) // DAY)) * DAY
            d0 = day_of(d)
            t = local_to_utc(d0, rng.randint(hours[0] * 60, hours[1] * 60 - 1)) + rng.randrange(60)
            if not any(a - 2 * HOUR <= t < b + 2 * HOUR for a, b, _k in self.worked.get(s.sid, ())):
                return t
        return self.on_duty_t(s, lo, hi, late=True)

    def meet(self, s, cat, victim, lo, hi, open_days, role="attending", suspect=True):
        """An occurrence s legitimately deals with during one of their shifts."""
        rng, w = self.rng, self.w
        sh = self.shifts(s, lo, hi) or self.shifts(s, w.t0, w.end)
        a, b, _ = rng.choice(sh)
        t = a + rng.randrange(HOUR, max(HOUR + 1, b - a - 3 * HOUR))
        closed = t + int(open_days * DAY)
        o = w.add_occ(Occ(self.maker.new_id(), cat, t - 900, closed if closed < w.end else None, s.station))
        w.add_person(o, victim.pid, "victim" if cat not in ("concern_for_welfare", "mental_health", "road_traffic",
                                                             "missing_person") else "other")
        if suspect:
            sp = self.maker.partner_of(victim) or w.pool(s.station, ("prolific",)).pick(rng)
            if sp:
                w.add_person(o, sp.pid, "suspect")
        ch = w.on_deck(t - 900, "ch")
        if ch:
            w.add_assign(o, rng.choice(ch), "call_handler", t - 900, t - 300)
        short = role in ("attending", "call_handler")
        w.add_assign(o, s.sid, role, t, (t + rng.randrange(1200, 3 * HOUR)) if short else o.closed)
        return o, t

    def ws(self, s, off=False):
        if off:
            return s.laptop or s.handheld or self.rng.choice(s.terminals)
        return self.rng.choice(s.terminals + ([s.handheld] if s.handheld else []))

    def look(self, t, system, s, pid, fields, off=False, reason="", action="view", etype="person", ws=None):
        self.w.ev(t, system, s.sid, action, etype, pid, fields, ws or self.ws(s, off), reason, tag=s.sid)

    # --- misconduct --------------------------------------------------------
    def attended_da_revisit(self, s):
        rng, w = self.rng, self.w
        v = self.person(s.station, lambda p: p.sex == "female" and 19 <= _age(p) <= 42, ("repeat_victim", "general"))
        o, t = self.meet(s, "domestic_abuse", v, w.t0 + 5 * DAY, w.t0 + 45 * DAY, rng.randint(50, 90))
        for i in range(rng.randint(4, 8)):
            lo = t + (3 + i * rng.randint(2, 5)) * DAY
            off = rng.random() < 0.35
            tt = self.off_duty_t(s, lo, lo + 3 * DAY) if off else self.on_duty_t(s, lo, lo + 4 * DAY, late=True)
            self.look(tt, "rms", s, v.pid, rng.choice([ADDR, "contact", "contact;address"]),
                      ws=rng.choice(s.terminals) if off else None)

    def post_closure_fixation(self, s):
        rng, w = self.rng, self.w
        v = self.person(s.station, lambda p: p.sex == "female" and 17 <= _age(p) <= 35, ("general", "repeat_victim"))
        o, t = self.meet(s, rng.choice(["sexual_offence", "stalking_harassment"]), v, w.t0, w.t0 + 25 * DAY,
                         rng.randint(8, 20), role="officer_in_case")
        tt = o.closed + rng.randint(2, 6) * DAY
        while tt < w.end - DAY:
            off = rng.random() < 0.3
            x = self.off_duty_t(s, tt, tt + 2 * DAY) if off else self.on_duty_t(s, tt, tt + 3 * DAY)
            self.look(x, "rms", s, v.pid, rng.choice([P_CONTACT, "summary;photo", "address;contact"]), off)
            if rng.random() < 0.25:
                self.look(x + rng.randrange(60, 600), "pnc", s, v.pid, "identity", off, rng.choice(STOP_REASONS),
                          "search")
            tt += rng.randint(5, 13) * DAY

    def serial_female_checks(self, s):
        rng, w = self.rng, self.w
        pool = w.pool(s.station, ("general", "sex_worker", "repeat_victim"),
                      lambda p: p.sex == "female" and 18 <= _age(p) <= 34, key=(s.station, "f18-34"))
        for a, b, _k in self.shifts(s, w.t0, w.end):
            if rng.random() < 0.45:
                for _ in range(rng.randint(1, 3)):
                    p = pool.pick(rng)
                    t = int(a + (b - a) * rng.uniform(0.2, 0.95))
                    mob = s.handheld or rng.choice(s.terminals)
                    self.look(t, "pnc", s, p.pid, "identity;warnings", reason=rng.choice(STOP_REASONS),
                              action="search", ws=mob)
                    if rng.random() < 0.3:
                        self.look(t + rng.randrange(60, 900), "rms", s, p.pid, rng.choice([P_CONTACT, "summary;photo"]),
                                  ws=mob)

    def custody_image_browsing(self, s):
        rng, w = self.rng, self.w
        fem = sorted({pid for x, y, o, pid in w.custody_at.get(s.station, ())
                      if w.person[pid].sex == "female" and 18 <= _age(w.person[pid]) <= 40})
        fem += [p.pid for p in w.people if p.sex == "female" and "custody_detainee" in p.markers
                and 18 <= _age(p) <= 38][:40]
        rng.shuffle(fem)
        targets = fem[:rng.randint(6, 12)]
        for a, b, _k in self.shifts(s, w.t0 + 10 * DAY, w.end):
            if rng.random() < 0.3 and targets:
                pid = rng.choice(targets)
                t = int(a + (b - a) * rng.uniform(0.3, 0.95))
                ws = "CUS-%s-%02d" % (CODE[s.station], rng.randint(1, 8))
                self.look(t, "custody", s, pid, "photo", etype="custody_image", ws=ws)
                if rng.random() < 0.5:
                    self.look(t + rng.randrange(30, 300), "custody", s, pid, "custody;identity;address", ws=ws)

    def victim_family_network(self, s):
        rng, w = self.rng, self.w
        v = self.person(None, lambda p: p.sex == "female" and 18 <= _age(p) <= 40, ("general",))
        o, t = self.meet(s, "sexual_offence", v, w.t0, w.t0 + 30 * DAY, 200, role="officer_in_case")
        fam = [b for b, r in w.linked.get(v.pid, ()) if r in ("sibling", "parent", "household", "friend", "partner")]
        extra = self.person(v.station, lambda p: p.sex == "female" and 18 <= _age(p) <= 40, ("general",))
        w.links.append((v.pid, extra.pid, "friend"))
        fam.append(extra.pid)
        for i in range(rng.randint(7, 12)):
            pid = rng.choice(fam)
            lo = t + (4 + i * rng.randint(2, 6)) * DAY
            off = rng.random() < 0.4
            x = self.off_duty_t(s, lo, lo + 3 * DAY, (20, 24)) if off else self.on_duty_t(s, lo, lo + 4 * DAY, True)
            self.look(x, "rms", s, pid, rng.choice([ADDR, "summary;photo", P_CONTACT]), off)
            if rng.random() < 0.3:
                self.look(x + 300, "pnc", s, pid, "identity", off, "OIC enqs", "search")

    def caller_followup_nights(self, s):
        rng, w = self.rng, self.w
        v = self.person(None, lambda p: p.sex == "female" and 20 <= _age(p) <= 45, ("welfare", "general"))
        o, t = self.meet(s, "mental_health", v, w.t0 + 5 * DAY, w.t0 + 60 * DAY, 1, role="call_handler",
                         suspect=False)
        nights = [x for x in self.shifts(s, t + 2 * DAY, t + 30 * DAY) if 17 <= (x[0] // HOUR) % 24 <= 20]
        for a, b, _k in nights[:rng.randint(4, 7)]:
            x = a + rng.randrange(6 * HOUR, 10 * HOUR)
            ws = "FCR-P%02d" % rng.randint(1, 40)
            self.look(x, "rms", s, v.pid, rng.choice([P_CONTACT, "contact;address", "summary;history"]),
                      action="search", ws=ws)
            if rng.random() < 0.5:
                self.look(x + 60, "command_control", s, "LOC-%s-%05d" % (CODE[v.station], int(v.pid[1:]) % 20000),
                          "summary;address", etype="location", action="search", ws=ws)

    def rtc_burst(self, s):
        rng, w = self.rng, self.w
        v = self.person(s.station, lambda p: p.sex == "female" and 20 <= _age(p) <= 38, ("general",))
        o, t = self.meet(s, "road_traffic", v, w.t0 + 20 * DAY, w.t0 + 90 * DAY, 6, suspect=False)
        x = t + rng.randrange(6 * HOUR, 20 * HOUR)
        for i in range(rng.randint(5, 8)):
            on = any(a <= x < b for a, b, _ in self.worked[s.sid])
            sysname = rng.choice(["pnc", "rms", "rms"])
            self.look(x, sysname, s, v.pid, "identity;address" if sysname == "pnc" else ADDR, not on,
                      "rtc" if sysname == "pnc" else "", "search" if sysname == "pnc" else "view",
                      ws=None if on else rng.choice(s.terminals))
            x += rng.randrange(2 * HOUR, 20 * HOUR)

    def ex_partner_tracking(self, s):
        rng, w = self.rng, self.w
        ex = self.person(None, lambda p: p.sex != s.sex and p.sex != "unknown" and 25 <= _age(p) <= 50, ("general",))
        if s.home:
            ex.postcode = s.home  # lived together; the record was never updated
        newp = self.person(ex.station, lambda p: p.sex == s.sex and 25 <= _age(p) <= 55, ("general",))
        w.links.append((ex.pid, newp.pid, "partner"))
        tt = w.t0 + rng.randint(3, 20) * DAY
        while tt < w.end - 2 * DAY:
            x = self.on_duty_t(s, tt, tt + 5 * DAY)
            self.look(x, "rms", s, rng.choice([ex.pid, ex.pid, newp.pid]), rng.choice([ADDR, P_CONTACT, P_VIEW]))
            if rng.random() < 0.3:
                self.look(x + 400, "intelligence", s, newp.pid, "summary;associates", action="search")
            tt += rng.randint(6, 16) * DAY

    def sex_worker_trawl(self, s):
        rng, w = self.rng, self.w
        women = [p for p in w.people if p.kind == "sex_worker" and p.pid not in self.victims]
        rng.shuffle(women)
        women = women[:rng.randint(6, 10)]
        lo = w.t0 + rng.randint(10, 50) * DAY
        for i in range(rng.randint(14, 22)):
            p = rng.choice(women)
            off = rng.random() < 0.5
            d = lo + i * rng.randint(1, 4) * DAY
            x = self.off_duty_t(s, d, d + 2 * DAY, (20, 24)) if off else self.on_duty_t(s, d, d + 3 * DAY)
            sysname = rng.choice(["intelligence", "rms", "rms"])
            self.look(x, sysname, s, p.pid, "summary;photo;associates" if sysname == "intelligence" else
                      rng.choice([P_CONTACT, "summary;photo;address"]), off, action="search" if rng.random() < .5 else "view")

    def welfare_volunteer(self, s):
        rng, w = self.rng, self.w
        v = self.person(s.station, lambda p: p.sex == "female" and 20 <= _age(p) <= 50, ("welfare", "general"))
        v.markers.add("vulnerable_adult")
        o, t = self.meet(s, "concern_for_welfare", v, w.t0, w.t0 + 20 * DAY, 1, suspect=False)
        x = t
        while x < w.end - 10 * DAY:
            x += rng.randint(8, 20) * DAY
            o2, t2 = self.meet(s, "concern_for_welfare", v, x, x + 6 * DAY, 1, suspect=False)
            self.look(t2 + 600, "rms", s, v.pid, P_CONTACT)
            for _ in range(rng.randint(1, 2)):
                off = rng.random() < 0.4
                y = self.off_duty_t(s, t2 + DAY, t2 + 6 * DAY) if off else self.on_duty_t(s, t2 + DAY, t2 + 6 * DAY)
                self.look(y, "rms", s, v.pid, rng.choice(["contact", ADDR, "summary;photo"]), off)

    # --- look-alikes (benign) ----------------------------------------------
    def mash_review(self, s):
        rng, w = self.rng, self.w
        lo = w.t0 + rng.randint(20, 80) * DAY
        vs = [p for p in w.people if "domestic_abuse_victim" in p.markers and p.sex == "female"]
        rng.shuffle(vs)
        for p in vs[:rng.randint(30, 55)]:
            x = self.on_duty_t(s, lo, lo + 5 * DAY)
            self.look(x, "rms", s, p.pid, P_CONTACT + ";history", reason="MASH review")
            if rng.random() < 0.3:
                self.look(x + 200, "pnd", s, p.pid, "summary;history", reason="MASH review", action="search")

    def problem_profile(self, s):
        rng, w = self.rng, self.w
        lo = w.t0 + rng.randint(10, 60) * DAY
        scope = [o for o in w.occs if o.cat in ("drugs", "sexual_offence") and o.opened < lo][:25]
        for o in scope:
            w.add_assign(o, s.sid, "analyst", lo, lo + 25 * DAY)
        women = [p for p in w.people if p.kind == "sex_worker"]
        for p in rng.sample(women, min(len(women), rng.randint(20, 35))):
            for _ in range(rng.randint(1, 3)):
                x = self.on_duty_t(s, lo, lo + 21 * DAY)
                sysname = rng.choice(["intelligence", "rms", "pnd"])
                self.look(x, sysname, s, p.pid, "summary;associates;history" if sysname != "rms" else P_VIEW,
                          reason="problem profile" if sysname == "pnd" else "", action="search")

    def long_rasso_case(self, s):
        rng, w = self.rng, self.w
        v = self.person(None, lambda p: p.sex == "female" and 16 <= _age(p) <= 30, ("general",))
        o, t = self.meet(s, "sexual_offence", v, w.t0, w.t0 + 10 * DAY, 400, role="officer_in_case")
        fam = [b for b, r in w.linked.get(v.pid, ())][:4]
        for pid in fam:
            w.add_person(o, pid, "witness")
        x = t + DAY
        while x < w.end - DAY:
            off = rng.random() < 0.2
            y = self.off_duty_t(s, x, x + 3 * DAY) if off else self.on_duty_t(s, x, x + 3 * DAY)
            self.look(y, "rms", s, rng.choice([v.pid] * 3 + fam), rng.choice([P_CONTACT, P_VIEW, ADDR]), off)
            x += rng.randint(1, 5) * DAY

    def data_quality_sweep(self, s):
        rng, w = self.rng, self.w
        lo = w.t0 + rng.randint(10, 80) * DAY
        vs = [p for p in w.people if p.markers & {"domestic_abuse_victim", "sexual_offence_victim", "vulnerable_adult"}]
        for p in rng.sample(vs, min(len(vs), rng.randint(80, 140))):
            self.look(self.on_duty_t(s, lo, lo + 14 * DAY), "rms", s, p.pid, "identity;address;contact",
                      action=rng.choice(["update", "view"]), reason="duplicate merge")

    def supervisor_da_audit(self, s):
        rng, w = self.rng, self.w
        lo = w.t0 + rng.randint(50, 100) * DAY
        closed = [o for o in w.occs if o.cat == "domestic_abuse" and o.closed and o.closed < lo]
        for o in rng.sample(closed, min(len(closed), rng.randint(15, 25))):
            x = self.on_duty_t(s, lo, lo + 7 * DAY)
            self.look(x, "rms", s, o.oid, OCC_F, reason="DA audit", etype="occurrence")
            for pid, r in o.persons:
                if r == "victim":
                    self.look(x + 300, "rms", s, pid, P_CONTACT, reason="DA audit")

    def declared_relative(self, s):
        rng, w = self.rng, self.w
        rel = self.person(None, lambda p: 18 <= _age(p) <= 70, ("general", "repeat_victim"))
        w.declared.append((s.sid, rel.pid, "sibling", w.t0 - rng.randint(30, 900) * DAY))
        o, t = self.meet(s, "theft", rel, w.t0 + 20 * DAY, w.t0 + 100 * DAY, 10, role="call_handler")
        pos = "FCR-P%02d" % rng.randint(1, 40)
        self.look(t + 120, "rms", s, rel.pid, "summary;warnings;history", action="search",
                  reason="declared relative - call transferred", ws=pos)
        self.look(t + 300, "command_control", s, o.oid, "summary;notes", action="update", etype="occurrence", ws=pos)

    def nte_heavy(self, s):
        rng, w = self.rng, self.w
        pool = w.pool(s.station, ("general", "prolific", "sex_worker"), lambda q: 18 <= _age(q) <= 30,
                      key=(s.station, "young"))
        for a, b, _k in self.shifts(s, w.t0, w.end):
            if (a // HOUR) % 24 < 17:
                continue      # only the night-time economy shifts
            for _ in range(rng.randint(6, 14)):
                p = pool.pick(rng)
                self.look(int(a + (b - a) * rng.uniform(0.15, 0.95)), "pnc", s, p.pid, "identity;warnings",
                          reason=rng.choice(["NTE", "stop check NTE", "s&s", "drunk & disorderly?"]), action="search",
                          ws=s.handheld or "MDT-NTE1")

    def missing_coordinator(self, s):
        rng, w = self.rng, self.w
        v = self.person(None, lambda p: p.sex == "female" and 13 <= _age(p) <= 16, ("missing_teen", "general"))
        v.markers.add("missing_person")
        x = w.t0 + rng.randint(3, 15) * DAY
        while x < w.end - 5 * DAY:
            o, t = self.meet(s, "missing_person", v, x, x + 5 * DAY, 2, role="investigator", suspect=False)
            circle = [b for b, r in w.linked.get(v.pid, ())]
            for _ in range(rng.randint(3, 7)):
                y = t + rng.randrange(0, 2 * DAY)
                self.look(y, "rms", s, rng.choice([v.pid, v.pid] + circle), P_CONTACT,
                          ws=s.laptop or rng.choice(s.terminals))
            x += rng.randint(12, 25) * DAY


from .activity import OCC_F  # noqa: E402

MISCONDUCT = [
    ("attended_da_revisit", ["response_officer", "special_constable"], None),
    ("post_closure_fixation", ["neighbourhood_officer", "detective"], None),
    ("serial_female_checks", ["special_constable", "response_officer"], None),
    ("custody_image_browsing", ["custody_officer"], None),
    ("victim_family_network", ["detective"], None),
    ("caller_followup_nights", ["call_handler"], None),
    ("rtc_burst", ["response_officer", "supervisor"], "Response"),
    ("ex_partner_tracking", ["police_staff", "intelligence_analyst"], None),
    ("sex_worker_trawl", ["supervisor", "detective"], None),
    ("welfare_volunteer", ["neighbourhood_officer", "pcso"], None),
]
BENIGN = [
    ("mash_review", ["safeguarding_officer"], "MASH"),
    ("problem_profile", ["intelligence_analyst"], None),
    ("long_rasso_case", ["detective"], "RASSO"),
    ("data_quality_sweep", ["police_staff"], "Data Quality"),
    ("supervisor_da_audit", ["supervisor"], None),
    ("declared_relative", ["call_handler"], None),
    ("nte_heavy", ["special_constable"], None),
    ("missing_coordinator", ["safeguarding_officer"], "Missing"),
]


def cast_all(rng, world, maker, worked, n_staff):
    c = Cast(rng, world, maker, worked)
    n_bad = max(7, int(round(12 * n_staff / 1500.0)))
    for i in range(n_bad):
        name, roles, team = MISCONDUCT[i % len(MISCONDUCT)]
        rot = i // len(MISCONDUCT)
        roles = roles[rot % len(roles):] + roles[:rot % len(roles)]
        few = 12 if roles[0] == "special_constable" else 30
        s = c.pick_staff(roles[:1], team, min_shifts=few) or c.pick_staff(roles, min_shifts=few)
        if s:
            getattr(c, name)(s)
            c.rows.append((s.sid, name, "misconduct"))
    copies = 2 if n_staff >= 1200 else 1
    for j, (name, roles, team) in enumerate(BENIGN):
        for k in range(copies if j < 3 else 1):
            s = c.pick_staff(roles, team, min_shifts=8 if name == "nte_heavy" else 30,
                             nte=True if name == "nte_heavy" else None)
            if s:
                getattr(c, name)(s)
                c.rows.append((s.sid, name, "benign"))
    return c.rows
