"""The staff file: who works where, in which team, with which devices."""
from . import names
from .geography import HQ, PPIU_HUB
from .units import UNITS

OFFICER_ROLES = ("response_officer", "neighbourhood_officer", "detective", "safeguarding_officer", "custody_officer",
                 "supervisor", "ccu_officer")


class Staff:
    __slots__ = ("i", "sid", "collar", "name", "sex", "role", "unit", "team", "station", "sector", "watch",
                 "start_day", "end_day", "start_date", "end_date", "home_pc", "handheld", "laptop", "ws", "hybrid",
                 "shifts", "pending", "pi", "cases", "reviews", "cohort", "state", "busy", "historic", "sub")

    def __init__(self):
        self.pending, self.pi, self.cases, self.reviews, self.cohort = [], 0, [], [], []
        self.state, self.busy, self.historic, self.sub = {}, 1.0, False, ""

    @property
    def is_officer(self):
        return self.role in OFFICER_ROLES


def _counts(n):
    counts = {}
    for u in UNITS:
        if u.key != "corporate":
            counts[u.key] = max(u.minimum, int(round(u.share * n)))
    counts["corporate"] = max(UNITS[-1].minimum, n - sum(counts.values()))
    over = sum(counts.values()) - n
    while over > 0:  # tiny forces: trim the biggest units
        k = max(counts, key=lambda key: counts[key])
        counts[k] -= 1
        over -= 1
    return counts


def _team(rng, geo, unit, sector, j, n_in_place, place_station):
    k = unit.key
    if k == "lpt_resp":
        return "LPT-%s W%d" % (sector.code, j % 5 + 1), j % 5
    if k in ("lpt_nbh", "pcso"):
        return "NPT %s %s" % (sector.station, sector.areas[j % 2]), j % 3
    if k == "specials":
        return "Specials %s" % sector.code, j % 5
    if k == "rpu":
        return "RPU %s %s" % (place_station, ["Alpha", "Bravo", "Charlie", "Delta", "Echo"][j % 5]), j % 5
    if k == "arv":
        return "ARV %s" % ["Red", "Blue", "Green", "Black", "White"][j % 5], j % 5
    if k == "cmu":
        if j % 10 == 9:
            return "CMU Crime Screening", j % 5
        return "CMU Desk %d" % (j % max(1, n_in_place // 12) + 1), j % 5
    if k == "ppiu":
        return ("PPIU RASSO" if j % 2 == 0 else "PPIU Domestic Abuse"), j % 5
    if k == "mash":
        return ("MASH Triage" if j % 3 else "MASH Strategy"), j % 5
    if k in ("fcr_ch", "fcr_disp"):
        return "FCR Watch %d" % (j % 4 + 1), j % 4
    if k == "custody":
        return "Custody %s %s" % (place_station, "ABCD"[j % 4]), j % 4
    if k == "fib":
        return ("FIB Analysis" if j % 3 else "FIB Research"), 0
    if k == "vcu":
        return "Victim Care Unit", 0
    if k == "iom":
        return "IOM %s" % place_station, 0
    if k == "records":
        return "Data Quality and Records", 0
    if k == "ccu":
        return "Counter Corruption Unit", 0
    if place_station == HQ:
        return rng.choice(["HR Services", "Finance", "Estates", "Learning and Development", "ICT Service Desk"]), 0
    return "Enquiry Office %s" % place_station, 0


def build_staff(rng, geo, clock, n):
    counts = _counts(n)
    sectors = geo.sectors
    rpu_bases = [sectors[0].station] + ([sectors[len(sectors) // 2].station] if n >= 900 and len(sectors) > 2 else [])
    arv_base = sectors[min(1, len(sectors) - 1)].station
    iom_hubs = [sectors[0].station] + ([sectors[-1].station] if len(sectors) > 2 else [])
    staff = []
    for u in UNITS:
        c = counts[u.key]
        members = []
        for j in range(c):
            s = Staff()
            s.unit = u.key
            s.sector = None
            if u.place == "sector":
                # sectors staffed by weight: deal members round a weighted cycle
                s.sector = _weighted_pick(sectors, j, c)
                station = s.sector.station
            elif u.place == "rpu":
                station = rpu_bases[j % len(rpu_bases)]
            elif u.place == "arv":
                station = arv_base
            elif u.place == "custody":
                station = geo.custody_stations[j % len(geo.custody_stations)]
            elif u.place == "ppiu":
                station = PPIU_HUB
            elif u.place == "iom":
                station = iom_hubs[j % len(iom_hubs)]
            elif u.place == "mixed":
                station = HQ if j % 2 == 0 else sectors[(j // 2) % len(sectors)].station
            else:
                station = HQ
            s.station = station
            if s.sector is None:
                s.sector = geo.sector_of_station(station)
            members.append(s)
        # number within (unit, place) for team names
        per_place = {}
        for s in members:
            key = (s.station, s.sector.k if u.place == "sector" and s.sector else -1)
            j = per_place.get(key, 0)
            per_place[key] = j + 1
            s.team, s.watch = _team(rng, geo, u, s.sector, j, c, s.station)
        by_team = {}
        for s in members:
            by_team.setdefault(s.team, []).append(s)
        for team, ms in by_team.items():
            n_sup = int(round(len(ms) * u.sup)) if u.sup else 0
            if u.sup and len(ms) >= 5:
                n_sup = max(1, n_sup)
            for idx, s in enumerate(ms):
                if idx < n_sup:
                    s.role = "supervisor"
                else:
                    r, acc = rng.random(), 0.0
                    s.role = u.roles[-1][0]
                    for role, frac in u.roles:
                        acc += frac
                        if r < acc:
                            s.role = role
                            break
                s.sex = "female" if rng.random() < u.sex_f else "male"
                s.hybrid = u.hybrid > 0 and s.role in ("police_staff", "intelligence_analyst", "detective",
                                                        "safeguarding_officer", "supervisor") and rng.random() < 0.8
        staff.extend(members)
    # identities, dates and devices
    collars = rng.sample(range(1020, 9990) if len(staff) <= 8000 else range(10200, 99990), len(staff))
    for i, s in enumerate(staff):
        s.i = i
        s.sid = "NM%05d" % (10000 + 3 * i + rng.randint(0, 2))
        s.name = "%s %s" % (names.given(rng, s.sex), names.family(rng))
        if s.role == "special_constable":
            s.collar = "SC%03d" % (100 + i % 900)
        elif s.role == "pcso":
            s.collar = "7%03d" % (i % 1000)
        elif s.role in ("police_staff", "call_handler", "dispatcher", "intelligence_analyst"):
            s.collar = "" if (s.unit == "corporate" and rng.random() < 0.25) else "PS%05d" % (20000 + i)
        else:
            s.collar = str(collars[i])
        s.start_day = -rng.randint(200, 30 * 365) if rng.random() > 0.015 else rng.randint(1, clock.days // 2)
        s.end_day = None
        if rng.random() < 0.025 and s.start_day < 0:
            s.end_day = rng.randint(clock.days // 3, clock.days - 1)
        r = rng.random()
        if r < 0.84:
            s.home_pc = geo.postcode(rng, rng.choice(geo.sectors) if (rng.random() < 0.35 or s.sector is None)
                                     else s.sector)
        elif r < 0.93:
            s.home_pc = "QX%d %d%s%s" % (rng.randint(1, 30), rng.randint(1, 9), rng.choice("ABDEFGHJ"),
                                        rng.choice("LNPQRSTUWXYZ"))
        else:
            s.home_pc = ""
        s.handheld = "HH-%05d" % (40000 + i * 7 % 50000) if s.role in OFFICER_ROLES + ("pcso", "special_constable") \
            and s.unit not in ("fcr_ch", "fcr_disp") else None
        s.laptop = "LT-%05d" % (60000 + i) if s.hybrid else None
        code = geo.station_codes[s.station]
        if s.unit in ("fcr_ch", "fcr_disp"):
            s.ws = ["FCR-POS-%02d" % rng.randint(1, 60) for _ in range(4)]
        elif s.unit == "custody":
            s.ws = ["CUS-%s-%02d" % (code, rng.randint(1, 8)) for _ in range(3)]
        else:
            s.ws = [geo.workstation(s.station, rng.randint(1, 140 if s.station == HQ else 40)) for _ in range(3)]
    return staff


def historic_leavers(rng, geo, clock, staff, n):
    """Leavers who left before the period still appear in the staff export."""
    out = []
    base = len(staff)
    for k in range(max(3, n // 30)):
        s = Staff()
        donor = staff[rng.randrange(len(staff))]
        s.i = base + k
        s.sid = "NM%05d" % (10000 + 3 * (base + k) + 1)
        s.sex = "female" if rng.random() < 0.45 else "male"
        s.name = "%s %s" % (names.given(rng, s.sex), names.family(rng))
        s.role, s.unit, s.team, s.station, s.sector = donor.role, donor.unit, donor.team, donor.station, donor.sector
        s.collar = donor.collar and ("%s" % (donor.collar[:-1] + str(k % 10)))
        s.start_day = -rng.randint(800, 25 * 365)
        s.end_day = -rng.randint(10, 700)
        s.home_pc = "" if rng.random() < 0.3 else geo.postcode(rng, s.sector or geo.sectors[0])
        s.historic = True
        s.hybrid, s.laptop, s.handheld, s.ws, s.watch = False, None, None, [], 0
        s.shifts = []
        out.append(s)
    return out


def _weighted_pick(sectors, j, c):
    total = sum(s.weight for s in sectors)
    x = (j + 0.5) / c * total
    acc = 0.0
    for s in sectors:
        acc += s.weight
        if x < acc:
            return s
    return sectors[-1]
