"""The force area: one small cathedral city, market towns, and villages policed from tiny stations."""
from .names import place_names

CITY = "Kestminster"
TOWNS = ["Tindle Market", "Brackwell", "Oxhollow", "Furzeley", "Sallowby", "Hembury Cross", "Quenford",
         "Stoke Ardley", "Wendholt", "Coldharbour Magna"]
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


class Area:
    __slots__ = ("code", "kind", "place", "station", "hub", "weight", "units")

    def __init__(self, code, kind, place, station, hub, weight):
        self.code, self.kind, self.place, self.station, self.hub, self.weight = code, kind, place, station, hub, weight
        self.units = []


class Station:
    __slots__ = ("name", "kind", "hub", "tag", "areas")

    def __init__(self, name, kind, hub, tag):
        self.name, self.kind, self.hub, self.tag = name, kind, hub, tag
        self.areas = []


class Geography:
    def __init__(self, rng, staff_count):
        self.stations = []
        self.by_name = {}
        self.areas = []
        n_towns = max(3, min(len(TOWNS), round(staff_count / 260)))
        self.towns = TOWNS[:n_towns]
        hq = self._station(CITY, "hq", CITY, "KST")
        for d in range(1, 5):
            for s in range(1, 7):
                self._area("KM%d %d" % (d, s), "city", CITY, hq, 5.0)
        for i, t in enumerate(self.towns):
            st = self._station(t, "town", t, "".join(w[0] for w in t.split()).upper()[:2] + "%d" % i)
            for s in range(1, 5):
                self._area("KM%d %d" % (10 + i, s), "town", t, st, 3.2)
        n_vst = max(4, round(staff_count / 42))
        names = place_names(rng, n_vst * 4, taken=[CITY] + TOWNS)
        k = 0
        self.villages = []
        for v in range(n_vst):
            hub = self.towns[v % len(self.towns)]
            st = self._station(names[k], "village", hub, "V%02d" % v)
            nvil = rng.randint(2, 4)
            for j in range(nvil):
                place = names[k]
                k += 1
                code = "KM%d %d" % (30 + v // 3, (v % 3) * 3 + j + 1 if j < 3 else 0)
                a = self._area(code, "village", place, st, rng.uniform(0.5, 1.3))
                self.villages.append(a)
            k = max(k, (v + 1) * 4)
        # postcode units per area
        for a in self.areas:
            n = 12 if a.kind == "city" else (10 if a.kind == "town" else 5)
            seen = []
            while len(a.units) < n:
                u = rng.choice(LETTERS) + rng.choice(LETTERS)
                if u not in seen:
                    seen.append(u)
                    a.units.append("%s%s" % (a.code, u))
        self.custody_suites = [CITY, self.towns[0]]
        self.roads_base = self.towns[min(3, len(self.towns) - 1)]
        self.rural_base = self.towns[min(2, len(self.towns) - 1)]

    def _station(self, name, kind, hub, tag):
        st = Station(name, kind, hub, tag)
        self.stations.append(st)
        self.by_name[name] = st
        return st

    def _area(self, code, kind, place, st, weight):
        a = Area(code, kind, place, st.name, st.hub if kind == "village" else st.name, weight)
        self.areas.append(a)
        st.areas.append(a)
        return a

    def hubs(self):
        return [CITY] + self.towns
