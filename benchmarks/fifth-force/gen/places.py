"""The force area: market towns, their stations, and postcodes in the unused QV area."""

# name, code, population weight, response group, neighbourhood team, custody suite, postcode district
STATIONS = [
    ("Vellmoor", "VEL", 0.24, "North", "Neighbourhood North", "Vellmoor", 1),
    ("Sedgeby", "SED", 0.10, "North", "Neighbourhood North", "Vellmoor", 2),
    ("Lenthorpe", "LEN", 0.09, "North", "Neighbourhood East", "Vellmoor", 3),
    ("Carrow Wick", "CAR", 0.10, "North", "Neighbourhood East", "Vellmoor", 4),
    ("Dunmarsh", "DUN", 0.17, "South", "Neighbourhood South", "Dunmarsh", 5),
    ("Hollinford", "HOL", 0.12, "South", "Neighbourhood South", "Dunmarsh", 6),
    ("Tillingham", "TIL", 0.09, "South", "Neighbourhood West", "Dunmarsh", 7),
    ("Marlby Vale", "MAR", 0.09, "South", "Neighbourhood West", "Dunmarsh", 8),
]
NAMES = [s[0] for s in STATIONS]
CODES = [s[1] for s in STATIONS]
WEIGHTS = [s[2] for s in STATIONS]
GROUP = [s[3] for s in STATIONS]
NBH = [s[4] for s in STATIONS]
SUITE = [s[5] for s in STATIONS]
INDEX = {n: i for i, n in enumerate(NAMES)}
GROUP_STATIONS = {g: [i for i, s in enumerate(STATIONS) if s[3] == g] for g in ("North", "South")}
NBH_STATIONS = {}
for _i, _s in enumerate(STATIONS):
    NBH_STATIONS.setdefault(_s[4], []).append(_i)
SUITE_STATIONS = {}
for _i, _s in enumerate(STATIONS):
    SUITE_STATIONS.setdefault(_s[5], []).append(_i)

_UNIT = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(r, si):
    """Town districts QV1-QV8; the villages around each town QV11-QV18."""
    d = STATIONS[si][6] + (10 if r.random() < 0.35 else 0)
    return f"QV{d} {r.randint(1, 9)}{r.choice(_UNIT)}{r.choice(_UNIT)}"


def address_id(postcode, n):
    return "ADR-" + postcode.replace(" ", "") + f"-{n}"
