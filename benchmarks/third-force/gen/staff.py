"""The workforce: units, roles, teams, stations, rotas and each person's usual devices."""
from . import geography as geo, names, clock
from .rng import stream

# unit key: (role, share, minimum, rota pattern, placement)
UNITS = [
    ("response", "response_officer", 0.235, 24, "resp12", "borough4"),
    ("response_sgt", "supervisor", 0.030, 6, "resp12", "borough4"),
    ("transport", "response_officer", 0.030, 4, "transport", "hub"),
    ("nte", "response_officer", 0.014, 2, "nte", "central"),
    ("mh_triage", "response_officer", 0.008, 2, "triage", "hq"),
    ("neighbourhood", "neighbourhood_officer", 0.075, 6, "nbh", "borough"),
    ("pcso", "pcso", 0.050, 6, "nbh", "borough"),
    ("licensing", "neighbourhood_officer", 0.005, 1, "licensing", "central"),
    ("licensing_staff", "police_staff", 0.005, 1, "licensing", "central"),
    ("specials", "special_constable", 0.030, 3, "specials", "borough"),
    ("cid", "detective", 0.070, 6, "cid", "borough"),
    ("cid_sgt", "supervisor", 0.012, 2, "office", "borough"),
    ("sou", "detective", 0.020, 2, "cid", "hq"),
    ("hcu", "detective", 0.007, 1, "office", "hq"),
    ("omu", "detective", 0.010, 2, "office", "hq"),
    ("omu_staff", "police_staff", 0.006, 1, "office", "hq"),
    ("review", "detective", 0.004, 1, "office", "hq"),
    ("cet", "safeguarding_officer", 0.012, 2, "office_late", "hq"),
    ("dasu", "safeguarding_officer", 0.025, 2, "office", "hq"),
    ("mash", "safeguarding_officer", 0.010, 1, "office", "hq"),
    ("call", "call_handler", 0.110, 8, "cc12", "control4"),
    ("dispatch", "dispatcher", 0.040, 4, "cc12", "control4"),
    ("control_sup", "supervisor", 0.008, 4, "cc12", "control4"),
    ("custody", "custody_officer", 0.050, 6, "custody12", "suite4"),
    ("intel", "intelligence_analyst", 0.030, 3, "office", "intel"),
    ("dq", "police_staff", 0.012, 1, "office", "hq"),
    ("records", "police_staff", 0.015, 1, "office", "hq"),
    ("front", "police_staff", 0.020, 2, "front", "borough"),
    ("crime_rec", "police_staff", 0.015, 1, "office", "hq"),
    ("victim_care", "police_staff", 0.010, 1, "office", "hq"),
    ("admin", "police_staff", 0.030, 2, "office", "borough"),
    ("ccu", "ccu_officer", 0.004, 1, "office", "hq"),
]

TEAM_NAMES = {
    "transport": "Transport Policing", "nte": "Night-Time Economy", "mh_triage": "Mental Health Triage",
    "licensing": "Licensing", "licensing_staff": "Licensing", "sou": "Sexual Offences Unit",
    "hcu": "Hate Crime Unit", "omu": "Offender Management Unit", "omu_staff": "Offender Management Unit",
    "review": "Case Review Team", "cet": "Child Exploitation Team", "dasu": "Domestic Abuse Safeguarding Unit",
    "mash": "Adult Safeguarding Hub", "dq": "Data Quality", "records": "Records and Disclosure",
    "crime_rec": "Crime Recording Centre", "victim_care": "Victim Care", "ccu": "Counter Corruption Unit",
}
BOROUGH_TEAM = {"response": "Response", "response_sgt": "Response", "neighbourhood": "Neighbourhood",
                "pcso": "Neighbourhood", "specials": "Specials", "cid": "CID", "cid_sgt": "CID",
                "front": "Front Counter", "admin": "Admin"}
OFFICER_ROLES = {"response_officer", "neighbourhood_officer", "detective", "safeguarding_officer", "supervisor",
                 "custody_officer", "special_constable", "ccu_officer"}
HANDHELD_UNITS = {"response", "response_sgt", "transport", "nte", "mh_triage", "neighbourhood", "pcso", "licensing",
                  "specials", "cid", "cid_sgt", "sou", "hcu", "omu", "cet", "dasu", "review"}
LAPTOP_UNITS = {"cid", "cid_sgt", "sou", "hcu", "omu", "omu_staff", "review", "cet", "dasu", "mash", "intel",
                "ccu", "licensing", "response_sgt", "control_sup"}


class Staff:
    __slots__ = ("idx", "sid", "collar", "name", "sex", "role", "unit", "team", "station", "borough", "rota",
                 "rota_offset", "start", "end", "postcode", "pcs", "handheld", "laptop", "vehicles", "suite")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def _counts(total):
    wsum = sum(u[2] for u in UNITS)
    raw = [max(u[3], total * u[2] / wsum) for u in UNITS]
    scale = (total - sum(u[3] for u in UNITS)) / max(1e-9, sum(r - u[3] for r, u in zip(raw, UNITS)))
    counts = [u[3] + int((r - u[3]) * scale) for r, u in zip(raw, UNITS)]
    i = 0
    while sum(counts) < total:
        counts[i % len(counts)] += 1
        i += 1
    return counts


def build(seed, total, days):
    rng = stream(seed, "staff")
    counts = _counts(total)
    ids = list(range(total))
    rng.shuffle(ids)
    collars = rng.sample(range(1000, 9999), total)
    staff = []
    vehicle_pool = {}
    for (unit, role, _share, _min, rota, place), n in zip(UNITS, counts):
        for k in range(n):
            i = len(staff)
            sex = "female" if rng.random() < (0.62 if role in ("call_handler", "police_staff", "dispatcher") else 0.36) else "male"
            borough = geo.BOROUGH_KEYS[k % len(geo.BOROUGH_KEYS)]
            letter = "ABCD"[(k // len(geo.BOROUGH_KEYS)) % 4]
            suite = None
            if place == "borough4":
                team = "%s %s %s" % (geo.BOROUGH_NAME[borough], BOROUGH_TEAM[unit], letter)
                station = geo.BOROUGH_MAIN[borough]
                offset = "ABCD".index(letter) * 2
            elif place == "borough":
                team = "%s %s" % (geo.BOROUGH_NAME[borough], BOROUGH_TEAM[unit])
                station = rng.choice(geo.BOROUGH_STATIONS[borough]) if unit in ("neighbourhood", "pcso", "front") else geo.BOROUGH_MAIN[borough]
                offset = k % 7
            elif place == "control4":
                letter = "ABCD"[k % 4]
                team = {"call": "Control Room", "dispatch": "Dispatch", "control_sup": "Control Room"}[unit] + " " + letter
                station, borough, offset = geo.HQ, "CEN", "ABCD".index(letter) * 2
            elif place == "suite4":
                suite = geo.CUSTODY_SUITES[k % len(geo.CUSTODY_SUITES)][0]
                letter = "ABCD"[(k // len(geo.CUSTODY_SUITES)) % 4]
                team = "%s Custody %s" % (suite, letter)
                station, borough, offset = suite, geo.STATION_BOROUGH[suite], "ABCD".index(letter) * 2
            elif place == "hub":
                letter = "AB"[k % 2]
                team = "Transport Policing " + letter
                station, borough, offset = geo.TRANSPORT_HUB, "CEN", (k % 2) * 4
            elif place == "central":
                team, station, borough, offset = TEAM_NAMES[unit], "Castle Street", "CEN", k % 7
            elif place == "intel":
                if k % 3 == 2:
                    team, station = "%s Intelligence" % geo.BOROUGH_NAME[borough], geo.BOROUGH_MAIN[borough]
                else:
                    team, station, borough = "Intelligence Hub", geo.HQ, "CEN"
                offset = k % 7
            else:  # hq
                team, station, borough, offset = TEAM_NAMES[unit], geo.HQ, "CEN", k % 7
            num = 20000 + ids[i]
            if role in OFFICER_ROLES:
                collar = str(collars[i])
            elif role == "pcso":
                collar = "PCSO%d" % collars[i]
            else:
                collar = "" if rng.random() < 0.25 else "PS%05d" % num
            if role == "special_constable":
                collar = "SC%d" % collars[i]
            start = clock.START - rng.randint(200, 30 * 365) * clock.DAY
            end = None
            r = rng.random()
            if r < 0.012:
                start = clock.START + rng.randint(5, max(6, days // 2)) * clock.DAY
            elif r < 0.024:
                end = clock.START + rng.randint(days // 3, days - 3) * clock.DAY
            code = geo.STATION_CODES[station]
            pcs = ["WS-%s-%03d" % (code, rng.randint(1, 140)) for _ in range(rng.randint(2, 4))]
            vehicles = []
            if unit in ("response", "response_sgt", "transport", "nte", "mh_triage", "specials", "neighbourhood"):
                pool = vehicle_pool.setdefault(team, ["MDT-%s-%02d" % (code, rng.randint(1, 99)) for _ in range(6)])
                vehicles = rng.sample(pool, 3)
            s = Staff(idx=i, sid="E%05d" % num, collar=collar,
                      name="%s %s" % (names.given(rng, sex), names.family(rng)), sex=sex, role=role, unit=unit,
                      team=team, station=station, borough=borough, rota=rota, rota_offset=offset, start=start,
                      end=end, postcode=geo.postcode(rng, rng.choice(geo.BOROUGH_KEYS)) if rng.random() < 0.8 else "",
                      pcs=pcs, handheld=("HH-%s" % collars[i]) if unit in HANDHELD_UNITS else None,
                      laptop=("LT-%05d" % (num + 31000)) if (unit in LAPTOP_UNITS or rng.random() < 0.05) else None,
                      vehicles=vehicles, suite=suite)
            staff.append(s)
    return staff


DEPARTMENT = {
    "response": "Local Policing", "response_sgt": "Local Policing", "neighbourhood": "Local Policing",
    "pcso": "Local Policing", "specials": "Special Constabulary", "front": "Local Policing", "admin": "Local Policing",
    "transport": "Operations", "nte": "Operations", "mh_triage": "Operations", "licensing": "Operations",
    "licensing_staff": "Operations", "call": "Contact Management", "dispatch": "Contact Management",
    "control_sup": "Contact Management", "custody": "Criminal Justice", "cid": "Crime", "cid_sgt": "Crime",
    "sou": "Public Protection", "cet": "Public Protection", "dasu": "Public Protection", "mash": "Public Protection",
    "omu": "Public Protection", "omu_staff": "Public Protection", "hcu": "Crime", "review": "Crime",
    "intel": "Intelligence", "dq": "Information Management", "records": "Information Management",
    "crime_rec": "Information Management", "victim_care": "Criminal Justice", "ccu": "Professional Standards",
}


def by_unit(staff):
    out = {}
    for s in staff:
        out.setdefault(s.unit, []).append(s)
    return out
