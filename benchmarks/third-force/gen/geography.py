"""Boroughs, stations, custody suites and the QH postcode area (Q is never the first letter of a real UK postcode)."""

# borough key, name, stations (first is the borough's main station), postcode districts, share of demand
BOROUGHS = [
    ("CEN", "Harbourgate Central", ["Castle Street", "Central Interchange"], [1, 2, 3], 0.27),
    ("NQY", "Northquay", ["Northquay", "Ropewalk"], [4, 5, 6], 0.16),
    ("EMS", "Eastmarsh", ["Eastmarsh", "Tanners Yard"], [7, 8, 9], 0.16),
    ("SAL", "Saltbridge", ["Saltbridge", "Dockside"], [10, 11, 12], 0.15),
    ("KNG", "Kingsholt", ["Kingsholt", "Ashgrove"], [13, 14, 15], 0.14),
    ("WFY", "Westferry", ["Westferry", "Lantern Hill"], [16, 17, 18], 0.12),
]
HQ = "Meridian House"              # headquarters: control room, specialist units, intelligence hub
TRANSPORT_HUB = "Central Interchange"

# custody suites: station name, boroughs served
CUSTODY_SUITES = [
    ("Dockside", ["CEN", "SAL"]),
    ("Kingsholt", ["KNG", "EMS"]),
    ("Lantern Hill", ["WFY", "NQY"]),
]

STATION_CODES = {
    "Castle Street": "CST", "Central Interchange": "CIX", "Northquay": "NQY", "Ropewalk": "RPW",
    "Eastmarsh": "EMS", "Tanners Yard": "TNY", "Saltbridge": "SAL", "Dockside": "DKS", "Kingsholt": "KNG",
    "Ashgrove": "ASG", "Westferry": "WFY", "Lantern Hill": "LNH", HQ: "MER",
}

BOROUGH_KEYS = [b[0] for b in BOROUGHS]
BOROUGH_NAME = {b[0]: b[1] for b in BOROUGHS}
BOROUGH_MAIN = {b[0]: b[2][0] for b in BOROUGHS}
BOROUGH_STATIONS = {b[0]: b[2] for b in BOROUGHS}
BOROUGH_DISTRICTS = {b[0]: b[3] for b in BOROUGHS}
BOROUGH_SHARE = [b[4] for b in BOROUGHS]
STATION_BOROUGH = {s: b[0] for b in BOROUGHS for s in b[2]}
SUITE_FOR_BOROUGH = {bk: suite for suite, bks in CUSTODY_SUITES for bk in bks}

_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng, borough):
    d = rng.choice(BOROUGH_DISTRICTS[borough])
    return "QH%d %d%s%s" % (d, rng.randint(0, 9), rng.choice(_UNIT_LETTERS), rng.choice(_UNIT_LETTERS))


def vrm(rng):
    letters = "ABCDEFGHJKLMNPRSTVWXYZ"
    return "%s%s%02d%s%s%s" % (rng.choice("QX"), rng.choice(letters), rng.choice([15, 18, 19, 21, 22, 24, 25, 66, 68, 69, 71, 72, 73, 74]),
                              rng.choice(letters), rng.choice(letters), rng.choice(letters))


def location_id(rng, borough):
    return "UPRN-%d%07d" % (BOROUGH_KEYS.index(borough) + 1, rng.randint(0, 9999999))
