"""Everyday work that has no single occurrence behind it: briefings, stop and vehicle checks, ports checks,
offender management, research, data quality, victim call-backs, off-duty glances at the app, on-call."""
from .util import DAY, HOUR, MIN, local_time
from .organisation import ST_INDEX, AREAS, AREA_SHARE, UNITS
from .population import new_traveller
from .world import C, R
from .incidents import PNC_REASONS

TRAVEL_REASONS = ("ports check", "Ports check", "ports - outbound", "ports - inbound", "PORTS", "ports chk")
INTEL_REASONS = ("research", "Research", "tasking", "briefing product", "profile", "network analysis",
                 "op tasking", "daily review")


class Routine:
    def __init__(self, sim, inc, r):
        self.sim = sim
        self.inc = inc
        self.r = r
        self.rso_of = {}        # manager sidx -> [(rso person, mgmt occ, next visit time, interval)]
        self.iom_of = {}
        self.prof = {}
        for k, u in UNITS.items():
            self.prof[k] = u["prof"]
        self.fns = {
            "response": self.response, "airport": self.airport, "neighbourhood": self.neighbourhood,
            "pcso": self.pcso, "specials": self.specials, "detective": self.detective, "mosovo": self.mosovo,
            "childprot": self.childprot, "dasafe": self.dasafe, "iom": self.iom, "iomstaff": self.iomstaff,
            "prison": self.prison, "yoi": self.yoi, "callhandler": self.callhandler, "dispatcher": self.dispatcher,
            "custody": self.custody, "analyst": self.analyst, "dataquality": self.dataquality, "cju": self.cju,
            "disclosure": self.disclosure, "lantern": self.lantern, "counter": self.counter,
            "aptstaff": self.aptstaff, "corporate": self.corporate, "ccu": self.ccu,
        }

    # ---- standing caseloads -------------------------------------------------------------------------------
    def setup_caseloads(self):
        sim, r, P = self.sim, self.r, self.sim.P
        mgrs = [s.idx for s in sim.staff if s.segs[0][1] == "mosovo" and not s.sup]
        ppu = ST_INDEX["ORH"]
        for k, o in enumerate(P.rso):
            m = mgrs[k % len(mgrs)]
            opened = sim.t0 - r.randrange(200, 3000) * DAY + r.randrange(8 * 3600, 17 * 3600)
            occ = sim.new_occ(C["other"], opened, ppu)
            sim.add_op(occ, o, R["other"])
            sim.o_close[occ] = sim.t0 + 5000 * DAY
            since = max(sim.staff[m].hire_date, -sim.warm - r.randrange(10, 900))
            sim.add_assign(occ, m, "officer_in_case", sim.t0 + since * DAY + r.randrange(8, 17) * HOUR, None, False)
            interval = r.choice((28, 42, 56, 84, 84, 112)) * DAY
            nxt = sim.t0 + r.randrange(0, interval // DAY + 1) * DAY
            self.rso_of.setdefault(m, []).append([o, occ, nxt, interval])
        iom = [s.idx for s in sim.staff if s.segs[-1][1] == "iom" or s.segs[0][1] == "iom"]
        for k, o in enumerate(P.iom):
            if iom:
                self.iom_of.setdefault(iom[k % len(iom)], []).append(o)

    # ---- the day's routine --------------------------------------------------------------------------------
    def day(self, d, entries):
        sim, r = self.sim, self.r
        fns = self.fns
        for sidx, a, b, kind in entries:
            s = sim.staff[sidx]
            seg = s.seg_at(d)
            if kind == "training":
                if r.random() < 0.4:
                    self.briefing(sidx, a + r.randrange(3600, 6 * 3600), seg[2], 1)
                continue
            prof = self.prof[seg[1]]
            if s.sup and prof not in ("custody",):
                self.supervisor(sidx, a, b, seg, prof)
            else:
                fns[prof](sidx, a, b, seg)
        # off-duty glances at the app and on-call call-outs
        day0 = sim.t0 + d * DAY
        for s in sim.staff:
            if s.beacon and d not in s.wday and sim.caseload[s.idx] and r.random() < 0.035:
                if s.start_day <= d and (s.end_day is None or d < s.end_day):
                    t = local_time(day0, r.randrange(17 * 60, 22 * 60)) + r.randrange(60)
                    occ = sim.caseload[s.idx][-1 - r.randrange(min(5, len(sim.caseload[s.idx])))]
                    if sim.o_open[occ] < t:
                        sim.ev(t, "rms", s.idx, "view", "occurrence", occ, "summary;notes", s.beacon)
        for s in sim.staff:
            if s.oncall:
                for a, b in s.oncall:
                    if day0 <= a < day0 + DAY and r.random() < 0.3:
                        self.callout(s.idx, a + r.randrange(0, 10 * 3600))

    def T(self, a, b):
        return a + 300 + self.r.randrange(max(60, b - a - 600))

    def briefing(self, sidx, t, station, k, persons=0.0):
        sim, r = self.sim, self.r
        ws = sim.desk(sidx, t, r)
        for j in range(k):
            occ = sim.recent_occ(station, t, 36, r)
            if occ is None:
                continue
            sim.ev(t + j * r.randrange(30, 200), "rms", sidx, "view", "occurrence", occ, "summary", ws)
            if persons and r.random() < persons:
                ps = sim.o_ps[occ]
                if ps:
                    p = ps[r.randrange(len(ps))][0]
                    sim.ev(t + j * 200 + r.randrange(10, 100), "rms", sidx, "view", "person", p,
                           "identity;photo;warnings", ws)

    def resident(self, area, young_male=0.0):
        r, P = self.r, self.sim.P
        if young_male and r.random() < young_male:
            pl = P.prolific.get(area)
            if pl and r.random() < 0.5:
                return pl[r.randrange(len(pl))]
            lst = P.by_area[area]
            for _ in range(8):
                i = lst[r.randrange(len(lst))]
                if P.sex[i] == "m" and 16 <= P.age(i) <= 35:
                    return i
        lst = P.by_area.get(area) or P.by_area[AREAS[0]]
        return lst[r.randrange(len(lst))]

    def stop_check(self, sidx, t, area, ws):
        sim, r = self.sim, self.r
        p = self.resident(area, 0.7)
        sim.ev(t, "pnc", sidx, "search", "person", p, "identity;warnings", ws, r.choice(PNC_REASONS["stop"]))
        if r.random() < 0.25:
            occ = sim.new_occ(C["stop_check"], t + 60, area)
            sim.add_op(occ, p, R["suspect"] if r.random() < 0.6 else R["other"])
            sim.o_close[occ] = t + r.randrange(20, 90) * MIN
            sim.add_assign(occ, sidx, "attending", t, t + r.randrange(10, 40) * MIN, r.random() < 0.25)
            sim.ev(t + r.randrange(300, 1200), "rms", sidx, "update", "occurrence", occ, "summary;notes", ws)

    def vehicle(self, sidx, t, ws):
        sim, r = self.sim, self.r
        sim.ev(t, "pnc", sidx, "search", "vehicle", sim.vrm(r), "vehicles", ws, r.choice(PNC_REASONS["veh"]))

    # ---- profiles -----------------------------------------------------------------------------------------
    def response(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        st = seg[2]
        self.briefing(sidx, a + r.randrange(300, 1800), st, r.randrange(1, 5), 0.25)
        for _ in range(r.randrange(0, 4)):
            t = self.T(a, b)
            self.vehicle(sidx, t, sim.mobile(sidx, t, r))
        if r.random() < 0.55:
            t = self.T(a, b)
            self.stop_check(sidx, t, st, sim.mobile(sidx, t, r))
        if r.random() < 0.2:
            t = self.T(a, b)
            sim.ev(t, "rms", sidx, "view", "location", sim.location(r, st), "address;history", sim.mobile(sidx, t, r))

    def specials(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        st = seg[2] if r.random() < 0.5 else r.choice(AREAS[:8])
        self.briefing(sidx, a + r.randrange(300, 1800), seg[2], r.randrange(1, 3))
        for _ in range(r.randrange(0, 3)):
            t = self.T(a, b)
            self.vehicle(sidx, t, sim.mobile(sidx, t, r))
        if r.random() < 0.4:
            t = self.T(a, b)
            self.stop_check(sidx, t, st, sim.mobile(sidx, t, r))

    def airport(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        apt = ST_INDEX["APT"]
        self.briefing(sidx, a + r.randrange(300, 1800), apt, r.randrange(1, 3))
        for _ in range(r.randrange(3, 11)):
            t = self.T(a, b)
            if P.travellers and r.random() < 0.3:
                p = P.travellers[r.randrange(len(P.travellers))]
            else:
                p = new_traveller(P, r)
            ws = sim.mobile(sidx, t, r) if r.random() < 0.7 else sim.desk(sidx, t, r)
            sim.ev(t, "pnc", sidx, "search", "person", p, "identity;warnings", ws, r.choice(TRAVEL_REASONS))
        for _ in range(r.randrange(0, 3)):
            t = self.T(a, b)
            self.vehicle(sidx, t, sim.mobile(sidx, t, r))
        if r.random() < 0.12:
            t = self.T(a, b)
            cat = r.choice(("theft", "public_order", "drugs", "other", "assault"))
            self.inc.call(t, apt, cat, forced={"attend": sidx})

    def neighbourhood(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        st = seg[2]
        self.briefing(sidx, a + r.randrange(300, 1800), st, r.randrange(1, 4), 0.2)
        area = st if st in P.prolific else AREAS[0]
        for _ in range(r.randrange(1, 4)):
            t = self.T(a, b)
            pool = P.prolific[area] if r.random() < 0.6 else (P.vulnerable[area] or P.prolific[area])
            if pool:
                p = pool[r.randrange(len(pool))]
                sim.ev(t, "rms", sidx, "view", "person", p, r.choice(("identity;warnings;history", "identity;address",
                                                                       "summary;warnings")), sim.mobile(sidx, t, r))
        if r.random() < 0.5:
            t = self.T(a, b)
            sim.ev(t, "rms", sidx, "view", "location", sim.location(r, area), "address;history", sim.mobile(sidx, t, r))
        if r.random() < 0.25:
            t = self.T(a, b)
            self.stop_check(sidx, t, area, sim.mobile(sidx, t, r))

    def pcso(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        st = seg[2]
        if r.random() < 0.6:
            self.briefing(sidx, a + r.randrange(300, 1800), st, r.randrange(1, 3))
        area = st if st in P.prolific else AREAS[0]
        if r.random() < 0.5:
            t = self.T(a, b)
            pool = P.prolific[area] or P.by_area[area]
            sim.ev(t, "rms", sidx, "view", "person", pool[r.randrange(len(pool))], "identity;photo;warnings",
                   sim.mobile(sidx, t, r))
        if r.random() < 0.4:
            t = self.T(a, b)
            sim.ev(t, "rms", sidx, "view", "location", sim.location(r, area), "address", sim.mobile(sidx, t, r))

    def detective(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        st = seg[2]
        self.briefing(sidx, a + r.randrange(300, 2400), st, r.randrange(0, 3))
        cl = sim.caseload[sidx]
        for _ in range(r.randrange(0, 3)):
            t = self.T(a, b)
            ws = sim.desk(sidx, t, r)
            if cl and r.random() < 0.7:
                occ = cl[r.randrange(len(cl))]
                sus = sim.persons_of(occ, R["suspect"])
                if sus and sim.o_open[occ] < t:
                    # associates of a suspect: intelligence research
                    sim.ev(t, "intelligence", sidx, "search", "person", sus[0], "associates;history", ws,
                           r.choice(("case research", "Op research", "associates", "investigation")))
                    if r.random() < 0.4:
                        area = sim.P.area[sus[0]]
                        if area in P.prolific and P.prolific[area]:
                            q = P.prolific[area][r.randrange(len(P.prolific[area]))]
                            sim.ev(t + 200, "intelligence", sidx, "view", "person", q, "identity;associates", ws,
                                   "associates")
            else:
                area = r.choices(AREAS, AREA_SHARE)[0]
                pl = P.prolific[area]
                if pl:
                    sim.ev(t, "pnd", sidx, "search", "person", pl[r.randrange(len(pl))], "identity;history", ws,
                           r.choice(("intelligence", "investigation", "research")))

    def mosovo(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        lst = self.rso_of.get(sidx)
        if not lst:
            return
        done = 0
        for item in lst:
            o, occ, nxt, interval = item
            if nxt <= b and done < 3:
                t = self.T(a, b)
                self.visit(sidx, item, t)
                done += 1
        # general reading of the caseload
        for _ in range(r.randrange(1, 5)):
            item = lst[r.randrange(len(lst))]
            t = self.T(a, b)
            sim.ev(t, "rms", sidx, "view", "person", item[0], "identity;warnings;notes", sim.desk(sidx, t, r))

    def visit(self, sidx, item, t, off_duty_dev=None, tag=None):
        """A home visit to a managed offender: prepare, check the household, write it up."""
        sim, r, P = self.sim, self.r, self.sim.P
        o, occ, nxt, interval = item
        ws = off_duty_dev or sim.desk(sidx, t, r)
        sim.ev(t - r.randrange(900, 3600), "rms", sidx, "view", "person", o, "identity;address;warnings;history", ws,
               tag=tag)
        sim.ev(t - r.randrange(300, 900), "rms", sidx, "view", "occurrence", occ, "summary;notes", ws, tag=tag)
        if r.random() < 0.5:
            sim.ev(t - r.randrange(200, 800), "pnc", sidx, "search", "person", o, "identity;warnings",
                   off_duty_dev or sim.mobile(sidx, t, r), r.choice(("RSO visit", "ViSOR visit", "RSO HV")), tag=tag)
        pt = P.partner.get(o)
        if pt is not None and r.random() < 0.7:
            sim.ev(t - r.randrange(100, 700), "rms", sidx, "view", "person", pt,
                   r.choice(("identity;contact", "identity;address", "identity;warnings")), ws, tag=tag)
        hh = P.hh[o]
        if hh >= 0 and r.random() < 0.3:
            for j in P.households[hh][:3]:
                if j != o and j != pt:
                    sim.ev(t - r.randrange(100, 700), "rms", sidx, "view", "person", j, "identity", ws, tag=tag)
        sim.ev(t + r.randrange(3600, 3 * 3600), "rms", sidx, "update", "occurrence", occ, "notes", ws, tag=tag)
        item[2] = t + int(item[3] * (0.8 + 0.4 * r.random()))

    def childprot(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        for _ in range(r.randrange(1, 4)):
            t = self.T(a, b)
            occ = sim.recent_occ(r.choice(AREAS), t, 72, r)
            if occ is None:
                continue
            for p, role in sim.o_ps[occ][:3]:
                if 0 <= sim.P.age(p) < 18 or r.random() < 0.2:
                    sim.ev(t, "rms", sidx, "view", "person", p, "identity;history;warnings", sim.desk(sidx, t, r),
                           "child referral" if r.random() < 0.5 else "")

    def dasafe(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        for _ in range(r.randrange(1, 5)):
            t = self.T(a, b)
            x = sim.recent_victims(t, 0, 21, r)
            if x is None:
                continue
            tv, occ, v = x
            if sim.o_cat[occ] not in (0, 2):
                continue
            ws = sim.desk(sidx, t, r)
            sim.ev(t, "rms", sidx, "view", "person", v, "identity;contact;history;warnings", ws,
                   r.choice(("DASH review", "risk assessment", "MARAC", "")))
            for p, role in sim.o_ps[occ]:
                if role == R["suspect"] and r.random() < 0.6:
                    sim.ev(t + 300, "rms", sidx, "view", "person", p, "history;warnings", ws)

    def iom(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        coh = self.iom_of.get(sidx)
        if not coh:
            return
        for _ in range(r.randrange(2, 6)):
            t = self.T(a, b)
            o = coh[r.randrange(len(coh))]
            ws = sim.desk(sidx, t, r) if r.random() < 0.6 else sim.mobile(sidx, t, r)
            sim.ev(t, "rms", sidx, "view", "person", o, r.choice(("identity;address;warnings;history", "history;notes",
                                                                   "identity;warnings")), ws)
            if r.random() < 0.3:
                sim.ev(t + 300, "pnc", sidx, "search", "person", o, "identity;warnings", ws,
                       r.choice(("IOM", "IOM check", "offender mgmt")))

    def iomstaff(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        coh = [o for v in self.iom_of.values() for o in v[:5]] if self.iom_of else P.iom
        for _ in range(r.randrange(1, 5)):
            t = self.T(a, b)
            o = coh[r.randrange(len(coh))]
            sim.ev(t, "rms", sidx, "view", "person", o, "identity;notes", sim.desk(sidx, t, r))

    def prison(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        ws0 = "HMPS-LINK-01" if r.random() < 0.7 else sim.remote(sidx, a, r)
        for _ in range(r.randrange(3, 9)):
            t = self.T(a, b)
            o = P.prisoners[r.randrange(len(P.prisoners))]
            sim.ev(t, "rms", sidx, "view", "person", o, r.choice(("identity;history;associates", "history;warnings",
                                                                   "identity;photo")), ws0)
            if r.random() < 0.2:
                sim.ev(t + 120, "custody", sidx, "view", "custody_image", o, "photo", ws0)
            if r.random() < 0.25:
                sim.ev(t + 300, "intelligence", sidx, "search", "person", o, "associates;history", ws0,
                       r.choice(("prison intel", "conveyancing", "research")))

    def yoi(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        for _ in range(r.randrange(2, 6)):
            t = self.T(a, b)
            o = P.yoi[r.randrange(len(P.yoi))]
            sim.ev(t, "rms", sidx, "view", "person", o, r.choice(("identity;history", "identity;address;warnings")),
                   "HRY-LINK-01")

    def callhandler(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        for _ in range(r.randrange(2, 8)):
            t = self.T(a, b)
            area = r.choices(AREAS, AREA_SHARE)[0]
            p = self.resident(area)
            ws = sim.kcc_pos(sidx, t)
            sim.ev(t, "rms", sidx, "search", "person", p, r.choice(("identity;address;warnings", "identity;warnings",
                                                                     "identity;address")), ws)
            if r.random() < 0.3:
                sim.ev(t + 60, "command_control", sidx, "view", "location", sim.location(r, area), "address;history", ws)

    def dispatcher(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        for _ in range(r.randrange(3, 9)):
            t = self.T(a, b)
            occ = sim.recent_occ(r.choices(AREAS, AREA_SHARE)[0], t, 6, r)
            if occ is not None:
                sim.ev(t, "command_control", sidx, "view", "occurrence", occ, "summary", sim.jcr_console(sidx, t))

    def custody(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        suite = seg[2]
        for _ in range(r.randrange(1, 4)):
            t = self.T(a, b)
            x = sim.recent_custody(suite, t, 0, 30, r)
            if x is not None and t < x[2]:
                sim.ev(t, "custody", sidx, "view", "occurrence", x[0], "custody", sim.custody_term(suite, r))
        if s_sup(sim, sidx):
            # custody inspectors review the suite's records
            for _ in range(r.randrange(2, 6)):
                t = self.T(a, b)
                x = sim.recent_custody(suite, t, 0, 120, r)
                if x is not None:
                    sim.ev(t, "custody", sidx, "view", "occurrence", x[0], "custody;notes", sim.desk(sidx, t, r))

    def analyst(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        ws = sim.desk(sidx, a, r) if r.random() < 0.75 else sim.remote(sidx, a, r)
        area0 = seg[2] if seg[2] in P.prolific else None
        for _ in range(r.randrange(6, 18)):
            t = self.T(a, b)
            x = r.random()
            area = area0 if (area0 is not None and r.random() < 0.7) else r.choices(AREAS, AREA_SHARE)[0]
            if x < 0.45:
                pl = P.prolific[area] if r.random() < 0.7 else P.by_area[area]
                sim.ev(t, "intelligence", sidx, "search", "person", pl[r.randrange(len(pl))],
                       r.choice(("identity;associates", "associates;history", "identity;history;associates")), ws,
                       r.choice(INTEL_REASONS))
            elif x < 0.65:
                sim.ev(t, "intelligence", sidx, "view", "intelligence", f"IR-{r.randrange(100000, 999999)}",
                       "summary;notes", ws, r.choice(INTEL_REASONS))
            elif x < 0.75:
                pl = P.prolific[area]
                sim.ev(t, "pnd", sidx, "search", "person", pl[r.randrange(len(pl))], "identity;history;associates",
                       ws, r.choice(("intelligence", "analysis", "research")))
            else:
                occ = sim.recent_occ(area, t, 24 * 14, r)
                if occ is not None:
                    sim.ev(t, "rms", sidx, "view", "occurrence", occ, "summary;notes", ws)

    def dataquality(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        n = len(P)
        for _ in range(r.randrange(4, 14)):
            t = self.T(a, b)
            p = r.randrange(n)
            ws = sim.desk(sidx, t, r)
            sim.ev(t, "rms", sidx, "view", "person", p, "identity;address", ws)
            if r.random() < 0.5:
                sim.ev(t + r.randrange(30, 300), "rms", sidx, "update", "person", p, "identity", ws)

    def cju(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        for _ in range(r.randrange(1, 5)):
            t = self.T(a, b)
            occ = sim.recent_occ(r.choices(AREAS, AREA_SHARE)[0], t, 24 * 10, r)
            if occ is not None and sim.o_cat[occ] not in (15, 16):
                sim.ev(t, "rms", sidx, "view", "occurrence", occ, "summary;notes", sim.desk(sidx, t, r))

    def disclosure(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        n = len(sim.o_cat)
        for _ in range(r.randrange(1, 6)):
            t = self.T(a, b)
            occ = r.randrange(n)
            if sim.o_open[occ] < t - 20 * DAY:
                ws = sim.desk(sidx, t, r)
                sim.ev(t, "rms", sidx, "view", "occurrence", occ, "summary;notes", ws)
                if r.random() < 0.4 and sim.o_ps[occ]:
                    p = sim.o_ps[occ][0][0]
                    sim.ev(t + 200, "rms", sidx, "view", "person", p, "identity;history", ws,
                           r.choice(("disclosure request", "SAR", "DBS", "court order")))
                if r.random() < 0.1:
                    sim.ev(t + 400, "rms", sidx, "export", "occurrence", occ, "summary;notes", ws,
                           r.choice(("disclosure request", "SAR", "court order")))

    def lantern(self, sidx, a, b, seg):
        """Victim services hub (run with the Lantern Trust): call-backs to recent victims."""
        sim, r = self.sim, self.r
        ws = f"LNH-PORTAL-{(sidx % 12) + 1:02d}"
        for _ in range(r.randrange(2, 7)):
            t = self.T(a, b)
            x = sim.recent_victims(t, 1, 45, r)
            if x is None:
                continue
            tv, occ, v = x
            sim.ev(t, "rms", sidx, "view", "person", v, "identity;contact", ws,
                   r.choice(("victim contact", "VCOP update", "needs assessment", "call back")))
            if r.random() < 0.6:
                sim.ev(t + r.randrange(60, 400), "rms", sidx, "view", "occurrence", occ, "summary", ws,
                       "victim contact")

    def counter(self, sidx, a, b, seg):
        sim, r = self.sim, self.r
        st = seg[2]
        for _ in range(r.randrange(1, 5)):
            t = self.T(a, b)
            p = self.resident(st if st in sim.P.prolific else AREAS[0])
            ws = sim.desk(sidx, t, r)
            sim.ev(t, "rms", sidx, "search", "person", p, "identity;warnings", ws)
            if r.random() < 0.25:
                occ = sim.new_occ(C[r.choice(("other", "theft", "fraud"))], t + 300, st)
                sim.add_op(occ, p, R["victim"] if r.random() < 0.5 else R["caller"])
                sim.o_close[occ] = t + r.randrange(1, 20) * DAY
                sim.add_assign(occ, sidx, "call_handler", t + 300, t + 1500, True)
                sim.ev(t + 600, "rms", sidx, "update", "occurrence", occ, "summary;notes", ws)

    def aptstaff(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        for _ in range(r.randrange(1, 5)):
            t = self.T(a, b)
            if P.travellers:
                p = P.travellers[len(P.travellers) - 1 - r.randrange(min(len(P.travellers), 500))]
                sim.ev(t, "rms", sidx, "view", "person", p, "identity", sim.desk(sidx, t, r))

    def corporate(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        if r.random() < 0.12:
            t = self.T(a, b)
            sim.ev(t, "rms", sidx, "search", "person", r.randrange(len(P)), "identity", sim.desk(sidx, t, r))

    def ccu(self, sidx, a, b, seg):
        sim, r, P = self.sim, self.r, self.sim.P
        for _ in range(r.randrange(0, 4)):
            t = self.T(a, b)
            sim.ev(t, "rms", sidx, "view", "person", r.randrange(len(P)), "identity;history;associates",
                   sim.remote(sidx, t, r), r.choice(("PSD enquiry", "CCU", "vetting")))

    def supervisor(self, sidx, a, b, seg, prof):
        sim, r = self.sim, self.r
        st = seg[2]
        if prof in ("callhandler", "dispatcher"):
            for _ in range(r.randrange(3, 8)):
                t = self.T(a, b)
                occ = sim.recent_occ(r.choices(AREAS, AREA_SHARE)[0], t, 12, r)
                if occ is not None:
                    sim.ev(t, "command_control", sidx, "view", "occurrence", occ, "summary;notes",
                           sim.kcc_pos(sidx, t) if prof == "callhandler" else sim.jcr_console(sidx, t))
            return
        home = st if st in AREAS else r.choice(AREAS)
        self.briefing(sidx, a + r.randrange(300, 1800), home, r.randrange(2, 7), 0.3)
        if prof == "mosovo":
            self.mosovo(sidx, a, b, seg)
        elif prof in ("response", "airport", "neighbourhood") and r.random() < 0.3:
            t = self.T(a, b)
            self.vehicle(sidx, t, sim.mobile(sidx, t, r))

    def callout(self, sidx, t):
        """An on-call supervisor rung at home: reads the serious incidents of the night."""
        sim, r = self.sim, self.r
        s = sim.staff[sidx]
        ws = s.laptop or s.beacon or sim.desk(sidx, t, r)
        for _ in range(r.randrange(2, 6)):
            occ = sim.recent_occ(r.choices(AREAS, AREA_SHARE)[0], t, 10, r)
            if occ is not None and sim.o_cat[occ] in (0, 1, 3, 5, 9):
                sim.ev(t, "rms", sidx, "view", "occurrence", occ, "summary;notes", ws)
                ps = sim.o_ps[occ]
                if ps and r.random() < 0.5:
                    sim.ev(t + 200, "rms", sidx, "view", "person", ps[0][0], "identity;warnings", ws)
            t += r.randrange(120, 900)


def s_sup(sim, sidx):
    return sim.staff[sidx].sup
