"""People on the force's records: households, family and partner links, repeat victims,
prolific offenders, people with vulnerabilities, and staff's declared associations."""
import bisect
import itertools

from . import clock, names
from .world import Person

YEAR = 2025


class Pool:
    """Weighted sampling from a list of persons (weights fixed at build time)."""
    __slots__ = ("items", "cum", "total")

    def __init__(self, items):
        self.items = items
        self.cum = list(itertools.accumulate(p.weight for p in items))
        self.total = self.cum[-1] if self.cum else 0

    def pick(self, rng):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]

    def __len__(self):
        return len(self.items)


def _new(W, family, given, sex, byear, pc, area, hh):
    p = Person("N%07d" % (4100000 + len(W.persons) * 2 + W.rng.randrange(2)), family, given, sex, byear, pc, area, hh)
    W.persons.append(p)
    return p


def build_persons(W):
    rng = W.rng
    target = int(72000 * W.n_staff / 1500)
    weights = [1.6 if s[3] == "hub" else 1.0 for s in names.STATIONS]
    hh = 0
    while len(W.persons) < target:
        hh += 1
        area = rng.choices(range(len(names.STATIONS)), weights)[0]
        pc = names.postcode(rng, rng.choice(names.STATIONS[area][2]))
        size = rng.choices((1, 2, 3, 4, 5), (.30, .30, .18, .14, .08))[0]
        sex = "female" if rng.random() < .5 else "male"
        fam, giv = names.person_name(rng, sex)
        age = rng.randrange(17, 85)
        a = _new(W, fam, giv, sex, YEAR - age, pc, area, hh)
        members = [a]
        if size >= 2:
            if 20 < age < 75 and rng.random() < .7:
                s2 = ("male" if sex == "female" else "female") if rng.random() < .9 else sex
                f2, g2 = names.person_name(rng, s2)
                if rng.random() < .55:
                    f2 = fam
                b = _new(W, f2, g2, s2, YEAR - max(17, age + rng.randrange(-6, 7)), pc, area, hh)
                W.link(a, b, "spouse" if f2 == fam and rng.random() < .7 else "partner")
                members.append(b)
            else:
                s2 = rng.choice(("female", "male"))
                f2, g2 = names.person_name(rng, s2)
                b = _new(W, f2 if rng.random() < .3 else fam, g2, s2, YEAR - rng.randrange(17, 60), pc, area, hh)
                W.link(a, b, "household" if b.family != fam else "sibling")
                members.append(b)
        for _ in range(size - len(members)):
            if 22 <= age <= 58:
                cs = rng.choice(("female", "male"))
                _, cg = names.person_name(rng, cs)
                cy = min(YEAR - 1, YEAR - age + 18 + rng.randrange(0, 22))
                c = _new(W, fam, cg, cs, cy, pc, area, hh)
                for m in members[:2]:
                    W.link(c, m, "parent")
                for m in members[2:]:
                    W.link(c, m, "sibling")
            else:
                cs = rng.choice(("female", "male"))
                cf, cg = names.person_name(rng, cs)
                c = _new(W, cf, cg, cs, YEAR - rng.randrange(18, 70), pc, area, hh)
                W.link(c, members[0], "household")
            members.append(c)
    # a few records with gaps, no fixed abode, or from out of the area
    for p in W.persons:
        x = rng.random()
        if x < .03:
            p.byear = None
        elif x < .034:
            p.sex = "unknown"
        y = rng.random()
        if y < .035:
            p.pc = ""
        elif y < .06:
            p.pc = names.postcode(rng, rng.choice(names.OUT_OF_AREA))


def _age(p):
    return YEAR - p.byear if p.byear else 35


def build_roles(W):
    """Prolific offenders, repeat victims, people with vulnerabilities; the weights used by all pools."""
    rng = W.rng
    W.prolific = []
    W.repeat_victims = []
    for p in W.persons:
        a = _age(p)
        x = rng.random()
        if 15 <= a <= 48 and x < (.035 if p.sex == "male" else .012):
            p.weight = rng.choice((8, 12, 20, 30))
            if rng.random() < .5:
                p.markers.add("custody_detainee")
            if rng.random() < .35:
                p.markers.add("substance_misuse")
            W.prolific.append(p)
        elif p.sex == "female" and 18 <= a <= 55 and x < .03:
            p.weight = rng.choice((4, 6, 10))
            p.markers.add("domestic_abuse_victim")
            W.repeat_victims.append(p)
        else:
            y = rng.random()
            if y < .018:
                p.markers.add("mental_health")
                p.weight = 3
            elif y < .026:
                p.markers.add("vulnerable_adult")
                p.weight = 2
            elif y < .028 and p.sex == "female" and 18 <= a <= 40:
                p.markers.add("sex_worker")
                p.weight = 4
            elif y < .031 and 12 <= a <= 24:
                p.markers.add("missing_person")
                p.weight = 6
            elif y < .045:
                p.markers.add("substance_misuse")
                p.weight = 2
    # associates among prolific offenders of the same area
    by_area = {}
    for p in W.prolific:
        by_area.setdefault(p.area, []).append(p)
    for lst in by_area.values():
        for p in lst:
            for q in rng.sample(lst, min(len(lst), rng.randrange(1, 4))):
                if q is not p:
                    W.link(p, q, "associate")
    # pools per area
    W.pool = {}
    for area in range(len(names.STATIONS)):
        ps = [p for p in W.persons if p.area == area]
        W.pool[("all", area)] = Pool(ps)
        W.pool[("adult", area)] = Pool([p for p in ps if _age(p) >= 17])
        W.pool[("adult_f", area)] = Pool([p for p in ps if _age(p) >= 17 and p.sex == "female"])
        W.pool[("young", area)] = Pool([p for p in ps if 11 <= _age(p) <= 19])
        W.pool[("prolific", area)] = Pool([p for p in W.prolific if p.area == area])
        W.pool[("rv", area)] = Pool([p for p in W.repeat_victims if p.area == area])
        W.pool[("vuln", area)] = Pool([p for p in ps if p.markers & {"mental_health", "vulnerable_adult", "missing_person", "sex_worker"}])
        W.pool[("old", area)] = Pool([p for p in ps if _age(p) >= 65])
    W.pool["all"] = Pool(W.persons)


def new_person(W, area, sex=None, age_lo=17, age_hi=60, family=None):
    """A person not yet on the records (arrives with a new occurrence)."""
    rng = W.rng
    sex = sex or rng.choice(("female", "male"))
    fam, giv = names.person_name(rng, sex)
    if area is None:
        pc = names.postcode(rng, rng.choice(names.OUT_OF_AREA))
        area = rng.randrange(len(names.STATIONS))
    else:
        pc = names.postcode(rng, rng.choice(names.STATIONS[area][2]))
    return _new(W, family or fam, giv, sex, YEAR - rng.randrange(age_lo, age_hi + 1), pc, area, -1)


def build_declared(W):
    rng = W.rng
    for st in W.staff:
        if rng.random() < .03:
            for _ in range(rng.choice((1, 1, 2))):
                rel = rng.choice(("family", "family", "sibling", "ex_partner", "friend", "neighbour", "parent"))
                area = st.home_area if st.home_area is not None else rng.randrange(len(names.STATIONS))
                p = W.pool[("adult", area)].pick(rng)
                d = W.t0 - rng.randrange(30, 2500) * clock.DAY
                W.declared.append((st.sid, p.pid, rel, d))


def build(W):
    build_persons(W)
    build_roles(W)
    build_declared(W)
