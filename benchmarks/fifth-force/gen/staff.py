"""Members of staff: role mix, department teams spanning stations, devices."""
from . import clock, names, places
from .rng import stream
from .world import Staff

ROLE_SHARE = [
    ("response_officer", 0.235), ("supervisor", 0.06), ("neighbourhood_officer", 0.08), ("pcso", 0.07),
    ("special_constable", 0.04), ("detective", 0.10), ("safeguarding_officer", 0.07), ("call_handler", 0.08),
    ("dispatcher", 0.03), ("custody_officer", 0.04), ("intelligence_analyst", 0.03), ("police_staff", 0.13),
    ("ccu_officer", 0.005),
]
MINIMUM = {"ccu_officer": 2}


def _station(r, among=None):
    idx = among if among is not None else list(range(len(places.NAMES)))
    return r.choices(idx, [places.WEIGHTS[i] for i in idx])[0]


def _place(r, role, s):
    """Team, station, unit and work pattern for a role."""
    pick = lambda pairs: r.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]
    if role == "response_officer":
        s.group = pick([("North", 0.53), ("South", 0.47)])
        s.si = _station(r, places.GROUP_STATIONS[s.group])
        return f"Response {s.group}", "", "resp"
    if role == "supervisor":
        u = pick([("response", 0.5), ("cid", 0.2), ("nbh", 0.15), ("pp", 0.08), ("cc", 0.07)])
        if u == "response":
            s.group = pick([("North", 0.53), ("South", 0.47)])
            s.si = _station(r, places.GROUP_STATIONS[s.group])
            return f"Response {s.group}", u, "resp"
        if u == "cid":
            s.si = places.INDEX[pick([("Vellmoor", 0.5), ("Dunmarsh", 0.35), ("Carrow Wick", 0.15)])]
            return "CID", u, "office"
        if u == "nbh":
            s.si = _station(r)
            return places.NBH[s.si], u, "nbh"
        if u == "pp":
            s.si = places.INDEX[pick([("Vellmoor", 0.6), ("Dunmarsh", 0.4)])]
            return "Public Protection", u, "office"
        s.si = places.INDEX["Vellmoor"]
        return "Contact Centre", u, "cc"
    if role in ("neighbourhood_officer", "pcso"):
        s.si = _station(r)
        return places.NBH[s.si], "", "nbh" if role == "neighbourhood_officer" else "nbh_day"
    if role == "special_constable":
        s.si = _station(r)
        if r.random() < 0.6:
            return places.NBH[s.si], "nbh", "special"
        return f"Response {places.GROUP[s.si]}", "response", "special"
    if role == "detective":
        s.si = places.INDEX[pick([("Vellmoor", 0.5), ("Dunmarsh", 0.35), ("Carrow Wick", 0.15)])]
        return "CID", "", "office"
    if role == "safeguarding_officer":
        s.si = places.INDEX[pick([("Vellmoor", 0.6), ("Dunmarsh", 0.4)])]
        return "Public Protection", pick([("da", 0.4), ("so", 0.25), ("cp", 0.2), ("om", 0.15)]), "office"
    if role in ("call_handler", "dispatcher"):
        s.si = places.INDEX["Vellmoor"]
        return "Contact Centre", "", "cc"
    if role == "custody_officer":
        s.si = places.INDEX[pick([("Vellmoor", 0.55), ("Dunmarsh", 0.45)])]
        return "Custody", "", "cc"
    if role == "intelligence_analyst":
        s.si = places.INDEX[pick([("Vellmoor", 0.8), ("Dunmarsh", 0.2)])]
        return "Intelligence", "", "hybrid"
    if role == "police_staff":
        u = pick([("cj", 0.45), ("records", 0.30), ("counter", 0.25)])
        if u == "cj":
            s.si = places.INDEX[pick([("Vellmoor", 0.7), ("Hollinford", 0.3)])]
            return "Criminal Justice", u, "hybrid"
        if u == "records":
            s.si = places.INDEX["Vellmoor"]
            return "Records and Disclosure", u, "hybrid"
        s.si = _station(r)
        return "Enquiry Office", u, "counter"
    s.si = places.INDEX["Vellmoor"]
    return "Professional Standards", "", "office"


def build(w):
    r = stream(w.seed, "staff")
    n = w.n_staff
    counts = {role: max(MINIMUM.get(role, 3), round(share * n)) for role, share in ROLE_SHARE}
    counts["response_officer"] += n - sum(counts.values())
    roles = [role for role, _ in ROLE_SHARE for _ in range(counts[role])]
    r.shuffle(roles)
    end_t = clock.START + w.days * clock.DAY
    desks = {}
    for i, role in enumerate(roles):
        s = Staff()
        s.num = 20001 + i
        s.sid = f"VM{s.num}"
        s.role = role
        s.sex = "female" if r.random() < (0.62 if role in ("call_handler", "police_staff", "intelligence_analyst")
                                          else 0.36) else "male"
        s.name = f"{names.given(r, s.sex)} {r.choice(names.FAMILY)}"
        s.group = None
        s.team, s.unit, s.pattern = _place(r, role, s)
        if s.group is None:
            s.group = places.GROUP[s.si]
        s.station = places.NAMES[s.si]
        s.crew = r.randrange(40)
        officer = role in ("response_officer", "neighbourhood_officer", "detective", "safeguarding_officer",
                           "supervisor", "custody_officer", "ccu_officer", "special_constable")
        if role == "special_constable":
            s.collar = f"SC{s.num % 10000:04d}"
        elif role == "pcso":
            s.collar = f"PC{s.num % 10000:04d}"
        elif officer and role != "custody_officer":
            s.collar = str(1000 + (s.num * 7919) % 8999)
        else:
            s.collar = "" if r.random() < 0.3 else f"PS{s.num % 10000:04d}"
        lo = {"pcso": 2008, "special_constable": 2016, "call_handler": 2012, "dispatcher": 2010}.get(role, 1996)
        s.start = clock.epoch(r.randint(lo, 2024), r.randint(1, 12), r.randint(1, 28))
        s.end = None
        x = r.random()
        if x < 0.025:
            s.end = clock.START + r.randint(10, w.days - 5) * clock.DAY
        elif x < 0.045:
            s.start = clock.START + r.randint(5, w.days - 10) * clock.DAY
        s.home = "" if r.random() < 0.15 else places.postcode(r, _station(r))
        s.mob = f"MOB-{s.num}" if (officer or role == "pcso") else None
        s.lt = f"LT-{s.num}" if role in ("detective", "safeguarding_officer", "intelligence_analyst", "police_staff",
                                          "supervisor", "ccu_officer") else None
        code = places.CODES[s.si]
        desks[code] = desks.get(code, 0) + 1
        s.desk = f"WS-{code}-{100 + desks[code] // 3:03d}"
        s.shifts, s.cases, s.cast = [], [], None
        w.staff.append(s)
        w.staff_by_id[s.sid] = s
    assert end_t > clock.START
