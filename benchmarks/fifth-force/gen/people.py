"""The public on the force's records: households, relationships, markers, vehicles, pools."""
from . import names, places
from .rng import stream
from .world import Person

YEAR = 2025
_VL = "ABCDEFGHJKLMNPRSTVWXY"


def _vrm(r):
    return f"V{r.choice(_VL)}{r.randint(10, 24) if r.random() < 0.5 else r.randint(60, 74)}" \
           f"{r.choice(_VL)}{r.choice(_VL)}{r.choice(_VL)}"


def build(w):
    r = stream(w.seed, "people")
    target = 36 * w.n_staff
    P = w.persons
    links = w.links

    def new(fam, sex, by, pc, si, hh):
        p = Person()
        p.pid = f"VN{1000000 + len(P)}"
        p.family, p.sex, p.by, p.postcode, p.si, p.hh = fam, sex, by, pc, si, hh
        p.given = names.given(r, sex)
        p.markers, p.links, p.occs = set(), [], []
        p.vrm = _vrm(r) if (YEAR - by >= 18 and r.random() < 0.45) else None
        P.append(p)
        w.person_by_id[p.pid] = p
        return p

    def link(a, b, rel):
        links.append((a.pid, b.pid, rel))
        a.links.append((b, rel))
        b.links.append((a, {"parent": "child", "child": "parent"}.get(rel, rel)))

    hh = 0
    while len(P) < target:
        hh += 1
        si = r.choices(range(len(places.NAMES)), places.WEIGHTS)[0]
        pc = places.postcode(r, si)
        fam = r.choice(names.FAMILY)
        kind = r.choices(["single", "couple", "family", "lone", "shared"], [30, 20, 30, 13, 7])[0]
        sexr = lambda: "female" if r.random() < 0.5 else ("male" if r.random() < 0.99 else "unknown")
        if kind == "single":
            new(fam, sexr(), YEAR - r.randint(18, 88), pc, si, hh)
        elif kind == "shared":
            for _ in range(r.randint(2, 4)):
                new(r.choice(names.FAMILY), sexr(), YEAR - r.randint(18, 35), pc, si, hh)
            ms = [p for p in P[-4:] if p.hh == hh]
            for a in ms[1:]:
                link(ms[0], a, "household")
        else:
            age = r.randint(19, 75) if kind == "couple" else r.randint(22, 55)
            a = new(fam, "female", YEAR - age, pc, si, hh)
            if kind != "lone":
                b = new(fam if r.random() < 0.6 else r.choice(names.FAMILY), "male",
                        YEAR - age - r.randint(-3, 6), pc, si, hh)
                link(a, b, "spouse" if a.family == b.family else "partner")
            if kind in ("family", "lone"):
                kids = []
                for _ in range(r.randint(1, 3)):
                    ka = r.randint(0, min(age - 17, 24))
                    k = new(fam, sexr(), YEAR - ka, pc, si, hh)
                    link(k, a, "parent")
                    if kind == "family":
                        link(k, b, "parent")
                    for o in kids:
                        link(k, o, "sibling")
                    kids.append(k)
    # markers and pools per station
    n = len(places.NAMES)
    pools = {k: [[] for _ in range(n)] for k in ("adult", "young_f", "young_m", "child", "older", "women")}
    for p in P:
        age = YEAR - p.by
        if age < 18:
            pools["child"][p.si].append(p)
            if r.random() < 0.75:
                p.markers.add("child")
        else:
            pools["adult"][p.si].append(p)
            if age >= 65:
                pools["older"][p.si].append(p)
                if r.random() < 0.06:
                    p.markers.add("vulnerable_adult")
            if p.sex == "female":
                pools["women"][p.si].append(p)
                if age <= 35:
                    pools["young_f"][p.si].append(p)
            elif p.sex == "male" and age <= 35:
                pools["young_m"][p.si].append(p)
            if r.random() < 0.045:
                p.markers.add("mental_health")
            if r.random() < 0.035:
                p.markers.add("substance_misuse")
            if r.random() < 0.02:
                p.markers.add("vulnerable_adult")
    # prolific offenders: young men mostly, some women; shuffled so a skewed pick repeats the same few
    prolific, da_pairs, mh, callers = [], [], [], []
    for si in range(n):
        ym = [p for p in pools["young_m"][si] if p.sex == "male"] + \
             [p for p in pools["child"][si] if YEAR - p.by >= 14 and p.sex == "male"]
        r.shuffle(ym)
        pro = ym[:max(5, len(ym) // 7)] + r.sample(pools["adult"][si], max(2, len(pools["adult"][si]) // 80))
        r.shuffle(pro)
        for p in pro[: len(pro) // 3]:
            if r.random() < 0.35:
                p.markers.add("substance_misuse")
        for _ in range(len(pro) // 2):
            a, b = r.sample(pro, 2)
            if a is not b:
                link(a, b, "associate")
        prolific.append(pro)
        # domestic abuse pairs: women with a partner or an ex-partner elsewhere
        women = [p for p in pools["women"][si] if 18 <= YEAR - p.by <= 62]
        r.shuffle(women)
        pairs = []
        for v in women[: max(6, len(women) // 18)]:
            cur = [q for q, rel in v.links if rel in ("partner", "spouse")]
            if cur and r.random() < 0.55:
                perp = cur[0]
            else:
                cand = [q for q in pools["adult"][si] if q.sex == "male" and abs(q.by - v.by) < 12]
                if not cand:
                    continue
                perp = r.choice(cand)
                link(v, perp, "ex_partner")
            pairs.append((v, perp))
        da_pairs.append(pairs)
        mhl = [p for p in pools["adult"][si] if "mental_health" in p.markers]
        r.shuffle(mhl)
        mh.append(mhl)
        cl = r.sample(pools["adult"][si], max(5, len(pools["adult"][si]) // 40))
        callers.append(cl)
    sex_workers = []
    for si in (0, 4, 5):
        cand = [p for p in pools["young_f"][si] if 19 <= YEAR - p.by]
        for p in r.sample(cand, max(4, len(cand) // 60)):
            p.markers.add("sex_worker")
            if r.random() < 0.5:
                p.markers.add("substance_misuse")
            sex_workers.append(p)
    rso = []
    for si in range(n):
        men = [p for p in pools["adult"][si] if p.sex == "male" and 25 <= YEAR - p.by <= 75]
        rso += r.sample(men, max(2, len(men) // 150))
    # friends and neighbours; duplicate records linked as self
    for _ in range(len(P) // 12):
        a, b = r.sample(P, 2)
        if a.si == b.si:
            link(a, b, r.choice(["friend", "friend", "neighbour"]))
    for p in r.sample(P, len(P) // 120):
        d = new(p.family, p.sex, p.by, p.postcode if r.random() < 0.6 else "", p.si, p.hh)
        d.given = p.given
        link(p, d, "self")
    w.pools = dict(pools, prolific=prolific, da_pairs=da_pairs, mh=mh, callers=callers,
                   sex_workers=sex_workers, rso=rso)
