"""Legitimate work in this force that looks like misuse from the audit trail alone."""
from .util import DAY, HOUR
from .population import M, new_traveller
from .world import R
from .scenario_base import Scenario


class PPUIntensive(Scenario):
    """Offender manager with a high-risk caseload: fortnightly visits, some unannounced in the evening (overtime
    that never reaches the duty system), always reading the partner's record first."""
    name = "ppu_high_risk_caseload"
    kind = "benign"

    def setup(self):
        rt = self.ctx.rt
        if not self.cast(("mosovo",), need=lambda s: s.idx in rt.rso_of and len(rt.rso_of[s.idx]) >= 4):
            return False
        items = rt.rso_of[self.actor]
        self.items = items[: max(3, len(items) // 3)]
        for it in self.items:
            it[3] = 14 * DAY
            it[2] = self.day0(self.start) + self.r.randrange(0, 14) * DAY
        return True

    def day(self, d):
        sim, r = self.sim, self.r
        if d < self.start:
            return
        s = sim.staff[self.actor]
        for it in self.items:
            if it[2] <= self.day0(d) + DAY:
                if r.random() < 0.35:
                    t = self.off_duty(d, 18.5, 21)
                    if t is not None:
                        self.ctx.rt.visit(self.actor, it, t, off_duty_dev=s.laptop or s.beacon or sim.desk(self.actor, t, r),
                                          tag=self.tag)
                        self.n += 5
                        continue
                t = self.on_shift(d, 0.2, 0.8)
                if t is not None:
                    self.ctx.rt.visit(self.actor, it, t, tag=self.tag)
                    self.n += 5


class AirportOperation(Scenario):
    """Operation Kittiwake: ports safeguarding against trafficking. Checks of young women travelling alone on
    flagged routes, many per shift, reason typed as the operation name, some on unrostered overtime."""
    name = "airport_trafficking_operation"
    kind = "benign"

    def setup(self):
        if not self.cast(("apu",)):
            return False
        self.end = min(self.sim.days, self.start + self.r.randrange(18, 35))
        return True

    def day(self, d):
        sim, r, P = self.sim, self.r, self.sim.P
        if not (self.start <= d < self.end):
            return
        w = self.window(d)
        if w is None:
            if r.random() < 0.25:
                a = self.day0(d) + r.randrange(8, 14) * HOUR
                w = (a, a + 6 * HOUR, "overtime")
            else:
                return
        a, b, k = w
        for _ in range(r.randrange(6, 16)):
            t = a + r.randrange(int(b - a))
            if t < self.day0(d):
                continue
            p = new_traveller(P, r)
            if r.random() < 0.85:
                P.sex[p] = "f"
                P.given[p] = r.choice(("Ivana", "Maria", "Elena", "Daria", "Anna", "Sofia", "Irina", "Leah", "Jade"))
                P.by[p] = 2025 - r.randrange(17, 27)
            dev = f"APU-HH-{r.randrange(1, 25):02d}"
            self.ev(t, "pnc", self.actor, "search", "person", p, "identity;warnings", dev,
                    r.choice(("Op Kittiwake", "op kittiwake", "Kittiwake - safeguarding")))
            if r.random() < 0.3:
                self.ev(t + r.randrange(60, 600), "rms", self.actor, "view", "person", p, "identity;photo;contact", dev)


class PrisonVisitors(Scenario):
    """Prison liaison officer checking prisoners' visitors (mostly partners) for drug conveyancing."""
    name = "prison_visitor_checks"
    kind = "benign"

    def setup(self):
        return self.cast(("prison",))

    def day(self, d):
        sim, r, P = self.sim, self.r, self.sim.P
        if d < self.start:
            return
        t = self.on_shift(d)
        if t is None:
            return
        for _ in range(r.randrange(2, 6)):
            o = P.prisoners[r.randrange(len(P.prisoners))]
            v = P.partner.get(o)
            if v is None:
                continue
            self.ev(t, "rms", self.actor, "view", "person", v, r.choice(("identity;address;photo", "identity;associates",
                                                                         "identity;contact;address")), "HMPS-LINK-01")
            if r.random() < 0.4:
                self.ev(t + r.randrange(60, 500), "intelligence", self.actor, "search", "person", v, "associates;history",
                        "HMPS-LINK-01", r.choice(("conveyancing", "visits intel", "prison intel")))
            t += r.randrange(300, 2400)


class LanternClosedCallbacks(Scenario):
    """Lantern Hub (charity-run victim service): closure call-backs to victims of domestic and sexual
    offences weeks after their case closed; no rosters exported for the hub."""
    name = "victim_hub_closure_callbacks"
    kind = "benign"

    def setup(self):
        return self.cast(("lantern",))

    def day(self, d):
        sim, r = self.sim, self.r
        if d < self.start:
            return
        t = self.on_shift(d)
        if t is None:
            return
        n = len(sim.o_cat)
        ws = f"LNH-PORTAL-{(self.actor % 12) + 1:02d}"
        done = 0
        for _ in range(60):
            if done >= r.randrange(2, 6):
                break
            occ = r.randrange(n)
            c = sim.o_close[occ]
            if sim.o_cat[occ] not in (0, 1, 2) or c < 0 or not (t - 60 * DAY < c < t - 14 * DAY):
                continue
            vic = sim.persons_of(occ, R["victim"])
            if not vic:
                continue
            self.ev(t, "rms", self.actor, "view", "person", vic[0], "identity;contact", ws,
                    r.choice(("closure call", "VCOP closure", "victim contact")))
            if r.random() < 0.5:
                self.ev(t + 120, "rms", self.actor, "view", "occurrence", occ, "summary;notes", ws, "closure call")
            t += r.randrange(600, 2400)
            done += 1


class DataQualitySprint(Scenario):
    """Data-quality merge sprint ahead of the RMS upgrade: hundreds of nominal records opened and updated,
    evenings and a weekend on overtime the duty system never saw."""
    name = "data_quality_merge_sprint"
    kind = "benign"

    def setup(self):
        if not self.cast(("dq",)):
            return False
        self.end = min(self.sim.days, self.start + self.r.randrange(10, 21))
        return True

    def day(self, d):
        sim, r, P = self.sim, self.r, self.sim.P
        if not (self.start <= d < self.end):
            return
        w = self.window(d)
        if w is None:
            a = self.day0(d) + r.randrange(9, 12) * HOUR
            w = (a, a + 5 * HOUR, "overtime")
        else:
            w = (w[0], w[1] + 3 * HOUR, "late")
        a, b, k = w
        n = len(P)
        ws = sim.desk(self.actor, a, r)
        for _ in range(r.randrange(25, 60)):
            t = a + r.randrange(int(b - a))
            p = r.randrange(n)
            self.ev(t, "rms", self.actor, "view", "person", p, "identity;address;history", ws)
            if r.random() < 0.6:
                self.ev(t + r.randrange(30, 200), "rms", self.actor, "update", "person", p, "identity;address", ws)


class IOMHouseholds(Scenario):
    """IOM officer checking the households and partners of the cohort before home visits (IOM keeps no links)."""
    name = "iom_household_checks"
    kind = "benign"

    def setup(self):
        rt = self.ctx.rt
        return self.cast(("iom",), need=lambda s: s.idx in rt.iom_of)

    def day(self, d):
        sim, r, P = self.sim, self.r, self.sim.P
        if d < self.start or r.random() < 0.4:
            return
        t = self.on_shift(d)
        if t is None:
            return
        coh = self.ctx.rt.iom_of[self.actor]
        for _ in range(r.randrange(1, 4)):
            o = coh[r.randrange(len(coh))]
            hh = P.hh[o]
            mem = [j for j in P.households[hh] if j != o] if hh >= 0 else []
            if not mem:
                continue
            j = mem[r.randrange(len(mem))]
            ws = sim.desk(self.actor, t, r) if r.random() < 0.6 else sim.mobile(self.actor, t, r)
            self.ev(t, "rms", self.actor, "view", "person", j, r.choice(("identity;contact;address", "identity;warnings",
                                                                         "identity;photo")), ws)
            t += r.randrange(300, 1800)


class MARACPrep(Scenario):
    """Fortnightly MARAC preparation: the day before, every high-risk domestic abuse victim on the list,
    the perpetrators and the children, contact and history, none of it assigned."""
    name = "marac_preparation"
    kind = "benign"

    def setup(self):
        if not self.cast(("marac",)):
            return False
        self.days_ = list(range(self.start, self.sim.days, 14))
        return True

    def day(self, d):
        sim, r = self.sim, self.r
        if d not in self.days_:
            return
        t = self.on_shift(d, 0.05, 0.3)
        if t is None:
            if d + 1 < sim.days:
                self.days_.append(d + 1)
            return
        vr = sim.victims_recent
        ws = sim.desk(self.actor, t, r)
        k = 0
        for tv, occ, v in reversed(vr):
            if k >= r.randrange(15, 30):
                break
            if sim.o_cat[occ] != 0 or tv > t or tv < t - 30 * DAY:
                continue
            k += 1
            self.ev(t, "rms", self.actor, "view", "person", v, "identity;contact;address;history", ws, "MARAC")
            for p, role in sim.o_ps[occ]:
                if p != v and r.random() < 0.6:
                    self.ev(t + 120, "rms", self.actor, "view", "person", p, "identity;history;warnings", ws, "MARAC")
            t += r.randrange(180, 900)


class ColdCaseReview(Scenario):
    """Review of closed rape and serious sexual offence cases (Operation Tern's quality review): opens
    victims' records months after closure, with a typed reason."""
    name = "rasso_closed_case_review"
    kind = "benign"

    def setup(self):
        if not self.cast(("rasso", "major")):
            return False
        self.end = min(self.sim.days, self.start + self.r.randrange(20, 40))
        return True

    def day(self, d):
        sim, r = self.sim, self.r
        if not (self.start <= d < self.end) or r.random() < 0.3:
            return
        t = self.on_shift(d)
        if t is None:
            return
        n = len(sim.o_cat)
        ws = sim.desk(self.actor, t, r)
        done = 0
        for _ in range(300):
            if done >= 4:
                break
            occ = r.randrange(n)
            c = sim.o_close[occ]
            if sim.o_cat[occ] != 1 or c < 0 or c > t:
                continue
            self.ev(t, "rms", self.actor, "view", "occurrence", occ, "summary;notes", ws, "Op Tern review")
            for p in sim.persons_of(occ, R["victim"]):
                self.ev(t + r.randrange(60, 600), "rms", self.actor, "view", "person", p, "identity;contact;history", ws,
                        "Op Tern review")
            t += r.randrange(900, 3600)
            done += 1


class YOIResettlement(Scenario):
    """YOI liaison preparing releases: the young people and their families (mothers, sisters) at home."""
    name = "yoi_resettlement_checks"
    kind = "benign"

    def setup(self):
        return self.cast(("yoi",))

    def day(self, d):
        sim, r, P = self.sim, self.r, self.sim.P
        if d < self.start or r.random() < 0.5:
            return
        t = self.on_shift(d)
        if t is None:
            return
        o = P.yoi[r.randrange(len(P.yoi))]
        hh = P.hh[o]
        for j in (P.households[hh] if hh >= 0 else [o]):
            self.ev(t, "rms", self.actor, "view", "person", j, r.choice(("identity;address;contact", "identity;warnings")),
                    "HRY-LINK-01", "resettlement")
            t += r.randrange(60, 600)


class CustodyAudit(Scenario):
    """Custody inspector's quality audit of released detainees' records and images."""
    name = "custody_records_audit"
    kind = "benign"

    def setup(self):
        return self.cast(("cust_vcn", "cust_slr"), sup=True) or self.cast(("cust_vcn", "cust_slr"))

    def day(self, d):
        sim, r = self.sim, self.r
        if d < self.start or r.random() < 0.5:
            return
        t = self.on_shift(d)
        if t is None:
            return
        s = sim.staff[self.actor]
        ws = sim.custody_term(s.station, r)
        for _ in range(r.randrange(3, 9)):
            x = sim.recent_custody(s.station, t, 48, 24 * 30, r)
            if x is None or x[2] > t:
                continue
            c, p, rel = x
            self.ev(t, "custody", self.actor, "view", "occurrence", c, "custody;notes", ws)
            self.ev(t + 60, "custody", self.actor, "view", "custody_image", p, "photo", ws)
            if r.random() < 0.3:
                self.ev(t + 120, "custody", self.actor, "view", "person", p, "identity;custody", ws)
            t += r.randrange(300, 1200)


class OnCallDI(Scenario):
    """Major crime on-call DI (on-call rota not exported): night call-outs from the laptop at home, reading
    victims and suspects of the night's serious incidents."""
    name = "major_crime_on_call"
    kind = "benign"

    def setup(self):
        return self.cast(("major", "cid"), sup=True)

    def day(self, d):
        sim, r = self.sim, self.r
        if d < self.start or (self.n and r.random() < 0.82):
            return
        t = self.off_duty(d, 20, 23.9)
        if t is None:
            return
        s = sim.staff[self.actor]
        ws = s.laptop or s.beacon or sim.desk(self.actor, t, r)
        for _ in range(r.randrange(2, 6)):
            occ = sim.recent_occ(self.ctx.areas[r.randrange(8)], t, 10, r)
            if occ is None or sim.o_cat[occ] not in (0, 1, 3, 9):
                continue
            self.ev(t, "rms", self.actor, "view", "occurrence", occ, "summary;notes", ws)
            for p, role in sim.o_ps[occ][:2]:
                self.ev(t + r.randrange(60, 400), "rms", self.actor, "view", "person", p, "identity;contact;warnings", ws)
            t += r.randrange(300, 1500)


class HighIntensityUser(Scenario):
    """Neighbourhood officer and a vulnerable woman who is reported missing or in crisis again and again; the
    officer checks on her record often, including from the app on rest days."""
    name = "neighbourhood_high_intensity_user"
    kind = "benign"

    def setup(self):
        if not self.cast(("nbh",), need=lambda s: s.beacon is not None):
            return False
        self.w = None
        return True

    def day(self, d):
        sim, r = self.sim, self.r
        if d < self.start:
            return
        s = sim.staff[self.actor]
        area = s.station
        if self.w is None:
            self.w = self.woman(area, 20, 40, M["mental_health"] | M["vulnerable_adult"])
            self.incidents = []
        if r.random() < 0.12:
            t = self.day0(d) + r.randrange(8 * HOUR, 23 * HOUR)
            occ = self.ctx.inc.call(t, area, r.choice(("missing_person", "mental_health", "concern_for_welfare")),
                                    {"victim": self.w})
            self.incidents.append(occ)
        if r.random() < 0.3:
            t = self.on_shift(d) if d in s.wday else self.off_duty(d, 9, 21)
            if t is None:
                return
            dev = s.beacon
            self.ev(t, "rms", self.actor, "view", "person", self.w, r.choice(("identity;warnings;contact", "address;contact",
                                                                              "identity;photo;history")), dev)
            if self.incidents and r.random() < 0.5 and sim.o_open[self.incidents[-1]] < t:
                self.ev(t + 200, "rms", self.actor, "view", "occurrence", self.incidents[-1], "summary;notes", dev)


KINDS = [PPUIntensive, AirportOperation, PrisonVisitors, LanternClosedCallbacks, DataQualitySprint, IOMHouseholds,
         MARACPrep, ColdCaseReview, YOIResettlement, CustodyAudit, OnCallDI, HighIntensityUser]
