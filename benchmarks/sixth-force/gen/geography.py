"""Northmarsh's geography: a headquarters, Local Policing sectors with their stations, and postcodes in the
"QN" area, which no real UK postcode uses (no real postcode area begins with Q)."""

HQ = "Marshgate HQ"
PPIU_HUB = "Wrenholt House"
_STATIONS = ["Saltinghoe", "Brinkfold", "Wyverne Staithe", "Cotterdyke", "Hallowfen", "Ebbsmoor", "Tarnbury",
             "Quillington", "Fennick Cross", "Ravensholt", "Dunmarsh", "Sedgewater", "Ollerby", "Kestrelford",
             "Yarrowmere", "Pewsholt", "Blackreed", "Gannet Point", "Skelbrook", "Mottram Fen", "Hobwick",
             "Larkstaithe", "Tovebridge", "Ulverholme", "Crakefold", "Nabbersea"]
_AREA_WORDS = ["Harbourside", "Old Town", "Villages", "Fenside", "Riverside", "Northgate", "Eastfield", "Marshes",
               "Docklands", "Uplands", "Town Centre", "Coastal", "Moorland", "Southwick", "Parklands", "Levels"]
_INWARD = "ABDEFGHJLNPQRSTUWXYZ"
_COMPASS = "NESWC"


class Sector:
    __slots__ = ("k", "code", "station", "scode", "weight", "districts", "areas", "urban", "custody", "vehicles")


def _scode(name, used):
    base = "".join(ch for ch in name.upper() if ch.isalpha())[:3]
    code, n = base, 1
    while code in used:
        n += 1
        code = base[:2] + str(n)
    used.add(code)
    return code


class Geography:
    def __init__(self, rng, n_sectors):
        self.station_codes = {}
        used = set()
        self.station_codes[HQ] = _scode("MHQ", used)
        self.station_codes[PPIU_HUB] = _scode("WRH", used)
        self.sectors = []
        district = 1
        for k in range(n_sectors):
            s = Sector()
            s.k = k
            s.code = "%s%d" % (_COMPASS[k % 5], k // 5 + 1)
            if k < len(_STATIONS):
                s.station = _STATIONS[k]
            else:
                s.station = "%s %s" % (_STATIONS[k % len(_STATIONS)], ["Parva", "Magna", "Marsh", "Lode"][(k // len(_STATIONS)) % 4])
            s.scode = _scode(s.station, used)
            self.station_codes[s.station] = s.scode
            s.urban = k < max(2, n_sectors * 2 // 5)
            s.weight = rng.uniform(1.2, 1.9) if s.urban else rng.uniform(0.5, 1.0)
            nd = rng.randint(2, 4)
            s.districts = list(range(district, district + nd))
            district += nd
            s.areas = rng.sample(_AREA_WORDS, 2)
            s.custody = None
            s.vehicles = ["MDT-%s%02d" % (s.scode, j + 1) for j in range(4 + (6 if s.urban else 2))]
            self.sectors.append(s)
        # custody suites at the larger stations; each sector sends detainees to its nearest suite
        n_suites = max(1, min(n_sectors, round(n_sectors / 4)))
        self.custody_stations = [self.sectors[k * n_sectors // n_suites].station for k in range(n_suites)]
        for s in self.sectors:
            s.custody = self.custody_stations[min(n_suites - 1, s.k * n_suites // n_sectors)]
        self.total_weight = sum(s.weight for s in self.sectors)

    def postcode(self, rng, sector):
        d = rng.choice(sector.districts)
        return "QN%d %d%s%s" % (d, rng.randint(1, 9), rng.choice(_INWARD), rng.choice(_INWARD))

    def sector_of_station(self, station):
        for s in self.sectors:
            if s.station == station:
                return s
        return None

    def workstation(self, station, n):
        return "WS-%s-%03d" % (self.station_codes[station], n)
