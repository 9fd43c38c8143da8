"""People on the force's records: households, known offenders, managed sex offenders, prisoners, travellers."""
from .util import rng
from .organisation import STATIONS, AREAS, AREA_SHARE
from . import names

MARKERS = ("domestic_abuse_victim", "sexual_offence_victim", "vulnerable_adult", "mental_health", "child",
           "sex_worker", "substance_misuse", "missing_person", "stalking_victim", "custody_detainee")
M = {m: 1 << i for i, m in enumerate(MARKERS)}
YEAR = 2025
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


class People:
    def __init__(self):
        self.fam = []
        self.given = []
        self.sex = []        # 'f', 'm', 'u'
        self.by = []         # birth year, 0 = unknown
        self.pc = []
        self.area = []       # station index of home patch, -1 outside
        self.mk = []         # base marker bits (from records before the period)
        self.dmk = []        # marker bits earned by occurrences in the simulation
        self.hh = []         # household id
        self.households = []
        self.by_area = {a: [] for a in AREAS}
        self.prolific = {a: [] for a in AREAS}
        self.vulnerable = {a: [] for a in AREAS}
        self.sexworkers = []
        self.rso = []            # managed registered sex offenders
        self.iom = []            # integrated offender management cohort
        self.prisoners = []
        self.yoi = []
        self.travellers = []
        self.links = []          # (a, b, relation) as kept by the public protection unit
        self.partner = {}        # person -> partner in the same household

    def __len__(self):
        return len(self.fam)

    def add(self, fam, given, sex, by, pc, area, mk, hh):
        i = len(self.fam)
        self.fam.append(fam)
        self.given.append(given)
        self.sex.append(sex)
        self.by.append(by)
        self.pc.append(pc)
        self.area.append(area)
        self.mk.append(mk)
        self.dmk.append(0)
        self.hh.append(hh)
        if hh >= 0:
            self.households[hh].append(i)
        if area >= 0 and area in self.by_area:
            self.by_area[area].append(i)
        return i

    def age(self, i):
        b = self.by[i]
        return YEAR - b if b else -1

    def markers(self, i):
        bits = self.mk[i] | self.dmk[i]
        b = self.by[i]
        if b and YEAR - b < 18:
            bits |= M["child"]
        return bits


def postcode(r, area):
    if area < 0:
        return f"QZ{r.randrange(1, 60)} {r.randrange(1, 10)}{r.choice(LETTERS)}{r.choice(LETTERS)}"
    dist = r.choice(STATIONS[area][5])
    return f"QV{dist} {r.randrange(1, 10)}{r.choice(LETTERS)}{r.choice(LETTERS)}"


def given_for(r, sex):
    return r.choice(names.FEMALE if sex == "f" else names.MALE)


def new_household(P, r, area, kind=None, pc=None):
    """Create a household; returns list of members (adults first)."""
    hid = len(P.households)
    P.households.append([])
    if pc is None:
        pc = postcode(r, area) if r.random() > 0.1 else ""
    fam = r.choice(names.SURNAMES)
    k = kind or r.choices(("single", "couple", "family", "lone", "shared"), (30, 22, 26, 13, 9))[0]
    mem = []

    def person(sex, age, fam_, mk=0):
        by = YEAR - age if r.random() > 0.07 else 0
        return P.add(fam_, given_for(r, sex), sex, by, pc, area, mk, hid)

    if k == "single":
        sex = "f" if r.random() < 0.5 else "m"
        mem.append(person(sex, r.randrange(18, 85), fam))
    elif k in ("couple", "family"):
        a1 = r.randrange(19, 70)
        m1 = person("m", a1, fam)
        f1 = person("f", max(18, a1 + r.randrange(-8, 4)), fam if r.random() < 0.6 else r.choice(names.SURNAMES))
        mem += [f1, m1]
        P.partner[m1] = f1
        P.partner[f1] = m1
        if k == "family":
            for _ in range(r.randrange(1, 4)):
                mem.append(person("f" if r.random() < 0.5 else "m", r.randrange(0, max(1, min(25, a1 - 17))), fam))
    elif k == "lone":
        a1 = r.randrange(19, 55)
        mem.append(person("f" if r.random() < 0.85 else "m", a1, fam))
        for _ in range(r.randrange(1, 4)):
            mem.append(person("f" if r.random() < 0.5 else "m", r.randrange(0, max(1, min(20, a1 - 17))), fam))
    else:
        for _ in range(r.randrange(2, 5)):
            mem.append(person("f" if r.random() < 0.45 else "m", r.randrange(18, 40), r.choice(names.SURNAMES)))
    return mem


def build_people(seed, n_staff):
    r = rng(seed, "people")
    P = People()
    total = int(n_staff * 26)
    for a, share in zip(AREAS, AREA_SHARE):
        target = int(total * share / sum(AREA_SHARE))
        made = 0
        while made < target:
            made += len(new_household(P, r, a))
    # base markers from earlier records
    for i in range(len(P)):
        a = P.age(i)
        x = r.random()
        bits = 0
        if x < 0.035:
            bits |= M["mental_health"]
        if r.random() < 0.025:
            bits |= M["substance_misuse"]
        if r.random() < 0.012 and a >= 18:
            bits |= M["vulnerable_adult"]
        if P.sex[i] == "f" and 17 < a < 60 and r.random() < 0.02:
            bits |= M["domestic_abuse_victim"]
        if P.sex[i] == "m" and 16 < a < 50 and r.random() < 0.03:
            bits |= M["custody_detainee"]
        P.mk[i] = bits
    for a in AREAS:
        lst = P.by_area[a]
        for i in lst:
            age = P.age(i)
            if P.sex[i] == "m" and 16 <= age <= 48 and r.random() < 0.045:
                P.prolific[a].append(i)
                P.mk[i] |= M["custody_detainee"] | (M["substance_misuse"] if r.random() < 0.4 else 0)
            elif P.mk[i] & (M["mental_health"] | M["vulnerable_adult"]) and r.random() < 0.5:
                P.vulnerable[a].append(i)
    # sex workers in the dock and city centre areas
    for a in AREAS[:4]:
        for _ in range(max(3, n_staff // 120)):
            mem = new_household(P, r, a, kind="single")
            i = mem[0]
            P.sex[i] = "f"
            P.given[i] = given_for(r, "f")
            P.by[i] = YEAR - r.randrange(19, 45)
            P.mk[i] |= M["sex_worker"] | (M["substance_misuse"] if r.random() < 0.5 else 0)
            P.sexworkers.append(i)
    # managed registered sex offenders and their households (links kept by the public protection unit)
    for _ in range(max(20, int(n_staff * 0.28))):
        a = r.choices(AREAS, AREA_SHARE)[0]
        kind = r.choices(("single", "couple", "family"), (45, 35, 20))[0]
        mem = new_household(P, r, a, kind=kind)
        rso = [i for i in mem if P.sex[i] == "m" and P.age(i) >= 18]
        if not rso:
            i = mem[0]
            P.sex[i] = "m"
            P.given[i] = given_for(r, "m")
            if P.by[i] == 0 or P.age(i) < 20:
                P.by[i] = YEAR - r.randrange(22, 70)
            rso = [i]
        o = rso[0]
        P.rso.append(o)
        P.mk[o] |= M["custody_detainee"]
        for j in mem:
            if j == o:
                continue
            if P.partner.get(o) == j:
                P.links.append((o, j, "spouse" if r.random() < 0.3 else "partner"))
            elif P.age(j) >= 0 and P.age(j) < 18:
                P.links.append((o, j, "child"))
            else:
                P.links.append((o, j, "household"))
        # wider family and a new partner living elsewhere, sometimes recorded
        if r.random() < 0.25:
            fam = new_household(P, r, a, kind="single")
            P.links.append((o, fam[0], "family"))
        if o not in P.partner and r.random() < 0.3:
            np = new_household(P, r, a, kind=r.choice(("single", "lone")))
            f = np[0]
            P.sex[f] = "f"
            P.given[f] = given_for(r, "f")
            P.partner[o] = f
            P.partner[f] = o
            P.links.append((o, f, "partner"))
        if r.random() < 0.15 and len(P.rso) > 3:
            P.links.append((o, P.rso[r.randrange(len(P.rso) - 1)], "associate"))
    # integrated offender management cohort: prolific offenders
    for a in AREAS:
        pl = P.prolific[a]
        P.iom.extend(pl[: max(2, int(len(pl) * 0.3))])
    # prisoners at HMP Saltmarsh (some local, with partners who visit)
    for _ in range(max(30, int(n_staff * 0.5))):
        local = r.random() < 0.55
        a = r.choices(AREAS, AREA_SHARE)[0] if local else -1
        if local and r.random() < 0.6:
            mem = new_household(P, r, a, kind="couple")
            o = [i for i in mem if P.sex[i] == "m"][0]
        else:
            mem = new_household(P, r, a, kind="single")
            o = mem[0]
            P.sex[o] = "m"
            P.given[o] = given_for(r, "m")
        P.by[o] = YEAR - r.randrange(19, 62)
        P.mk[o] |= M["custody_detainee"] | (M["substance_misuse"] if r.random() < 0.4 else 0)
        P.prisoners.append(o)
    # young offenders at Hollin Ridge
    for _ in range(max(10, int(n_staff * 0.08))):
        a = r.choices(AREAS, AREA_SHARE)[0] if r.random() < 0.6 else -1
        mem = new_household(P, r, a, kind="lone")
        o = mem[-1]
        P.sex[o] = "m"
        P.given[o] = given_for(r, "m")
        P.by[o] = YEAR - r.randrange(15, 21)
        P.mk[o] |= M["custody_detainee"]
        P.yoi.append(o)
    return P


def new_traveller(P, r):
    sex = "f" if r.random() < 0.48 else "m"
    fam = r.choice(names.TRAVEL_FAMILY) if r.random() < 0.35 else r.choice(names.SURNAMES)
    area = -1
    pc = "" if r.random() < 0.4 else postcode(r, -1)
    if r.random() < 0.3:
        area = r.choices(AREAS, AREA_SHARE)[0]
        pc = postcode(r, area)
    i = P.add(fam, given_for(r, sex), sex, YEAR - r.randrange(18, 78) if r.random() > 0.03 else 0, pc, area, 0, -1)
    P.travellers.append(i)
    return i
