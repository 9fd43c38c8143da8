"""Geography: far-apart stations, postcode districts (the QZ area, which no real postcode uses) and devices."""

# name, code, postcode districts, share of occurrences, kind
STATIONS = [
    ("Saltreach", "SAL", (1, 2, 3), 0.31, "port_town"),
    ("Saltreach Harbour", "HAR", (3,), 0.06, "port"),
    ("Pentowan", "PEN", (4, 5), 0.22, "university"),
    ("Fenmouth", "FEN", (6, 7), 0.18, "resort"),
    ("Morrowby", "MOR", (9, 10), 0.15, "rural"),
    ("Carrow", "CAR", (8,), 0.08, "island"),
]
CONTROL = ("Tidewater House", "TDH")      # joint police and fire control room, and headquarters departments
STATION_NAMES = [s[0] for s in STATIONS] + [CONTROL[0]]
CODE = {s[0]: s[1] for s in STATIONS}
CODE[CONTROL[0]] = CONTROL[1]
DISTRICTS = {s[0]: s[2] for s in STATIONS}
CUSTODY = {"Saltreach": "SAL", "Fenmouth": "FEN"}   # Fenmouth's suite opens for the summer only
AREAS = ["Saltreach", "Pentowan", "Fenmouth", "Morrowby", "Carrow"]   # residential areas (the harbour is in Saltreach)
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng, area):
    district = rng.choice(DISTRICTS[area])
    return f"QZ{district} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}"


def plate(rng):
    a = "QZ" if rng.random() < 0.7 else rng.choice(["WK", "LR", "GD", "MB", "HX", "PT"])
    return f"{a}{rng.randint(51, 74)}{''.join(rng.choice(LETTERS) for _ in range(3))}"


def location_id(postcode_text, n):
    return f"LOC-{postcode_text.replace(' ', '')}-{n:02d}"
