"""The cast: offenders in six kinds of behaviour and benign look-alikes. Staging (people, occurrences,
links and assignments the scenarios need) happens before ordinary work is generated; playing (their tagged
audit events) after. Each offender's ordinary work carries on untouched."""
from . import clock, occurrences, places
from .people import band
from .rng import stream

DAY, H = clock.DAY, clock.HOUR

# kind of behaviour: (the archetype playing it first, second)
MISCONDUCT = [
    ("attended_victim_pursuit", ("response", "call_handler")),
    ("custody_image_browsing", ("custody", "detention")),
    ("typed_reason_trawl", ("port", "special")),
    ("private_circle_checks", ("cid", "dispatcher")),
    ("case_victim_fixation", ("safeguarding", "neighbourhood")),
    ("escalating_marker_trawl", ("analyst", "sergeant")),
]
# look-alike: (archetypes it may be played by, how many at full size)
BENIGN = [
    ("declared_relative_matter", ("response", "records", "call_handler", "neighbourhood"), 1),
    ("long_running_investigation", ("public_protection",), 2),
    ("closed_case_review", ("disclosure",), 1),
    ("port_safeguarding_operation", ("port",), 1),
    ("retention_review_sweep", ("records",), 2),
    ("nte_problem_profile", ("analyst",), 1),
    ("repeat_welfare_contact", ("neighbourhood", "safeguarding"), 2),
    ("student_caseload", ("student_liaison",), 1),
]


class Member:
    def __init__(self, no, sidx, scenario, kind):
        self.no, self.sidx, self.scenario, self.kind = no, sidx, scenario, kind
        self.data = {}


class Cast:
    def __init__(self, staff, P, O, duty, period, seed):
        self.staff, self.P, self.O, self.duty, self.period = staff, P, O, duty, period
        self.rng = stream(seed, "cast")
        self.members = []
        self.n_staff = len(staff)
        self._set = None

    # ---------- choosing
    def staff_set(self):
        if self._set is None:
            self._set = frozenset(m.sidx for m in self.members)
        return self._set

    def eligible(self, arche, need=None):
        out = []
        for s in self.staff:
            if s.arche != arche or s.cast is not None or s.end is not None or s.seasonal:
                continue
            if s.start > self.period.t0 - 60 * DAY or len(s.periods) < self.period.days // 6:
                continue
            if arche == "sergeant" and s.pattern != "resp":
                continue
            if arche == "special" and len(s.periods) < self.period.days // 9:
                continue
            if need and not need(s):
                continue
            out.append(s)
        return out

    def pick(self, arches, scenario, kind, need=None):
        for a in arches:
            cands = self.eligible(a, need)
            if cands:
                s = self.rng.choice(cands)
                m = Member(len(self.members), s.idx, scenario, kind)
                s.cast = m.no
                self.members.append(m)
                return m
        raise RuntimeError(f"no one can play {scenario}")

    def choose_and_stage(self):
        n_mis = max(7, round(12 * self.n_staff / 1500))
        for i in range(n_mis):
            scenario, arches = MISCONDUCT[i % 6]
            variant = (i // 6) % 2
            first = arches[variant]
            need = None
            if first == "response":
                need = lambda s: s.station in ("Pentowan", "Fenmouth", "Saltreach")
            elif first == "special":
                need = lambda s: s.station in ("Pentowan", "Fenmouth")
            elif first == "neighbourhood":
                need = lambda s: s.station in ("Morrowby", "Carrow")
            elif first == "custody":
                need = lambda s: s.station == "Saltreach"
            m = self.pick([first, arches[1 - variant]], scenario, "misconduct", need)
            getattr(self, "stage_" + scenario)(m, variant)
        full = self.n_staff >= 1200
        for scenario, arches, count in BENIGN:
            for _ in range(count if full else 1):
                m = self.pick(arches, scenario, "benign")
                getattr(self, "stage_" + scenario)(m)

    # ---------- helpers
    def periods(self, s, lo, hi, kinds=("duty", "overtime")):
        return [p for p in s.periods if lo <= p[0] < hi and p[2] in kinds]

    def t_in(self, per, hours=None):
        rng = self.rng
        a, b = per[0], per[1]
        for _ in range(25):
            t = a + 600 + rng.randrange(max(60, b - a - 1200))
            if hours is None:
                return t
            h = clock.local_hour(t)
            if (hours[0] <= h < hours[1]) if hours[0] < hours[1] else (h >= hours[0] or h < hours[1]):
                return t
        return a + 600 + rng.randrange(max(60, b - a - 1200))

    def off_time(self, s, day, h0=19.0, h1=23.5):
        t = self.period.local_time(day, h0 + self.rng.random() * (h1 - h0))
        if t >= self.period.t1 or self.busy(s, t):
            return None
        return t

    def busy(self, s, t, slack=H):
        for a, b, kind, place in s.periods:
            if a - slack <= t < b + slack:
                return True
            if a > t + slack:
                break
        return False

    def woman(self, area, lo_age, hi_age, family=False, tries=80):
        P, rng = self.P, self.rng
        best = None
        for _ in range(tries):
            i = P.choose(rng, area, "female", ["young", "adult"], 0.0)
            age = P.age(i)
            if age is None or not (lo_age <= age <= hi_age):
                continue
            if family and not any(r in ("parent", "sibling", "child") for _, r in P.linked.get(i, [])):
                best = best if best is not None else i
                continue
            return i
        if best is not None:
            return best
        return P.choose(rng, area, "female", ["young"], 0.0)

    def new_person(self, like, sex, age, area, family=None):
        from . import names
        P, rng = self.P, self.rng
        pc = places.postcode(rng, area if area in places.DISTRICTS else "Saltreach")
        lst = names.FEMALE if sex == "female" else names.MALE
        return P.add(rng, family or rng.choice(names.FAMILY), rng.choice(lst[:-6]), sex, 2025 - age, pc, area, 0)

    def area(self, s):
        return s.station if s.station in places.DISTRICTS and s.station != "Saltreach Harbour" else "Saltreach"

    def incident(self, st, cat, opened, **kw):
        return occurrences.incident(self.O, self.P, self.staff, self.duty, self.period, self.rng, st, cat, opened, **kw)

    def own_record(self, s):
        if s.person is None:
            given, family = s.name.split(" ", 1)
            s.person = self.P.add(self.rng, family, given, s.sex, 2025 - self.rng.randint(24, 55), s.home_pc,
                                  s.home_area, 0)
        return s.person

    def frac_day(self, f):
        return int(self.period.days * f)

    # ---------- staging: misconduct
    def stage_attended_victim_pursuit(self, m, variant):
        s, rng, P = self.staff[m.sidx], self.rng, self.P
        lo, hi = self.period.t0 + self.frac_day(0.1) * DAY, self.period.t0 + self.frac_day(0.3) * DAY
        pers = self.periods(s, lo, hi) or self.periods(s, self.period.t0, self.period.t1 - 40 * DAY)
        per = rng.choice(pers)
        st = s.station if s.arche == "response" else rng.choice(["Pentowan", "Fenmouth", "Saltreach"])
        area = "student" if st == "Pentowan" and rng.random() < 0.5 else (st if st in places.DISTRICTS else "Saltreach")
        victim = self.woman(area, 19, 36, family=True)
        if s.arche == "response":
            t0 = self.t_in(per, (18, 2))
            closed = t0 + rng.randint(50, 70) * DAY
            occ = self.incident(st, "domestic_abuse", t0 - rng.randint(900, 2400), victim=victim, closed=closed,
                                attend_with=s.idx, oic_idx=None, arrest=False)
            # a standard-risk case kept by the attending officer, then handed to the safeguarding hub
            handover = t0 + rng.randint(16, 22) * DAY
            self.O.add_assign(self.staff, occ, s.idx, "officer_in_case", t0 + H, handover)
            hub = self.duty.anyone(f"safe:{occurrences.NEAREST_TOWN[st]}", rng)
            if hub is not None:
                self.O.add_assign(self.staff, occ, hub, "officer_in_case", handover, closed)
        else:
            t0 = self.t_in(per, (19, 4))
            occ = self.incident(st, "concern_for_welfare", t0, victim=victim, closed=t0 + rng.randint(30, 50) * DAY,
                                handler=s.idx, arrest=False)
        new_partner = self.new_person(None, "male", P.age(victim) + rng.randint(-2, 6), P.area[victim]
                                      if P.area[victim] in places.DISTRICTS else "Saltreach")
        P.link(victim, new_partner, "partner")
        m.data.update(victim=victim, occ=occ, t0=t0, partner=new_partner)

    def stage_custody_image_browsing(self, m, variant):
        s, rng, P, O = self.staff[m.sidx], self.rng, self.P, self.O
        lo = self.period.t0 + self.frac_day(0.45) * DAY
        nights = [p for p in self.periods(s, lo, self.period.t1 - 3 * DAY) if 18 <= clock.local_hour(p[0]) <= 20]
        pairs = [(a, b) for a, b in zip(nights, nights[1:]) if b[0] - a[0] <= 26 * H]
        if not pairs:
            pairs = [(a, b) for a, b in zip(nights, nights[1:])] or [(p, p) for p in self.periods(s, lo, self.period.t1)]
        first, second = rng.choice(pairs)
        women = []
        for c, cat in enumerate(O.cat):
            if cat != "custody" or O.closed[c] is None or not (first[0] - 120 * DAY <= O.closed[c] < first[0] - DAY):
                continue
            p = O.persons[c][0][0]
            age = P.age(p)
            if P.sex[p] == "female" and age is not None and 17 <= age <= 36:
                women.append(p)
        seen = set()
        women = [p for p in women if not (p in seen or seen.add(p))]
        if len(women) < 25:
            # a handful of women booked in earlier in the period (drink, disorder, shoplifting)
            for _ in range(25 - len(women)):
                who = self.woman(rng.choice(["Saltreach", "Fenmouth", "Pentowan", "student", "seasonal"]), 18, 34)
                t = self.period.t0 + rng.randrange(max(DAY, first[0] - self.period.t0 - 3 * DAY))
                occurrences.custody_episode(O, P, self.staff, self.duty, self.period, rng, who, t, "Saltreach", [])
                women.append(who)
        rng.shuffle(women)
        m.data.update(nights=(first, second), women=women)

    def stage_typed_reason_trawl(self, m, variant):
        pass

    def stage_private_circle_checks(self, m, variant):
        s, rng, P, O = self.staff[m.sidx], self.rng, self.P, self.O
        me = self.own_record(s)
        area = s.home_area
        if s.arche == "cid":
            # an undeclared new partner, her violent ex and her sister
            w = self.new_person(None, "female", rng.randint(28, 41), area)
            ex = self.new_person(None, "male", P.age(w) + rng.randint(-1, 5), area)
            sister = self.new_person(None, "female", P.age(w) + rng.randint(-6, 6), area, family=P.family[w])
            P.link(w, ex, "ex_partner")
            P.link(w, sister, "sibling")
            opened = self.period.t0 - rng.randint(300, 600) * DAY
            occ = O.new("OC24", "domestic_abuse", opened, opened + rng.randint(40, 90) * DAY, area, "")
            O.persons[occ] += [(w, "victim"), (ex, "suspect")]
            O.loc[occ] = places.location_id(P.pc[w], 3)
            cu = O.new("CUSAL", "custody", opened + 5 * H, opened + 22 * H, "Saltreach", places.location_id("QZ1 1AA", 1))
            O.persons[cu].append((ex, "suspect"))
            m.data.update(target=w, other=ex, relative=sister, old=occ, me=me, start=self.frac_day(0.25))
        else:
            # an ex-partner on the records, and her new partner
            e = self.new_person(None, "female" if s.sex == "male" else "male", rng.randint(27, 44), area)
            n = self.new_person(None, "male", P.age(e) + rng.randint(-3, 5), area)
            P.link(me, e, "ex_partner")
            P.link(e, n, "partner")
            t = self.period.t0 + self.frac_day(0.5) * DAY + rng.randint(0, 5) * DAY + 20 * H
            occ = self.incident(area if area in places.DISTRICTS else "Saltreach", "antisocial_behaviour", t,
                                victim=e, arrest=False)
            O.persons[occ].append((n, "other"))
            m.data.update(target=e, other=n, occ=occ, me=me, plate=places.plate(rng), start=self.frac_day(0.2))

    def stage_case_victim_fixation(self, m, variant):
        s, rng, P, O = self.staff[m.sidx], self.rng, self.P, self.O
        area = self.area(s)
        young = s.arche == "neighbourhood"
        w = self.woman(area, 20 if young else 24, 31 if young else 42)
        if s.arche == "safeguarding":
            opened = self.period.t0 - rng.randint(20, 40) * DAY
            closed = self.period.t0 + int(self.period.days * (0.5 + 0.1 * rng.random())) * DAY
            occ = O.new("OC25", "domestic_abuse", opened, closed, s.station, "")
            O.persons[occ].append((w, "victim"))
            partners = [b for b, r in P.linked.get(w, []) if r in ("partner", "spouse", "ex_partner")]
            if partners:
                O.persons[occ].append((partners[0], "suspect"))
            O.loc[occ] = places.location_id(P.pc[w] or "QZ2 4AB", 7)
            O.add_assign(self.staff, occ, s.idx, "officer_in_case", opened + DAY, closed)
            P.mark(w, "mental_health")
            start = self.period.t0 + rng.randint(3, 8) * DAY
        else:
            pers = self.periods(s, self.period.t0 + 2 * DAY, self.period.t0 + self.frac_day(0.12) * DAY)
            t = self.t_in(rng.choice(pers or self.periods(s, self.period.t0, self.period.t1)))
            closed = t + int(self.period.days * 0.55) * DAY
            occ = self.incident(s.station, "stalking_harassment", t, victim=w, closed=closed, attend_with=s.idx,
                                oic_idx=s.idx, arrest=False)
            start = t + rng.randint(4, 7) * DAY
        mother = [b for b, r in P.linked.get(w, []) if r == "child"]      # she is their child
        if not mother:
            mother = [self.new_person(None, "female", (P.age(w) or 30) + rng.randint(22, 30),
                                      P.area[w] if P.area[w] in places.DISTRICTS else area, family=P.family[w])]
            P.link(mother[0], w, "parent")
        partner = self.new_person(None, "male", (P.age(w) or 30) + rng.randint(-2, 6),
                                  P.area[w] if P.area[w] in places.DISTRICTS else area)
        P.link(w, partner, "partner")
        m.data.update(victim=w, occ=occ, closed=closed, start=start, mother=mother[0], partner=partner)
        # the unallocated welfare visit she did not ask for: a new incident the offender volunteers for
        later = self.periods(s, closed + 10 * DAY, self.period.t1 - 5 * DAY)
        if later:
            per = rng.choice(later)
            t = self.t_in(per)
            occ2 = self.incident(s.station if s.station in places.DISTRICTS else "Saltreach", "concern_for_welfare", t,
                                 victim=w, attend_with=s.idx, arrest=False)
            m.data["visit"] = (occ2, t, per)

    def stage_escalating_marker_trawl(self, m, variant):
        P, O, rng = self.P, self.O, self.rng
        s = self.staff[m.sidx]
        women = []
        for occ, cat in enumerate(O.cat):
            if cat in ("sexual_offence", "domestic_abuse") or (cat == "missing_person"):
                if s.arche == "sergeant" and O.station[occ] == s.station:
                    continue
                for p, r in O.persons[occ]:
                    age = P.age(p)
                    if r in ("victim", "other") and P.sex[p] == "female" and age is not None and 17 <= age <= 34:
                        women.append((p, occ))
        for p in range(len(P.pid)):
            if "sex_worker" in P.markers.get(p, ()):
                women.append((p, None))
        rng.shuffle(women)
        m.data["women"] = women[:200]

    # ---------- staging: look-alikes
    def stage_declared_relative_matter(self, m):
        s, rng, P = self.staff[m.sidx], self.rng, self.P
        rel = [(p, r) for sidx, p, r, _ in P.declared if sidx == s.idx and r != "self"]
        if rel:
            p, r = rel[0]
            if P.sex[p] != "female" or (P.age(p) or 0) < 18:
                rel = []
        if not rel:
            p = self.new_person(None, "female", rng.randint(22, 50), s.home_area, family=s.name.split(" ", 1)[1])
            P.declared.append((s.idx, p, "sibling", self.period.t0 - rng.randint(200, 900) * DAY))
        else:
            p = rel[0][0]
        st = rng.choice([x for x in ("Saltreach", "Pentowan", "Fenmouth", "Morrowby") if x != s.station])
        t = self.period.t0 + self.frac_day(0.4) * DAY + rng.randint(0, 6) * DAY + 21 * H
        occ = self.incident(st, "domestic_abuse", t, victim=p, arrest=False)
        m.data.update(person=p, occ=occ, t=t)

    def stage_long_running_investigation(self, m):
        s, rng, P, O = self.staff[m.sidx], self.rng, self.P, self.O
        v = self.woman("student" if rng.random() < 0.5 else self.area(s), 18, 30)
        sus = P.choose(rng, self.area(s), "male", ["young", "adult"], 0.0)
        opened = self.period.t0 - rng.randint(150, 260) * DAY
        occ = O.new("OC24", "sexual_offence", opened, None, s.station if s.station in places.DISTRICTS else "Saltreach", "")
        O.persons[occ] += [(v, "victim"), (sus, "suspect")]
        O.loc[occ] = places.location_id(P.pc[v] or "QZ5 2AB", 9)
        O.add_assign(self.staff, occ, s.idx, "officer_in_case", opened + DAY, None)
        m.data.update(victim=v, suspect=sus, occ=occ)

    def stage_closed_case_review(self, m):
        s, rng, O = self.staff[m.sidx], self.rng, self.O
        start = self.period.t0 + self.frac_day(0.3) * DAY
        end = start + 21 * DAY
        cases = [c for c, cat in enumerate(O.cat) if cat == "sexual_offence" and O.closed[c] is not None
                 and O.closed[c] < self.period.t0]
        rng.shuffle(cases)
        cases = cases[:rng.randint(30, 48)]
        for c in cases:
            if rng.random() < 0.6:
                O.add_assign(self.staff, c, s.idx, "investigator", start, end)
        m.data.update(cases=cases, start=start, end=end)

    def stage_port_safeguarding_operation(self, m):
        s, rng, P, O = self.staff[m.sidx], self.rng, self.P, self.O
        start = (clock.SUMMER + 7 * DAY) if self.period.has_summer else self.period.t0 + self.frac_day(0.5) * DAY
        start = min(start, self.period.t1 - 16 * DAY)
        end = start + 14 * DAY
        while len(self.periods(s, start, end)) < 6 and end < self.period.t1:
            end += 3 * DAY
        checks = []
        for per in self.periods(s, start, end):
            d0 = self.period.day_of(per[0]) - 1
            for d in range(d0, d0 + 3):
                for f in (6.75, 10.0, 13.5, 17.5, 21.25):
                    t = self.period.local_time(d, f)
                    if per[0] <= t < per[1]:
                        for _ in range(rng.randint(4, 9)):
                            female = rng.random() < 0.8
                            who = P.choose(rng, rng.choice(["seasonal", "seasonal", "visitor"]),
                                           "female" if female else "male", ["young"], 0.0)
                            tt = t + rng.randint(60, 3000)
                            checks.append((tt, who, per))
                            if rng.random() < 0.12:
                                occ = O.new("SC25", "stop_check", tt, tt + 1500, "Saltreach Harbour", "")
                                O.persons[occ].append((who, "other"))
                                O.loc[occ] = places.location_id("QZ3 1HB", 2)
                                O.add_assign(self.staff, occ, s.idx, "attending", tt, tt + 1800)
        checks.sort()
        m.data["checks"] = checks

    def stage_retention_review_sweep(self, m):
        s, rng, O = self.staff[m.sidx], self.rng, self.O
        start = self.period.t0 + rng.randint(self.frac_day(0.2), self.frac_day(0.6)) * DAY
        people = []
        for c, cat in enumerate(O.cat):
            if cat in ("sexual_offence", "domestic_abuse", "stalking_harassment") and O.closed[c] is not None \
                    and O.opened[c] < self.period.t0 - 500 * DAY:
                people += [p for p, r in O.persons[c]]
        rng.shuffle(people)
        m.data.update(start=start, people=people[:500])

    def stage_nte_problem_profile(self, m):
        s, rng, O = self.staff[m.sidx], self.rng, self.O
        start = self.period.t0 + self.frac_day(0.35) * DAY
        end = start + 20 * DAY
        scope = [c for c, cat in enumerate(O.cat) if cat in ("sexual_offence", "public_order")
                 and O.station[c] == "Pentowan" and start - 200 * DAY <= O.opened[c] < start]
        for c in scope:
            if rng.random() < 0.5:
                O.add_assign(self.staff, c, s.idx, "analyst", start, end)
        m.data.update(scope=scope, start=start, end=end)

    def stage_repeat_welfare_contact(self, m):
        s, rng, P = self.staff[m.sidx], self.rng, self.P
        area = self.area(s) if s.station != "Tidewater House" else "Saltreach"
        v = self.woman(area, 19, 45)
        P.mark(v, "mental_health")
        occs = []
        t = self.period.t0 + rng.randint(2, 10) * DAY
        while t < self.period.t1 - 5 * DAY:
            cat = rng.choice(["concern_for_welfare", "missing_person", "mental_health", "concern_for_welfare"])
            mine = rng.random() < 0.55
            pers = self.periods(s, t, t + 6 * DAY) if mine else []
            when = self.t_in(pers[0]) if pers else t + rng.randint(0, 86399)
            occ = self.incident(s.station if s.station in places.DISTRICTS else "Saltreach", cat, when, victim=v,
                                attend_with=s.idx if pers else None, arrest=False)
            occs.append((when, occ))
            t = when + rng.randint(12, 24) * DAY
        m.data.update(victim=v, occs=occs)

    def stage_student_caseload(self, m):
        pass

    # ---------- playing
    def play(self, W):
        self.W = W
        self.out = []
        for m in self.members:
            if m.scenario == "student_caseload":
                continue
            self.m = m
            self.s = self.staff[m.sidx]
            getattr(self, "play_" + m.scenario)(m)
        return self.out

    def emit(self, t, system, action, etype, eid, fields, dev, reason=""):
        if t >= self.period.t1 or t < self.period.t0:
            return
        self.out.append((int(t), self.s.idx, system, action, etype, eid, fields, dev, reason, self.m.no + 1))

    def dev_on(self, per):
        return self.rng.choice(self.W.context(self.s, per))

    def dev_off(self):
        s = self.s
        return s.lap or s.mob or s.ws[0]

    def when(self, lo, hi, on_share, hours_on=None, off=(19.0, 23.5)):
        """A time in [lo, hi): on duty (with the device in use) or off duty (laptop, force phone, or came in)."""
        rng, s = self.rng, self.s
        if rng.random() < on_share:
            pers = self.periods(s, lo, hi)
            if pers:
                per = rng.choice(pers)
                return self.t_in(per, hours_on), self.dev_on(per)
        for _ in range(12):
            d = self.period.day_of(lo + rng.randrange(max(DAY, hi - lo)))
            t = self.off_time(s, d, *off)
            if t is not None and lo <= t < hi:
                return t, self.dev_off()
        pers = self.periods(s, lo, hi) or self.periods(s, lo - 7 * DAY, hi + 7 * DAY)
        if not pers:
            return None, None
        per = rng.choice(pers)
        return self.t_in(per), self.dev_on(per)

    def pid(self, p):
        return self.P.pid[p]

    # ---------- misconduct
    def play_attended_victim_pursuit(self, m):
        rng, O, P = self.rng, self.O, self.P
        d = m.data
        v, occ, t0 = d["victim"], d["occ"], d["t0"]
        family = [b for b, r in P.linked.get(v, []) if r in ("parent", "sibling", "child")][:2]
        weekly = [2, 3, 4, 5, 6, 7]
        on_share = 0.55 if self.s.arche == "response" else 0.8
        hours_on = None if self.s.arche == "response" else (0, 5)
        for w, k in enumerate(weekly):
            for _ in range(k):
                lo = t0 + (2 + 7 * w) * DAY
                t, dev = self.when(lo, lo + 7 * DAY, on_share, hours_on)
                if t is None:
                    continue
                if self.s.arche == "call_handler" and rng.random() < 0.35:
                    self.emit(t, "command_control", "view", "occurrence", O.oid[occ], "summary;notes", dev)
                    t += rng.randint(20, 120)
                self.emit(t, "rms", "view", "person", self.pid(v),
                          rng.choice(["summary;contact;address", "identity;contact;address", "contact;address;photo",
                                      "summary;contact"]), dev)
                r = rng.random()
                if r < 0.2:
                    self.emit(t + rng.randint(30, 200), "rms", "view", "occurrence", O.oid[occ], "summary;notes;history",
                              dev)
                elif r < 0.35 and family:
                    self.emit(t + rng.randint(30, 200), "rms", "view", "person", self.pid(rng.choice(family)),
                              "identity;address", dev)
                elif r < 0.5 and w >= 3:
                    self.emit(t + rng.randint(30, 200), "rms", "view", "person", self.pid(d["partner"]),
                              "identity;warnings;history;address", dev)
                elif r < 0.56:
                    self.emit(t + rng.randint(30, 200), "command_control", "search", "location", O.loc[occ],
                              "summary;address", dev)
                elif r < 0.62:
                    self.emit(t + rng.randint(30, 200), "pnc", "search", "person", self.pid(v), "identity;warnings", dev,
                              rng.choice(["enquiry", "welfare check", f"ref {O.oid[occ]}"]))

    def play_custody_image_browsing(self, m):
        rng, P = self.rng, self.P
        first, second = m.data["nights"]
        women = list(m.data["women"])
        # warm-up: a few images on an earlier shift
        warm = self.periods(self.s, first[0] - 14 * DAY, first[0] - 5 * DAY)
        if warm:
            per = rng.choice(warm)
            t = self.t_in(per)
            dev = self.dev_on(per)
            for p in women[:3]:
                t += rng.randint(60, 400)
                self.emit(t, "custody", "view", "custody_image", self.pid(p), "photo", dev)
        k = 3
        for per in (first, second):
            dev = self.dev_on(per)
            t = self.t_in(per, (0.5, 3.5))
            for _ in range(rng.randint(14, 22)):
                if k >= len(women):
                    k = 3
                p = women[k]
                k += 1
                t += rng.randint(25, 240)
                self.emit(t, "custody", "view", "custody_image", self.pid(p), "photo", dev)
                if rng.random() < 0.5:
                    t += rng.randint(15, 90)
                    self.emit(t, "custody", "view", "person", self.pid(p), "identity;custody;address", dev)
                if rng.random() < 0.15:
                    t += rng.randint(10, 60)
                    self.emit(t, "custody", "print", "custody_image", self.pid(p), "photo", dev)

    def play_typed_reason_trawl(self, m):
        rng, P, s = self.rng, self.P, self.s
        port = s.arche == "port"
        area = "Saltreach"
        if not port:
            area = s.station if s.station in places.DISTRICTS else "Saltreach"
        week = self.period.t0 + rng.randint(1, 6) * DAY
        while week < self.period.t1:
            pers = self.periods(s, week, week + 7 * DAY)
            if pers:
                for _ in range(rng.randint(3, 6) if port else rng.randint(2, 4)):
                    per = rng.choice(pers)
                    if port:
                        pool = rng.choice(["visitor", "seasonal", "visitor"])
                        reason = rng.choice(["ports check", "PORTS CHK", "port inbound"])
                    else:
                        pool = "student" if area == "Pentowan" and rng.random() < 0.6 else area
                        reason = rng.choice(["NTE patrol", "stop check", "nightsafe patrol"])
                    who = P.choose(rng, pool, "female", ["young", "young"], 0.0)
                    t = self.t_in(per)
                    dev = self.dev_on(per)
                    self.emit(t, "pnc", "search", "person", self.pid(who),
                              "identity;warnings" if rng.random() < 0.6 else "identity;warnings;address", dev, reason)
                    r = rng.random()
                    if r < 0.3:
                        later = [p for p in pers if p[0] > t] or [per]
                        p2 = rng.choice(later)
                        t2 = max(t + 600, self.t_in(p2))
                        self.emit(t2, "pnd", "search", "person", self.pid(who), "identity;address;photo",
                                  self.dev_on(p2), "02 - Intelligence")
                    elif r < 0.45:
                        self.emit(t + rng.randint(120, 1500), "rms", "view", "person", self.pid(who), "summary;contact",
                                  dev)
            week += 7 * DAY

    def play_private_circle_checks(self, m):
        rng, O, s = self.rng, self.O, self.s
        d = m.data
        w, other = d["target"], d["other"]
        start = self.period.t0 + d["start"] * DAY
        span = self.period.t1 - start
        cid = s.arche == "cid"
        n = rng.randint(18, 24)
        times = sorted(start + int(span * (rng.random() ** 1.4)) for _ in range(n))
        for i, t0 in enumerate(times):
            t, dev = self.when(t0, t0 + 4 * DAY, 0.3 if cid else 0.85, None if cid else (0, 6),
                               off=(19.5, 23.5) if cid else (17.0, 18.5))
            if t is None:
                continue
            if i == 0:
                self.emit(t, "rms", "view", "person", self.pid(w), "identity;address;history", dev)
                if cid:
                    self.emit(t + 95, "rms", "view", "occurrence", O.oid[d["old"]], "summary;notes;history", dev)
                continue
            r = rng.random()
            if r < 0.35:
                self.emit(t, "rms", "view", "person", self.pid(w), rng.choice(["summary;contact;address",
                                                                              "identity;contact", "summary;history"]), dev)
            elif r < 0.6:
                self.emit(t, "rms", "view", "person", self.pid(other), "identity;warnings;history;address", dev)
                if rng.random() < 0.4:
                    if cid:
                        self.emit(t + rng.randint(30, 200), "pnd", "search", "person", self.pid(other),
                                  "identity;history;associates;photo", dev, "01 - Investigation")
                    else:
                        self.emit(t + rng.randint(30, 200), "pnc", "search", "vehicle", d["plate"], "vehicles", dev,
                                  "officer request")
            elif r < 0.72:
                if cid:
                    self.emit(t, "custody", "view", "custody_image", self.pid(other), "photo", dev)
                else:
                    self.emit(t, "command_control", "view", "occurrence", O.oid[d["occ"]], "summary;notes", dev)
            elif r < 0.84:
                if cid:
                    self.emit(t, "rms", "view", "person", self.pid(d["relative"]), "identity;address", dev)
                else:
                    self.emit(t, "command_control", "search", "location", O.loc[d["occ"]], "summary;address", dev)
            elif r < 0.92:
                self.emit(t, "pnc", "search", "person", self.pid(other), "identity;warnings", dev,
                          rng.choice(["enquiry", "intel check"]) if cid else "officer request")
            else:
                self.emit(t, "rms", "view", "person", self.pid(d["me"]), "summary;history", dev)

    def play_case_victim_fixation(self, m):
        """Re-reading the victim of one's own case far beyond what the case needs: her contact details at night,
        her mother, her new partner; it carries on after the case is closed."""
        rng, O = self.rng, self.O
        d = m.data
        v, occ, closed = d["victim"], d["occ"], d["closed"]
        t = d["start"]
        wk = 0
        while t < self.period.t1 - DAY:
            open_case = t < closed
            n = min(4, 1 + wk // 3) if open_case else rng.choice([1, 1, 2])
            for _ in range(n):
                tt, dev = self.when(t, t + 7 * DAY, 0.5, None, off=(19.0, 23.5))
                if tt is None:
                    continue
                self.emit(tt, "rms", "view", "person", self.pid(v), rng.choice(
                    ["summary;contact;address;notes", "contact;address", "identity;contact;photo", "summary;contact"]),
                    dev)
                r = rng.random()
                if r < 0.22:
                    self.emit(tt + rng.randint(40, 300), "rms", "view", "person", self.pid(d["mother"]),
                              "identity;contact;address", dev)
                elif r < 0.45 and wk >= 3:
                    self.emit(tt + rng.randint(40, 300), "rms", "view", "person", self.pid(d["partner"]),
                              "identity;warnings;history;address", dev)
                elif r < 0.6:
                    self.emit(tt + rng.randint(40, 300), "command_control", "search", "location", O.loc[occ],
                              "summary;address", dev)
                elif r < 0.75:
                    self.emit(tt + rng.randint(40, 300), "rms", "view", "occurrence", O.oid[occ],
                              "summary;notes;history", dev)
            t += 7 * DAY
            wk += 1
        if "visit" in d:
            occ2, tv, per = d["visit"]
            self.emit(tv + rng.randint(30, 200), "command_control", "view", "occurrence", O.oid[occ2], "summary;notes",
                      self.dev_on(per))

    def play_escalating_marker_trawl(self, m):
        rng, O, s = self.rng, self.O, self.s
        women = m.data["women"]
        weeks = max(4, self.period.days // 7)
        k = 0
        for wk in range(weeks):
            n = int(round(0.7 + 10 * (wk / weeks) ** 2.2))
            lo = self.period.t0 + wk * 7 * DAY
            for _ in range(n):
                if k >= len(women):
                    k = 0
                p, occ = women[k]
                k += 1
                analyst = s.arche == "analyst"
                t, dev = self.when(lo, lo + 7 * DAY, 0.8 if analyst else 0.9, None if analyst else (23, 5),
                                   off=(19.0, 23.0))
                if t is None:
                    continue
                if analyst:
                    self.emit(t, "intelligence", "search", "person", self.pid(p), "summary;history", dev)
                    if rng.random() < 0.65:
                        self.emit(t + rng.randint(30, 240), "rms", "view", "person", self.pid(p),
                                  rng.choice(["identity;address;photo", "summary;contact;photo"]), dev)
                    if rng.random() < 0.25:
                        self.emit(t + rng.randint(200, 900), "pnd", "search", "person", self.pid(p),
                                  "identity;photo;address", dev, "05 - Research")
                else:
                    if occ is not None:
                        self.emit(t, "rms", "view", "occurrence", O.oid[occ], "summary;notes;history", dev)
                        t += rng.randint(30, 200)
                    self.emit(t, "rms", "view", "person", self.pid(p),
                              rng.choice(["summary;contact;photo", "identity;address;photo", "summary;notes;contact"]), dev)

    # ---------- look-alikes
    def play_declared_relative_matter(self, m):
        rng, O = self.rng, self.O
        d = m.data
        for i in range(rng.randint(5, 9)):
            lo = d["t"] + DAY // 2 + i * 2 * DAY
            t, dev = self.when(lo, lo + 2 * DAY, 0.5)
            if t is None:
                continue
            self.emit(t, "rms", "view", "person", self.pid(d["person"]), "summary;contact;warnings", dev)
            if rng.random() < 0.5:
                self.emit(t + rng.randint(30, 200), "rms", "view", "occurrence", O.oid[d["occ"]], "summary;notes", dev)

    def play_long_running_investigation(self, m):
        rng, O = self.rng, self.O
        d = m.data
        t = self.period.t0 + rng.randint(0, 3) * DAY
        while t < self.period.t1:
            for _ in range(rng.randint(1, 3)):
                kinds_on = rng.random() < 0.8
                if kinds_on:
                    tt, dev = self.when(t, t + 7 * DAY, 1.0)
                else:
                    ocs = [p for p in self.s.periods if t <= p[0] < t + 7 * DAY and p[2] in ("on_call", "extra")]
                    if ocs:
                        per = rng.choice(ocs)
                        tt, dev = self.t_in(per), self.dev_off()
                    else:
                        tt, dev = self.when(t, t + 7 * DAY, 0.0, off=(19.0, 22.0))
                if tt is None:
                    continue
                self.emit(tt, "rms", "view", "occurrence", O.oid[d["occ"]], "summary;notes;history", dev)
                self.emit(tt + rng.randint(30, 200), "rms", "view", "person", self.pid(d["victim"]),
                          rng.choice(["summary;contact;notes", "identity;contact;address", "summary;photo"]), dev)
                if rng.random() < 0.3:
                    self.emit(tt + rng.randint(200, 600), "pnd", "search", "person", self.pid(d["suspect"]),
                              "identity;history;associates", dev, "01 - Investigation")
                if rng.random() < 0.4:
                    self.emit(tt + rng.randint(600, 1500), "rms", "update", "occurrence", O.oid[d["occ"]],
                              "summary;notes", dev)
            t += 7 * DAY

    def play_closed_case_review(self, m):
        rng, O, P = self.rng, self.O, self.P
        d = m.data
        pers = self.periods(self.s, d["start"], d["end"])
        if not pers:
            return
        for i, c in enumerate(d["cases"]):
            per = pers[i * len(pers) // len(d["cases"])]
            t = self.t_in(per)
            dev = self.dev_on(per)
            self.emit(t, "rms", "view", "occurrence", O.oid[c], "summary;notes;history", dev)
            for p, r in O.persons[c]:
                t += rng.randint(60, 500)
                self.emit(t, "rms", "view", "person", self.pid(p), "identity;contact;history", dev)
            if rng.random() < 0.2:
                self.emit(t + rng.randint(60, 500), "rms", "export", "occurrence", O.oid[c], "summary;notes;history", dev)

    def play_port_safeguarding_operation(self, m):
        rng = self.rng
        for t, who, per in m.data["checks"]:
            dev = self.dev_on(per)
            self.emit(t, "pnc", "search", "person", self.pid(who), "identity;warnings", dev,
                      rng.choice(["Op LANTERN", "Op LANTERN - ports safeguarding", "op lantern"]))
            if rng.random() < 0.1:
                self.emit(t + rng.randint(300, 1800), "pnd", "search", "person", self.pid(who), "identity;history",
                          dev, "03 - Safeguarding")

    def play_retention_review_sweep(self, m):
        rng, s = self.rng, self.s
        d = m.data
        people = list(d["people"])
        k = 0
        day = self.period.day_of(d["start"])
        worked = 0
        while worked < 12 and day < self.period.days and k < len(people):
            wd = self.period.weekday(day)
            if wd < 5 or (wd == 5 and worked == 6):
                t = self.period.local_time(day, 6.5 + rng.random())
                dev = s.lap if s.lap else s.ws[0]
                if wd < 5 and self.busy(s, t + 4 * H, 0):
                    dev = s.lap or s.ws[0]
                for _ in range(rng.randint(25, 45)):
                    if k >= len(people):
                        break
                    p = people[k]
                    k += 1
                    t += rng.randint(40, 260)
                    self.emit(t, "rms", "view", "person", self.pid(p), "identity;history;notes", dev)
                    if rng.random() < 0.6:
                        self.emit(t + rng.randint(20, 90), "rms", "update", "person", self.pid(p), "identity;history",
                                  dev, "MoPI review")
                worked += 1
            day += 1

    def play_nte_problem_profile(self, m):
        rng, O = self.rng, self.O
        d = m.data
        if not d["scope"]:
            return
        for per in self.periods(self.s, d["start"], d["end"]):
            dev = self.dev_on(per)
            for _ in range(rng.randint(8, 18)):
                c = rng.choice(d["scope"])
                t = self.t_in(per)
                self.emit(t, "rms", "view", "occurrence", O.oid[c], "summary;notes;history", dev)
                for p, r in O.persons[c]:
                    if r == "victim":
                        self.emit(t + rng.randint(30, 200), "rms", "view", "person", self.pid(p),
                                  "summary;history;associates", dev)

    def play_repeat_welfare_contact(self, m):
        rng, O = self.rng, self.O
        d = m.data
        v = d["victim"]
        for when, occ in d["occs"]:
            t = when + rng.randint(1, 4) * DAY
            for _ in range(rng.randint(2, 4)):
                tt, dev = self.when(t, t + 6 * DAY, 0.75, off=(17.0, 20.0))
                if tt is None:
                    continue
                self.emit(tt, "rms", "view", "person", self.pid(v), rng.choice(["summary;contact;warnings",
                                                                                 "summary;contact;history"]), dev)
                if rng.random() < 0.4:
                    self.emit(tt + rng.randint(30, 300), "rms", "view", "occurrence", O.oid[occ], "summary;notes", dev)
                t += rng.randint(3, 6) * DAY

    # ---------- truth
    def write_truth(self, path, ev, ids):
        first = {}
        for i, e in enumerate(ev):
            tag = e[9]
            if tag:
                cur = first.get(tag)
                if cur is None or (e[0], ids[i]) < (ev[cur][0], ids[cur]):
                    first[tag] = i
        lines = ["staff_id,scenario,first_event_id,first_at,kind"]
        for m in self.members:
            i = first.get(m.no + 1)
            if i is None:
                raise RuntimeError(f"{m.scenario} played by {self.staff[m.sidx].sid} produced no events")
            lines.append(f"{self.staff[m.sidx].sid},{m.scenario},{ids[i]},{clock.iso_z(ev[i][0])},{m.kind}")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(lines) + "\n")
        self.first = first
