"""Six kinds of offender, drawn from the warning signs in real cases (each in two roles).

1 attended_victim_recontact  attended an incident, then keeps reopening the woman's contact details and address for
                             weeks while the case is open and after it closes, then her new partner and sister
2 rest_day_custody_browsing  off duty, on a force terminal (the custody suite's, or a station's / a force handheld),
                             browses custody images, contact details and addresses of young women in short sessions
3 pretext_stop_checks        a slow drip of PNC person checks on young women, typed "stop check", with no stop check
                             recorded; some followed days later by an address or contact look-up
4 safeguarding_role_cover    uses a role whose duty covers vulnerable people (MASH, Victim Care) to browse women
                             with vulnerability markers outside any referral, fixing on two of them
5 case_victim_circle         a desk or RASSO investigator who, beyond the case, looks up the victim's family,
                             friend and new partner, and her address after the case closes
6 crisis_caller_burst        meets a woman in crisis (a 999 call, a mental health incident) and within days runs an
                             intense burst across every system, then a few returns weeks later
"""
from .acts import location_id, incident_reason, PATROL_PERSON, ROADS_PERSON
from .clock import DAY, HOUR
from .people import DA, SO, MH, CUST, SW, STALK
from .scen_tools import Scenario


def _woman(ctx, rng, k, lo=20, hi=34, fresh=True):
    pp = ctx.people
    if fresh:
        pc = ctx.geo.postcode(rng, ctx.geo.sectors[k])
        return pp.add("female", rng.randint(lo, hi), ctx.geo.sectors[k], pc)
    return pp.pick(k, "female", lo, hi)


def _man(ctx, rng, k, lo=22, hi=45):
    return ctx.people.add("male", rng.randint(lo, hi), ctx.geo.sectors[k], ctx.geo.postcode(rng, ctx.geo.sectors[k]))


class AttendedVictimRecontact(Scenario):
    name = "attended_victim_recontact"
    roles = ("lpt_resp", "rpu")

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        shs = [sh for sh in self.shifts(self.d0, self.d0 + 25) if sh.kind == "duty"]
        if not shs:
            return
        sh = shs[0]
        self.d0 = sh.day  # the story runs from the incident
        t = self.in_shift(sh, 0.1, 0.5)
        sec = st.sector if st.unit == "lpt_resp" else rng.choice(ctx.geo.sectors)
        k = sec.k
        v = _woman(ctx, rng, k, 22, 36)
        persons = [(v, "victim")]
        if self.variant == 0:
            ex = _man(ctx, rng, k, 24, 44)
            pp.link(v, ex, "ex_partner")
            pp.mark(v, DA)
            persons.append((ex, "suspect"))
            cat = "domestic_abuse"
            oic = self.member("ppiu:da") or self.member("cmu")
        else:
            other = pp.pick(k, "male", 18, 60)
            persons.append((other, "suspect"))
            cat = "road_traffic"
            oic = self.member("rpu")
        o, start = self.stage(cat, t, sec, persons, attenders=[st], oic=oic,
                              closed_after=min(rng.randint(26, 40), max(6, self.span(60) // 2)))
        partner = _man(ctx, rng, k, 25, 40)
        sister = pp.add("female", pp.age(v) + rng.randint(-5, 5), sec, ctx.geo.postcode(rng, sec), pp.family[v])
        pp.link(v, sister, "sibling")
        span = self.span(60)
        mdt = rng.choice(sec.vehicles if st.unit == "lpt_resp" else ctx.rpu_vehicles)
        n = rng.randint(16, 24)
        days = sorted(self.d0 + 2 + int(span * rng.random() ** 1.6) for _ in range(n))
        linked = False
        for i, d in enumerate(days):
            on = [x for x in st.shifts if x.worked and x.day == d and x.kind in ("duty", "overtime")]
            if on and rng.random() < 0.7:
                tt, dev = self.in_shift(on[0]), rng.choice((mdt, st.handheld, rng.choice(st.ws)))
            else:
                tt, dev = self.evening(d, 18, 23.8), st.handheld
            r = rng.random()
            if i > n // 2 and not linked:
                pp.link(v, partner, "partner")
                linked = True
            if linked and r < 0.18:
                self.ev(tt, "rms", "view", "person", partner, rng.choice(("summary;address;photo", "summary;photo")), dev)
            elif r < 0.26:
                self.ev(tt, "rms", "view", "person", sister, "summary;address", dev)
            elif r < 0.4:
                self.ev(tt, "rms", "view", "occurrence", o.i, "summary;notes", dev)
            elif r < 0.5:
                self.ev(tt, "pnc", "search", "person", v, "identity;warnings", dev,
                        rng.choice(("enquiry", "follow up", incident_reason(rng, o))))
            else:
                self.ev(tt, "rms", "view", "person", v, rng.choice(("contact;address", "contact;identity",
                                                                     "contact;address;photo")), dev)
        if not linked:
            pp.link(v, partner, "partner")
        self.note = "%s attended %s" % (st.team, o.oid)


class RestDayCustodyBrowsing(Scenario):
    name = "rest_day_custody_browsing"
    roles = ("custody", "specials")

    def _targets(self, d):
        ctx, rng, pp, world = self.ctx, self.rng, self.ctx.people, self.ctx.world
        occs = world.occs
        t = ctx.clock.at_local(d, 18 * HOUR)
        out = []
        if self.st.unit == "custody":
            for oi in world.recent(world.custody_recent.get(self.st.station, []), t, 60, open_only=False):
                p = occs[oi].persons[0][0]
                if pp.sex[p] == "female" and 18 <= pp.age(p) <= 34 and p not in out:
                    out.append(p)
            if len(out) < 6:
                for sec in ctx.geo.sectors:
                    if sec.custody == self.st.station:
                        out += [p for p in pp.f_adult[sec.k] if pp.mk[p] & CUST and pp.age(p) <= 34][:10]
        else:
            k = self.st.sector.k
            for oi in world.recent(world.area_recent.get(k, []), t, 30, open_only=False):
                o = occs[oi]
                if o.cat in ("domestic_abuse", "sexual_offence", "stalking_harassment", "assault", "mental_health"):
                    for p, r in o.persons:
                        if pp.sex[p] == "female" and 18 <= pp.age(p) <= 35 and r in ("victim", "other") \
                                and p not in out:
                            out.append(p)
        return out

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        evenings = self.free_evenings(self.d0, self.d0 + self.span(75))
        if not evenings:
            return
        sessions = sorted(rng.sample(evenings, min(len(evenings), rng.randint(7, 10))))
        favourites = []
        for d in sessions:
            targets = self._targets(d)
            if not targets:
                continue
            if len(favourites) < 3:
                favourites += rng.sample(targets, min(len(targets), 3 - len(favourites)))
            t = self.evening(d, 19, 22.5)
            if st.unit == "custody":
                dev = rng.choice(st.ws)
            else:
                dev = rng.choice((st.handheld, rng.choice(st.ws)))
            picks = [rng.choice(favourites) for _ in range(rng.randint(1, 3))] + \
                [rng.choice(targets) for _ in range(rng.randint(3, 8))]
            for p in picks:
                t += rng.randint(40, 420)
                r = rng.random()
                if st.unit == "custody" and r < 0.4 and pp.mk[p] & CUST:
                    self.ev(t, "custody", "view", "custody_image", p, "photo", dev)
                elif st.unit == "custody" and r < 0.55:
                    self.ev(t, "custody", "view", "person", p, "identity;custody", dev)
                elif r < 0.85:
                    self.ev(t, "rms", "view", "person", p, rng.choice(("contact;address", "contact;address;photo",
                                                                       "summary;photo")), dev)
                else:
                    self.ev(t, "pnc", "search", "person", p, "identity;warnings", dev, rng.choice(("enquiry", "enq",
                                                                                               "check")))
                if st.unit != "custody" and r < 0.25:
                    occ = ctx.world.occs_of(p, t)
                    if occ:
                        self.ev(t + 60, "rms", "view", "occurrence", occ[-1], "summary;notes", dev)
        self.note = "%d rest-day sessions" % len(sessions)


class PretextStopChecks(Scenario):
    name = "pretext_stop_checks"
    roles = ("rpu", "lpt_nbh")

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        span = self.span(100)
        nsec = len(ctx.geo.sectors)
        roads = st.unit == "rpu"
        vehicles = ctx.rpu_vehicles if roads else st.sector.vehicles
        followups = []
        for sh in self.shifts(self.d0, self.d0 + span):
            if rng.random() > 0.55:
                continue
            for _ in range(rng.randint(1, 3)):
                k = rng.randrange(nsec) if roads else (st.sector.k if rng.random() < 0.85 else rng.randrange(nsec))
                p = pp.pick(k, "female", 18, 31)
                t = self.in_shift(sh, 0.2, 0.98)
                dev = rng.choice(vehicles) if roads or rng.random() < 0.5 else st.handheld
                v = pp.vrm_of.get(p)
                if roads and v is not None and rng.random() < 0.5:
                    self.ev(t - rng.randint(30, 120), "pnc", "search", "vehicle", pp.vrms[v], "vehicles", dev,
                            rng.choice(("veh check", "s.163 RTA stop", "ANPR hit")))
                self.ev(t, "pnc", "search", "person", p, "identity;warnings", dev,
                        rng.choice(ROADS_PERSON[:3] + ["stop check"] if roads else PATROL_PERSON[:6]))
                if rng.random() < 0.22:
                    followups.append((t, p))
        for t, p in followups:
            t2 = t + rng.randint(1, 10) * DAY + rng.randint(-3, 3) * HOUR
            dev = st.handheld if (not self.busy(t2) or rng.random() < 0.3) else rng.choice(st.ws)
            self.ev(t2, "rms", "view", "person", p, rng.choice(("address;contact", "summary;address;photo",
                                                               "contact;identity")), dev)
            if rng.random() < 0.2:
                self.ev(t2 + rng.randint(60, 600), "pnd", "search", "person", p, "identity;associates", dev,
                        rng.choice(("intel", "enquiry")))
        self.note = "%d follow-ups" % len(followups)


class SafeguardingRoleCover(Scenario):
    name = "safeguarding_role_cover"
    roles = ("mash", "vcu")

    def setup(self):
        ctx, rng, st, pp, world = self.ctx, self.rng, self.st, self.ctx.people, self.ctx.world
        nsec = len(ctx.geo.sectors)
        span = self.span(90)
        marked = DA | SO | MH | SW | STALK
        occs = world.occs

        def candidate():
            if st.unit == "vcu":
                # victims whose crimes are 30-120 days old: past any Victim Care contact
                t = ctx.clock.at_local(self.d0, 0)
                for _ in range(40):
                    oi = rng.randrange(len(occs))
                    o = occs[oi]
                    if o.cat in ("domestic_abuse", "sexual_offence", "stalking_harassment", "assault") and \
                            t - 150 * DAY < o.opened < t - 25 * DAY:
                        for p, r in o.persons:
                            if r == "victim" and pp.sex[p] == "female" and 18 <= pp.age(p) <= 36:
                                return p
            for _ in range(60):
                k = rng.randrange(nsec)
                p = pp.pick(k, "female", 18, 35)
                if pp.mk[p] & marked:
                    return p
            return pp.pick(rng.randrange(nsec), "female", 18, 35)

        favourites = [candidate(), candidate()]
        partner = _man(ctx, rng, pp.sector[favourites[0]], 24, 40)
        pp.link(favourites[0], partner, "partner")
        for sh in self.shifts(self.d0, self.d0 + span):
            ws = st.laptop if (sh.wfh and st.laptop) else rng.choice(st.ws)
            if rng.random() < 0.5:
                for _ in range(rng.randint(1, 3)):
                    p = candidate()
                    t = self.in_shift(sh)
                    self.ev(t, "rms", "view", "person", p, rng.choice(("summary;photo;address", "contact;photo",
                                                                       "summary;history;photo")), ws)
                    occ = world.occs_of(p, t)
                    if occ and rng.random() < 0.3:
                        self.ev(t + 90, "rms", "view", "occurrence", occ[-1], "summary;notes", ws)
            if rng.random() < 0.3:
                p = rng.choice(favourites)
                self.ev(self.in_shift(sh), "rms", "view", "person", p, rng.choice(("contact;address", "photo;address",
                                                                                   "contact;photo")), ws)
        evenings = self.free_evenings(self.d0 + 7, self.d0 + span)
        for d in rng.sample(evenings, min(len(evenings), rng.randint(4, 7))):
            dev = st.laptop or rng.choice(st.ws)
            t = self.evening(d, 19, 23)
            for p in favourites + [partner] * (1 if rng.random() < 0.5 else 0):
                t += rng.randint(60, 600)
                self.ev(t, "rms", "view", "person", p, rng.choice(("contact;address;photo", "summary;photo")), dev)
        self.note = "favourites %s" % ",".join(pp.pid(p) for p in favourites)


class CaseVictimCircle(Scenario):
    name = "case_victim_circle"
    roles = ("cmu", "ppiu")

    def setup(self):
        ctx, rng, st, pp = self.ctx, self.rng, self.st, self.ctx.people
        shs = [sh for sh in self.shifts(self.d0, self.d0 + 25) if sh.kind == "duty"]
        if not shs:
            return
        self.d0 = shs[0].day
        sec = rng.choice(ctx.geo.sectors)
        k = sec.k
        v = _woman(ctx, rng, k, 20, 35)
        sister = pp.add("female", pp.age(v) + rng.randint(-4, 6), sec, ctx.geo.postcode(rng, sec), pp.family[v])
        mother = pp.add("female", pp.age(v) + rng.randint(22, 30), sec, pp.pc[v], pp.family[v])
        friend = _woman(ctx, rng, k, 20, 35)
        pp.link(v, sister, "sibling")
        pp.link(v, mother, "parent")
        pp.link(v, friend, "friend")
        sus = _man(ctx, rng, k, 22, 45)
        room = max(4, self.span(65) // 2)  # short runs: close the case early enough to see what follows
        if self.variant == 0:
            cat, closed_after = "stalking_harassment", min(room, rng.randint(16, 26))
            pp.mark(v, STALK)
            pp.link(v, sus, "ex_partner")
        else:
            cat, closed_after = "sexual_offence", min(room, rng.randint(22, 34))
            pp.mark(v, SO)
        t = shs[0].start - rng.randint(10, 40) * HOUR
        first = self.other_on_duty("resp:%d" % k, t + 1800)
        o, _ = self.stage(cat, t, sec, [(v, "victim"), (sus, "suspect")], attenders=[first] if first else [],
                          closed_after=closed_after, oic=st,
                          oic_role="officer_in_case" if st.role == "detective" else "investigator")
        close = o.closed or ctx.clock.end
        new_partner = _man(ctx, rng, k, 24, 40)
        span = self.span(65)
        shs_all = self.shifts(self.d0, self.d0 + span)
        # during the case: her circle, beyond what the case needs
        for sh in shs_all:
            if sh.start > close or rng.random() > 0.3:
                continue
            ws = st.laptop if (sh.wfh and st.laptop) else rng.choice(st.ws)
            q = rng.choice((sister, friend, mother, sister))
            self.ev(self.in_shift(sh), "rms", "view", "person", q, rng.choice(("summary;address;photo", "contact;photo",
                                                                               "summary;contact")), ws)
        # after closure: her, her new partner, her friend; evenings from home as well as at work
        pp.link(v, new_partner, "partner")
        later = [sh for sh in shs_all if sh.start > close]
        evenings = self.free_evenings(ctx.clock.local_day(close) + 1, self.d0 + span)
        slots = [("shift", sh) for sh in rng.sample(later, min(len(later), rng.randint(6, 10)))] + \
            [("evening", d) for d in rng.sample(evenings, min(len(evenings), rng.randint(3, 6)))]
        for kind, x in slots:
            if kind == "shift":
                t, dev = self.in_shift(x), (st.laptop if (x.wfh and st.laptop) else rng.choice(st.ws))
            else:
                t, dev = self.evening(x, 19, 23.5), (st.laptop or rng.choice(st.ws))
            for p in rng.sample((v, v, new_partner, friend, sister), rng.randint(1, 3)):
                t += rng.randint(30, 400)
                self.ev(t, "rms", "view", "person", p, rng.choice(("contact;address", "summary;address;photo",
                                                                   "contact;photo")), dev)
        self.note = "OIC of %s" % o.oid


class CrisisCallerBurst(Scenario):
    name = "crisis_caller_burst"
    roles = ("fcr_ch", "arv")

    def setup(self):
        ctx, rng, st, pp, world = self.ctx, self.rng, self.st, self.ctx.people, self.ctx.world
        shs = [sh for sh in self.shifts(self.d0, self.d0 + 25) if sh.kind == "duty"]
        if not shs:
            return
        sh = shs[0]
        self.d0 = sh.day
        sec = rng.choice(ctx.geo.sectors)
        k = sec.k
        # a woman already known: earlier incidents and custody, an ex-partner
        v = pp.pick(k, "female", 20, 34)
        pp.mark(v, MH | (CUST if self.variant == 1 else 0))
        ex = _man(ctx, rng, k, 24, 45)
        pp.link(v, ex, "ex_partner")
        t = self.in_shift(sh, 0.1, 0.6)
        if self.variant == 0:
            o, _ = self.stage("mental_health", t, sec, [(v, "caller"), (ex, "other")], attenders=[], call=False,
                              closed_after=0.3)
            world.assign(o, st, "call_handler", t, t + rng.randint(10, 25) * 60)
            st.pending.append((t, o.i, "call_handler"))
            ws = lambda: rng.choice(st.ws)  # noqa: E731
        else:
            o, _ = self.stage("mental_health", t, sec, [(v, "other")], attenders=[st], closed_after=0.4)
            ws = lambda: rng.choice((rng.choice(ctx.arv_vehicles), st.handheld, rng.choice(st.ws)))  # noqa: E731
        prev = [x for x in world.occs_of(v, t) if x != o.i]
        burst_days = [self.d0 + x for x in range(1, rng.randint(3, 5))]
        moments = []
        for d in burst_days:
            on = [x for x in st.shifts if x.worked and x.day == d and x.kind in ("duty", "overtime")]
            if on:
                moments.append((self.in_shift(on[0], 0.05, 0.6), ws()))
                moments.append((self.in_shift(on[0], 0.5, 0.95), ws()))
            else:
                dev = rng.choice(st.ws) if self.variant == 0 else st.handheld
                moments.append((self.evening(d, 10, 22), dev))
        total = rng.randint(26, 40)
        per = max(1, total // max(1, len(moments)))
        for t0, dev in moments:
            t = t0
            for _ in range(per):
                t += rng.randint(20, 240)
                r = rng.random()
                if r < 0.3:
                    self.ev(t, "rms", "view", "person", v, rng.choice(("contact;address", "summary;photo;history",
                                                                       "contact;address;photo")), dev)
                elif r < 0.42 and prev:
                    self.ev(t, "rms", "view", "occurrence", rng.choice(prev), "summary;notes", dev)
                elif r < 0.52:
                    self.ev(t, "pnd", "search", "person", v, "identity;history;associates", dev, "")
                elif r < 0.6:
                    self.ev(t, "intelligence", "search", "person", v, "summary;associates", dev)
                elif r < 0.68:
                    self.ev(t, "command_control", "search", "location", location_id(pp, v), "summary;warnings", dev)
                elif r < 0.76:
                    self.ev(t, "pnc", "search", "person", v, "identity;warnings", dev, rng.choice(("call back", "enq",
                                                                                               "welfare")))
                elif r < 0.86 and pp.mk[v] & CUST:
                    self.ev(t, "custody", "view", "custody_image", v, "photo", dev)
                else:
                    self.ev(t, "rms", "view", "person", ex, "summary;address", dev)
        # a few returns weeks later
        late = list(range(self.d0 + 14, self.d0 + self.span(50)))
        for d in sorted(rng.sample(late, min(3, len(late)))):
            on = [x for x in st.shifts if x.worked and x.day == d]
            t = self.in_shift(on[0]) if on else self.evening(d)
            self.ev(t, "rms", "view", "person", v, "contact;address;photo", ws())
        self.note = "met her on %s" % o.oid


KINDS = [AttendedVictimRecontact, RestDayCustodyBrowsing, PretextStopChecks, SafeguardingRoleCover,
         CaseVictimCircle, CrisisCallerBurst]
