"""People on the force's records: households with their family links, markers, vehicles, and the repeat
victims, offenders and callers whom officers meet again and again."""
from . import names

MARKERS = ["domestic_abuse_victim", "sexual_offence_victim", "vulnerable_adult", "mental_health", "child",
           "sex_worker", "substance_misuse", "missing_person", "stalking_victim", "custody_detainee"]
M = {name: 1 << i for i, name in enumerate(MARKERS)}
DA, SO, VA, MH, CHILD, SW, SUB, MISS, STALK, CUST = (M[n] for n in MARKERS)
VULNERABLE = DA | SO | VA | MH | SW | SUB | MISS | STALK
_VRM_L = "ABCDEFGHJKLMNOPRSTUVWXY"


class People:
    def __init__(self, rng, geo, year):
        self.rng, self.geo, self.year = rng, geo, year
        self.family, self.given, self.sex, self.by, self.pc, self.sector, self.mk = [], [], [], [], [], [], []
        self.by_blank = bytearray()
        self.adj = []
        self.links = []
        self.vrm_of = {}
        self.vrms, self.keeper = [], []
        n = len(geo.sectors)
        self.f_adult = [[] for _ in range(n)]
        self.m_adult = [[] for _ in range(n)]
        self.children = [[] for _ in range(n)]
        self.older = [[] for _ in range(n)]
        self.prolific = [[] for _ in range(n)]
        self.repeat_da = [[] for _ in range(n)]
        self.mh = [[] for _ in range(n)]
        self.youths = [[] for _ in range(n)]
        self.sex_workers = [[] for _ in range(n)]

    def __len__(self):
        return len(self.sex)

    def pid(self, p):
        return "PN%07d" % (2000000 + p)

    def age(self, p):
        return self.year - self.by[p]

    # --- building -------------------------------------------------------------------------------------------
    def add(self, sex, age, sector, pc, fam=None, pool=True):
        rng = self.rng
        p = len(self.sex)
        self.sex.append(sex)
        self.by.append(self.year - age)
        self.by_blank.append(1 if rng.random() < 0.02 else 0)
        self.family.append(fam or names.family(rng))
        self.given.append(names.given(rng, sex))
        self.pc.append(pc)
        self.sector.append(sector.k)
        self.mk.append(0)
        self.adj.append([])
        if pool:
            k = sector.k
            if age < 18:
                self.children[k].append(p)
                if 13 <= age and sex == "male" and rng.random() < 0.1:
                    self.youths[k].append(p)
            elif age >= 70:
                self.older[k].append(p)
            elif sex == "female":
                self.f_adult[k].append(p)
            elif sex == "male":
                self.m_adult[k].append(p)
        if 17 <= age <= 80 and rng.random() < 0.5:
            self.add_vehicle(p)
        return p

    def add_vehicle(self, p):
        rng = self.rng
        v = "%s%s%02d%s%s%s" % (rng.choice(_VRM_L[:12]), rng.choice(_VRM_L), rng.choice((15, 16, 18, 19, 21, 22, 24, 65, 68, 69, 71, 72, 73, 74)),
                                rng.choice(_VRM_L), rng.choice(_VRM_L), rng.choice(_VRM_L))
        self.vrms.append(v)
        self.keeper.append(p)
        self.vrm_of[p] = len(self.vrms) - 1

    def link(self, a, b, rel):
        self.links.append((a, b, rel))
        self.adj[a].append((b, rel))
        self.adj[b].append((a, _reverse(rel)))

    def mark(self, p, bits):
        self.mk[p] |= bits

    def build(self, n_pool):
        rng, geo = self.rng, self.geo
        for sec in geo.sectors:
            target = int(n_pool * sec.weight / geo.total_weight)
            start = len(self.sex)
            while len(self.sex) - start < target:
                self.household(sec)
        self._historic_markers()
        self._networks()
        for p in range(0, len(self.sex), 397):
            if rng.random() < 0.5:
                self.sex[p] = "unknown"

    def household(self, sec, pool=True):
        rng = self.rng
        pc = self.geo.postcode(rng, sec) if rng.random() > 0.04 else ""
        fam = names.family(rng)
        r = rng.random()
        members = []
        if r < 0.30:
            sex = "female" if rng.random() < 0.52 else "male"
            members.append(self.add(sex, int(rng.triangular(18, 92, 34)), sec, pc, None, pool))
        elif r < 0.55:
            a_age = int(rng.triangular(19, 88, 40))
            a = self.add("female", a_age, sec, pc, fam, pool)
            b = self.add("male", max(18, a_age + rng.randint(-4, 8)), sec, pc, fam if rng.random() < 0.6 else None, pool)
            self.link(a, b, "spouse" if a_age > 32 and rng.random() < 0.6 else "partner")
            members += [a, b]
        elif r < 0.80:
            a_age = rng.randint(24, 50)
            a = self.add("female", a_age, sec, pc, fam, pool)
            b = self.add("male", max(20, a_age + rng.randint(-3, 7)), sec, pc, fam if rng.random() < 0.7 else None, pool)
            self.link(a, b, "spouse" if rng.random() < 0.55 else "partner")
            members += [a, b]
            kids = [self.add("female" if rng.random() < 0.49 else "male", rng.randint(0, min(17, a_age - 17)), sec, pc,
                             fam, pool) for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))]
            for k in kids:
                self.link(k, a, "parent")
                self.link(k, b, "parent")
            for x in range(len(kids)):
                for y in range(x + 1, len(kids)):
                    self.link(kids[x], kids[y], "sibling")
            members += kids
        elif r < 0.92:
            sex = "female" if rng.random() < 0.85 else "male"
            a_age = rng.randint(19, 48)
            a = self.add(sex, a_age, sec, pc, fam, pool)
            kids = [self.add("female" if rng.random() < 0.49 else "male", rng.randint(0, min(17, a_age - 17)), sec, pc,
                             fam, pool) for _ in range(rng.choice((1, 2, 2, 3)))]
            for k in kids:
                self.link(k, a, "parent")
            for x in range(len(kids)):
                for y in range(x + 1, len(kids)):
                    self.link(kids[x], kids[y], "sibling")
            members += [a] + kids
        else:
            adults = [self.add("female" if rng.random() < 0.45 else "male", rng.randint(18, 36), sec, pc, None, pool)
                      for _ in range(rng.randint(2, 4))]
            for x in range(1, len(adults)):
                self.link(adults[0], adults[x], "household")
            members += adults
        # family living elsewhere in the sector
        if rng.random() < 0.25:
            adults = [m for m in members if self.age(m) >= 18]
            pool_list = self.f_adult[sec.k] if rng.random() < 0.5 else self.m_adult[sec.k]
            if adults and len(pool_list) > 10:
                other = pool_list[rng.randrange(len(pool_list) - 1)]
                self.link(rng.choice(adults), other, rng.choice(("sibling", "family", "family", "parent")))
        return members

    def _historic_markers(self):
        rng = self.rng
        for p in range(len(self.sex)):
            age, sex = self.age(p), self.sex[p]
            bits = 0
            if age < 18:
                if rng.random() < 0.25:
                    bits |= CHILD
                if rng.random() < 0.01:
                    bits |= MISS | CHILD
            else:
                if sex == "female" and age < 55:
                    if rng.random() < 0.03:
                        bits |= DA
                    if rng.random() < 0.01:
                        bits |= SO
                    if rng.random() < 0.008:
                        bits |= STALK
                    if age < 42 and rng.random() < 0.006:
                        bits |= SW | SUB
                if rng.random() < 0.04:
                    bits |= MH
                if rng.random() < (0.05 if sex == "male" else 0.02):
                    bits |= SUB
                if age >= 70 and rng.random() < 0.06:
                    bits |= VA
                if rng.random() < (0.07 if sex == "male" and age < 46 else 0.015):
                    bits |= CUST
            self.mk[p] = bits
            k = self.sector[p]
            if bits & (SUB | CUST) == (SUB | CUST) and sex == "male":
                self.prolific[k].append(p)
            if bits & DA and sex == "female":
                self.repeat_da[k].append(p)
            if bits & MH and age >= 18:
                self.mh[k].append(p)
            if bits & SW:
                self.sex_workers[k].append(p)

    def _networks(self):
        rng = self.rng
        for k in range(len(self.prolific)):
            pl = self.prolific[k]
            for p in pl:
                for _ in range(rng.randint(1, 3)):
                    q = rng.choice(pl)
                    if q != p:
                        self.link(p, q, "associate")
            young = [p for p in self.f_adult[k] + self.m_adult[k] if self.age(p) < 30]
            for p in young[: len(young) // 8]:
                self.link(p, rng.choice(young), "friend")

    # --- picking people officers meet ---------------------------------------------------------------------
    def pick(self, k, sex=None, lo=18, hi=90, known=None, p_known=0.0):
        rng = self.rng
        if known is not None and known and rng.random() < p_known:
            return rng.choice(known)
        if lo < 18:
            pools = [self.children[k]] if hi < 18 else [self.children[k], self.f_adult[k], self.m_adult[k]]
        elif sex == "female":
            pools = [self.f_adult[k]] + ([self.older[k]] if hi >= 70 else [])
        elif sex == "male":
            pools = [self.m_adult[k]] + ([self.older[k]] if hi >= 70 else [])
        else:
            pools = [self.f_adult[k], self.m_adult[k]] + ([self.older[k]] if hi >= 70 else [])
        best = None
        for _ in range(25):
            pool = pools[rng.randrange(len(pools))]
            if not pool:
                continue
            p = pool[rng.randrange(len(pool))]
            if sex is not None and self.sex[p] != sex:
                continue
            best = p
            if lo <= self.age(p) <= hi:
                return p
        if best is None:
            best = self.add(sex or "female", max(lo, 18) if hi >= 18 else lo, self.geo.sectors[k], "", None, True)
        return best

    def partner_of(self, p):
        for q, rel in self.adj[p]:
            if rel in ("partner", "spouse"):
                return q
        return None

    def relatives(self, p, rels=("parent", "child", "sibling", "family", "partner", "spouse", "household", "ex_partner")):
        return [q for q, rel in self.adj[p] if rel in rels]

    def children_of(self, p):
        return [q for q, rel in self.adj[p] if rel == "child"]


def _reverse(rel):
    return {"parent": "child", "child": "parent"}.get(rel, rel)
