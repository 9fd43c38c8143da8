"""Offenders (six kinds of misconduct) and look-alikes (legitimate work that resembles misuse)."""
from .core import (DAY, HOUR, T0, R, ST, STREET, WEST, EAST, ST_SYS, ltime, local_hour, vrm, shifts_between,
                   working, add_shift)
from .world import DA, SO, VA, MH, SW, SM, SV, CD, NIGHT_CATS

MISCONDUCT = [
    ("aftercare_caller", "keeps opening the contact details and address of a domestic abuse victim from a job they "
     "attended, and her new partner and sister, for weeks while the occurrence is still open; partly off duty"),
    ("handheld_after_hours", "off-duty evenings at home on the force handheld: searches young women from the rural "
     "area and from crashes and incidents they attended; photos and addresses"),
    ("slow_burn_watcher", "a woman met through one call or patrol, and her new partner and mother: two or three "
     "look-ups a week, on duty, for the rest of the period"),
    ("twin_record_stalker", "one woman under both her ids (Fenwold RMS and Harrowby RMS) so neither id repeats "
     "much; plus PND; collaboration or central staff with accounts on both"),
    ("night_economy_trawler", "young women found through the night-time economy and the student population: victims "
     "and witnesses of city-centre incidents, students, released detainees; PNC 'NTE patrol' checks, photos, contacts"),
    ("ex_partner_pursuit", "an undeclared ex-partner, her new partner (person and car) and her mother, and themself; "
     "PNC checks typed 'stop check'; bursts after the break-up"),
]
BENIGN = [
    ("twin_record_merge_sprint", "data-quality merge sprint: hundreds of duplicate pairs across the two RMSs, "
     "mostly domestic abuse victims, contact and address shown"),
    ("collaboration_op_research", "regional organised-crime detective researching an exploitation network: many "
     "women marked sex worker, on both RMSs, PND and intelligence, evenings, no occurrence"),
    ("student_welfare_spiking", "student liaison officer after a spate of spiking: dozens of female students' "
     "contact details, some assigned"),
    ("rural_unrostered_overtime", "single-crewed rural officer covering gaps on unrostered overtime nights, "
     "attending domestic abuse calls"),
    ("crc_repeat_caller", "contact centre handler and a frequent caller with mental ill health, resolved by phone "
     "mostly without an occurrence"),
    ("nte_safe_haven_operation", "sanctioned night-time economy vulnerability operation: welfare checks on young "
     "women, some recorded as occurrences"),
    ("border_dual_system", "border station officer checks a repeat domestic abuse victim on both RMSs each time"),
    ("declared_relative_custody", "custody officer whose declared sister is detained in their suite: reads her "
     "custody record as part of cell checks"),
    ("heavy_safeguarding_caseload", "safeguarding officer with a very heavy assigned caseload, on-call evenings on "
     "a laptop"),
    ("motorway_hub_checks", "roads and rail hub officer on a county-lines operation: very many PNC person checks"),
    ("analyst_problem_profile", "analyst's problem profile of sexual offences in the university quarter: many "
     "victims' records, part outside the written scope"),
    ("hybrid_evening_disclosure", "disclosure officer preparing a trial bundle from home in the evening on a "
     "laptop: victim and witnesses, print and export, off roster"),
]


class Scenarios:
    def __init__(self, seed, world, staff, days):
        self.seed, self.w, self.staff, self.days = seed, world, staff, days
        self.truth = []
        self.by_day = {}
        self.used = set()
        self.tend = T0 + days * DAY

    # ------------------------------------------------------------ helpers
    def cast(self, rng, pred):
        c = [s for s in self.staff if s.i not in self.used and s.end is None and pred(s)
             and len(s.shifts) > self.days * 0.15]
        if not c:
            c = [s for s in self.staff if s.i not in self.used and s.end is None and pred(s)]
        if not c:
            return None
        s = c[rng.randrange(len(c))]
        self.used.add(s.i)
        return s

    def new_truth(self, sf, name, kind):
        self.truth.append({"staff": sf, "scenario": name, "kind": kind, "first": None, "n": 0, "expl": 0, "off": 0,
                           "reason": 0, "persons": {}})
        return len(self.truth) - 1

    def E(self, t, sysi, sf, act, et, ent, fields, ws, reason, k):
        if t < T0 or t >= self.tend:
            return
        purpose = "misuse" if self.truth[k]["kind"] == "misconduct" else "lookalike"
        self.by_day.setdefault((t - T0) // DAY, []).append((t, sysi, sf.i, act, et, ent, fields, ws, reason, purpose, k))

    def P(self, t, sf, p, fields, ws, k, act="view", reason=""):
        w = self.w
        sysi = w.psys[p]
        if ("W" if sysi == 0 else "E") not in sf.accts:
            q = w.ptwin[p]
            if q < 0:
                return
            p, sysi = q, w.psys[q]
        if sysi == 1 and not reason:
            reason = "enquiry"
        self.E(t, sysi, sf, act, "person", p, fields, ws, reason, k)

    def O(self, t, sf, o, fields, ws, k, act="view"):
        w = self.w
        sysi = 6 if w.ocat[o] == "custody" else w.osys[o]
        self.E(t, sysi, sf, act, "occurrence", o, fields, ws, "enquiry" if sysi == 1 else "", k)

    def ws(self, rng, sf):
        return "WS-%s-%03d" % (sf.st, rng.randint(1, 40))

    def dev(self, rng, sf, off_duty=False):
        if off_duty:
            return sf.hh or sf.lap or self.ws(rng, sf)
        if sf.hh and rng.random() < 0.5:
            return sf.hh
        if sf.group in ("resp", "spec", "nte", "sup"):
            return "MDT-%s-%02d" % (sf.st, rng.randint(1, 12))
        return sf.lap if sf.lap and rng.random() < 0.2 else self.ws(rng, sf)

    def in_shift(self, rng, sh):
        a, b = sh[0], sh[1]
        return rng.randint(a + 600, max(a + 700, b - 600))

    def off_evening(self, rng, sf, d, h0=20.5, h1=23.75):
        for _ in range(3):
            t = ltime(d, rng.uniform(h0, h1))
            if working(sf, t) is None:
                return t
        return None

    def start_day(self, rng, lead=7):
        lo = max(1, self.days // 10)
        return rng.randint(lo, max(lo, self.days // 3 - lead))

    def week_times(self, rng, sf, d0, d1, per_week, on_duty_p, h0=20.5, h1=23.75):
        """Times of look-ups: per_week() a week, during a shift worked that week with probability on_duty_p,
        otherwise on an off-duty evening that week."""
        out = []
        d = d0
        while d < d1:
            n = per_week()
            de = min(d + 7, d1)
            shs = shifts_between(sf, lday_(d), lday_(de))
            for _ in range(n):
                if shs and rng.random() < on_duty_p:
                    out.append((self.in_shift(rng, shs[rng.randrange(len(shs))]), False))
                    continue
                for _ in range(4):
                    t = self.off_evening(rng, sf, rng.randint(d, de - 1), h0, h1)
                    if t is not None:
                        out.append((t, True))
                        break
            d += 7
        out.sort()
        return out

    def female(self, p, lo, hi):
        w = self.w
        return w.psex[p] == "female" and lo <= w.age(p) <= hi

    # ------------------------------------------------------------ misconduct
    def aftercare_caller(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng, lead=12)
        trig = None
        lo, hi = T0 + sd * DAY, T0 + (sd + 6) * DAY
        for o in w.s_occ_list[sf.i]:
            if w.ocat[o] in ("domestic_abuse", "stalking_harassment") and lo <= w.s_occ[sf.i][o] < hi:
                v = [p for p, r in w.o_persons[o] if r == "victim" and self.female(p, 18, 50)]
                if v:
                    trig, vic = o, v[0]
                    break
        if trig is None:
            sh = shifts_between(sf, lo, hi, (0,)) or shifts_between(sf, lo, lo + 40 * DAY, (0, 1))
            t = self.in_shift(rng, sh[0])
            c = sf.st if sf.st in STREET else "FWC"
            trig = w.add_occ("domestic_abuse", t - rng.randint(1800, 5400), c, None)
            vic = w.newp(rng, w.osys[trig], c, "female", rng.randint(22, 38), DA)
            sus = w.newp(rng, w.osys[trig], c, "male", rng.randint(24, 45))
            w.link(vic, sus, "ex_partner")
            w.add_op(trig, vic, "victim")
            w.add_op(trig, sus, "suspect")
            ch = self_pick = w.duty.pick(rng, "WVP", "crc", w.oopen[trig])
            if ch is not None:
                w.add_asg(trig, ch, "call_handler", w.oopen[trig], w.oopen[trig] + 900)
            role = "attending" if sf.group in ("resp", "nbh", "sup") else "investigator"
            w.add_asg(trig, sf.i, role, t, t + 2 * HOUR if role == "attending" else None)
        w.oclose[trig] = None  # still open
        t0 = max(w.s_occ[sf.i][trig], T0) + rng.randint(2, 4) * DAY
        sysi = w.psys[vic]
        c = w.pst[vic]
        newp = w.newp(rng, sysi, c, "male", w.age(vic) + rng.randint(-4, 6))
        w.link(vic, newp, "partner")
        sis = w.newp(rng, sysi, c, "female", w.age(vic) + rng.randint(-6, 6))
        w.link(vic, sis, "sibling")
        d0 = (t0 - T0) // DAY
        d1 = min(self.days, d0 + rng.randint(40, 60))
        for t, off in self.week_times(rng, sf, d0, d1, lambda: rng.choice([1, 2, 3, 3]), 0.55):
            ws = self.dev(rng, sf, off)
            x = rng.random()
            if x < 0.72:
                if rng.random() < 0.4:
                    self.O(t - rng.randint(30, 300), sf, trig, "summary;notes", ws, k)
                self.P(t, sf, vic, rng.choice(["contact;address", "identity;contact", "contact", "identity;photo;address"]), ws, k)
                if not off and rng.random() < 0.1:
                    self.E(t + 120, 2, sf, "search", "person", vic, "identity;warnings", ws, "enquiry", k)
            elif x < 0.88:
                self.P(t, sf, newp, "identity;history;address", ws, k, "search")
            else:
                self.P(t, sf, sis, "identity;contact", ws, k)

    def handheld_after_hours(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        home = sf.homest if sf.homest in EAST else sf.st
        local = [p for p in w.yf[home] + w.yf[sf.st] if self.female(p, 18, 40)]
        met = []
        for o in w.s_occ_list[sf.i]:
            for p, r in w.o_persons[o]:
                if r in ("victim", "witness", "other", "caller") and self.female(p, 18, 42):
                    met.append((w.s_occ[sf.i][o], p))
        met.sort()
        dev = sf.hh or sf.lap or "HH-%s" % sf.sid[2:]
        seen = []
        for d in range(sd, self.days):
            if seen and rng.random() > (0.16 if sf.group == "resp" else 0.09):
                continue
            t = self.off_evening(rng, sf, d, 21.0, 24.5)
            if t is None:
                continue
            for j in range(rng.randint(2, 5)):
                t += rng.randint(60, 900)
                x = rng.random()
                cand = [p for tt, p in met if tt < t]
                if seen and x < 0.25:
                    p = seen[rng.randrange(len(seen))]
                elif cand and x < 0.6:
                    p = cand[rng.randrange(len(cand))]
                elif local:
                    p = local[rng.randrange(len(local))]
                else:
                    continue
                seen.append(p)
                self.P(t, sf, p, "identity", dev, k, "search")
                self.P(t + rng.randint(20, 200), sf, p, rng.choice(["identity;photo;address", "identity;contact;address", "photo"]), dev, k)
                if rng.random() < 0.1:
                    self.E(t + 300, 2, sf, "search", "person", p, "identity;warnings", dev, "stop check", k)

    def slow_burn_watcher(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        lo, hi = T0 + (sd - 7) * DAY, T0 + (sd + 7) * DAY
        tgt = None
        for o in w.s_occ_list[sf.i]:
            if lo <= w.s_occ[sf.i][o] < hi:
                for p, r in w.o_persons[o]:
                    if r in ("victim", "caller", "witness") and self.female(p, 20, 45):
                        tgt = p
                        break
            if tgt is not None:
                break
        if tgt is None:
            c = sf.st if sf.st in STREET else rng.choice(STREET)
            cand = [p for p in w.yf[c] + w.callers[c] if self.female(p, 20, 45)]
            tgt = cand[rng.randrange(len(cand))]
        c = w.pst[tgt]
        sysi = w.psys[tgt]
        partner = w.newp(rng, sysi, c, "male", w.age(tgt) + rng.randint(-3, 8))
        w.link(tgt, partner, "partner")
        mother = w.newp(rng, sysi, c, "female", w.age(tgt) + rng.randint(22, 30))
        w.link(tgt, mother, "parent")
        loc = "LOC-%s-%05d" % (c, rng.randint(1, 30000))
        n = 0
        for t, off in self.week_times(rng, sf, sd, self.days, lambda: rng.choice([1, 2, 2, 3]), 1.0):
            if off:
                continue
            ws = ("CRC-%03d" % rng.randint(1, 60)) if sf.group == "crc" else self.dev(rng, sf)
            n += 1
            if n % 7 == 0:
                self.P(t, sf, rng.choice([partner, mother]), "identity;address", ws, k)
                continue
            x = rng.random()
            if sf.group == "crc" and x < 0.25:
                self.E(t, 4, sf, "search", "location", loc, "summary", ws, "", k)
            elif sf.group != "crc" and x < 0.25:
                self.E(t, 5, sf, "view", "person", tgt, "summary;associates", ws, "", k)
            else:
                self.P(t, sf, tgt, rng.choice(["summary;address", "contact", "identity;photo", "summary;contact"]), ws, k)

    def twin_record_stalker(self, rng, sf, k, linked):
        w = self.w
        sd = self.start_day(rng)
        selfl = {}
        for a, b, rel in w.links:
            if rel == "self":
                selfl[a] = b
                selfl[b] = a
        cand = [p for p in w.twins if self.female(p, 20, 40) and (p in selfl) == linked and w.ptwin[p] not in self.used_p]
        if cand:
            pw = cand[rng.randrange(len(cand))]
        else:
            c = rng.choice(["SLG", "FWN", "FWC"])
            pw = w.newp(rng, 0, c, "female", rng.randint(22, 36))
            w.twin(rng, pw, 1, link_p=1.0 if linked else 0.0)
        pe = w.ptwin[pw]
        self.used_p.add(pe)
        ids = [pw, pe]
        j = rng.randint(0, 1)
        for t, off in self.week_times(rng, sf, sd, self.days, lambda: rng.choice([2, 2, 3, 3, 4]), 0.75):
            ws = (sf.lap or self.ws(rng, sf)) if off else self.dev(rng, sf)
            x = rng.random()
            p = ids[j]
            j = 1 - j if rng.random() < 0.8 else j
            if x < 0.12:
                self.E(t, 3, sf, "search", "person", p, "identity;associates", ws, "operation", k)
            elif x < 0.2:
                self.E(t, 5, sf, "search", "person", p, "summary", ws, "", k)
            else:
                self.P(t, sf, p, rng.choice(["identity;address", "identity;contact;address", "identity;photo", "contact"]), ws, k)

    def night_economy_trawler(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        nte = self.nte_women
        fem_det = self.fem_detainees
        seen = []
        for a, b, mode in shifts_between(sf, T0 + sd * DAY, self.tend, (0,)):
            if rng.random() > (0.6 if sf.group == "nte" else 0.45):
                continue
            for _ in range(rng.randint(1, 3) if sf.group == "nte" else rng.randint(1, 2)):
                t = rng.randint(a + 1800, b)
                if rng.random() < 0.2:
                    t = b + rng.randint(600, 5400)  # after the shift, still on the device
                x = rng.random()
                if seen and x < 0.2:
                    p = seen[rng.randrange(len(seen))]
                elif sf.group == "cust" and x < 0.7:
                    c = [p for tt, p in fem_det if t - 30 * DAY < tt < t - 6 * HOUR]
                    if not c:
                        continue
                    p = c[rng.randrange(len(c))]
                else:
                    c = [p for tt, p in nte if t - 21 * DAY < tt < t]
                    if c and rng.random() < 0.7:
                        p = c[rng.randrange(len(c))]
                    else:
                        st = [p for p in w.students if self.female(p, 18, 24)] if not self.fem_students else self.fem_students
                        self.fem_students = st
                        p = st[rng.randrange(len(st))]
                seen.append(p)
                if sf.group == "cust":
                    ws = "CUS-FWC-%02d" % rng.randint(1, 12)
                    if w.pmk[p] & CD:
                        self.E(t, 6, sf, "view", "custody_image", p, "photo", ws, "", k)
                    self.P(t + rng.randint(30, 400), sf, p, rng.choice(["identity;contact;address", "identity;photo;contact"]), ws, k)
                else:
                    ws = self.dev(rng, sf)
                    if rng.random() < 0.5:
                        self.E(t, 2, sf, "search", "person", p, "identity;warnings", ws, rng.choice(["NTE patrol", "street check", "NTE patrol, welfare"]), k)
                    self.P(t + rng.randint(30, 400), sf, p, rng.choice(["identity;photo;contact", "identity;contact", "identity;address;photo"]), ws, k)

    def ex_partner_pursuit(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        c = sf.homest if sf.homest in STREET else "FWN"
        sysi = ST_SYS[c]
        ex = w.newp(rng, sysi, c, "female" if sf.sex == "m" else "male", max(21, sf.age + rng.randint(-6, 3)))
        newp = w.newp(rng, sysi, c, "male" if sf.sex == "m" else "female", max(21, sf.age + rng.randint(-8, 4)))
        mother = w.newp(rng, sysi, c, "female", sf.age + rng.randint(20, 28))
        me = w.newp(rng, sysi, c, "male" if sf.sex == "m" else "female", sf.age)
        w.pgiv[me], w.pfam[me] = sf.name.split(" ", 1)
        w.link(ex, newp, "partner")
        w.link(ex, mother, "parent")
        w.link(me, ex, "ex_partner")
        # she once reported harassment by an unknown caller (not this officer's job)
        o = w.add_occ("stalking_harassment", T0 - rng.randint(200, 400) * DAY // 2, c, T0 - rng.randint(5, 60) * DAY)
        w.add_op(o, ex, "victim")
        w.pmk[ex] |= SV
        car = vrm(rng)
        loc = "LOC-%s-%05d" % (c, rng.randint(1, 30000))
        times = []
        times += self.week_times(rng, sf, sd, sd + 7, lambda: rng.randint(6, 9), 0.6)
        times += self.week_times(rng, sf, sd + 7, self.days, lambda: rng.choice([0, 1, 1, 2, 3]), 0.7)
        b2 = sd + rng.randint(30, 50)
        if b2 < self.days - 3:
            times += self.week_times(rng, sf, b2, b2 + 5, lambda: rng.randint(3, 6), 0.6)
        times.sort()
        did_self = False
        for t, off in times:
            if sf.group == "disp":
                if off:
                    continue
                ws = "CRC-%03d" % rng.randint(1, 60)
            else:
                ws = (sf.lap or sf.hh or self.ws(rng, sf)) if off else self.dev(rng, sf)
            x = rng.random()
            if not did_self and rng.random() < 0.15:
                self.P(t - 300, sf, me, "identity;history", ws, k)
                did_self = True
            if sf.group == "disp" and x < 0.25:
                self.E(t, 4, sf, "search", "location", loc, "summary", ws, "", k)
            elif sf.group != "disp" and not off and x < 0.3:
                if rng.random() < 0.5:
                    self.E(t, 2, sf, "search", "person", newp, "identity;warnings", ws, "stop check", k)
                else:
                    self.E(t, 2, sf, "search", "vehicle", car, "vehicles", ws, "suspicious vehicle", k)
            elif x < 0.75:
                self.P(t, sf, ex, rng.choice(["identity;address;associates", "contact;address", "identity;contact"]), ws, k)
            elif x < 0.9:
                self.P(t, sf, newp, "identity;history;address", ws, k, "search")
            else:
                self.P(t, sf, mother, "identity;address", ws, k)

    # ------------------------------------------------------------ look-alikes
    def twin_record_merge_sprint(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        fem = [p for p in w.twins if w.psex[p] == "female" and (w.pmk[p] | w.pmk[w.ptwin[p]]) & (DA | SV | SO)]
        rest = [p for p in w.twins if w.psex[p] == "female"]
        for a, b, mode in shifts_between(sf, T0 + sd * DAY, T0 + (sd + 16) * DAY):
            ws = sf.lap if mode == 1 and sf.lap else self.ws(rng, sf)
            for _ in range(rng.randint(12, 25)):
                lst = fem if fem and rng.random() < 0.7 else rest
                p = lst[rng.randrange(len(lst))]
                t = rng.randint(a, b - 900)
                self.P(t, sf, p, "identity;address;contact;history", ws, k)
                self.P(t + rng.randint(30, 300), sf, w.ptwin[p], "identity;address;contact;history", ws, k)
                if rng.random() < 0.5:
                    self.P(t + rng.randint(300, 800), sf, p, "identity", ws, k, "update")

    def collaboration_op_research(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        women = []
        for _ in range(rng.randint(25, 40)):
            c = rng.choice(["FWC", "FWC", "STA", "SLG", "KTI", "HRB", "CDW"])
            p = w.newp(rng, ST_SYS[c] if c not in ("SLG", "KTI") else rng.randint(0, 1), c, "female",
                       rng.randint(18, 35), SW | (SM if rng.random() < 0.6 else 0) | (VA if rng.random() < 0.3 else 0))
            if rng.random() < 0.4:
                w.twin(rng, p, 1 - w.psys[p])
            women.append(p)
        men = []
        for _ in range(6):
            c = rng.choice(STREET)
            if w.freq[c]:
                m = w.freq[c][rng.randrange(len(w.freq[c]))]
                men.append(m)
                for p in rng.sample(women, 5):
                    w.link(m, p, "associate")
        d1 = min(self.days, sd + rng.randint(28, 42))
        days = [(a, b, False) for a, b, m in shifts_between(sf, T0 + sd * DAY, T0 + d1 * DAY)]
        for d in range(sd, d1):
            if d % 7 in (3, 4) and rng.random() < 0.6:
                a = ltime(d, 19)
                days.append((a, a + 4 * HOUR, True))
        for a, b, ev_ in days:
            if rng.random() > 0.75:
                continue
            ws = sf.lap if (ev_ and sf.lap) else self.ws(rng, sf)
            for _ in range(rng.randint(5, 12)):
                t = rng.randint(a, b)
                p = women[rng.randrange(len(women))] if rng.random() < 0.8 else (men[rng.randrange(len(men))] if men else women[0])
                x = rng.random()
                if x < 0.55:
                    self.P(t, sf, p, "identity;address;photo;associates", ws, k)
                    if w.ptwin[p] >= 0 and rng.random() < 0.5:
                        self.P(t + 90, sf, w.ptwin[p], "identity;address;associates", ws, k)
                elif x < 0.8:
                    self.E(t, 3, sf, "search", "person", p, "identity;associates;history", ws, "operation", k)
                else:
                    self.E(t, 5, sf, "view", "person", p, "summary;associates;notes", ws, "", k)

    def student_welfare_spiking(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        studs = [p for p in w.students if self.female(p, 18, 23)]
        pick = rng.sample(studs, min(len(studs), rng.randint(30, 50)))
        for j in range(8):
            d = sd + rng.randint(0, 20)
            t = ltime(d, rng.uniform(22, 26.5))
            o = w.add_occ(rng.choice(["sexual_offence", "assault", "sexual_offence"]), t, rng.choice(["STA", "FWC"]), None)
            v = pick[j % len(pick)]
            w.add_op(o, v, "victim")
            w.pmk[v] |= SO
            sh = shifts_between(sf, t, t + 5 * DAY)
            if sh:
                w.add_asg(o, sf.i, "investigator", sh[0][0] + 3600, None, tag=k)
        for a, b, mode in shifts_between(sf, T0 + sd * DAY, T0 + (sd + 42) * DAY):
            ws = sf.lap if mode == 1 and sf.lap else self.ws(rng, sf)
            for _ in range(rng.randint(3, 9)):
                p = pick[rng.randrange(len(pick))]
                self.P(rng.randint(a, b), sf, p, "identity;contact;warnings", ws, k)

    def rural_unrostered_overtime(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        n = 0
        for d in range(sd, self.days - 1):
            if n >= 12 or rng.random() > 0.22:
                continue
            a, b = ltime(d, 19), ltime(d, 19 + rng.choice([8, 10, 12]))
            if shifts_between(sf, a - 14 * HOUR, b + 2 * HOUR, (0, 1, 2, 3)):
                continue
            add_shift(sf, a, b, 0)
            n += 1
            for _ in range(rng.randint(1, 2)):
                t = rng.randint(a + 1800, b - 3600)
                o = w.occurrence(rng, "domestic_abuse" if rng.random() < 0.7 else "concern_for_welfare", t, sf.st, attend_forced=sf.i)
                for a2 in range(len(w.a_o) - 1, max(-1, len(w.a_o) - 12), -1):
                    if w.a_o[a2] == o and w.a_s[a2] == sf.i:
                        w.a_tag[a2] = k
                self.O(t + rng.randint(300, 900), sf, o, "summary", sf.hh or "MDT-%s-01" % sf.st, k)

    def crc_repeat_caller(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        c = rng.choice(STREET)
        caller = w.newp(rng, ST_SYS[c], c, "female", rng.randint(38, 62), MH | VA)
        w.callers[c].append(caller)
        loc = "LOC-%s-%05d" % (c, rng.randint(1, 30000))
        for a, b, mode in shifts_between(sf, T0 + sd * DAY, self.tend):
            if rng.random() > 0.6:
                continue
            for _ in range(rng.randint(1, 2)):
                t = rng.randint(a + 600, b - 1200)
                ws = "CRC-%03d" % rng.randint(1, 60)
                if rng.random() < 0.4:
                    o = w.add_occ("concern_for_welfare", t, c, t + rng.randint(1800, 5400))
                    w.add_op(o, caller, "caller")
                    w.add_asg(o, sf.i, "call_handler", t, t + 1200, tag=k)
                else:
                    self.P(t, sf, caller, "identity;warnings", ws, k, "search")
                    self.P(t + rng.randint(20, 120), sf, caller, "identity;contact;warnings;history", ws, k)
                    if rng.random() < 0.4:
                        self.E(t + 60, 4, sf, "search", "location", loc, "summary", ws, "", k)

    def nte_safe_haven_operation(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        yf = [p for p in w.yf["FWC"] + w.students if self.female(p, 18, 26)]
        for a, b, mode in shifts_between(sf, T0 + sd * DAY, T0 + (sd + 42) * DAY, (0,)):
            if rng.random() > 0.8:
                continue
            for _ in range(rng.randint(2, 4)):
                t = rng.randint(a + 3600, b - 1800)
                p = yf[rng.randrange(len(yf))]
                ws = sf.hh or "MDT-FWC-%02d" % rng.randint(1, 12)
                if rng.random() < 0.6:
                    o = w.add_occ("concern_for_welfare", t, "FWC", t + rng.randint(3600, 4 * HOUR))
                    w.add_op(o, p, "other")
                    w.add_asg(o, sf.i, "attending", t, t + 3600, tag=k)
                else:
                    self.E(t, 2, sf, "search", "person", p, "identity;warnings", ws, "welfare check - Op Safe Haven", k)
                    self.P(t + rng.randint(30, 300), sf, p, "identity;contact;warnings", ws, k)

    def border_dual_system(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        vic = w.newp(rng, 0, "SLG", "female", rng.randint(25, 45), DA)
        he = w.twin(rng, vic, 1, link_p=0.5)
        w.pmk[he] |= DA
        sus = w.newp(rng, 0, "SLG", "male", rng.randint(28, 50))
        w.link(vic, sus, "partner")
        shs = shifts_between(sf, T0 + sd * DAY, self.tend, (0,))
        if not shs:
            return
        picks = sorted(set([0] + rng.sample(range(len(shs)), min(len(shs), rng.randint(2, 3)))))
        for j in picks:
            a, b, m = shs[j]
            t = rng.randint(a + 1800, b - 3 * HOUR)
            o = w.add_occ("domestic_abuse", t - 1200, "SLG", None)
            w.add_op(o, vic, "victim")
            w.add_op(o, sus, "suspect")
            w.add_asg(o, sf.i, "attending", t, t + 2 * HOUR, tag=k)
            if j == picks[0]:
                w.add_asg(o, sf.i, "officer_in_case", t + 3 * HOUR, None, tag=k)
            ws = sf.hh or "MDT-SLG-01"
            self.P(t + rng.randint(300, 1200), sf, he, "identity;history;warnings", ws, k)
            for a2, b2, m2 in shifts_between(sf, t + DAY, t + 10 * DAY, (0,))[:2]:
                tt = rng.randint(a2 + 600, b2 - 600)
                self.P(tt, sf, vic, "summary;contact;address", "WS-SLG-%03d" % rng.randint(1, 30), k)
                self.P(tt + 200, sf, he, "summary;history", "WS-SLG-%03d" % rng.randint(1, 30), k)

    def declared_relative_custody(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        c = "HRB" if sf.st == "HRB" else "FWC"
        sis = w.newp(rng, ST_SYS[c], c, "female", max(20, sf.age + rng.randint(-6, 6)), SM)
        w.declared.append((sf.i, sis, "sibling", T0 - rng.randint(400, 2500) * DAY))
        shs = shifts_between(sf, T0 + sd * DAY, self.tend, (0,))
        for j in (0, min(len(shs) - 1, 6)):
            if not shs:
                return
            a, b, m = shs[j]
            t = rng.randint(a + 1800, b - 4 * HOUR)
            o = w.custody_episode(rng, sis, c, t, None)
            w.oclose[o] = t + rng.randint(6, 10) * HOUR
            ws = "CUS-%s-%02d" % (c, rng.randint(1, 12))
            for q in range(rng.randint(2, 3)):
                tt = t + 1800 + q * rng.randint(1800, 4000)
                self.E(tt, 6, sf, "view", "occurrence", o, "summary;custody", ws, "", k)
                self.E(tt + 60, 6, sf, "view", "person", sis, "identity;custody", ws, "", k)

    def heavy_safeguarding_caseload(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        areas = WEST if sf.st == "FWC" else (EAST if sf.st == "HRB" else STREET)
        for j in range(rng.randint(20, 30)):
            d = sd + rng.randint(-20, 25)
            c = rng.choice(areas)
            t = ltime(d, rng.uniform(0, 24))
            o = w.add_occ("domestic_abuse", t, c, None)
            w.fill(rng, o, "domestic_abuse", c)
            sh = shifts_between(sf, max(t, T0 + sd * DAY), self.tend)
            if sh:
                w.add_asg(o, sf.i, "officer_in_case", sh[0][0] + rng.randint(600, 4 * HOUR), None, tag=k)
        for d in range(sd, self.days - 2, 7):
            a = ltime(d + 4, 17)
            add_shift(sf, a, a + rng.randint(2, 4) * HOUR, 1 if sf.lap else 3)
            sf.roster.append((ltime(d + 4, 17), ltime(d + 5, 8), "on_call"))
        sf.roster.sort()
        sf.r_start = [x[0] for x in sf.roster]
        sf.r_end = [x[1] for x in sf.roster]

    def motorway_hub_checks(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        for a, b, mode in shifts_between(sf, T0 + sd * DAY, T0 + (sd + 35) * DAY, (0,)):
            for _ in range(rng.randint(8, 18)):
                c = rng.choice(STREET)
                lst = w.yf[c] if rng.random() < 0.45 else w.freq[c]
                if not lst:
                    continue
                p = lst[rng.randrange(len(lst))]
                t = rng.randint(a + 1800, b)
                self.E(t, 2, sf, "search", "person", p, "identity;warnings", "MDT-KTI-%02d" % rng.randint(1, 12),
                       rng.choice(["Op Railhead - rail hub checks", "Op Railhead, s23 MDA", "Op Railhead"]), k)
            if rng.random() < 0.5:
                self.E(rng.randint(a, b), 5, sf, "search", "intelligence", "INT-%07d" % rng.randint(1, 400000), "summary", "WS-KTI-%03d" % rng.randint(1, 30), "", k)

    def analyst_problem_profile(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        ws0 = ltime(sd, 9.5)
        scope, outside = [], []
        for o, cat in enumerate(w.ocat):
            if cat == "sexual_offence" and w.oopen[o] < ws0:
                (scope if w.ost[o] in ("STA", "FWC") else outside).append(o)
        for o in scope:
            w.add_asg(o, sf.i, "analyst", ws0, ws0 + 30 * DAY, tag=k)
        for a, b, mode in shifts_between(sf, ws0, ws0 + 28 * DAY):
            ws = sf.lap if mode == 1 and sf.lap else self.ws(rng, sf)
            for _ in range(rng.randint(3, 8)):
                lst = outside if outside and rng.random() < 0.25 else scope
                if not lst:
                    continue
                o = lst[rng.randrange(len(lst))]
                t = rng.randint(a, b)
                self.O(t, sf, o, "summary", ws, k)
                for p, r in w.o_persons[o]:
                    if r in ("victim", "suspect"):
                        self.P(t + rng.randint(30, 600), sf, p, "identity;address;history", ws, k)

    def hybrid_evening_disclosure(self, rng, sf, k):
        w = self.w
        sd = self.start_day(rng)
        cand = [o for o, cat in enumerate(w.ocat) if cat == "sexual_offence" and w.oclose[o] is None and len(w.o_persons[o]) >= 3]
        if not cand:
            cand = [o for o, cat in enumerate(w.ocat) if cat == "sexual_offence"]
        o = cand[rng.randrange(len(cand))]
        dev = sf.lap or "LAP-%s" % sf.sid[2:]
        for d in range(sd, min(self.days, sd + 21)):
            if d % 7 >= 5 or rng.random() > 0.65:
                continue
            t = ltime(d, rng.uniform(19, 21))
            if working(sf, t):
                continue
            self.O(t, sf, o, "summary;notes", dev, k)
            for p, r in w.o_persons[o]:
                t += rng.randint(120, 1200)
                self.P(t, sf, p, "identity;contact;address;history", dev, k)
            if rng.random() < 0.4:
                self.O(t + 600, sf, o, "summary;notes", dev, k, rng.choice(["print", "export"]))

    # ------------------------------------------------------------ cast everyone
    def build(self):
        w, rng = self.w, R(self.seed, "scenarios")
        n = len(self.staff)
        self.used_p = set()
        self.fem_students = None
        # young women met through the night-time economy (victims, witnesses of city-centre night incidents)
        self.nte_women = []
        for o, cat in enumerate(w.ocat):
            if w.ost[o] in ("FWC", "STA") and cat in NIGHT_CATS + ("concern_for_welfare", "missing_person"):
                lh = local_hour(w.oopen[o])
                if lh >= 19 or lh < 5:
                    for p, r in w.o_persons[o]:
                        if r != "suspect" and self.female(p, 17, 26) and w.psys[p] == 0:
                            self.nte_women.append((w.oopen[o], p))
        self.fem_detainees = []
        for o in w.custody.get("FWC", []):
            p = w.o_persons[o][0][0]
            if self.female(p, 18, 32):
                self.fem_detainees.append((w.oopen[o], p))
        per = max(1, round(n / 750))
        resp_city = lambda s: s.group == "resp" and s.st in ("FWC", "FWN", "STA")
        preds = {
            "aftercare_caller": [resp_city, lambda s: s.group == "ppu" and s.st in ("FWC", "HRB")],
            "handheld_after_hours": [lambda s: s.group == "resp" and s.st in EAST and s.hh,
                                     lambda s: s.group == "spec" and s.st == "HRB" and s.hh],
            "slow_burn_watcher": [lambda s: s.group == "crc", lambda s: s.group == "pcso"],
            "twin_record_stalker": [lambda s: s.group in ("rsoc", "rmcu") and "E" in s.accts and "W" in s.accts,
                                    lambda s: s.group == "fib" and "E" in s.accts and "W" in s.accts],
            "night_economy_trawler": [lambda s: s.group == "nte", lambda s: s.group == "cust" and s.st == "FWC"],
            "ex_partner_pursuit": [lambda s: s.group == "sup" and s.unit == "resp", lambda s: s.group == "disp"],
        }
        for name, desc in MISCONDUCT:
            for j in range(per):
                sf = self.cast(rng, preds[name][j % 2])
                if sf is None:
                    continue
                k = self.new_truth(sf, name, "misconduct")
                r2 = R(self.seed, "scenario", name, j)
                if name == "twin_record_stalker":
                    self.twin_record_stalker(r2, sf, k, linked=(j % 2 == 1))
                else:
                    getattr(self, name)(r2, sf, k)
        perb = max(1, round(n / 1500))
        bpred = {
            "twin_record_merge_sprint": lambda s: s.group == "dq",
            "collaboration_op_research": lambda s: s.group == "rsoc",
            "student_welfare_spiking": lambda s: s.group == "sli",
            "rural_unrostered_overtime": lambda s: s.group == "resp" and s.st in EAST,
            "crc_repeat_caller": lambda s: s.group == "crc",
            "nte_safe_haven_operation": lambda s: s.group == "nte",
            "border_dual_system": lambda s: s.group == "resp" and s.st == "SLG",
            "declared_relative_custody": lambda s: s.group == "cust",
            "heavy_safeguarding_caseload": lambda s: s.group == "ppu",
            "motorway_hub_checks": lambda s: s.group == "resp" and s.st == "KTI",
            "analyst_problem_profile": lambda s: s.group == "fib",
            "hybrid_evening_disclosure": lambda s: s.group == "disc",
        }
        for name, desc in BENIGN:
            for j in range(perb):
                sf = self.cast(rng, bpred[name])
                if sf is None:
                    continue
                k = self.new_truth(sf, name, "benign")
                getattr(self, name)(R(self.seed, "lookalike", name, j), sf, k)


def lday_(d):
    from .core import lday
    return lday(d)
