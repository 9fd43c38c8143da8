"""Benign look-alikes: staff whose legitimate work looks like misuse. None of them is an offender.

victim_care_heavy_list      Victim Care officer covering an absent colleague's list: twice the calls, mostly women
                            victims, contact details days or weeks after the incident
mash_strategy_family        MASH worker on a child protection strategy case: the same children and parents every day
roads_night_operation       roads officer on a sanctioned night operation: dozens of young drivers checked a night
sanctioned_problem_profile  analyst writing a sanctioned problem profile on sexual exploitation: many women with
                            sexual-offence and sex-worker markers, many outside the tasked occurrences
declared_relative_matter    officer sent to an incident whose victim is a relative they declared; a few look-ups
                            before handing over
oic_domestic_followup       response officer in charge of a domestic abuse case, re-contacting the victim for weeks,
                            twice on a rest day (unrostered overtime)
custody_unrostered_overtime custody officer covering unrostered night overtime: many detainees' custody images
iom_cohort_checks           IOM officer checking the same cohort (three women among them) every week, some at dawn
data_quality_merge          records officer on a bulk duplicate-merge exercise: hundreds of people a day
rasso_historic_operation    RASSO detective on a historic multi-victim investigation: many women victims' contact
                            details and families, evening calls
repeat_caller_handler       call handler who keeps getting the same distressed frequent caller at night
cmu_evening_calls           desk investigator who works flexibly in the evenings from a laptop, phoning victims
"""
from .acts import location_id
from .clock import DAY, HOUR
from .people import DA, SO, MH, CUST, SUB, SW, CHILD
from .scen_tools import Scenario


class Benign(Scenario):
    kind = "benign"


class VictimCareHeavyList(Benign):
    name = "victim_care_heavy_list"
    roles = ("vcu",)

    def setup(self):
        ctx, rng, st, world, pp = self.ctx, self.rng, self.st, self.ctx.world, self.ctx.people
        occs = world.occs
        for sh in self.shifts(self.d0, self.d0 + self.span(24)):
            ws = st.laptop if (sh.wfh and st.laptop) else rng.choice(st.ws)
            pool = []
            for back in range(3, 31):
                for oi in world.by_day.get(sh.day - back, ()):
                    o = occs[oi]
                    if o.cat in ("domestic_abuse", "sexual_offence", "stalking_harassment", "assault", "burglary",
                                 "theft"):
                        for p, r in o.persons:
                            if r == "victim" and (pp.sex[p] == "female" or rng.random() < 0.3):
                                pool.append((oi, p))
            for oi, p in rng.sample(pool, min(len(pool), rng.randint(14, 24))):
                t = self.in_shift(sh, 0.03, 0.97)
                self.ev(t, "rms", "view", "occurrence", oi, "summary;notes", ws)
                self.ev(t + rng.randint(20, 120), "rms", "view", "person", p, "contact;identity", ws,
                        rng.choice(("VCU cover list", "victim update", "")))
                if rng.random() < 0.5:
                    self.ev(t + rng.randint(300, 1200), "rms", "update", "occurrence", oi, "notes", ws)


class MashStrategyFamily(Benign):
    name = "mash_strategy_family"
    roles = ("mash",)

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        sec = rng.choice(ctx.geo.sectors)
        members = []
        while not any(pp.age(m) < 18 for m in members):
            members = pp.household(sec)
        kids = [m for m in members if pp.age(m) < 18]
        adults = [m for m in members if pp.age(m) >= 18]
        mother = adults[0]
        pp.mark(mother, DA)
        for c in kids:
            pp.mark(c, CHILD)
        t = ctx.clock.at_local(self.d0, rng.randint(1, 5) * HOUR)
        first = self.other_on_duty("resp:%d" % sec.k, t + 1800)
        persons = [(mother, "victim")] + [(a, "suspect") for a in adults[1:2]] + [(c, "other") for c in kids]
        o, _ = self.stage("domestic_abuse", t, sec, persons, attenders=[first] if first else [], closed_after=30)
        for sh in self.shifts(self.d0, self.d0 + self.span(21)):
            ws = st.laptop if (sh.wfh and st.laptop) else rng.choice(st.ws)
            t = self.in_shift(sh, 0.05, 0.5)
            self.ev(t, "rms", "view", "occurrence", o.i, "summary;notes", ws, "s47 strategy")
            for p in kids + adults:
                t += rng.randint(30, 300)
                self.ev(t, "rms", "view", "person", p, rng.choice(("summary;history;warnings", "history;associates",
                                                                   "summary;warnings;address")), ws)
            for a in adults:
                if rng.random() < 0.3:
                    self.ev(t + rng.randint(60, 600), "pnd", "search", "person", a, "identity;history", ws,
                            "safeguarding")
            if rng.random() < 0.3:
                t = self.in_shift(sh, 0.6, 0.95)
                for c in kids:
                    t += rng.randint(60, 400)
                    self.ev(t, "rms", "view", "person", c, "summary;warnings", ws)


class RoadsNightOperation(Benign):
    name = "roads_night_operation"
    roles = ("rpu",)

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        nights = [sh for sh in self.shifts(self.d0, self.d0 + self.span(30))
                  if ctx.clock.local_hour(sh.start) >= 15][:7]
        nsec = len(ctx.geo.sectors)
        for sh in nights:
            mdt = rng.choice(ctx.rpu_vehicles)
            for _ in range(rng.randint(30, 50)):
                t = self.in_shift(sh, 0.1, 0.98)
                k = rng.randrange(nsec)
                p = pp.pick(k, "male" if rng.random() < 0.6 else "female", 17, 25)
                v = pp.vrm_of.get(p)
                if v is None:
                    pp.add_vehicle(p)
                    v = pp.vrm_of[p]
                self.ev(t, "pnc", "search", "vehicle", pp.vrms[v], "vehicles", mdt, "Op Nightjar")
                if rng.random() < 0.55:
                    self.ev(t + rng.randint(30, 200), "pnc", "search", "person", p, "identity;warnings", mdt,
                            rng.choice(("Op Nightjar", "Op Nightjar driver", "driver check")))
                    if rng.random() < 0.1:
                        o = ctx.world.new_occ("stop_check", t - 60, st.station, None, t + 900)
                        ctx.world.involve(o, p, "suspect")
                        ctx.world.note_closed(o)
                        ctx.world.assign(o, st, "attending", t - 120, t + 900)
                        self.ev(t + rng.randint(300, 900), "rms", "update", "occurrence", o.i, "summary;notes", mdt)


class SanctionedProblemProfile(Benign):
    name = "sanctioned_problem_profile"
    roles = ("fib",)

    def setup(self):
        ctx, rng, st, pp, world = self.ctx, self.rng, self.st, self.ctx.people, self.ctx.world
        t0 = ctx.clock.at_local(self.d0, 9 * HOUR)
        occs = world.occs
        scope = [oi for oi in world.recent(world.force_recent, t0, 90, open_only=False)
                 if occs[oi].cat == "sexual_offence" or any(pp.mk[p] & SW for p, _ in occs[oi].persons)][:150]
        until = t0 + self.span(28) * DAY
        for oi in scope:
            world.assign(occs[oi], st, "analyst", t0, until)
        st.state["task"] = (until, scope)
        sw = [p for k in range(len(ctx.geo.sectors)) for p in pp.sex_workers[k]]
        for sh in self.shifts(self.d0, self.d0 + self.span(28)):
            ws = st.laptop if (sh.wfh and st.laptop) else rng.choice(st.ws)
            for oi in rng.sample(scope, min(len(scope), rng.randint(4, 10))):
                t = self.in_shift(sh)
                self.ev(t, "rms", "view", "occurrence", oi, "summary;notes", ws, "Op Lantern problem profile")
                for p, r in occs[oi].persons[:2]:
                    self.ev(t + rng.randint(30, 300), "rms", "view", "person", p, "summary;history;associates", ws)
            for p in rng.sample(sw, min(len(sw), rng.randint(5, 12))):
                t = self.in_shift(sh)
                self.ev(t, "rms", "view", "person", p, rng.choice(("summary;history;associates", "summary;photo;history")),
                        ws, "Op Lantern")
                if rng.random() < 0.4:
                    self.ev(t + 60, "intelligence", "search", "person", p, "summary;associates", ws, "Op Lantern")


class DeclaredRelativeMatter(Benign):
    name = "declared_relative_matter"
    roles = ("lpt_resp", "lpt_nbh")

    def setup(self):
        ctx, rng, st, pp, world = self.ctx, self.rng, self.st, self.ctx.people, self.ctx.world
        shs = [sh for sh in self.shifts(self.d0, self.d0 + 25) if sh.kind == "duty"]
        if not shs:
            return
        sec = st.sector
        sister = pp.add("female", rng.randint(25, 55), sec, ctx.geo.postcode(rng, sec), st.name.split()[-1])
        world.declared.append((st.i, sister, "sibling", ctx.clock.date(-rng.randint(200, 1500))))
        sh = shs[0]
        self.d0 = sh.day
        t = self.in_shift(sh, 0.1, 0.5)
        o, start = self.stage("burglary", t, sec, [(sister, "victim")], attenders=[st], closed_after=rng.randint(8, 20),
                              pending=False)
        mdt = rng.choice(sec.vehicles)
        self.ev(start - 300, "command_control", "view", "occurrence", o.i, "summary;notes", mdt)
        self.ev(start - 200, "rms", "view", "person", sister, "summary;warnings;address", mdt,
                "declared relative - sgt aware")
        self.ev(start + rng.randint(40, 90) * 60, "rms", "update", "occurrence", o.i, "notes", mdt,
                "conflict declared, handed over")
        later = [x for x in self.shifts(self.d0 + 1, self.d0 + 6)]
        if later:
            self.ev(self.in_shift(later[0]), "rms", "view", "occurrence", o.i, "summary", rng.choice(st.ws),
                    "declared relative - crime ref for family")


class OicDomesticFollowup(Benign):
    name = "oic_domestic_followup"
    roles = ("lpt_resp",)

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        shs = [sh for sh in self.shifts(self.d0, self.d0 + 25) if sh.kind == "duty"]
        if not shs:
            return
        sec = st.sector
        v = pp.pick(sec.k, "female", 22, 40)
        pp.mark(v, DA)
        sus = pp.partner_of(v) or pp.pick(sec.k, "male", 22, 50)
        mother = [q for q, r in pp.adj[v] if r == "parent"]
        self.d0 = shs[0].day
        t = self.in_shift(shs[0], 0.1, 0.5)
        o, start = self.stage("domestic_abuse", t, sec, [(v, "victim"), (sus, "suspect")], attenders=[st],
                              closed_after=rng.randint(30, 45))
        ctx.world.assign(o, st, "officer_in_case", start + 3 * HOUR, o.closed)
        span = self.span(40)
        for sh in self.shifts(self.d0 + 1, self.d0 + span):
            if rng.random() < 0.45:
                ws = rng.choice(st.ws)
                t = self.in_shift(sh)
                self.ev(t, "rms", "view", "person", v, rng.choice(("contact;identity", "contact;address")), ws,
                        rng.choice(("DA follow up", "statement", "DVPO", "")))
                self.ev(t + rng.randint(300, 1800), "rms", "update", "occurrence", o.i, "notes", ws)
                if mother and rng.random() < 0.15:
                    self.ev(t + 600, "rms", "view", "person", mother[0], "summary;contact", ws, "safeguarding")
        for d in rng.sample(self.free_evenings(self.d0 + 5, self.d0 + span), 2) if \
                len(self.free_evenings(self.d0 + 5, self.d0 + span)) >= 2 else []:
            t = ctx.clock.at_local(d, rng.randint(10, 15) * HOUR)
            self.ev(t, "rms", "view", "person", v, "contact;address", rng.choice(st.ws), "court warning - overtime")
            self.ev(t + 1200, "rms", "update", "occurrence", o.i, "notes", rng.choice(st.ws))


class CustodyUnrosteredOvertime(Benign):
    name = "custody_unrostered_overtime"
    roles = ("custody",)

    def setup(self):
        ctx, rng, st, pp, world = self.ctx, self.rng, self.st, self.ctx.people, self.ctx.world
        nights = self.free_evenings(self.d0, self.d0 + self.span(40))
        secs = [s for s in ctx.geo.sectors if s.custody == st.station] or ctx.geo.sectors
        for d in rng.sample(nights, min(len(nights), 4)):
            start = ctx.clock.at_local(d, 19 * HOUR)
            ws = rng.choice(st.ws)
            for _ in range(rng.randint(5, 8)):
                t = start + rng.randint(0, 10 * HOUR)
                sec = rng.choice(secs)
                p = pp.pick(sec.k, "female" if rng.random() < 0.5 else "male", 18, 40)
                c = world.new_occ("custody", t, st.station, None, t + rng.randint(5, 20) * HOUR)
                if c.closed >= ctx.clock.end:
                    c.closed = None
                world.involve(c, p, "suspect")
                world.note_closed(c)
                pp.mark(p, CUST)
                world.assign(c, st, "supervisor", t, t + 10 * HOUR)
                self.ev(t + rng.randint(60, 300), "custody", "update", "occurrence", c.i, "custody;summary", ws)
                self.ev(t + rng.randint(300, 900), "custody", "view", "person", p, "identity;warnings;custody", ws)
                self.ev(t + rng.randint(300, 900), "pnc", "search", "person", p, "identity;warnings", ws, "custody booking")
                self.ev(t + rng.randint(900, 2400), "custody", "update", "custody_image", p, "photo", ws)
                self.ev(t + rng.randint(2400, 5000), "custody", "view", "custody_image", p, "photo", ws)


class IomCohortChecks(Benign):
    name = "iom_cohort_checks"
    roles = ("iom",)

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        women = []
        for _ in range(3):
            k = rng.randrange(len(ctx.geo.sectors))
            p = pp.pick(k, "female", 20, 40)
            pp.mark(p, SUB | (SW if rng.random() < 0.5 else 0) | CUST)
            women.append(p)
        men = []
        for _ in range(10):
            k = rng.randrange(len(ctx.geo.sectors))
            if pp.prolific[k]:
                men.append(rng.choice(pp.prolific[k]))
        cohort = women + men
        st.cohort = cohort + st.cohort
        span = self.span(45)
        pnc = st.role != "police_staff"
        for sh in self.shifts(self.d0, self.d0 + span):
            ws = rng.choice(st.ws)
            for p in rng.sample(cohort, rng.randint(3, 6)):
                t = self.in_shift(sh)
                if pnc:
                    self.ev(t, "pnc", "search", "person", p, "identity;warnings", ws, "IOM cohort")
                self.ev(t + rng.randint(30, 300), "rms", "view", "person", p, "summary;address;history", ws)
                if rng.random() < 0.3:
                    self.ev(t + 400, "pnd", "search", "person", p, "identity;history;associates", ws,
                            "offender management")
        for d in rng.sample(range(self.d0 + 3, self.d0 + span), min(3, max(0, span - 3))):
            t = ctx.clock.at_local(d, int(rng.uniform(4.8, 6.4) * HOUR))
            for p in rng.sample(cohort, 5):
                t += rng.randint(60, 300)
                self.ev(t, "rms", "view", "person", p, "address;photo;warnings", st.handheld or rng.choice(st.ws),
                        "Op Daybreak warrant")


class DataQualityMerge(Benign):
    name = "data_quality_merge"
    roles = ("records",)

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        marked = [p for p in range(0, len(pp), 7) if pp.mk[p]]
        for sh in self.shifts(self.d0, self.d0 + self.span(16))[:10]:
            ws = st.laptop if (sh.wfh and st.laptop) else rng.choice(st.ws)
            for _ in range(rng.randint(50, 80)):
                p = rng.choice(marked) if rng.random() < 0.5 else rng.randrange(len(pp))
                t = self.in_shift(sh, 0.02, 0.98)
                self.ev(t, "rms", "search", "person", p, "summary", ws, "DQ merge exercise")
                self.ev(t + rng.randint(10, 120), "rms", "view", "person", p, "identity;address;history", ws)
                if rng.random() < 0.5:
                    self.ev(t + rng.randint(120, 400), "rms", "update", "person", p, "identity;address", ws,
                            "duplicate merge")


class RassoHistoricOperation(Benign):
    name = "rasso_historic_operation"
    roles = ("ppiu",)

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        shs = self.shifts(self.d0, self.d0 + self.span(45))
        if not shs:
            return
        victims, cases = [], []
        sus = pp.pick(rng.randrange(len(ctx.geo.sectors)), "male", 45, 70)
        for _ in range(rng.randint(8, 12)):
            sec = rng.choice(ctx.geo.sectors)
            v = pp.pick(sec.k, "female", 28, 50)
            pp.mark(v, SO)
            t = shs[0].start - rng.randint(2, 48) * HOUR
            o, _ = self.stage("sexual_offence", t, sec, [(v, "victim"), (sus, "suspect")], call=False,
                              closed_after=None)
            ctx.world.assign(o, st, "officer_in_case", t + HOUR, None)
            victims.append(v)
            cases.append(o)
        for sh in shs:
            ws = rng.choice(st.ws)
            for v, o in rng.sample(list(zip(victims, cases)), rng.randint(2, 5)):
                t = self.in_shift(sh)
                self.ev(t, "rms", "view", "person", v, rng.choice(("contact;address", "contact;identity",
                                                                   "summary;address;photo")), ws, "Op Harrow")
                for q in pp.relatives(v)[:2]:
                    if rng.random() < 0.3:
                        self.ev(t + rng.randint(60, 600), "rms", "view", "person", q, "summary;contact", ws)
                self.ev(t + rng.randint(600, 2400), "rms", "update", "occurrence", o.i, "notes", ws)
            if rng.random() < 0.25:
                t = sh.end + rng.randint(1, 3) * HOUR
                v = rng.choice(victims)
                self.ev(t, "rms", "view", "person", v, "contact;identity", st.laptop or rng.choice(st.ws),
                        "evening call - victim works days")


class RepeatCallerHandler(Benign):
    name = "repeat_caller_handler"
    roles = ("fcr_ch",)

    def setup(self):
        ctx, rng, st, pp, world = self.ctx, self.rng, self.st, self.ctx.people, self.ctx.world
        sec = rng.choice(ctx.geo.sectors)
        caller = pp.pick(sec.k, "female", 25, 45, pp.mh[sec.k], 0.7)
        pp.mark(caller, MH)
        shs = [sh for sh in self.shifts(self.d0, self.d0 + self.span(90)) if sh.kind == "duty"]
        for sh in rng.sample(shs, min(len(shs), rng.randint(14, 22))):
            t = self.in_shift(sh, 0.1, 0.9)
            o = world.new_occ("mental_health", t, sec.station, sec.k, t + rng.randint(1, 6) * HOUR)
            if o.closed >= ctx.clock.end:
                o.closed = None
            world.involve(o, caller, "caller")
            world.note_closed(o)
            world.assign(o, st, "call_handler", t, t + 1800)
            ws = rng.choice(st.ws)
            self.ev(t + 60, "command_control", "update", "occurrence", o.i, "summary;notes", ws)
            self.ev(t + 200, "rms", "view", "person", caller, "summary;warnings;history", ws)
            prev = [x for x in world.occs_of(caller, t) if x != o.i][-3:]
            for x in prev:
                self.ev(t + rng.randint(200, 900), "rms", "view", "occurrence", x, "summary;notes", ws)
            self.ev(t + 400, "command_control", "search", "location", location_id(pp, caller), "summary;warnings", ws)


class CmuEveningCalls(Benign):
    name = "cmu_evening_calls"
    roles = ("cmu",)

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        span = self.span(40)
        cases = []
        for _ in range(rng.randint(10, 14)):
            sec = rng.choice(ctx.geo.sectors)
            v = pp.pick(sec.k, "female" if rng.random() < 0.75 else "male", 20, 60)
            t = ctx.clock.at_local(self.d0, 0) - rng.randint(1, 72) * HOUR
            cat = rng.choice(("theft", "burglary", "criminal_damage", "fraud", "assault"))
            o, _ = self.stage(cat, t, sec, [(v, "victim")], call=False, closed_after=rng.randint(20, 40), oic=st,
                              oic_role="investigator" if st.role == "police_staff" else "officer_in_case")
            cases.append((o, v))
        dev = st.laptop or rng.choice(st.ws)
        for d in range(self.d0, self.d0 + span):
            if ctx.clock.weekday(d) >= 5 or rng.random() > 0.5:
                continue
            t = self.evening(d, 18, 19.5)
            for o, v in rng.sample(cases, rng.randint(2, 5)):
                if o.closed is not None and o.closed < t:
                    continue
                t += rng.randint(300, 1200)
                self.ev(t, "rms", "view", "occurrence", o.i, "summary;notes", dev)
                self.ev(t + 60, "rms", "view", "person", v, "contact;identity", dev, "victim works days")
                self.ev(t + rng.randint(300, 900), "rms", "update", "occurrence", o.i, "notes", dev)


KINDS = [VictimCareHeavyList, MashStrategyFamily, RoadsNightOperation, SanctionedProblemProfile,
         DeclaredRelativeMatter, OicDomesticFollowup, CustodyUnrosteredOvertime, IomCohortChecks, DataQualityMerge,
         RassoHistoricOperation, RepeatCallerHandler, CmuEveningCalls]
