"""People, occurrences, who was in them and who was assigned: the records the audit trail points at."""
from .core import (DAY, HOUR, T0, R, ST, STREET, ST_SYS, SUITE, AREA_SAFE, WEST, EAST, name_f, name_m, surname,
                   postcode, ltime, local_hour, shifts_between)

MARKERS = ["domestic_abuse_victim", "sexual_offence_victim", "vulnerable_adult", "mental_health", "child",
           "sex_worker", "substance_misuse", "missing_person", "stalking_victim", "custody_detainee"]
MK = {m: 1 << i for i, m in enumerate(MARKERS)}
DA, SO, VA, MH, CH, SW, SM, MP, SV, CD = (MK[m] for m in MARKERS)

# category: crime, attend_p, phone_p, oic, close range days, open_p, arrest_p
CAT = {
    "domestic_abuse": (1, 0.93, 0.02, "safe", (10, 70), 0.3, 0.35),
    "sexual_offence": (1, 0.8, 0.0, "det", (40, 240), 0.6, 0.2),
    "stalking_harassment": (1, 0.5, 0.3, "safe", (20, 120), 0.4, 0.1),
    "assault": (1, 0.8, 0.05, "mixed", (5, 60), 0.25, 0.3),
    "theft": (1, 0.35, 0.55, "bureau", (2, 40), 0.1, 0.05),
    "burglary": (1, 0.85, 0.05, "mixed", (10, 60), 0.2, 0.05),
    "criminal_damage": (1, 0.5, 0.4, "bureau", (3, 30), 0.1, 0.05),
    "public_order": (1, 0.9, 0.0, "self", (1, 20), 0.1, 0.45),
    "road_traffic": (0, 0.85, 0.1, "self", (1, 45), 0.15, 0.05),
    "missing_person": (0, 0.95, 0.0, "self", (0.2, 5), 0.05, 0.0),
    "concern_for_welfare": (0, 0.6, 0.4, "none", (0.1, 2), 0.02, 0.0),
    "mental_health": (0, 0.8, 0.15, "none", (0.1, 2), 0.02, 0.0),
    "drugs": (1, 0.9, 0.0, "self", (5, 60), 0.3, 0.4),
    "fraud": (1, 0.1, 0.8, "bureau", (10, 90), 0.4, 0.0),
    "antisocial_behaviour": (0, 0.4, 0.55, "none", (0.2, 10), 0.05, 0.0),
    "other": (0, 0.3, 0.6, "none", (0.1, 5), 0.05, 0.0),
}
MIX = {
    "city": {"assault": 12, "public_order": 10, "theft": 14, "domestic_abuse": 10, "sexual_offence": 3,
             "antisocial_behaviour": 9, "concern_for_welfare": 8, "mental_health": 5, "burglary": 4,
             "criminal_damage": 6, "drugs": 4, "missing_person": 3, "road_traffic": 4, "fraud": 4,
             "stalking_harassment": 2, "other": 6},
    "uni": {"sexual_offence": 4, "theft": 14, "burglary": 7, "assault": 8, "public_order": 6, "missing_person": 4,
            "concern_for_welfare": 9, "mental_health": 6, "domestic_abuse": 8, "antisocial_behaviour": 8,
            "criminal_damage": 5, "drugs": 4, "fraud": 4, "stalking_harassment": 3, "road_traffic": 3, "other": 5},
    "rural": {"domestic_abuse": 12, "road_traffic": 10, "burglary": 6, "theft": 8, "criminal_damage": 7,
              "concern_for_welfare": 9, "antisocial_behaviour": 6, "mental_health": 5, "missing_person": 3,
              "assault": 6, "fraud": 5, "sexual_offence": 2, "stalking_harassment": 2, "drugs": 2,
              "public_order": 3, "other": 8},
    "border": {"domestic_abuse": 11, "road_traffic": 7, "burglary": 6, "theft": 10, "criminal_damage": 7,
               "concern_for_welfare": 8, "antisocial_behaviour": 7, "mental_health": 5, "missing_person": 3,
               "assault": 8, "fraud": 4, "sexual_offence": 2, "stalking_harassment": 2, "drugs": 3,
               "public_order": 5, "other": 7},
    "hub": {"road_traffic": 30, "theft": 12, "drugs": 8, "assault": 5, "public_order": 6, "missing_person": 3,
            "concern_for_welfare": 6, "other": 8, "fraud": 2, "domestic_abuse": 2, "criminal_damage": 3,
            "sexual_offence": 1, "mental_health": 3},
}
NIGHT_CATS = ("assault", "public_order", "sexual_offence", "drugs")


def _cum(d):
    ks = list(d.keys())
    tot, cum = 0, []
    for k in ks:
        tot += d[k]
        cum.append(tot)
    return ks, cum, tot


class World:
    def __init__(self, seed, staff, duty, days):
        self.seed, self.staff, self.duty, self.days = seed, staff, duty, days
        self.tend = T0 + days * DAY
        # persons
        self.pid, self.psys, self.psex, self.pby, self.ppc, self.pgiv, self.pfam = [], [], [], [], [], [], []
        self.pmk, self.ptwin, self.pst = [], [], []
        self.p_occs = []
        self.nid = [2100000, 380000]
        # occurrences
        self.oid, self.ocat, self.oopen, self.oclose, self.ost, self.osys = [], [], [], [], [], []
        self.o_persons = []
        self.ocount = {}
        # assignments
        self.a_o, self.a_s, self.a_role, self.a_start, self.a_end, self.a_tag = [], [], [], [], [], []
        self.s_occ = [dict() for _ in staff]
        self.s_occ_list = [[] for _ in staff]
        self.links = []
        self.declared = []
        # pools
        self.res = {c: [] for c in ST}
        self.yf = {c: [] for c in ST}
        self.freq = {c: [] for c in ST}
        self.callers = {c: [] for c in ST}
        self.da_vic = {c: [] for c in ST}
        self.students = []
        self.twins = []
        self.custody = {"FWC": [], "HRB": []}
        self.ops = {}
        self.taskings = []
        self.by_group = {}
        for s in staff:
            self.by_group.setdefault((s.st, s.group), []).append(s.i)

    # ------------------------------------------------------------ persons
    def newp(self, rng, sysi, st, sex=None, age=None, mk=0):
        if sex is None:
            sex = "female" if rng.random() < 0.5 else "male"
        if age is None:
            age = int(rng.triangular(0, 88, 30))
        self.nid[sysi] += 1
        pid = ("FWP%07d" if sysi == 0 else "HBN-%06d") % self.nid[sysi]
        i = len(self.pid)
        self.pid.append(pid)
        self.psys.append(sysi)
        self.psex.append(sex)
        self.pby.append(None if rng.random() < 0.04 else 2025 - age - (1 if rng.random() < 0.5 else 0))
        self.ppc.append("" if rng.random() < 0.05 else postcode(rng, ST[st][4]))
        self.pgiv.append(name_f(rng) if sex == "female" else (name_m(rng) if sex == "male" else "Unknown"))
        self.pfam.append(surname(rng))
        if age < 18:
            mk |= CH
        self.pmk.append(mk)
        self.ptwin.append(-1)
        self.pst.append(st)
        self.p_occs.append([])
        return i

    def age(self, p):
        by = self.pby[p]
        return 2025 - by if by else 35

    def twin(self, rng, p, sysi, link_p=0.45):
        """The same real person's record on the other RMS (created when first needed)."""
        if self.psys[p] == sysi:
            return p
        if self.ptwin[p] >= 0:
            return self.ptwin[p]
        st = self.pst[p]
        self.nid[sysi] += 1
        q = len(self.pid)
        self.pid.append(("FWP%07d" if sysi == 0 else "HBN-%06d") % self.nid[sysi])
        self.psys.append(sysi)
        self.psex.append(self.psex[p])
        self.pby.append(self.pby[p] if rng.random() < 0.9 else None)
        self.ppc.append(self.ppc[p] if rng.random() < 0.5 else postcode(rng, ST[rng.choice(WEST if sysi == 0 else EAST)][4]))
        self.pgiv.append(self.pgiv[p])
        self.pfam.append(self.pfam[p] if rng.random() < 0.85 else surname(rng))
        self.pmk.append(self.pmk[p] & (CH | MH | SM) if rng.random() < 0.6 else self.pmk[p])
        self.ptwin.append(p)
        self.pst.append(st)
        self.p_occs.append([])
        self.ptwin[p] = q
        self.twins.append(p if self.psys[p] == 0 else q)
        if rng.random() < link_p:
            self.links.append((p, q, "self"))
        return q

    def link(self, a, b, rel):
        self.links.append((a, b, rel))

    def build_population(self):
        rng = R(self.seed, "population")
        n = len(self.staff) * 10
        codes = [c for c in ST]
        ws = [ST[c][5] for c in codes]
        for c, w in zip(codes, ws):
            for _ in range(int(n * w)):
                if c in ("SLG", "KTI"):
                    sysi = 0 if rng.random() < 0.6 else 1
                else:
                    sysi = ST_SYS[c]
                if c in ("STA", "FWC") and rng.random() < (0.45 if c == "STA" else 0.15):
                    age = rng.randint(18, 23)
                else:
                    age = int(rng.triangular(0, 90, 32))
                sex = "female" if rng.random() < 0.5 else "male"
                mk = 0
                if age >= 16:
                    if rng.random() < 0.06:
                        mk |= MH
                    if rng.random() < (0.08 if sex == "male" and age < 50 else 0.03):
                        mk |= SM
                    if rng.random() < 0.03:
                        mk |= VA
                p = self.newp(rng, sysi, c, sex, age, mk)
                self.res[c].append(p)
                if sex == "female" and 17 <= age <= 30:
                    self.yf[c].append(p)
                if 18 <= age <= 23 and c in ("STA", "FWC"):
                    self.students.append(p)
                if age >= 15 and age <= 50 and rng.random() < (0.12 if sex == "male" else 0.04):
                    self.freq[c].append(p)
                if age >= 18 and rng.random() < 0.015:
                    self.callers[c].append(p)
                    self.pmk[p] |= MH if rng.random() < 0.5 else VA
                near = c in ("SLG", "KTI")
                if rng.random() < (0.09 if near else 0.025):
                    self.twin(rng, p, 1 - sysi)

    # ------------------------------------------------------------ occurrences
    def add_occ(self, cat, t, st, close, sysi=None):
        if sysi is None:
            sysi = ST_SYS[st]
        yy = 25 if t >= T0 - 33 * DAY else 24
        k = (sysi, yy, cat == "custody")
        self.ocount[k] = self.ocount.get(k, 0) + 1
        n = self.ocount[k]
        if cat == "custody":
            oid = "CUS-%s-%02d%05d" % (st, yy, n)
        elif sysi == 0:
            oid = "FW%02d-%06d" % (yy, n + 3000)
        else:
            oid = "HBO/%02d/%06d" % (yy, n + 41000)
        o = len(self.oid)
        self.oid.append(oid)
        self.ocat.append(cat)
        self.oopen.append(t)
        self.oclose.append(close)
        self.ost.append(st)
        self.osys.append(sysi)
        self.o_persons.append([])
        return o

    def add_op(self, o, p, role):
        self.o_persons[o].append((p, role))
        self.p_occs[p].append(o)

    def add_asg(self, o, s, role, start, end, tag=None):
        if end is not None and end < start:
            end = start + 900  # closed before this assignment began: recorded as a short review
        a = len(self.a_o)
        self.a_o.append(o)
        self.a_s.append(s)
        self.a_role.append(role)
        self.a_start.append(start)
        self.a_end.append(end)
        self.a_tag.append(tag)
        d = self.s_occ[s]
        if o not in d:
            d[o] = start
            self.s_occ_list[s].append(o)
        elif start < d[o]:
            d[o] = start
        return a

    def pick_person(self, rng, pool_lst, st, sysi, reuse_p, sex=None, age=None, mk=0):
        if pool_lst and rng.random() < reuse_p:
            p = pool_lst[rng.randrange(len(pool_lst))]
            if self.psys[p] != sysi:
                p = self.twin(rng, p, sysi)
            self.pmk[p] |= mk
            return p
        return self.newp(rng, sysi, st, sex, age, mk)

    def fill(self, rng, o, cat, st):
        sysi = self.osys[o]
        res = self.res[st]
        young_night = cat in NIGHT_CATS and st in ("FWC", "STA") and local_hour(self.oopen[o]) >= 20 or \
            (cat in NIGHT_CATS and st in ("FWC", "STA") and local_hour(self.oopen[o]) < 5)
        out = []
        if cat == "domestic_abuse":
            v = self.pick_person(rng, self.da_vic[st], st, sysi, 0.3,
                                 "female" if rng.random() < 0.85 else "male", rng.randint(18, 60), DA)
            self.pmk[v] |= DA
            if v not in self.da_vic[st]:
                self.da_vic[st].append(v)
            sx = "male" if self.psex[v] == "female" else "female"
            s_ = self.pick_person(rng, self.freq[st], st, sysi, 0.25, sx, rng.randint(19, 60))
            self.link(v, s_, "partner" if rng.random() < 0.5 else "ex_partner")
            out += [(v, "victim"), (s_, "suspect")]
            if rng.random() < 0.3:
                c = self.newp(rng, sysi, st, None, rng.randint(1, 15))
                self.link(v, c, "child")
                out.append((c, "other"))
            if rng.random() < 0.25:
                out.append((self.pick_person(rng, res, st, sysi, 0.6), "witness"))
        elif cat in ("sexual_offence", "stalking_harassment"):
            pool = self.students if (st in ("STA", "FWC") and rng.random() < 0.5) else self.yf[st]
            mk = SO if cat == "sexual_offence" else SV
            v = self.pick_person(rng, pool, st, sysi, 0.5, "female" if rng.random() < 0.85 else "male",
                                 rng.randint(16, 40), mk)
            out.append((v, "victim"))
            if rng.random() < 0.6:
                s_ = self.pick_person(rng, self.freq[st], st, sysi, 0.3, "male", rng.randint(18, 55))
                out.append((s_, "suspect"))
                if cat == "stalking_harassment" and rng.random() < 0.5:
                    self.link(v, s_, "ex_partner")
            if rng.random() < 0.35:
                out.append((self.pick_person(rng, pool, st, sysi, 0.5, None, rng.randint(17, 40)), "witness"))
            if rng.random() < 0.4:
                out.append((self.pick_person(rng, res, st, sysi, 0.5), "caller"))
        elif cat in ("assault", "public_order", "drugs"):
            pool = self.students if young_night and rng.random() < 0.4 else (self.yf[st] if young_night else res)
            if cat == "assault":
                out.append((self.pick_person(rng, pool, st, sysi, 0.5, None,
                                             rng.randint(18, 28) if young_night else None), "victim"))
            for _ in range(1 if rng.random() < 0.7 else 2):
                out.append((self.pick_person(rng, self.freq[st], st, sysi, 0.45,
                                             "male" if rng.random() < 0.8 else "female",
                                             rng.randint(16, 35) if young_night else rng.randint(16, 55),
                                             SM if rng.random() < 0.2 else 0), "suspect"))
            if rng.random() < 0.5:
                out.append((self.pick_person(rng, pool, st, sysi, 0.5, None,
                                             rng.randint(18, 30) if young_night else None), "witness"))
        elif cat in ("theft", "burglary", "criminal_damage", "fraud"):
            v = self.pick_person(rng, res, st, sysi, 0.5, None, rng.randint(18, 85))
            out.append((v, "victim"))
            if rng.random() < 0.2:
                out.append((self.pick_person(rng, self.freq[st], st, sysi, 0.5, "male", rng.randint(16, 50)),
                            "suspect"))
            if rng.random() < 0.15:
                out.append((self.pick_person(rng, res, st, sysi, 0.5), "witness"))
        elif cat == "road_traffic":
            for _ in range(rng.choice([1, 2, 2, 3])):
                out.append((self.pick_person(rng, res, st, sysi, 0.4, None, rng.randint(17, 80)), "other"))
            if rng.random() < 0.3:
                out.append((self.pick_person(rng, res, st, sysi, 0.4, None, rng.randint(17, 80)), "witness"))
        elif cat == "missing_person":
            if st in ("STA", "FWC") and rng.random() < 0.3:
                m = self.pick_person(rng, self.students, st, sysi, 0.8, None, None, MP)
            else:
                m = self.pick_person(rng, res, st, sysi, 0.2, None, rng.choice([rng.randint(12, 17), rng.randint(18, 80)]), MP)
            self.pmk[m] |= MP
            out.append((m, "other"))
            f = self.newp(rng, sysi, st, None, rng.randint(35, 70))
            self.link(m, f, "family")
            out.append((f, "caller"))
        elif cat in ("concern_for_welfare", "mental_health"):
            m = self.pick_person(rng, self.callers[st], st, sysi, 0.35, None, rng.randint(16, 90),
                                 MH if cat == "mental_health" else (VA if rng.random() < 0.5 else 0))
            out.append((m, "other"))
            if rng.random() < 0.6:
                out.append((self.pick_person(rng, res, st, sysi, 0.5), "caller"))
        else:  # antisocial_behaviour, other
            out.append((self.pick_person(rng, self.callers[st], st, sysi, 0.45, None, rng.randint(25, 85)), "caller"))
            if rng.random() < 0.4:
                out.append((self.pick_person(rng, self.freq[st], st, sysi, 0.6, "male", rng.randint(14, 40)),
                            "suspect"))
        seen = []
        for p, role in out:
            if p in seen:
                continue
            seen.append(p)
            self.add_op(o, p, role)

    def _pick_group(self, rng, code, groups, t, tries=(0,)):
        for g in groups:
            for dt in tries:
                s = self.duty.pick(rng, code, g, t + dt)
                if s is not None:
                    return s
        return None

    def _next_working(self, rng, s, t, within=5 * DAY):
        sh = shifts_between(self.staff[s], t, t + within)
        if not sh:
            return None
        a, b, m = sh[0]
        return max(a, t) + rng.randint(600, max(700, min(b - max(a, t), 4 * HOUR)))

    def build_occurrences(self):
        rng = R(self.seed, "occurrences")
        n = len(self.staff)
        rate = n * 0.2
        mixes = {k: _cum(v) for k, v in MIX.items()}
        # long-running cases opened before the period and still open at its start
        for c in STREET:
            ks, cum, tot = mixes[ST[c][7]]
            for d in range(-150, 0):
                for _ in range(int(rate * ST[c][6] * 0.35) + (1 if rng.random() < 0.5 else 0)):
                    x = rng.random() * tot
                    cat = ks[next(j for j, v in enumerate(cum) if v > x)]
                    info = CAT[cat]
                    if info[3] not in ("det", "safe", "mixed", "bureau"):
                        continue
                    t = T0 + d * DAY + rng.randint(0, DAY - 1)
                    close = None if rng.random() < info[5] else t + int(rng.uniform(*info[4]) * DAY)
                    if close is not None and close < T0 + DAY:
                        continue
                    o = self.add_occ(cat, t, c, close)
                    self.fill(rng, o, cat, c)
                    s = self._oic_staff(rng, info[3], c, None, t, pre=True)
                    if s is not None:
                        self.add_asg(o, s, "officer_in_case" if info[3] != "bureau" else "investigator",
                                     t + rng.randint(1, 3) * DAY, close)
        for d in range(self.days):
            for c in STREET:
                ks, cum, tot = mixes[ST[c][7]]
                wd = d % 7
                m = rate * ST[c][6] * (1.15 if wd in (4, 5) else 0.95)
                k = int(m) + (1 if rng.random() < m - int(m) else 0)
                for _ in range(k):
                    x = rng.random() * tot
                    cat = ks[next(j for j, v in enumerate(cum) if v > x)]
                    if cat in NIGHT_CATS and c in ("FWC", "STA", "FWN") and wd in (3, 4, 5, 6) and rng.random() < 0.7:
                        hr = rng.choice([20, 21, 22, 23, 24, 25, 26, 27]) + rng.random()
                    else:
                        hr = rng.triangular(0, 24, 16)
                    self.occurrence(rng, cat, ltime(d, hr), c)
        self.build_stop_checks()
        self.build_taskings()
        self.build_ops()
        self.build_declared()

    def _oic_staff(self, rng, kind, c, attend, t, pre=False):
        if kind == "det" or (kind == "mixed" and rng.random() < 0.35):
            code = "FWC" if ST[c][2] in "WX" else "HRB"
            grp = ("cid",)
        elif kind == "safe":
            code = AREA_SAFE[c] if rng.random() < 0.75 else "WVP"
            grp = ("ppu",)
        elif kind == "bureau":
            if attend is not None and rng.random() < 0.5:
                return attend
            code, grp = "WVP", ("bureau",)
        elif kind in ("self", "mixed"):
            return attend
        else:
            return None
        if pre:
            lst = self.by_group.get((code, grp[0]))
            return lst[rng.randrange(len(lst))] if lst else None
        for dt in (16 * HOUR, 24 * HOUR, 40 * HOUR, 64 * HOUR, 88 * HOUR):
            s = self.duty.pick(rng, code, grp[0], t + dt)
            if s is not None:
                return s
        lst = self.by_group.get((code, grp[0]))
        return lst[rng.randrange(len(lst))] if lst else None

    def occurrence(self, rng, cat, t, c, attend_forced=None):
        info = CAT[cat]
        close = None if rng.random() < info[5] else t + int(rng.uniform(*info[4]) * DAY)
        if close is not None and close >= self.tend:
            close = None
        o = self.add_occ(cat, t, c, close)
        self.fill(rng, o, cat, c)
        if rng.random() < 0.88:
            ch = self.duty.pick(rng, "WVP", "crc", t)
            if ch is not None:
                self.add_asg(o, ch, "call_handler", t, t + rng.randint(240, 1500))
        phone = rng.random() < info[2]
        attend = []
        if attend_forced is not None:
            attend = [attend_forced]
        elif not phone and rng.random() < info[1]:
            ta = t + rng.randint(300, 3600)
            lh = local_hour(ta)
            s = None
            if c in ("FWC", "STA") and cat in NIGHT_CATS + ("concern_for_welfare",) and (lh >= 19 or lh < 5) and rng.random() < 0.55:
                s = self.duty.pick(rng, "FWC", "nte", ta)
            if s is None:
                s = self._pick_group(rng, c, ("resp", "nbh", "spec", "pcso", "sup"), ta, (0, 1800))
            if s is not None:
                attend.append(s)
                single = ST[c][2] == "E" and rng.random() < 0.85
                if not single and rng.random() < 0.55:
                    s2 = self._pick_group(rng, c, ("resp", "spec", "nbh"), ta)
                    if s2 is not None and s2 != s:
                        attend.append(s2)
        aend = None
        for s in attend:
            ta = t + rng.randint(300, 3600)
            aend = ta + rng.randint(2400, 4 * HOUR)
            self.add_asg(o, s, "attending", ta, aend)
        if phone and close is None and rng.random() < 0.5:
            self.oclose[o] = min(self.tend - 1, t + rng.randint(1800, 8 * HOUR))
            close = self.oclose[o]
        if phone and info[0] and rng.random() < 0.5:
            b = self._oic_staff(rng, "bureau", c, None, t)
            if b is not None:
                self.add_asg(o, b, "investigator", t + rng.randint(8, 40) * HOUR, close)
        if attend and rng.random() < 0.25:
            sv = self.duty.pick(rng, c, "sup", t + 1800)
            if sv is not None:
                self.add_asg(o, sv, "supervisor", t + rng.randint(1800, 6 * HOUR), close)
        if info[0] and (attend or info[3] in ("det", "safe")):
            s = self._oic_staff(rng, info[3], c, attend[0] if attend else None, t)
            if s is not None:
                self.add_asg(o, s, "officer_in_case", t + (rng.randint(10, 40) * HOUR if (not attend or s != attend[0]) else 3600), close)
                if info[3] in ("det", "safe") and cat in ("domestic_abuse", "sexual_offence") and rng.random() < 0.35:
                    s2 = self._oic_staff(rng, "safe" if cat == "domestic_abuse" else "det", c, None, t)
                    if s2 is not None and s2 != s:
                        self.add_asg(o, s2, "investigator", t + rng.randint(20, 80) * HOUR, close)
        # student liaison picks up cases with a student victim
        if c in ("STA", "FWC") and cat in ("sexual_offence", "missing_person", "concern_for_welfare", "assault"):
            for p, role in self.o_persons[o]:
                if role in ("victim", "other") and 18 <= self.age(p) <= 23 and rng.random() < 0.5:
                    sl = self.duty.pick(rng, "STA", "sli", t + 20 * HOUR) or self.duty.pick(rng, "STA", "sli", t + 44 * HOUR)
                    if sl is not None:
                        self.add_asg(o, sl, "investigator", t + rng.randint(20, 50) * HOUR, close)
                    break
        # arrests -> custody episodes
        if attend and rng.random() < info[6]:
            sus = [p for p, r in self.o_persons[o] if r == "suspect"]
            if sus:
                self.custody_episode(rng, sus[0], c, t + rng.randint(1800, 3 * HOUR), attend[0])
        return o

    def custody_episode(self, rng, p, c, t, arrester):
        suite = SUITE[c]
        close = t + rng.randint(4 * HOUR, 30 * HOUR)
        if close >= self.tend:
            close = None
        o = self.add_occ("custody", t, suite, close, sysi=ST_SYS[suite])
        q = p if self.psys[p] == ST_SYS[suite] else self.twin(rng, p, ST_SYS[suite])
        self.pmk[q] |= CD
        self.add_op(o, q, "suspect")
        self.custody[suite].append(o)
        if arrester is not None:
            self.add_asg(o, arrester, "attending", t, t + rng.randint(3600, 3 * HOUR))
        if rng.random() < 0.65:
            co = self.duty.pick(rng, suite, "cust", t)
            if co is not None:
                self.add_asg(o, co, "attending", t + rng.randint(300, 1800), close)
        return o

    def build_stop_checks(self):
        rng = R(self.seed, "stopchecks")
        for s in self.staff:
            if s.group not in ("resp", "nte", "spec"):
                continue
            lam = 1.1 if s.st == "KTI" else (0.6 if s.group == "nte" else 0.45)
            for a, b, mode in s.shifts:
                if mode != 0 or a < T0 or b >= self.tend:
                    continue
                k = 0
                x = rng.random()
                while x < lam / (k + 1) and k < 4:
                    k += 1
                    x = rng.random()
                for _ in range(k):
                    t = rng.randint(a, b - 1)
                    c = s.st
                    o = self.add_occ("stop_check", t, c, t + rng.randint(600, 2400))
                    pool = self.freq[c] if rng.random() < 0.6 else self.res[c]
                    p = self.pick_person(rng, pool, c, self.osys[o], 0.85, "male" if rng.random() < 0.8 else "female",
                                         rng.randint(15, 45))
                    self.add_op(o, p, "suspect")
                    self.add_asg(o, s.i, "attending", t, t + rng.randint(600, 2400))

    def build_taskings(self):
        """Analysts' research taskings are written as analyst assignments to each occurrence in scope."""
        rng = R(self.seed, "taskings")
        by_cat = {}
        for o, cat in enumerate(self.ocat):
            by_cat.setdefault((cat, self.ost[o]), []).append(o)
        for s in self.staff:
            if s.group != "fib":
                continue
            for _ in range(rng.choice([1, 2, 2, 3])):
                d0 = rng.randint(0, max(1, self.days - 20))
                ws = ltime(d0, 9.5)
                cat = rng.choice(["burglary", "theft", "drugs", "assault", "criminal_damage", "fraud", "public_order"])
                sts = rng.sample(STREET, rng.randint(1, 3))
                scope = []
                for c in sts:
                    scope += [o for o in by_cat.get((cat, c), []) if ws - 60 * DAY <= self.oopen[o] <= ws]
                if not scope:
                    continue
                scope = rng.sample(scope, min(len(scope), rng.randint(12, 40)))
                scope.sort()
                we = ws + rng.randint(10, 25) * DAY
                for o in scope:
                    self.add_asg(o, s.i, "analyst", ws, we)
                self.taskings.append((s.i, ws, we, scope))

    def build_ops(self):
        """Regional collaboration operations: nominals on both RMSs, not occurrences."""
        rng = R(self.seed, "ops")
        for unit in ("rsoc", "rmcu"):
            ops = []
            for k in range(rng.randint(3, 5)):
                noms = []
                for _ in range(rng.randint(12, 26)):
                    c = rng.choice(STREET)
                    if self.freq[c]:
                        p = rng.choice(self.freq[c])
                        noms.append(p)
                        if rng.random() < 0.4:
                            q = self.newp(rng, self.psys[p], c, "female" if self.psex[p] == "male" else "male",
                                          max(18, self.age(p) + rng.randint(-6, 4)))
                            self.link(p, q, "partner")
                            noms.append(q)
                        if rng.random() < 0.3 and noms:
                            self.link(p, rng.choice(noms), "associate")
                ops.append(noms)
            self.ops[unit] = ops

    def build_declared(self):
        rng = R(self.seed, "declared")
        for s in self.staff:
            if rng.random() < 0.03:
                c = s.homest if s.homest in self.res else "FWC"
                p = self.newp(rng, ST_SYS.get(c, 0), c, None, rng.randint(18, 70))
                rel = rng.choice(["family", "sibling", "ex_partner", "friend", "parent", "neighbour"])
                self.declared.append((s.i, p, rel, T0 - rng.randint(30, 3000) * DAY))

    # ------------------------------------------------------------ follow-ups
    def schedule(self):
        """Agenda per day: (0, a, None) the start of assignment a; (1, a, t) a follow-up at time t."""
        rng = R(self.seed, "agenda")
        self.agenda = [[] for _ in range(self.days)]
        staff = self.staff
        for a in range(len(self.a_o)):
            st = self.a_start[a]
            if T0 <= st < self.tend:
                self.agenda[(st - T0) // DAY].append((0, a, st))
            role = self.a_role[a]
            s = staff[self.a_s[a]]
            o = self.a_o[a]
            close = self.oclose[o] or self.tend
            end = min(close, self.a_end[a] or self.tend, self.tend)
            lo = max(st + 12 * HOUR, T0)
            if role in ("officer_in_case", "investigator"):
                p = {"cid": 0.3, "rmcu": 0.3, "ppu": 0.4, "bureau": 0.25, "sli": 0.35}.get(s.group, 0.18)
                cap = 12
            elif role == "supervisor":
                p, cap = 0.25, 1
            elif role == "attending" and self.ocat[o] not in ("stop_check", "custody"):
                p, cap = 0.12, 1
                end = min(end, st + 4 * DAY)
            elif role == "analyst":
                p, cap = 0.2, 3
            else:
                continue
            if end <= lo:
                continue
            n = 0
            for a0, b0, mode in shifts_between(s, lo, end, (0, 1, 3)):
                if rng.random() < p:
                    t = rng.randint(a0 + 600, max(a0 + 700, b0 - 600))
                    d = (t - T0) // DAY
                    if 0 <= d < self.days:
                        self.agenda[d].append((1, a, t))
                        n += 1
                        if n >= cap:
                            break
