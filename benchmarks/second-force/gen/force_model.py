"""The force: Wealdmoor Constabulary, a large rural county with three towns (fictional).

Stations, postcode districts, role mix, teams and devices."""
from . import names

# name, code, size weight, urban?, custody suite?, postcode districts, response hub?
STATIONS = [
    ("Castlebridge", "CBR", 10, True, True, range(1, 7), True),
    ("Port Elsby", "PEL", 7, True, True, range(7, 11), True),
    ("Hallam Cross", "HAX", 5, True, False, range(11, 14), True),
    ("Thornby Vale", "THV", 2, False, False, range(14, 16), True),
    ("Ashwick", "ASH", 2, False, False, range(16, 18), False),
    ("Millbeck", "MLB", 2, False, False, range(18, 20), True),
    ("Cold Harrow", "CHW", 1, False, False, range(20, 22), False),
    ("Saltmarsh End", "SME", 1, False, False, range(22, 24), False),
    ("Brindle Moor", "BRM", 1, False, False, range(24, 27), True),
    ("Fenwyke", "FNW", 1, False, False, range(27, 30), False),
]
STATION_NAMES = [s[0] for s in STATIONS]
CODE = {s[0]: s[1] for s in STATIONS}
WEIGHT = {s[0]: s[2] for s in STATIONS}
URBAN = {s[0] for s in STATIONS if s[3]}
CUSTODY = ["Castlebridge", "Port Elsby"]
DISTRICTS = {s[0]: list(s[5]) for s in STATIONS}
RESPONSE_HUBS = [s[0] for s in STATIONS if s[6]]
HQ = "Castlebridge"


def custody_for(station):
    return "Port Elsby" if station in ("Port Elsby", "Saltmarsh End", "Fenwyke", "Brindle Moor") else "Castlebridge"


def postcode(rng, station):
    d = rng.choice(DISTRICTS[station])
    return "QX%d %d%s%s" % (d, rng.randrange(10), rng.choice("ABDEFGHJLNPQRSTUWXYZ"), rng.choice("ABDEFGHJLNPQRSTUWXYZ"))


# share of staff per role (sums to 1.0)
ROLE_MIX = [
    ("response_officer", 0.22), ("neighbourhood_officer", 0.12), ("detective", 0.11),
    ("safeguarding_officer", 0.045), ("call_handler", 0.09), ("dispatcher", 0.04),
    ("custody_officer", 0.04), ("intelligence_analyst", 0.03), ("supervisor", 0.095),
    ("pcso", 0.07), ("special_constable", 0.06), ("police_staff", 0.07), ("ccu_officer", 0.01),
]
WARRANTED = {"response_officer", "neighbourhood_officer", "detective", "safeguarding_officer",
             "custody_officer", "supervisor", "special_constable", "ccu_officer"}
STAFF_TEAMS = [("Front Counter", 0.3), ("Data Quality", 0.2), ("Crime Recording Bureau", 0.25),
               ("Vetting", 0.1), ("Records Management", 0.15)]
CID_TEAMS = [("CID", 0.55), ("RASSO", 0.15), ("Domestic Abuse Investigation", 0.18), ("Major Crime", 0.12)]


class Staff:
    __slots__ = ("sid", "collar", "name", "sex", "role", "team", "station", "start", "end", "home",
                 "pattern", "group", "kind", "terminals", "handheld", "laptop", "nte")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def _pick(rng, pairs):
    x, acc = rng.random(), 0.0
    for v, w in pairs:
        acc += w
        if x < acc:
            return v
    return pairs[-1][0]


def _station(rng, hubs_only=False):
    pool = RESPONSE_HUBS if hubs_only else STATION_NAMES
    total = sum(WEIGHT[p] for p in pool)
    return _pick(rng, [(s, WEIGHT[s] / total) for s in pool])


def build_staff(rng, n, period_start):
    counts = [(r, int(round(w * n))) for r, w in ROLE_MIX]
    diff = n - sum(c for _, c in counts)
    counts[0] = (counts[0][0], counts[0][1] + diff)
    roles = [r for r, c in counts for _ in range(c)]
    rng.shuffle(roles)
    staff = []
    for i, role in enumerate(roles):
        sid = "W%05d" % (20000 + i * 3 + rng.randrange(3))
        sex = "female" if rng.random() < (0.62 if role in ("call_handler", "police_staff", "pcso") else 0.36) else "male"
        st = _station(rng, hubs_only=role in ("response_officer", "special_constable"))
        group = 0
        if role in ("response_officer",):
            group = rng.randrange(5)
            team = "Response %d" % (group + 1)
        elif role == "supervisor":
            kind = _pick(rng, [("response", 0.5), ("npt", 0.2), ("cid", 0.15), ("control", 0.1), ("custody", 0.05)])
            group = rng.randrange(5) if kind == "response" else rng.randrange(4)
            if kind == "response":
                st = _station(rng, True)
            colour = "Blue Green Red Amber".split()[group % 4]
            team = {"response": "Response %d" % (group + 1), "npt": "NPT " + st, "cid": "CID " + st,
                    "control": "Control " + colour, "custody": "Custody Team %d" % (group + 1)}[kind]
            if kind in ("control",):
                st = HQ
            if kind == "custody":
                st = rng.choice(CUSTODY)
        elif role in ("neighbourhood_officer", "pcso"):
            team = "NPT " + st
        elif role == "detective":
            t = _pick(rng, CID_TEAMS)
            team = t + " " + st if t == "CID" else t
            if t != "CID":
                st = rng.choice(["Castlebridge", "Port Elsby"])
        elif role == "safeguarding_officer":
            team = rng.choice(["MASH", "Public Protection Unit", "Missing Persons Unit"])
            st = "Castlebridge" if team != "Public Protection Unit" else rng.choice(["Castlebridge", "Port Elsby"])
        elif role in ("call_handler", "dispatcher"):
            group = rng.randrange(4)
            team = ("Contact " if role == "call_handler" else "Dispatch ") + "Blue Green Red Amber".split()[group]
            st = HQ
        elif role == "custody_officer":
            group = rng.randrange(4)
            st = rng.choice(CUSTODY)
            team = "Custody Team %d" % (group + 1)
        elif role == "intelligence_analyst":
            team = rng.choice(["Force Intelligence Bureau", "Local Intelligence Unit"])
            st = HQ if team.startswith("Force") else rng.choice(["Castlebridge", "Port Elsby", "Hallam Cross"])
        elif role == "special_constable":
            team = "Specials " + st
        elif role == "police_staff":
            team = _pick(rng, STAFF_TEAMS)
            if team != "Front Counter":
                st = HQ
        else:
            team = "Counter Corruption Unit"
            st = HQ
        years = rng.choice([0, 1, 2, 3, 5, 8, 12, 18, 25])
        start = period_start - years * 365 * 86400 - rng.randrange(300) * 86400
        s = Staff(sid=sid, sex=sex, role=role, team=team, station=st, start=start, group=group)
        s.name = names.given(rng, sex) + " " + names.family(rng)
        if role in WARRANTED:
            s.collar = str(rng.randrange(1000, 9999)) if role != "special_constable" else "SC" + str(rng.randrange(100, 999))
        elif role in ("pcso",):
            s.collar = "PCSO" + str(rng.randrange(7000, 7999))
        else:
            s.collar = "" if rng.random() < 0.3 else "E" + str(rng.randrange(10000, 99999))
        s.home = postcode(rng, st if rng.random() < 0.7 else rng.choice(STATION_NAMES)) if rng.random() < 0.85 else ""
        code = CODE[st]
        s.terminals = ["%s-PC%04d" % (code, rng.randrange(1, 40 * WEIGHT[st])) for _ in range(rng.randint(2, 4))]
        s.handheld = "HH%06d" % rng.randrange(100000, 999999) if role in (
            "response_officer", "neighbourhood_officer", "pcso", "supervisor", "special_constable", "detective") else None
        s.laptop = "LT%05d" % rng.randrange(10000, 99999) if role in (
            "detective", "intelligence_analyst", "safeguarding_officer", "supervisor", "ccu_officer") or (
            role == "police_staff" and rng.random() < 0.4) else None
        s.nte = role == "special_constable" and st in URBAN and rng.random() < 0.35
        staff.append(s)
    staff.sort(key=lambda s: s.sid)
    # a few leavers and joiners inside the period
    for s in staff:
        r = rng.random()
        if r < 0.015:
            s.end = period_start + rng.randrange(20, 110) * 86400
        elif r < 0.03:
            s.start = period_start + rng.randrange(5, 60) * 86400
    return staff


def vehicles(station):
    n = max(2, WEIGHT[station] * 2)
    return ["MDT-%s%02d" % (CODE[station][:2], i) for i in range(1, n + 1)]
