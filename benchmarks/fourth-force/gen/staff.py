"""The workforce: roles, teams, stations, working patterns, hybrid working and devices."""
from . import clock, names, places
from .rng import stream

# archetype: (role, share of the force, working pattern, share working hybrid, where)
ARCHETYPES = {
    "response":          ("response_officer", 0.205, "resp", 0.0, "stations"),
    "port":              ("response_officer", 0.040, "port", 0.0, "Saltreach Harbour"),
    "neighbourhood":     ("neighbourhood_officer", 0.072, "neigh", 0.1, "stations"),
    "student_liaison":   ("neighbourhood_officer", 0.003, "neigh", 0.2, "Pentowan"),
    "cid":               ("detective", 0.068, "det", 0.35, "towns"),
    "public_protection": ("detective", 0.034, "det", 0.45, "pp"),
    "safeguarding":      ("safeguarding_officer", 0.048, "office", 0.5, "towns"),
    "call_handler":      ("call_handler", 0.068, "control", 0.0, "Tidewater House"),
    "dispatcher":        ("dispatcher", 0.038, "control", 0.0, "Tidewater House"),
    "custody":           ("custody_officer", 0.028, "custody", 0.0, "custody"),
    "detention":         ("police_staff", 0.018, "custody", 0.0, "custody"),
    "analyst":           ("intelligence_analyst", 0.030, "office", 0.7, "Tidewater House"),
    "sergeant":          ("supervisor", 0.052, "follow", 0.1, "teams"),
    "inspector":         ("supervisor", 0.014, "office", 0.4, "towns"),
    "pcso":              ("pcso", 0.055, "neigh", 0.0, "stations"),
    "special":           ("special_constable", 0.045, "special", 0.0, "stations"),
    "records":           ("police_staff", 0.030, "office", 0.8, "Tidewater House"),
    "disclosure":        ("police_staff", 0.024, "office", 0.7, "Tidewater House"),
    "front_counter":     ("police_staff", 0.018, "counter", 0.0, "stations"),
    "corporate":         ("police_staff", 0.030, "office", 0.75, "Tidewater House"),
    "licensing":         ("police_staff", 0.004, "office", 0.5, "Tidewater House"),
    "victim_care":       ("police_staff", 0.012, "office", 0.6, "Tidewater House"),
    "missing_coord":     ("police_staff", 0.003, "office", 0.4, "Saltreach"),
    "ccu":               ("ccu_officer", 0.005, "office", 0.4, "Tidewater House"),
}
MINIMUM = {"student_liaison": 1, "licensing": 1, "missing_coord": 1, "ccu": 2, "analyst": 4, "public_protection": 4,
           "detention": 3, "custody": 6, "port": 8, "special": 6, "dispatcher": 6, "call_handler": 8}
STATION_WEIGHT = {"Saltreach": 0.34, "Pentowan": 0.25, "Fenmouth": 0.21, "Morrowby": 0.13, "Carrow": 0.07}
TOWNS = ["Saltreach", "Pentowan", "Fenmouth"]
LETTERS5 = "ABCDE"


class Staff:
    __slots__ = ("idx", "sid", "collar", "name", "sex", "role", "arche", "team", "team_no", "station", "pattern",
                 "hybrid", "start", "end", "home_pc", "home_area", "ws", "lap", "mob", "periods", "roster",
                 "assign", "seasonal", "person", "cast", "habit")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def _counts(n):
    counts = {a: max(MINIMUM.get(a, 1), int(round(spec[1] * n))) for a, spec in ARCHETYPES.items()}
    counts["response"] += n - sum(counts.values())
    return counts


def build(n, period, seed):
    rng = stream(seed, "staff")
    counts = _counts(n)
    staff = []
    ws_pools = {}

    def pool(code, size):
        if code not in ws_pools:
            ws_pools[code] = [f"WS-{code}-{i:03d}" for i in range(1, size + 1)]
        return ws_pools[code]

    def pick_station(where):
        if where == "stations":
            return rng.choices(list(STATION_WEIGHT), list(STATION_WEIGHT.values()))[0]
        if where == "towns":
            return rng.choices(TOWNS, [0.45, 0.3, 0.25])[0]
        if where == "pp":
            return rng.choices(["Saltreach", "Pentowan"], [0.6, 0.4])[0]
        if where == "custody":
            return "Fenmouth" if rng.random() < 0.3 else "Saltreach"
        if where == "teams":
            return rng.choices(list(STATION_WEIGHT) + ["Saltreach Harbour", "Tidewater House", "custody"],
                               [0.22, 0.16, 0.14, 0.08, 0.05, 0.08, 0.15, 0.12])[0]
        return where

    order = list(ARCHETYPES)
    seq = 0
    for arche in order:
        role, _, pattern, hybrid_share, where = ARCHETYPES[arche]
        for _ in range(counts[arche]):
            seq += 1
            station = pick_station(where)
            follow = None
            if arche == "sergeant":
                follow = station
                if station == "custody":
                    station = "Fenmouth" if rng.random() < 0.3 else "Saltreach"
            sex = "female" if rng.random() < _female_share(arche) else "male"
            given = rng.choice(names.FEMALE if sex == "female" else names.MALE)
            family = rng.choice(names.FAMILY)
            team, team_no, patt = _team(rng, arche, station, follow, pattern)
            area = station if station in places.DISTRICTS and station != "Saltreach Harbour" else "Saltreach"
            if rng.random() < 0.35:
                area = rng.choice(places.AREAS[:4])
            home_area = area
            s = Staff(idx=len(staff), sid=f"SR{20000 + seq * 3 + rng.randint(0, 2):05d}", name=f"{given} {family}",
                      sex=sex, role=role, arche=arche, team=team, team_no=team_no, station=station, pattern=patt,
                      hybrid=rng.random() < hybrid_share, home_area=home_area,
                      home_pc=places.postcode(rng, home_area) if rng.random() < 0.93 else "",
                      periods=[], roster=[], assign=[], seasonal=False, person=None, cast=None, habit={})
            s.collar = _collar(rng, role, seq)
            years = rng.choice([0.5, 1, 2, 3, 5, 8, 12, 16, 20, 25]) + rng.random()
            s.start = period.t0 - int(years * 365 * clock.DAY)
            s.end = None
            staff.append(s)
    # seasonal joiners, joiners and leavers within the period
    for s in staff:
        r = rng.random()
        if period.has_summer and ((s.arche == "special" and r < 0.3) or (s.arche == "pcso" and s.station == "Fenmouth"
                                                                           and r < 0.35)):
            s.seasonal = True
            s.start = clock.SUMMER - rng.randint(1, 8) * clock.DAY
            s.team = f"{s.station} Summer"
        elif r < 0.012:
            s.start = period.t0 + rng.randint(5, max(6, period.days - 20)) * clock.DAY
        elif r < 0.022:
            s.end = period.t0 + rng.randint(10, max(11, period.days - 5)) * clock.DAY
    # devices
    for s in staff:
        code = places.CODE[s.station]
        size = max(12, counts.get("response", 100) // 4)
        s.ws = rng.sample(pool(code, size), 3 if s.pattern in ("office", "det") else 4)
        s.lap = f"LT{40000 + s.idx * 7 + rng.randint(0, 6):06d}" if (s.hybrid or s.pattern == "det"
                                                                   or s.arche in ("inspector", "ccu")) else None
        s.mob = (f"MOB-{70000 + s.idx:05d}" if s.role in ("response_officer", "neighbourhood_officer", "pcso",
                                                          "detective", "safeguarding_officer", "supervisor",
                                                          "special_constable") else None)
    return staff


def _female_share(arche):
    return {"call_handler": 0.72, "dispatcher": 0.6, "records": 0.75, "disclosure": 0.65, "corporate": 0.7,
            "victim_care": 0.85, "safeguarding": 0.7, "front_counter": 0.7, "analyst": 0.65, "pcso": 0.5,
            "detention": 0.45}.get(arche, 0.33)


def _team(rng, arche, station, follow, pattern):
    if arche in ("response", "pcso", "neighbourhood", "special") or (arche == "sergeant" and follow in STATION_WEIGHT):
        if arche == "response" or arche == "sergeant":
            no = rng.randrange(5)
            name = f"Carrow Section {no + 1}" if station == "Carrow" else f"Response {LETTERS5[no]}"
            return name, no, "resp"
        if arche == "special":
            return f"{station} Specials", rng.randrange(7), pattern
        no = rng.randrange(4)
        return f"{station} Neighbourhood", no, pattern
    if arche == "port" or (arche == "sergeant" and follow == "Saltreach Harbour"):
        no = rng.randrange(4)
        return f"Port Unit {no + 1}", no, "port"
    if arche in ("call_handler", "dispatcher") or (arche == "sergeant" and follow == "Tidewater House"):
        no = rng.randrange(4)
        return f"Joint Control {LETTERS5[no]}", no, "control"
    if arche in ("custody", "detention") or (arche == "sergeant" and follow == "custody"):
        no = rng.randrange(4)
        return (f"Fenmouth Custody {no + 1}" if station == "Fenmouth" else f"Custody {no + 1}"), no, "custody"
    fixed = {"student_liaison": "Pentowan Campus", "cid": f"CID {station}", "public_protection": "Public Protection",
             "safeguarding": f"Safeguarding Hub {station}", "analyst": "Analysis and Intelligence",
             "inspector": f"{station} Command", "records": "Records and Data Quality",
             "disclosure": "Criminal Justice Unit", "front_counter": f"{station} Enquiry Office",
             "corporate": rng.choice(["People Services", "Finance", "Estates", "Training"]),
             "licensing": "Licensing", "victim_care": "Victim Care Unit", "missing_coord": "Missing Persons Unit",
             "ccu": "Professional Standards"}
    return fixed[arche], rng.randrange(8), pattern


def _collar(rng, role, seq):
    if role == "special_constable":
        return f"SC{300 + seq % 700}"
    if role in ("police_staff", "call_handler", "dispatcher", "intelligence_analyst"):
        return "" if rng.random() < 0.15 else f"E{5000 + seq}"
    return str(1000 + seq)
