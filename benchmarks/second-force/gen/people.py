"""People on the force's records: households, links, markers, repeat victims and prolific offenders."""
from . import names
from .force_model import STATION_NAMES, WEIGHT, postcode

CURRENT_YEAR = 2025


class Person:
    __slots__ = ("pid", "family", "given", "sex", "birth", "postcode", "markers", "station", "kind", "weight")


def _age(p):
    return CURRENT_YEAR - p.birth if p.birth else 40


def build_people(rng, n_staff):
    n_households = int(n_staff * 10)
    people, links = [], []
    total_w = sum(WEIGHT.values())
    seq = 0
    for h in range(n_households):
        x, acc, st = rng.random() * total_w, 0, STATION_NAMES[-1]
        for name in STATION_NAMES:
            acc += WEIGHT[name]
            if x < acc:
                st = name
                break
        pc = postcode(rng, st)
        fam = names.family(rng)
        size = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5])
        members = []
        adults = 1 if size == 1 else (2 if rng.random() < 0.7 else 1)
        for i in range(size):
            p = Person()
            p.pid = "N%07d" % (3100000 + seq * 7 + rng.randrange(7))
            seq += 1
            if i < adults:
                p.sex = "female" if (i == 0) == (rng.random() < 0.55) else "male"
                p.birth = rng.randint(1940, 2006)
            else:
                p.sex = rng.choice(["female", "male"])
                p.birth = rng.randint(2007, 2024) if rng.random() < 0.8 else rng.randint(1990, 2006)
            if rng.random() < 0.01:
                p.sex = "unknown"
            p.family = fam if rng.random() < 0.85 else names.family(rng)
            p.given = names.given(rng, p.sex)
            p.postcode = pc if rng.random() < 0.93 else ""
            p.station = st
            p.markers = set()
            p.kind = "general"
            p.weight = 1.0
            members.append(p)
        if rng.random() < 0.04:
            members[0].birth = None
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if _age(a) >= 18 and _age(b) >= 18 and a is members[0] and b is members[1] and adults == 2:
                    rel = "spouse" if rng.random() < 0.5 else "partner"
                elif _age(a) >= 18 > _age(b) or (a is members[0] and _age(a) - _age(b) > 16):
                    rel = "parent"
                else:
                    rel = "sibling" if abs(_age(a) - _age(b)) < 15 else "household"
                links.append((a.pid, b.pid, rel))
        people.extend(members)
    _assign_kinds(rng, people)
    # wider links: ex-partners, friends, associates across households
    for _ in range(len(people) // 6):
        a, b = rng.choice(people), rng.choice(people)
        if a is b:
            continue
        if _age(a) >= 18 and _age(b) >= 18 and a.sex != b.sex and rng.random() < 0.4:
            rel = "ex_partner"
        else:
            rel = rng.choice(["friend", "associate", "associate", "neighbour", "family"])
        links.append((a.pid, b.pid, rel))
    return people, links


def _assign_kinds(rng, people):
    for p in people:
        age = _age(p)
        if age < 18:
            p.markers.add("child")
        r = rng.random()
        if p.sex == "female" and 17 <= age <= 60 and r < 0.05:
            p.kind = "repeat_victim"
            p.weight = rng.choice([6, 10, 20, 40])
            p.markers.add("domestic_abuse_victim")
            for m, q in (("stalking_victim", 0.2), ("mental_health", 0.3), ("substance_misuse", 0.2),
                         ("sexual_offence_victim", 0.15), ("vulnerable_adult", 0.1)):
                if rng.random() < q:
                    p.markers.add(m)
        elif p.sex == "male" and 15 <= age <= 55 and r < 0.07:
            p.kind = "prolific"
            p.weight = rng.choice([5, 10, 20, 40, 60])
            p.markers.add("custody_detainee")
            if rng.random() < 0.45:
                p.markers.add("substance_misuse")
            if rng.random() < 0.2:
                p.markers.add("mental_health")
        elif p.sex == "female" and 16 <= age <= 45 and r < 0.078:
            p.kind = "sex_worker"
            p.weight = 4
            p.markers.update(("sex_worker", "substance_misuse"))
        elif 12 <= age <= 17 and r < 0.05:
            p.kind = "missing_teen"
            p.weight = rng.choice([5, 10, 15])
            p.markers.add("missing_person")
        elif age >= 18 and r < 0.08:
            p.kind = "welfare"
            p.weight = rng.choice([3, 6, 12])
            p.markers.add(rng.choice(["mental_health", "vulnerable_adult", "mental_health"]))
        else:
            for m, q in (("mental_health", 0.03), ("domestic_abuse_victim", 0.02 if p.sex == "female" else 0.004),
                         ("custody_detainee", 0.03 if p.sex == "male" else 0.01), ("substance_misuse", 0.02),
                         ("sexual_offence_victim", 0.008), ("vulnerable_adult", 0.01)):
                if age >= 16 and rng.random() < q:
                    p.markers.add(m)
