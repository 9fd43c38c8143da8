"""People on the force's records: households, care homes, seasonal farm workers, staff's own circles."""
import bisect
import itertools

from .names import person_name, SURNAMES

YEAR = 2026


class Person:
    __slots__ = ("i", "pid", "family", "given", "sex", "by", "by_exported", "area", "postcode", "markers",
                 "weight", "links", "occs", "kind", "dup_of")

    def age(self):
        return YEAR - self.by


class Population:
    def __init__(self):
        self.people = []
        self.links = []          # (i, j, relation)
        self.known = {}          # staff index -> list of (person index, relation, declared, declared_on)
        self.by_area = {}
        self._cum = {}

    def add(self, rng, family, given, sex, by, area, postcode, kind="resident"):
        p = Person()
        p.i = len(self.people)
        p.pid = None
        p.family, p.given, p.sex, p.by = family, given, sex, by
        p.by_exported = True
        p.area, p.postcode = area, postcode
        p.markers = []
        p.weight = 1.0
        p.links = []
        p.occs = []
        p.kind = kind
        p.dup_of = None
        self.people.append(p)
        self.by_area.setdefault(area.code, []).append(p.i)
        return p

    def link(self, a, b, rel):
        self.links.append((a.i, b.i, rel))
        a.links.append((b.i, rel))
        b.links.append((a.i, rel))

    def mark(self, p, m):
        if m not in p.markers:
            p.markers.append(m)

    def pick_in(self, rng, area_codes, pred=None, tries=30):
        """Weighted pick (activity weight) among people living in the given areas."""
        key = tuple(area_codes)
        if key not in self._cum:
            idx = list(itertools.chain.from_iterable(self.by_area.get(c, ()) for c in area_codes))
            cum, t = [], 0.0
            for i in idx:
                t += self.people[i].weight
                cum.append(t)
            self._cum[key] = (idx, cum, t)
        idx, cum, t = self._cum[key]
        if not idx:
            return None
        for _ in range(tries):
            p = self.people[idx[bisect.bisect_left(cum, rng.random() * t)]]
            if pred is None or pred(p):
                return p
        return None


def _birth_year(rng, lo, hi):
    return YEAR - rng.randint(lo, hi)


def build_population(rng, geo, staff, n_staff):
    pop = Population()
    target = n_staff * 34
    areas = geo.areas
    cumw, t = [], 0.0
    for a in areas:
        t += a.weight
        cumw.append(t)
    while len(pop.people) < target:
        a = areas[bisect.bisect_left(cumw, rng.random() * t)]
        pc = rng.choice(a.units)
        fam = rng.choice(SURNAMES)
        r = rng.random()
        adults = 1 if r < .35 else 2
        head_age = rng.choice((rng.randint(18, 30), rng.randint(25, 50), rng.randint(35, 85)))
        first = pop.add(rng, fam, None, "female" if rng.random() < .5 else "male", YEAR - head_age, a, pc)
        first.given = person_name(rng, first.sex)[1]
        members = [first]
        if adults == 2:
            sx = "male" if first.sex == "female" else "female"
            if rng.random() < .04:
                sx = first.sex
            b = pop.add(rng, fam if rng.random() < .6 else rng.choice(SURNAMES), person_name(rng, sx)[1], sx,
                        YEAR - max(18, head_age + rng.randint(-6, 6)), a, pc)
            pop.link(first, b, "spouse" if rng.random() < .45 else "partner")
            members.append(b)
        if 24 <= head_age <= 55 and rng.random() < .55:
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                age = rng.randint(0, min(25, head_age - 17))
                sx = "female" if rng.random() < .5 else "male"
                c = pop.add(rng, fam, person_name(rng, sx)[1], sx, YEAR - age, a, pc)
                for m in members:
                    pop.link(m, c, "parent")
                for o in members[adults:]:
                    pop.link(o, c, "sibling")
                members.append(c)
    _care_homes(rng, geo, pop, n_staff)
    _farm_workers(rng, geo, pop, n_staff)
    _markers_and_weights(rng, pop)
    _social_links(rng, pop)
    _staff_circles(rng, geo, pop, staff)
    _duplicates(rng, pop)
    _ids(rng, pop)
    return pop


def _care_homes(rng, geo, pop, n_staff):
    homes = max(2, n_staff // 400)
    towns = [a for a in geo.areas if a.kind != "village"]
    pop.care_homes = []
    for h in range(homes):
        a = rng.choice(towns)
        pc = rng.choice(a.units)
        kids = []
        for _ in range(rng.randint(4, 7)):
            sx = "female" if rng.random() < .62 else "male"
            fam, giv = person_name(rng, sx)
            c = pop.add(rng, fam, giv, sx, YEAR - rng.randint(12, 17), a, pc, kind="care_home")
            c.markers = ["child", "missing_person"]
            c.weight = rng.uniform(6, 14)
            kids.append(c)
        for x, y in zip(kids, kids[1:]):
            pop.link(x, y, "household")
        pop.care_homes.append(kids)


def _farm_workers(rng, geo, pop, n_staff):
    pop.farm_workers = []
    n = round(n_staff * .5)
    farms = [(a, rng.choice(a.units)) for a in rng.sample(geo.villages, min(len(geo.villages), max(3, n // 40)))]
    for k in range(n):
        a, pc = farms[k % len(farms)]
        sx = "male" if rng.random() < .78 else "female"
        fam, giv = person_name(rng, sx)
        if rng.random() < .7:
            fam = rng.choice(("Nowak", "Kowalski", "Popescu", "Ionescu", "Berzins", "Kazlauskas"))
            giv = rng.choice(("Marek", "Tomasz", "Andrei", "Florin", "Lukas", "Bogdan", "Vasile", "Kristaps")
                             if sx == "male" else ("Agnieszka", "Ioana", "Milena", "Daria"))
        w = pop.add(rng, fam, giv, sx, YEAR - rng.randint(19, 42), a, pc, kind="farm_worker")
        w.weight = rng.uniform(.8, 2.5)
        pop.farm_workers.append(w.i)


def _markers_and_weights(rng, pop):
    for p in pop.people:
        age = p.age()
        if p.kind == "care_home":
            continue
        w = rng.paretovariate(1.7)
        if 16 <= age <= 35:
            w *= 1.8
        if age < 10 or age > 75:
            w *= .3
        if age < 18:
            pop.mark(p, "child")
        r = rng.random
        if age >= 16:
            if r() < .06:
                pop.mark(p, "mental_health")
            if r() < .045:
                pop.mark(p, "substance_misuse")
        if age >= 18:
            if r() < .025:
                pop.mark(p, "vulnerable_adult")
            if p.sex == "female" and age < 60 and r() < .06:
                pop.mark(p, "domestic_abuse_victim")
            if p.sex == "female" and age < 50 and r() < .003:
                pop.mark(p, "sex_worker")
            if r() < .01:
                pop.mark(p, "sexual_offence_victim")
            if r() < .006:
                pop.mark(p, "stalking_victim")
            if r() < (.09 if p.sex == "male" and age < 40 else .025):
                pop.mark(p, "custody_detainee")
        if r() < .012:
            pop.mark(p, "missing_person")
        if p.markers:
            w *= 1.6
        p.weight = w


def _social_links(rng, pop):
    n = len(pop.people)
    for _ in range(n // 6):
        a = pop.people[rng.randrange(n)]
        if a.age() < 14:
            continue
        b = pop.pick_in(rng, [a.area.code], pred=lambda q: q.i != a.i and q.age() >= 14)
        if b is None:
            continue
        rel = rng.choice(("friend", "associate", "associate", "neighbour", "friend", "family"))
        pop.link(a, b, rel)


def _staff_circles(rng, geo, pop, staff):
    """Staff's own relatives and the villagers they know; a share of it is on the declared register."""
    for s in staff:
        known = []
        local = s.village_station is not None and s.home_area.kind == "village"
        if rng.random() < .3:
            sx = "female" if s.sex == "male" else "male"
            fam, giv = person_name(rng, sx)
            p = pop.add(rng, s.family if rng.random() < .5 else fam, giv, sx, YEAR - rng.randint(24, 60),
                        s.home_area, s.home)
            known.append((p.i, "partner" if rng.random() < .5 else "spouse"))
        n_local = rng.randint(3, 9) if local else (rng.randint(0, 3) if s.home_area.kind == "village" else rng.randint(0, 1))
        for _ in range(n_local):
            q = pop.pick_in(rng, [s.home_area.code], pred=lambda q: q.age() >= 16)
            if q is not None and all(q.i != k for k, _ in known):
                known.append((q.i, rng.choice(("neighbour", "friend", "friend", "family", "associate", "neighbour"))))
        rows = []
        for pi, rel in known:
            declared = rng.random() < (.6 if rel not in ("partner", "spouse") else .35)
            when = "%d-%02d-%02d" % (rng.randint(2014, 2025), rng.randint(1, 12), rng.randint(1, 28))
            rows.append((pi, rel, declared, when))
        if rows:
            pop.known[s.i] = rows


def _duplicates(rng, pop):
    n = len(pop.people)
    pop.dups = []
    for _ in range(n // 90):
        p = pop.people[rng.randrange(n)]
        if p.dup_of is not None or p.kind != "resident":
            continue
        d = pop.add(rng, p.family, p.given, p.sex, p.by, p.area, p.postcode if rng.random() < .6 else "", kind="legacy")
        d.by_exported = rng.random() < .4
        d.markers = [m for m in p.markers if rng.random() < .5]
        d.weight = p.weight * .3
        d.dup_of = p.i
        pop.link(p, d, "self")
        pop.dups.append(d.i)


def _ids(rng, pop):
    nxt = 1004000
    for p in pop.people:
        if p.kind == "legacy":
            continue
        nxt += rng.randint(1, 40)
        p.pid = "NOM%07d" % nxt
        if rng.random() < .08 and p.kind == "resident":
            p.by_exported = False
    for i in pop.dups:
        p = pop.people[i]
        p.pid = "LEG-%06d" % (100000 + i)
