"""Six kinds of abuse of position for a sexual purpose, each hidden inside a normal working life."""
from .util import DAY, HOUR, MIN
from .organisation import ST_INDEX, AREAS
from .population import M
from .scenario_base import Scenario
from .names import SURNAMES


def gaps(r, start, end, first, later, switch=3):
    """Session days from start: short gaps at first, longer later."""
    out = []
    d = start
    k = 0
    while d < end:
        out.append(d)
        g = first if k < switch else later
        d += r.randrange(g[0], g[1] + 1)
        k += 1
    return out


class AttendedVictim(Scenario):
    """Meets a woman at a domestic or stalking job, then keeps opening her contact details and address on the
    app, mostly off duty, while the occurrence is still open (so it looks like case work) and after."""
    name = "attended_victim_afterglow"
    VARIANTS = (("resp_city", "resp_town"), ("specials",), ("nbh",))

    def setup(self):
        units = self.VARIANTS[self.variant % 3]
        if not self.cast(units, need=lambda s: s.beacon is not None):
            return False
        self.victim = None
        self.plan = []
        return True

    def day(self, d):
        sim, r = self.sim, self.r
        if self.victim is None:
            if d < self.start - 4:
                return
            w = self.window(d)
            if w is None:
                return
            a, b, k = w
            t = max(self.day0(d), a + int((b - a) * (0.15 + 0.4 * r.random())))
            st = sim.staff[self.actor].station
            area = st if st in self.ctx.areas[:8] else self.ctx.areas[r.randrange(4)]
            self.victim = self.woman(area, 19, 34, M["mental_health"] if r.random() < 0.4 else 0,
                                     kind=r.choice(("single", "lone")))
            cat = "stalking_harassment" if self.variant % 3 == 2 else "domestic_abuse"
            forced = {"victim": self.victim, "attend": self.actor}
            if self.variant % 3 == 2:
                forced["oic"] = self.actor
            else:
                det, _ = self.ctx.inc.pick("daiu", ST_INDEX["ORH"], t + HOUR, r)
                if det is not None:
                    forced["oic"] = det
            self.occ = self.ctx.inc.call(t, area, cat, forced)
            first = max(d + 1, self.start) + r.randrange(0, 3)
            g = ((2, 5), (4, 12)) if self.variant % 3 == 0 else (((6, 10), (12, 20)) if self.variant % 3 == 1
                                                                 else ((3, 6), (6, 14)))
            self.plan = gaps(r, first, sim.days, g[0], g[1])
            self.friend = self.relative(self.victim, "f", 19, 35)
            return
        if d not in self.plan:
            return
        s = sim.staff[self.actor]
        for _ in range(r.choice((1, 1, 2, 3) if self.variant % 3 != 1 else (1, 1, 1, 1, 2))):
            t = self.off_duty(d) if r.random() < 0.7 else self.on_shift(d)
            if t is None:
                t = self.off_duty(d, 7.0, 8.5) or self.on_shift(d)
            if t is None:
                continue
            dev = s.beacon
            self.ev(t, "rms", self.actor, "view", "person", self.victim,
                    r.choice(("contact;address", "identity;photo", "contact", "address;history",
                              "identity;contact;photo")), dev)
            if r.random() < 0.3 and sim.o_open[self.occ] < t:
                self.ev(t + r.randrange(30, 300), "rms", self.actor, "view", "occurrence", self.occ, "summary;notes",
                        dev)
            if d > self.plan[0] + 20 and r.random() < 0.3:
                self.ev(t + r.randrange(60, 600), "rms", self.actor, "search", "person", self.friend,
                        "identity;address;photo", dev)


class ManagedPartner(Scenario):
    """Fixates on the partner of a managed offender: her record is linked to his, so the look-ups look like
    offender management; adds evening look-ups from home and 'welfare visits' nobody allocated."""
    name = "managed_partner_fixation"

    def setup(self):
        r, sim, P = self.r, self.sim, self.sim.P
        rt = self.ctx.rt
        if self.variant % 2 == 0:
            ok = self.cast(("mosovo",), need=lambda s: s.idx in rt.rso_of)
            if not ok:
                return False
            items = rt.rso_of[self.actor]
            cand = [it for it in items if it[0] in P.partner and P.sex[P.partner[it[0]]] == "f"
                    and 20 <= P.age(P.partner[it[0]]) <= 50]
            if cand:
                it = cand[r.randrange(len(cand))]
                self.target = P.partner[it[0]]
            else:
                it = items[r.randrange(len(items))]
                o = it[0]
                area = P.area[o] if P.area[o] >= 0 else AREAS[0]
                self.target = self.woman(area, 22, 45)
                P.partner[o] = self.target
                P.links.append((o, self.target, "partner"))
            self.offender = it[0]
        else:
            ok = self.cast(("iom",), need=lambda s: s.idx in rt.iom_of)
            if not ok:
                return False
            coh = rt.iom_of[self.actor]
            o = coh[r.randrange(len(coh))]
            self.offender = o
            pt = P.partner.get(o)
            if pt is None or P.sex[pt] != "f":
                area = P.area[o] if P.area[o] >= 0 else AREAS[0]
                pt = self.woman(area, 20, 40)
                P.partner[o] = pt
            self.target = pt
        self.sister = self.relative(self.target, "f", 18, 45)
        self.plan = gaps(r, self.start, sim.days, (2, 6), (5, 12), switch=4)
        self.visits = set(r.sample(self.plan[2:], min(3, max(0, len(self.plan) - 2)))) if len(self.plan) > 3 else set()
        return True

    def day(self, d):
        sim, r = self.sim, self.r
        if d not in self.plan:
            return
        s = sim.staff[self.actor]
        P = sim.P
        if d in self.visits:
            t = self.on_shift(d, 0.3, 0.7)
            if t is not None:
                area = P.area[self.target] if P.area[self.target] >= 0 else AREAS[0]
                self.ctx.inc.call(t, area, "concern_for_welfare", {"victim": self.target, "attend": self.actor})
                return
        off = r.random() < 0.5
        t = self.off_duty(d, 19, 23) if off else self.on_shift(d)
        if t is None:
            t = self.on_shift(d) or self.off_duty(d, 19, 23)
        if t is None:
            return
        dev = (s.laptop or s.beacon or sim.desk(self.actor, t, r)) if sim.working(self.actor, t) is None \
            else sim.desk(self.actor, t, r)
        self.ev(t, "rms", self.actor, "view", "person", self.target,
                r.choice(("contact;address", "identity;photo", "contact;notes", "identity;contact;address")), dev)
        if r.random() < 0.25:
            self.ev(t + r.randrange(60, 400), "pnc", self.actor, "search", "person", self.target, "identity;warnings",
                    dev, "RSO visit" if self.variant % 2 == 0 else "IOM")
        if r.random() < 0.2:
            self.ev(t + r.randrange(200, 900), "rms", self.actor, "view", "person", self.sister,
                    "identity;address;contact", dev)
        if r.random() < 0.25:
            self.ev(t + r.randrange(60, 300), "rms", self.actor, "view", "person", self.offender, "identity;address", dev)


class CaseVictimCircle(Scenario):
    """An investigator on a woman's case drifts to her sister, her mother and her new partner, and keeps
    opening her record after the case has closed; types 'case enquiry' when the system asks."""
    name = "case_victim_circle"
    VARIANTS = (("rasso", "sexual_offence", False), ("daiu", "domestic_abuse", False),
                ("cid", "stalking_harassment", False), ("daiu", "domestic_abuse", True))

    def setup(self):
        unit, self.cat, sup = self.VARIANTS[self.variant % 4]
        if not self.cast((unit,), sup=sup):
            return False
        self.case_day = max(0, self.start - self.r.randrange(8, 20))
        self.occ = None
        return True

    def day(self, d):
        sim, r = self.sim, self.r
        P = sim.P
        if self.occ is None:
            if d < self.case_day:
                return
            t = self.on_shift(d, 0.1, 0.5)
            if t is None:
                return
            area = self.ctx.areas[r.randrange(8)]
            self.victim = self.woman(area, 18, 34, kind="lone")
            self.mother = self.relative(self.victim, "f", 44, 66)
            self.sister = self.relative(self.victim, "f", 18, 36)
            self.newp = None
            self.occ = self.ctx.inc.call(max(self.day0(d), t - 3 * HOUR), area, self.cat,
                                         {"victim": self.victim, "oic": self.actor})
            self.plan = gaps(r, max(d + 3, self.start), sim.days, (3, 7), (4, 10))
            return
        if d not in self.plan:
            return
        s = sim.staff[self.actor]
        home = r.random() < 0.6
        t = self.off_duty(d, 19, 23.5) if home else self.on_shift(d)
        if t is None:
            t = self.on_shift(d) or self.off_duty(d, 19, 23.5)
        if t is None:
            return
        ws = (s.laptop or s.beacon or sim.desk(self.actor, t, r)) if sim.working(self.actor, t) is None \
            else sim.desk(self.actor, t, r)
        why = r.choice(("case enquiry", "Case enquiry", "enquiry", "OIC", "victim update"))
        x = r.random()
        if x < 0.4:
            self.ev(t, "rms", self.actor, "view", "person", self.sister, r.choice(("identity;contact;address",
                                                                                   "identity;photo", "contact")), ws)
        elif x < 0.6:
            self.ev(t, "rms", self.actor, "view", "person", self.mother, "identity;address", ws)
        else:
            self.ev(t, "rms", self.actor, "view", "person", self.victim, r.choice(("contact", "contact;address",
                                                                                   "identity;photo")), ws, why)
        if d > self.plan[0] + 25 and r.random() < 0.4:
            if self.newp is None:
                self.newp = self.relative(self.victim, "m", 22, 40)
                P.fam[self.newp] = r.choice(SURNAMES)
            self.ev(t + r.randrange(60, 600), "rms", self.actor, "search", "person", self.newp,
                    "identity;history;address", ws)
        if r.random() < 0.15:
            self.ev(t + r.randrange(60, 600), "pnd", self.actor, "search", "person", self.sister,
                    "identity;associates", ws, "investigation")


class RestDayChecks(Scenario):
    """Checks young women on the PNC from the app on rest days and late evenings, typing 'stop check'
    (or 'ports check' at the airport, from an airport terminal after the shift)."""
    name = "rest_day_handheld_checks"
    VARIANTS = (("resp_city", "resp_town"), ("nbh",), ("apu",))

    def setup(self):
        v = self.variant % 3
        need = (lambda s: s.beacon is not None) if v < 2 else None
        if not self.cast(self.VARIANTS[v], need=need):
            return False
        self.seen = []
        self.ex = None
        if v == 0:
            s = self.sim.staff[self.actor]
            self.ex = self.woman(s.home_area, 24, 40)
            self.ctx.declared.append((self.actor, self.ex, "ex_partner", -self.r.randrange(100, 900)))
        return True

    def pick_woman(self):
        sim, r, P = self.sim, self.r, self.sim.P
        if self.seen and r.random() < 0.25:
            return self.seen[r.randrange(len(self.seen))]
        if self.variant % 3 == 2 and r.random() < 0.5 and P.travellers:
            pool = P.travellers
        else:
            pool = P.by_area[self.ctx.areas[r.randrange(8)]]
        for _ in range(40):
            i = pool[r.randrange(len(pool))]
            if P.sex[i] == "f" and 18 <= P.age(i) <= 30:
                self.seen.append(i)
                return i
        return None

    def day(self, d):
        sim, r = self.sim, self.r
        if d < self.start:
            return
        v = self.variant % 3
        s = sim.staff[self.actor]
        if v == 2:
            w = self.window(d)
            if w is None or (self.n and r.random() < 0.65):
                return
            t = w[1] + r.randrange(20, 80) * MIN
            dev = f"APT-WS{r.randrange(1, 9):04d}"
            why = ("ports check", "Ports check", "ports - inbound")
        else:
            if d in s.wday or (self.n and r.random() < 0.6):
                return
            t = self.off_duty(d, 20, 23.8)
            if t is None:
                return
            dev = s.beacon
            why = ("stop check", "S/C", "Stop check", "stop chk")
        for k in range(r.choice((1, 1, 2, 3))):
            w = self.pick_woman()
            if w is None:
                continue
            tt = t + k * r.randrange(120, 900)
            self.ev(tt, "pnc", self.actor, "search", "person", w, "identity;warnings", dev, r.choice(why))
            if r.random() < 0.4:
                self.ev(tt + r.randrange(30, 300), "rms", self.actor, "view", "person", w, "identity;photo;address", dev)
        if self.ex is not None and r.random() < 0.06:
            self.ev(t + r.randrange(600, 1800), "rms", self.actor, "view", "person", self.ex, "address;contact", dev)


class CallerSlowRevisit(Scenario):
    """A call handler (or dispatcher) took a call from a vulnerable woman and, every week or three, opens her
    record again from the control room; later a second caller. Always on duty, always on force terminals."""
    name = "caller_slow_revisit"
    VARIANTS = ("kcc", "jcr")

    def setup(self):
        if not self.cast((self.VARIANTS[self.variant % 2],)):
            return False
        self.targets = []
        self.next_meet = [self.start - 3, self.start + (self.sim.days - self.start) // 2]
        self.plan = []
        return True

    def ws(self, t):
        if self.variant % 2 == 0:
            return self.sim.kcc_pos(self.actor, t)
        return self.sim.jcr_console(self.actor, t)

    def day(self, d):
        sim, r = self.sim, self.r
        if self.next_meet and d >= self.next_meet[0]:
            t = self.on_shift(d, 0.1, 0.6)
            if t is not None:
                area = self.ctx.areas[r.randrange(8)]
                w = self.woman(area, 20, 45, M["mental_health"] if not self.targets else 0)
                cat = "mental_health" if not self.targets else "domestic_abuse"
                forced = {"victim": w}
                if self.variant % 2 == 0:
                    forced["handler"] = self.actor
                else:
                    forced["dispatcher"] = self.actor
                occ = self.ctx.inc.call(t, area, cat, forced)
                self.targets.append((w, occ, sim.location(r, area)))
                self.next_meet.pop(0)
                self.plan += gaps(r, max(self.start, d + r.randrange(4, 10)), sim.days, (7, 20), (7, 20))
            return
        if d not in self.plan or not self.targets:
            return
        t = self.on_shift(d)
        if t is None:
            j = self.plan.index(d)
            for dd in range(d + 1, d + 4):
                if dd < sim.days and dd not in self.plan:
                    self.plan[j] = dd
                    break
            return
        w, occ, loc = self.targets[-1] if r.random() < 0.6 else self.targets[0]
        ws = self.ws(t)
        self.ev(t, "rms", self.actor, "view", "person", w, r.choice(("contact;address", "contact;address;history",
                                                                     "identity;contact")), ws)
        if r.random() < 0.4:
            self.ev(t + r.randrange(30, 300), "command_control", self.actor, "view", "location", loc, "address;history", ws)
        if r.random() < 0.3 and sim.o_open[occ] < t:
            self.ev(t + r.randrange(30, 300), "command_control", self.actor, "view", "occurrence", occ, "summary;notes", ws)


class DetaineeTrawl(Scenario):
    """Opens the custody images and then the contact details of young women days after their release, spread
    over custody, RMS, PND (and intelligence), with typed reasons where asked."""
    name = "detainee_image_trawl"
    VARIANTS = (("cust_vcn", "cust_slr"), ("fib", "area_intel"))

    def setup(self):
        if not self.cast(self.VARIANTS[self.variant % 2]):
            return False
        self.seen = []
        return True

    def target(self, t):
        sim, r, P = self.sim, self.r, self.sim.P
        s = sim.staff[self.actor]
        suites = [s.station] if self.variant % 2 == 0 else list(sim.custody_recent)
        for _ in range(40):
            if not suites:
                break
            x = sim.recent_custody(suites[r.randrange(len(suites))], t, 30, 24 * 12, r)
            if x is None:
                continue
            c, p, rel = x
            if rel < t - DAY and P.sex[p] == "f" and 18 <= P.age(p) <= 36:
                return p
        if self.variant % 2 == 1 and P.sexworkers and r.random() < 0.5:
            return P.sexworkers[r.randrange(len(P.sexworkers))]
        if self.seen:
            return self.seen[r.randrange(len(self.seen))]
        return None

    def day(self, d):
        sim, r = self.sim, self.r
        if d < self.start or (self.n and r.random() < (0.62 if self.variant % 2 == 0 else 0.72)):
            return
        t = self.on_shift(d)
        if t is None:
            return
        p = self.target(t)
        if p is None:
            return
        self.seen.append(p)
        s = sim.staff[self.actor]
        if self.variant % 2 == 0:
            term = sim.custody_term(s.station, r)
        else:
            term = sim.desk(self.actor, t, r)
        self.ev(t, "custody", self.actor, "view", "custody_image", p, "photo", term)
        if r.random() < 0.4:
            self.ev(t + r.randrange(30, 200), "custody", self.actor, "view", "person", p, "identity;custody", term)
        desk = sim.desk(self.actor, t, r)
        if r.random() < 0.5:
            self.ev(t + r.randrange(200, 1200), "rms", self.actor, "view", "person", p, "contact;address", desk)
        if r.random() < 0.3:
            self.ev(t + r.randrange(300, 1500), "pnd", self.actor, "search", "person", p, "identity;associates", desk,
                    r.choice(("intelligence", "research")))
        if self.variant % 2 == 1 and r.random() < 0.4:
            self.ev(t + r.randrange(300, 1500), "intelligence", self.actor, "search", "person", p,
                    "identity;associates", desk, r.choice(("research", "op tasking", "profile")))


KINDS = [AttendedVictim, ManagedPartner, CaseVictimCircle, RestDayChecks, CallerSlowRevisit, DetaineeTrawl]
