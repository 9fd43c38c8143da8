"""Who works for the force: units, roles, teams, stations, service dates, homes and devices."""
from .clock import PERIOD_START, DAY
from .geography import CITY
from .names import person_name

# unit, contract role, share of staff, minimum
UNITS = [
    ("ctrl_ch", "call_handler", .060, 12), ("ctrl_disp", "dispatcher", .025, 6), ("ctrl_sup", "supervisor", .006, 2),
    ("custody", "custody_officer", .035, 8), ("cid", "detective", .045, 6), ("ppu", "safeguarding_officer", .035, 5),
    ("mispers", "safeguarding_officer", .002, 2), ("intel", "intelligence_analyst", .022, 4),
    ("roads", "response_officer", .030, 6), ("triage", "response_officer", .003, 2),
    ("rural", "neighbourhood_officer", .005, 3), ("schools", "neighbourhood_officer", .006, 3),
    ("nbh", "neighbourhood_officer", .095, 8), ("pcso", "pcso", .070, 6), ("special", "special_constable", .140, 10),
    ("counter", "police_staff", .045, 4), ("enquiry", "police_staff", .045, 4), ("records", "police_staff", .025, 3),
    ("admin", "police_staff", .025, 3), ("ccu", "ccu_officer", .004, 2), ("sup_resp", "supervisor", .035, 5),
]
OFFICE_UNITS = ("cid", "ppu", "mispers", "intel", "counter", "enquiry", "records", "admin", "ccu")
FEMALE_SHARE = {"ctrl_ch": .72, "ctrl_disp": .6, "counter": .7, "enquiry": .6, "records": .75, "admin": .8,
                "ppu": .6, "mispers": .6, "pcso": .5, "special": .38, "schools": .45, "triage": .45}


class Staff:
    __slots__ = ("i", "sid", "collar", "family", "given", "sex", "role", "unit", "team", "team_no", "station",
                 "hub", "start", "end", "home", "home_area", "home_exported", "hh", "laptop", "village_station",
                 "events", "shifts")


def build_staff(rng, geo, population_areas, n):
    counts = []
    for unit, role, share, mn in UNITS:
        counts.append([unit, role, max(mn, round(share * n))])
    n_resp = max(20, n - sum(c[2] for c in counts))
    counts.append(["response", "response_officer", n_resp])
    pools = []
    for unit, role, c in counts:
        pools.extend([(unit, role)] * c)
    pools = pools[:max(n, len(pools))]
    staff = []
    ids = rng.sample(range(10000, 99999), len(pools))
    by_unit = {}
    for k, (unit, role) in enumerate(pools):
        s = Staff()
        s.i = k
        s.sid = "KV%05d" % ids[k]
        s.unit, s.role = unit, role
        s.sex = "female" if rng.random() < FEMALE_SHARE.get(unit, .33) else "male"
        s.family, s.given = person_name(rng, s.sex)
        s.team = s.station = s.hub = None
        s.village_station = None
        s.team_no = 0
        s.events = 0
        s.shifts = []
        staff.append(s)
        by_unit.setdefault(unit, []).append(s)
    _place(rng, geo, by_unit)
    _dates_homes_devices(rng, geo, staff)
    return staff


def _take(lst, k):
    out = lst[:k]
    del lst[:k]
    return out


def _place(rng, geo, by_unit):
    hubs = geo.hubs()
    free = {u: list(v) for u, v in by_unit.items()}
    # tiny village stations first: 3 to 8 staff each
    for st in [s for s in geo.stations if s.kind == "village"]:
        size = rng.randint(3, 8)
        mix = ["nbh"] * rng.randint(1, 3) + ["pcso"] * rng.randint(0, 2) + ["special"] * rng.randint(1, 3)
        if rng.random() < .45:
            mix.append("response")
        for unit in mix[:size]:
            if not free.get(unit):
                continue
            s = free[unit].pop()
            s.station, s.hub, s.village_station = st.name, st.hub, st.name
            s.team = {"nbh": "%s Neighbourhood" % st.name, "pcso": "%s Neighbourhood" % st.name,
                      "special": "Specials %s" % st.hub, "response": "Rural Response %s" % st.hub}[unit]
            s.team_no = rng.randint(0, 3)
    fixed = {"ctrl_ch": (CITY, "Control Room"), "ctrl_disp": (CITY, "Control Room"), "ctrl_sup": (CITY, "Control Room"),
             "mispers": (CITY, "Missing Persons Unit"), "intel": (CITY, "Force Intelligence Bureau"),
             "triage": (CITY, "Street Triage"), "records": (CITY, "Records and Disclosure"),
             "admin": (CITY, "Admin Support"), "ccu": (CITY, "Professional Standards"),
             "roads": (geo.roads_base, "Roads Policing"), "rural": (geo.rural_base, "Rural and Wildlife Crime")}
    watches = ["Red", "Blue", "Green", "Amber"]
    for unit, lst in free.items():
        for j, s in enumerate(lst):
            if unit in fixed:
                s.station, s.team = fixed[unit]
                if unit.startswith("ctrl"):
                    s.team_no = j % 4
                    s.team = "Control Room %s Watch" % watches[s.team_no]
                else:
                    s.team_no = j % 4
            elif unit == "custody":
                s.station = geo.custody_suites[0] if j % 5 < 3 else geo.custody_suites[1]
                s.team_no = j % 4
                s.team = "Custody %s Team %d" % (s.station, s.team_no + 1)
            elif unit in ("cid", "ppu"):
                s.station = CITY if j % 10 < (6 if unit == "cid" else 7) else geo.towns[0]
                s.team = ("CID %s" % s.station) if unit == "cid" else "Public Protection Unit"
            elif unit == "schools":
                s.station = hubs[j % len(hubs)]
                s.team = "Schools and Youth Engagement"
            elif unit in ("response", "sup_resp"):
                s.station = CITY if rng.random() < .38 else rng.choice(geo.towns)
                s.team_no = j % 4
                s.team = "Response %s" % "ABCD"[s.team_no]
            elif unit in ("nbh", "pcso"):
                s.station = CITY if rng.random() < .4 else rng.choice(geo.towns)
                s.team = "Neighbourhood %s" % s.station
            elif unit == "special":
                s.station = CITY if rng.random() < .3 else rng.choice(geo.towns)
                s.team = "Specials %s" % s.station
            elif unit in ("counter", "enquiry"):
                s.station = CITY if rng.random() < .35 else rng.choice(geo.towns)
                s.team = "Front Counter" if unit == "counter" else "Investigation Support"
            else:
                s.station, s.team = CITY, unit
            st = geo.by_name[s.station]
            s.hub = st.hub


def _dates_homes_devices(rng, geo, staff):
    period_days = 365
    for s in staff:
        yrs = rng.uniform(0.3, 8) if s.unit == "special" else (rng.uniform(0.5, 18) if s.unit == "pcso" else rng.uniform(0.5, 28))
        s.start = PERIOD_START - int(yrs * 365 * DAY) // DAY * DAY
        s.end = None
        r = rng.random()
        if r < .012:
            s.end = PERIOD_START - rng.randint(20, 200) * DAY      # left before the period
        elif r < .04:
            s.start = PERIOD_START + rng.randint(5, 60) * DAY       # joined during it
        elif r < .07:
            s.end = PERIOD_START + rng.randint(20, period_days) * DAY
        # home
        if s.village_station and rng.random() < .65:
            s.home_area = rng.choice(geo.by_name[s.village_station].areas)
        elif rng.random() < .5:
            s.home_area = rng.choice([a for a in geo.areas if a.kind != "village"])
        else:
            s.home_area = rng.choice(geo.villages)
        s.home = rng.choice(s.home_area.units)
        ex = {"special": .55, "counter": .45, "enquiry": .45, "records": .45, "admin": .45}.get(s.unit, .85)
        s.home_exported = rng.random() < ex
        s.hh = "HH-%05d" % rng.randint(10000, 99999) if s.role not in ("police_staff", "call_handler", "dispatcher") else None
        s.laptop = ("LT-%04d" % rng.randint(1000, 9999)) if s.unit in ("cid", "ppu", "mispers", "intel", "records", "ccu", "sup_resp", "ctrl_sup") else None
        if s.role == "police_staff":
            s.collar = "" if rng.random() < .6 else "PS%04d" % rng.randint(1000, 9999)
        elif s.role == "special_constable":
            s.collar = "SC%03d" % rng.randint(100, 999)
        elif s.role == "pcso":
            s.collar = "%d" % rng.randint(7000, 7999)
        elif s.role in ("call_handler", "dispatcher"):
            s.collar = ""
        else:
            s.collar = "%d" % rng.randint(1000, 6999)


def active(s, ts):
    return s.start <= ts and (s.end is None or ts < s.end)
