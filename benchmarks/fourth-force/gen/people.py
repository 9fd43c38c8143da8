"""People on the force's records: residents in households, students, visitors through the port, seasonal
workers; family and other links; staff who are on the records themselves; declared associations."""
from . import clock, names, places
from .rng import stream

YEAR = 2025
_T0 = int(clock.START.timestamp())
MARKERS = ["domestic_abuse_victim", "sexual_offence_victim", "vulnerable_adult", "mental_health", "child",
           "sex_worker", "substance_misuse", "missing_person", "stalking_victim", "custody_detainee"]


def band(by):
    if by is None:
        return "adult"
    age = YEAR - by
    if age < 18:
        return "child"
    if age < 30:
        return "young"
    if age < 50:
        return "adult"
    return "older"


class People:
    def __init__(self):
        self.pid, self.family, self.given, self.sex, self.by, self.pc, self.area = [], [], [], [], [], [], []
        self.hh = []
        self.links = []          # (a, b, relation)
        self.linked = {}         # a -> [(b, relation)] both ways
        self.markers = {}        # index -> set (written in vocabulary order)
        self.pools = {}          # (area, sex, band) -> [index]
        self.frequent = {}       # same key -> the few who keep coming back
        self.declared = []       # (staff idx, person idx, relation, date)

    def add(self, rng, family, given, sex, by, pc, area, hh):
        i = len(self.pid)
        self.pid.append(f"PN{3000000 + i * 3 + rng.randint(0, 2):07d}")
        self.family.append(family)
        self.given.append(given)
        self.sex.append(sex)
        self.by.append(by)
        self.pc.append(pc)
        self.area.append(area)
        self.hh.append(hh)
        return i

    def link(self, a, b, rel):
        self.links.append((a, b, rel))
        back = {"parent": "child", "child": "parent"}.get(rel, rel)
        self.linked.setdefault(a, []).append((b, rel))
        self.linked.setdefault(b, []).append((a, back))

    def mark(self, i, m):
        self.markers.setdefault(i, set()).add(m)

    def age(self, i):
        by = self.by[i]
        return None if by is None else YEAR - by

    def choose(self, rng, area, sex, bands, frequent=0.25):
        """A person from an area of the given sex and age bands; some people come back again and again."""
        b = rng.choice(bands)
        key = (area, sex, b)
        pool = self.pools.get(key)
        if not pool:
            for alt in ("young", "adult", "older", "child"):
                pool = self.pools.get((area, sex, alt))
                if pool:
                    key = (area, sex, alt)
                    break
        if not pool:
            pool = self.pools[("Saltreach", "male", "adult")]
            key = ("Saltreach", "male", "adult")
        if rng.random() < frequent:
            return rng.choice(self.frequent[key])
        return rng.choice(pool)


def _given(rng, sex, foreign=False):
    lst = names.FEMALE if sex == "female" else names.MALE
    if foreign:
        return rng.choice(lst[-6:] + lst[:10])
    return rng.choice(lst[:-6])


def build(staff, n_staff, seed):
    rng = stream(seed, "people")
    P = People()
    target = n_staff * 38
    hh = 0
    weights = {"Saltreach": 0.36, "Pentowan": 0.2, "Fenmouth": 0.2, "Morrowby": 0.15, "Carrow": 0.09}
    residents = int(target * 0.78)
    while len(P.pid) < residents:
        hh += 1
        area = rng.choices(list(weights), list(weights.values()))[0]
        pc = places.postcode(rng, area)
        fam = rng.choice(names.FAMILY)
        size = rng.choices([1, 2, 3, 4, 5], [30, 33, 15, 14, 8])[0]
        if size == 1:
            sex = rng.choice(["female", "male"])
            by = YEAR - rng.randint(18, 90)
            P.add(rng, fam, _given(rng, sex), sex, by, pc, area, hh)
            continue
        a_by = YEAR - rng.randint(20, 78)
        a = P.add(rng, fam, _given(rng, "female"), "female", a_by, pc, area, hh)
        b_fam = fam if rng.random() < 0.6 else rng.choice(names.FAMILY)
        b = P.add(rng, b_fam, _given(rng, "male"), "male", a_by - rng.randint(-4, 6), pc, area, hh)
        P.link(a, b, "spouse" if b_fam == fam else "partner")
        kids = []
        for _ in range(size - 2):
            sex = rng.choice(["female", "male"])
            lo = max(a_by + 18, YEAR - 30)
            kby = rng.randint(min(lo, YEAR - 1), min(YEAR - 1, max(lo, a_by + 42)))
            k = P.add(rng, fam, _given(rng, sex), sex, kby, pc, area, hh)
            P.link(a, k, "parent")
            P.link(b, k, "parent")
            for other in kids:
                P.link(other, k, "sibling")
            kids.append(k)
    # students in Pentowan, in shared houses
    students = int(target * 0.08)
    end = len(P.pid) + students
    while len(P.pid) < end:
        hh += 1
        pc = f"QZ5 {rng.randint(1, 9)}{rng.choice(places.LETTERS)}{rng.choice(places.LETTERS)}"
        house = []
        for _ in range(rng.randint(1, 5)):
            sex = "female" if rng.random() < 0.54 else "male"
            i = P.add(rng, rng.choice(names.FAMILY + names.FOREIGN_FAMILY), _given(rng, sex), sex,
                      YEAR - rng.randint(18, 24), pc, "student", hh)
            for j in house:
                P.link(j, i, "household")
            house.append(i)
    # visitors (tourists, travellers through the ferry port) and seasonal workers
    for _ in range(int(target * 0.09)):
        sex = "female" if rng.random() < 0.5 else "male"
        by = YEAR - int(min(85, max(16, rng.gauss(33, 14))))
        foreign = rng.random() < 0.3
        fam = rng.choice(names.FOREIGN_FAMILY if foreign else names.FAMILY)
        pc = "" if rng.random() < 0.8 else places.postcode(rng, rng.choice(places.AREAS))
        P.add(rng, fam, _given(rng, sex, foreign), sex, by if rng.random() > 0.06 else None, pc, "visitor", 0)
    for _ in range(int(target * 0.05)):
        sex = "female" if rng.random() < 0.55 else "male"
        foreign = rng.random() < 0.5
        pc = "" if rng.random() < 0.4 else f"QZ7 {rng.randint(1, 9)}{rng.choice(places.LETTERS)}{rng.choice(places.LETTERS)}"
        P.add(rng, rng.choice(names.FOREIGN_FAMILY if foreign else names.FAMILY), _given(rng, sex, foreign), sex,
              YEAR - rng.randint(18, 31), pc, "seasonal", 0)
    n = len(P.pid)
    for i in range(n):
        if rng.random() < 0.005:
            P.sex[i] = "unknown"
        if P.by[i] is not None and rng.random() < 0.02:
            P.by[i] = None
    # other links: ex-partners, friends and associates, neighbours
    for _ in range(n // 45):
        a, b = rng.randrange(residents), rng.randrange(residents)
        if a != b and P.sex[a] != P.sex[b] and band(P.by[a]) not in ("child",) and band(P.by[b]) != "child":
            P.link(a, b, "ex_partner")
    for _ in range(n // 30):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            P.link(a, b, rng.choice(["friend", "friend", "associate", "associate", "colleague", "neighbour"]))
    # baseline markers
    for i in range(n):
        r = rng.random()
        if r < 0.03:
            P.mark(i, "mental_health")
        elif r < 0.055:
            P.mark(i, "substance_misuse")
        elif r < 0.07:
            P.mark(i, "vulnerable_adult")
        if (P.sex[i] == "female" and P.area[i] in ("Saltreach", "visitor") and band(P.by[i]) in ("young", "adult")
                and rng.random() < 0.006):
            P.mark(i, "sex_worker")
    _pools(P, rng)
    _staff_records(P, staff, rng)
    return P


def _pools(P, rng):
    for i in range(len(P.pid)):
        sex = P.sex[i] if P.sex[i] != "unknown" else "male"
        P.pools.setdefault((P.area[i], sex, band(P.by[i])), []).append(i)
    for key in list(P.pools):
        pool = P.pools[key]
        k = max(1, len(pool) // 20)
        P.frequent[key] = rng.sample(pool, k)


def _staff_records(P, staff, rng):
    """Some staff are on the records themselves (a witness once, a driver); some declare it, and some declare a
    relative who is on the records."""
    for s in staff:
        if rng.random() < 0.22:
            given, family = s.name.split(" ", 1)
            by = YEAR - rng.randint(22, 58)
            area = s.home_area
            i = P.add(rng, family, given, s.sex, by, s.home_pc, area, 0)
            s.person = i
            if rng.random() < 0.5:
                P.declared.append((s.idx, i, "self", min(s.start + rng.randint(0, 200) * clock.DAY, _T0 - clock.DAY)))
        if rng.random() < 0.04:
            family = s.name.split(" ", 1)[1]
            rel = rng.choice(["sibling", "parent", "child", "spouse", "family"])
            sex = rng.choice(["female", "male"])
            i = P.add(rng, family, _given(rng, sex), sex, YEAR - rng.randint(18, 70),
                      places.postcode(rng, s.home_area), s.home_area, 0)
            P.declared.append((s.idx, i, rel, min(s.start + rng.randint(0, 900) * clock.DAY, _T0 - clock.DAY)))
    # pools are built before these records exist, so staff and relatives are not drawn at random into incidents
