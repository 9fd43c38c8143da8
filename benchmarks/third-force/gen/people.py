"""People on the force's records: households, relationships, markers and the groups officers meet again and again."""
from . import geography as geo, names
from .rng import stream

YEAR = 2025
MARKERS = ["domestic_abuse_victim", "sexual_offence_victim", "vulnerable_adult", "mental_health", "child",
           "sex_worker", "substance_misuse", "missing_person", "stalking_victim", "custody_detainee"]


class People:
    def __init__(self):
        self.pid, self.family, self.given, self.sex, self.birth = [], [], [], [], []
        self.postcode, self.borough, self.markers, self.household = [], [], [], []
        self.links = []                 # (a, b, relation)
        self.linked = {}                # person -> [(other, relation)]
        self.partner, self.ex = {}, {}
        self.pools = {}

    def add(self, rng, sex, birth, borough, family=None, postcode=None, household=-1):
        i = len(self.pid)
        self.pid.append("HP%07d" % (3100000 + i))
        self.family.append(family or names.family(rng))
        self.given.append(names.given(rng, sex))
        self.sex.append(sex)
        self.birth.append(birth)
        self.postcode.append(postcode if postcode is not None else geo.postcode(rng, borough))
        self.borough.append(borough)
        self.markers.append(set())
        self.household.append(household)
        return i

    def link(self, a, b, rel):
        self.links.append((a, b, rel))
        self.linked.setdefault(a, []).append((b, rel))
        self.linked.setdefault(b, []).append((a, rel))
        if rel in ("partner", "spouse"):
            self.partner[a], self.partner[b] = b, a
        if rel == "ex_partner":
            self.ex.setdefault(a, []).append(b)
            self.ex.setdefault(b, []).append(a)

    def age(self, i):
        b = self.birth[i]
        return YEAR - b if b else 35

    def mark(self, i, m):
        self.markers[i].add(m)

    def marked(self, i):
        return bool(self.markers[i])

    def pool(self, name):
        return self.pools.setdefault(name, [])


def build(seed, n_staff):
    rng = stream(seed, "people")
    P = People()
    target = 40 * n_staff
    hh = 0
    shares = geo.BOROUGH_SHARE
    while len(P.pid) < target:
        b = rng.choices(geo.BOROUGH_KEYS, shares)[0]
        pc = geo.postcode(rng, b)
        fam = names.family(rng)
        kind = rng.choices(["single", "couple", "family", "lone_parent", "shared"], [30, 22, 26, 13, 9])[0]
        members = []
        if kind == "single":
            sex = rng.choice(["female", "male"])
            members.append(P.add(rng, sex, YEAR - rng.randint(18, 88), b, fam, pc, hh))
        elif kind in ("couple", "family"):
            a1 = rng.randint(20, 70) if kind == "couple" else rng.randint(22, 50)
            m = P.add(rng, "male", YEAR - a1 - rng.randint(-3, 5), b, fam, pc, hh)
            w = P.add(rng, "female", YEAR - a1, b, fam if rng.random() < 0.6 else None, pc, hh)
            P.link(m, w, "spouse" if rng.random() < 0.5 else "partner")
            members += [m, w]
            if kind == "family":
                for _ in range(rng.choice([0, 1, 1, 2])):    # children appear on record only when involved
                    c = P.add(rng, rng.choice(["female", "male"]), YEAR - rng.randint(min(8, a1 - 18), min(17, a1 - 18)), b, fam, pc, hh)
                    P.link(w, c, "child")
                    P.link(m, c, "child")
                    members.append(c)
        elif kind == "lone_parent":
            a1 = rng.randint(19, 45)
            w = P.add(rng, "female", YEAR - a1, b, fam, pc, hh)
            members.append(w)
            for _ in range(rng.choice([1, 1, 2])):
                c = P.add(rng, rng.choice(["female", "male"]), YEAR - rng.randint(min(6, a1 - 17), min(17, a1 - 17)), b, fam, pc, hh)
                P.link(w, c, "child")
                members.append(c)
        else:
            for _ in range(rng.randint(2, 4)):
                members.append(P.add(rng, rng.choice(["female", "male"]), YEAR - rng.randint(18, 30), b, None, pc, hh))
            for x in members[1:]:
                P.link(members[0], x, "household")
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if P.family[members[i]] == P.family[members[j]] and P.age(members[i]) < 18 and P.age(members[j]) < 18:
                    P.link(members[i], members[j], "sibling")
        hh += 1
    n = len(P.pid)
    for i in range(n):
        a, sx = P.age(i), P.sex[i]
        if a < 18:
            P.mark(i, "child")
        r = rng.random
        if sx == "female" and 18 <= a <= 60:
            if r() < 0.05: P.mark(i, "domestic_abuse_victim")
            if r() < 0.03: P.mark(i, "sexual_offence_victim")
            if r() < 0.02: P.mark(i, "stalking_victim")
        if a >= 16:
            if r() < 0.055: P.mark(i, "mental_health")
            if r() < (0.07 if sx == "male" else 0.03): P.mark(i, "substance_misuse")
            if r() < (0.08 if sx == "male" else 0.025): P.mark(i, "custody_detainee")
            if r() < 0.015 or a > 80 and r() < 0.15: P.mark(i, "vulnerable_adult")
        if 12 <= a <= 19 and r() < 0.04:
            P.mark(i, "missing_person")
    # birth years and postcodes sometimes unrecorded
    for i in range(n):
        if rng.random() < 0.03:
            P.birth[i] = None
        if rng.random() < 0.05:
            P.postcode[i] = ""
    _groups(rng, P)
    _relationships(rng, P)
    return P


def _groups(rng, P):
    n = len(P.pid)
    by = {}
    for i in range(n):
        a, sx, b = P.age(i), P.sex[i], P.borough[i]
        band = "child" if a < 16 else "young" if a <= 30 else "adult" if a <= 60 else "old"
        by.setdefault((band, sx, b), []).append(i)
        by.setdefault((band, sx, "*"), []).append(i)
    P.pools.update({("demo",) + k: v for k, v in by.items()})
    scale = n / 60000.0

    def take(cands, k):
        return rng.sample(cands, min(len(cands), max(2, int(k))))

    # frequent callers with mental ill health: the mental-health triage car knows them by name
    fc = take([i for i in range(n) if 20 <= P.age(i) <= 75], 160 * scale)
    for i in fc:
        P.mark(i, "mental_health")
        if rng.random() < 0.35: P.mark(i, "vulnerable_adult")
        if rng.random() < 0.25: P.mark(i, "substance_misuse")
    P.pools["frequent_callers"] = fc
    # girls and boys at risk of exploitation: the child exploitation team reads them daily
    girls = [i for i in range(n) if 13 <= P.age(i) <= 17 and P.sex[i] == "female"]
    boys = [i for i in range(n) if 13 <= P.age(i) <= 17 and P.sex[i] == "male"]
    at_risk = take(girls, 70 * scale) + take(boys, 20 * scale)
    for i in at_risk:
        P.mark(i, "missing_person")
        if rng.random() < 0.5: P.mark(i, "sexual_offence_victim")
        if rng.random() < 0.2: P.mark(i, "substance_misuse")
    P.pools["at_risk"] = at_risk
    # older males around them
    men = [i for i in range(n) if 19 <= P.age(i) <= 35 and P.sex[i] == "male"]
    groomers = take(men, 25 * scale)
    for g in groomers:
        P.mark(g, "custody_detainee")
        for c in rng.sample(at_risk, min(len(at_risk), rng.randint(2, 5))):
            P.link(g, c, "associate")
    P.pools["cse_suspects"] = groomers
    for c in at_risk:
        for f in rng.sample(at_risk, 2):
            if f != c:
                P.link(c, f, "friend")
    # sex workers
    women = [i for i in range(n) if 19 <= P.age(i) <= 45 and P.sex[i] == "female"]
    sw = take(women, 90 * scale)
    for i in sw:
        P.mark(i, "sex_worker")
        if rng.random() < 0.6: P.mark(i, "substance_misuse")
    P.pools["sex_workers"] = sw
    # venue staff of the city centre: door supervisors and bar staff the licensing team checks
    young = [i for i in range(n) if 18 <= P.age(i) <= 34]
    venue = take(young, 320 * scale)
    P.pools["venue_staff"] = venue
    P.pools["venues"] = ["UPRN-1%07d" % rng.randint(0, 9999999) for _ in range(max(8, int(60 * scale)))]
    # managed offenders (nominals) and their partners
    males = [i for i in range(n) if 20 <= P.age(i) <= 50 and P.sex[i] == "male"]
    noms = take(males, 260 * scale)
    for i in noms:
        P.mark(i, "custody_detainee")
        if rng.random() < 0.5: P.mark(i, "substance_misuse")
    P.pools["nominals"] = noms
    P.pools["prolific"] = noms[: len(noms) // 2] + take(males, 150 * scale)
    # neighbourhood nominals per borough
    for b in geo.BOROUGH_KEYS:
        local = [i for i in range(n) if P.borough[i] == b and 14 <= P.age(i) <= 45]
        P.pools[("local_nominals", b)] = take(local, 70 * scale)
        P.pools[("street", b)] = [i for i in local if P.age(i) <= 32]
    P.pools["street_all"] = [i for i in range(n) if 15 <= P.age(i) <= 32]


def _relationships(rng, P):
    n = len(P.pid)
    men = [i for i in range(n) if 20 <= P.age(i) <= 55 and P.sex[i] == "male"]
    women = [i for i in range(n) if 18 <= P.age(i) <= 55 and P.sex[i] == "female"]
    for w in rng.sample(women, len(women) // 9):
        m = rng.choice(men)
        if P.household[m] != P.household[w]:
            P.link(w, m, "ex_partner")
    # nominals' partners: some live with them, some are girlfriends elsewhere
    for nmn in P.pools["nominals"]:
        if nmn not in P.partner:
            w = rng.choice(women)
            if w not in P.partner:
                P.link(nmn, w, "partner")
    crims = [i for i in range(n) if "custody_detainee" in P.markers[i] and P.sex[i] == "male"]
    for c in crims:
        for o in rng.sample(crims, rng.randint(0, 3)):
            if o != c:
                P.link(c, o, "associate")
    for i in rng.sample(range(n), n // 25):
        j = rng.randrange(n)
        if j != i:
            P.link(i, j, rng.choice(["friend", "friend", "neighbour", "family", "colleague"]))
