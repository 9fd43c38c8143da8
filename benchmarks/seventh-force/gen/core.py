"""Fenwold and Harrowby Police: time, randomness, names and the organisation (staff, shifts, rosters)."""
import bisect
import datetime
import random

UTC = datetime.timezone.utc
DAY = 86400
HOUR = 3600
T0 = int(datetime.datetime(2025, 2, 3, tzinfo=UTC).timestamp())  # a Monday
DOFF = 800
_D0 = datetime.date(2025, 2, 3)
DATES = [(_D0 + datetime.timedelta(days=i - DOFF)).isoformat() for i in range(DOFF + 800)]


def R(seed, *stage):
    """One random stream per (seed, stage): str seeds are hashed with SHA-512, not hash()."""
    return random.Random("fenwold-harrowby|%s|%s" % (seed, "|".join(str(x) for x in stage)))


def _last_sunday(y, m):
    d = datetime.date(y, m, 31)
    return d - datetime.timedelta(days=(d.weekday() + 1) % 7)


BST = []
for _y in range(2022, 2029):
    _a, _b = _last_sunday(_y, 3), _last_sunday(_y, 10)
    BST.append((int(datetime.datetime(_y, 3, _a.day, 1, tzinfo=UTC).timestamp()),
                int(datetime.datetime(_y, 10, _b.day, 1, tzinfo=UTC).timestamp())))


def uoff(t):
    for a, b in BST:
        if a <= t < b:
            return HOUR
    return 0


def fz(t):
    q, r = divmod(t - T0, DAY)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    return "%sT%02d:%02d:%02dZ" % (DATES[q + DOFF], h, m, s)


def fz_ms(t, ms):
    q, r = divmod(t - T0, DAY)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    return "%sT%02d:%02d:%02d.%03dZ" % (DATES[q + DOFF], h, m, s, ms)


def flocal(t, ms=None):
    o = uoff(t)
    q, r = divmod(t + o - T0, DAY)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    suf = "+01:00" if o else "+00:00"
    if ms is None:
        return "%sT%02d:%02d:%02d%s" % (DATES[q + DOFF], h, m, s, suf)
    return "%sT%02d:%02d:%02d.%03d%s" % (DATES[q + DOFF], h, m, s, ms, suf)


def flocal_naive(t):
    o = uoff(t)
    q, r = divmod(t + o - T0, DAY)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    return "%s %02d:%02d:%02d" % (DATES[q + DOFF], h, m, s)


def lday(d):
    """UTC instant of local midnight of period day d."""
    t = T0 + d * DAY
    return t - uoff(t + 43200)


def ltime(d, hours):
    return lday(d) + int(hours * 3600)


def local_hour(t):
    return ((t + uoff(t) - T0) % DAY) / 3600.0


def dayof(t):
    return (t - T0) // DAY


def date_str(t):
    return DATES[(t - T0) // DAY + DOFF]


# ---------------------------------------------------------------- names (invented)
GIVEN_F = ["Amelia", "Bethany", "Chloe", "Danielle", "Eleanor", "Freya", "Gemma", "Hannah", "Imogen", "Jasmine",
           "Katie", "Laura", "Megan", "Nadia", "Olivia", "Paige", "Rachel", "Sophie", "Tara", "Vicky", "Yasmin",
           "Zara", "Abigail", "Caitlin", "Demi", "Ellie", "Georgia", "Holly", "Isla", "Jade", "Kirsty", "Leah",
           "Maisie", "Niamh", "Poppy", "Rosie", "Shannon", "Tegan", "Aisha", "Priya", "Joanne", "Karen", "Lisa",
           "Michelle", "Nicola", "Sarah", "Tracey", "Wendy", "Agnieszka", "Ioana", "Mariam", "Chantelle"]
GIVEN_M = ["Aaron", "Ben", "Callum", "Daniel", "Ethan", "Finley", "George", "Harry", "Isaac", "Jack", "Kieran",
           "Liam", "Mason", "Nathan", "Owen", "Philip", "Reece", "Sam", "Tyler", "Vincent", "Wayne", "Zak", "Adam",
           "Bradley", "Connor", "Dean", "Elliot", "Gavin", "Jordan", "Kyle", "Lewis", "Mark", "Neil", "Oliver",
           "Ryan", "Scott", "Toby", "Usman", "Darren", "Gary", "Lee", "Paul", "Stuart", "Tomasz", "Mihai", "Imran"]
SUR_A = ["Ash", "Brack", "Cold", "Dun", "Fen", "Gall", "Hart", "Kettle", "Lang", "Marl", "Nether", "Oak", "Pen",
         "Quarl", "Ros", "Sal", "Thorn", "Ux", "Wed", "Whit", "Yar", "Brom", "Crad", "Elm", "Hob", "Mott", "Rud",
         "Stan", "Tal", "Wrax"]
SUR_B = ["well", "by", "ford", "ham", "ley", "wick", "ton", "more", "gate", "field", "thorpe", "den", "shaw",
         "combe", "stead", "bury", "holt", "worth", "mere", "dale"]
PC_L = "ABDEFGHJLNPQRSTUWXYZ"


def name_f(rng):
    return rng.choice(GIVEN_F)


def name_m(rng):
    return rng.choice(GIVEN_M)


def surname(rng):
    return rng.choice(SUR_A) + rng.choice(SUR_B)


def postcode(rng, district):
    return "%s %d%s%s" % (district, rng.randint(1, 9), rng.choice(PC_L), rng.choice(PC_L))


def vrm(rng):
    a = "QF" if rng.random() < 0.6 else rng.choice(["QH", "QK", "QW"])
    return "%s%02d%s%s%s" % (a, rng.choice([15, 65, 16, 66, 17, 67, 18, 68, 19, 69, 20, 70, 21, 71, 22, 72, 23, 73, 24, 74]),
                            rng.choice(PC_L), rng.choice(PC_L), rng.choice(PC_L))


# ---------------------------------------------------------------- stations
# code, name, area (W west/city, E east/rural, X hub, C central), RMS accounts, postcode district, resident weight,
# occurrence weight, occurrence mix
STATIONS = [
    ("FWC", "Fenwold Central", "W", "W", "QF1", 0.15, 0.22, "city"),
    ("FWN", "Fenwold North", "W", "W", "QF4", 0.14, 0.14, "city"),
    ("STA", "St Audrey's", "W", "W", "QF2", 0.14, 0.13, "uni"),
    ("SLG", "Saltergate", "W", "WE", "QF9", 0.09, 0.08, "border"),
    ("KTI", "Kettleby Interchange", "X", "WE", "QF11", 0.04, 0.07, "hub"),
    ("HRB", "Harrowby", "E", "E", "QH1", 0.11, 0.11, "rural"),
    ("CDW", "Coldwick", "E", "E", "QH3", 0.08, 0.07, "rural"),
    ("OSF", "Ousefleet", "E", "E", "QH5", 0.08, 0.06, "rural"),
    ("BRF", "Brantham Fen", "E", "E", "QH7", 0.08, 0.06, "rural"),
    ("MDS", "Mardle Staithe", "E", "E", "QH8", 0.07, 0.06, "rural"),
    ("WVP", "Wyvern Park HQ", "C", "WE", "QF20", 0.02, 0.0, "none"),
]
ST = {s[0]: s for s in STATIONS}
ST_CODES = [s[0] for s in STATIONS]
STREET = [s[0] for s in STATIONS if s[6] > 0]
WEST = ["FWC", "FWN", "STA", "SLG", "KTI"]
EAST = ["HRB", "CDW", "OSF", "BRF", "MDS"]
# which RMS an occurrence at the station is recorded on: 0 = Fenwold RMS (west), 1 = Harrowby RMS (east)
ST_SYS = {"FWC": 0, "FWN": 0, "STA": 0, "SLG": 0, "KTI": 0, "HRB": 1, "CDW": 1, "OSF": 1, "BRF": 1, "MDS": 1, "WVP": 0}
SUITE = {"FWC": "FWC", "FWN": "FWC", "STA": "FWC", "SLG": "FWC", "KTI": "FWC",
         "HRB": "HRB", "CDW": "HRB", "OSF": "HRB", "BRF": "HRB", "MDS": "HRB"}
AREA_SAFE = {c: ("FWC" if ST[c][2] in "WX" else "HRB") for c in STREET}

# ---------------------------------------------------------------- units
# (team template, role, group, station, pattern, weight, teams, supervised)
UNITS = [
    ("FWC Response {t}", "response_officer", "resp", "FWC", "4on4off", 5.0, 4, True),
    ("FWN Response {t}", "response_officer", "resp", "FWN", "4on4off", 3.2, 4, True),
    ("STA Response {t}", "response_officer", "resp", "STA", "4on4off", 2.6, 4, True),
    ("SLG Response {t}", "response_officer", "resp", "SLG", "4on4off", 2.0, 4, True),
    ("Roads and Rail Hub {t}", "response_officer", "resp", "KTI", "4on4off", 3.0, 4, True),
    ("Harrowby Rural Response {t}", "response_officer", "resp", "HRB", "4on4off", 2.6, 4, True),
    ("Coldwick Rural Response {t}", "response_officer", "resp", "CDW", "4on4off", 1.6, 4, True),
    ("Ousefleet Rural Response {t}", "response_officer", "resp", "OSF", "4on4off", 1.4, 4, True),
    ("Brantham Rural Response {t}", "response_officer", "resp", "BRF", "4on4off", 1.3, 4, True),
    ("Mardle Rural Response {t}", "response_officer", "resp", "MDS", "4on4off", 1.2, 4, True),
    ("Night-Time Economy Team", "neighbourhood_officer", "nte", "FWC", "nte", 1.6, 1, True),
    ("Student Liaison", "neighbourhood_officer", "sli", "STA", "late", 0.6, 1, False),
    ("Licensing", "police_staff", "lic", "FWC", "office", 0.5, 1, False),
    ("CID West", "detective", "cid", "FWC", "cid", 2.8, 1, True),
    ("CID East", "detective", "cid", "HRB", "cid", 1.7, 1, True),
    ("Regional Major Crime Unit", "detective", "rmcu", "WVP", "cid", 1.8, 1, True),
    ("Regional Serious Organised Crime Unit", "detective", "rsoc", "WVP", "cid", 1.8, 1, True),
    ("Public Protection West", "safeguarding_officer", "ppu", "FWC", "late", 2.2, 1, True),
    ("Public Protection East", "safeguarding_officer", "ppu", "HRB", "late", 1.4, 1, True),
    ("Domestic Abuse Hub", "safeguarding_officer", "ppu", "WVP", "late", 1.2, 1, True),
    ("CRC Watch {t}", "call_handler", "crc", "WVP", "crc", 9.0, 5, True),
    ("Force Control Watch {t}", "dispatcher", "disp", "WVP", "crc", 4.0, 5, True),
    ("Fenwold Custody {t}", "custody_officer", "cust", "FWC", "custody", 2.4, 4, True),
    ("Harrowby Custody {t}", "custody_officer", "cust", "HRB", "custody", 1.4, 4, True),
    ("Force Intelligence Bureau", "intelligence_analyst", "fib", "WVP", "office", 2.0, 1, False),
    ("Regional Intelligence Unit", "intelligence_analyst", "fib", "WVP", "office", 1.0, 1, False),
    ("Data Quality and Merge Team", "police_staff", "dq", "WVP", "office", 1.4, 1, False),
    ("Crime Bureau", "police_staff", "bureau", "WVP", "office", 2.6, 1, False),
    ("Disclosure Unit", "police_staff", "disc", "WVP", "office", 1.6, 1, False),
    ("Front Counter Fenwold", "police_staff", "fc", "FWC", "office", 0.6, 1, False),
    ("Front Counter Harrowby", "police_staff", "fc", "HRB", "office", 0.4, 1, False),
    ("Special Constabulary West", "special_constable", "spec", "FWC", "special", 3.0, 1, False),
    ("Special Constabulary East", "special_constable", "spec", "HRB", "special", 2.0, 1, False),
    ("Counter-Corruption Unit", "ccu_officer", "ccu", "WVP", "office", 0.4, 1, False),
]
# neighbourhood teams and PCSOs at every street station
for _c in STREET:
    UNITS.append(("Neighbourhood " + ST[_c][1], "neighbourhood_officer", "nbh", _c, "nbh", 0.55, 1, True))
    UNITS.append(("Neighbourhood " + ST[_c][1], "pcso", "pcso", _c, "nbh", 0.5, 1, False))
TEAM_LETTERS = ["A", "B", "C", "D", "E"]


class Staff:
    __slots__ = ("i", "sid", "collar", "name", "sex", "role", "team", "group", "st", "pattern", "off", "accts",
                 "start", "end", "endt", "home", "homest", "hh", "lap", "shifts", "sh_start", "roster", "r_start",
                 "r_end", "homedays", "age", "unit")


def _pattern(p, off, d):
    wd = d % 7
    if p == "4on4off":
        c = (d + 2 * off) % 8
        return (7, 12) if c < 2 else ((19, 12) if c < 4 else None)
    if p == "custody":
        c = (d + 2 * off) % 8
        return (6, 12) if c < 2 else ((18, 12) if c < 4 else None)
    if p == "crc":
        c = (d + 2 * off) % 10
        return (7, 10) if c < 2 else ((14, 10) if c < 4 else ((21.5, 10) if c < 6 else None))
    if p == "nbh":
        if (d // 7 + off) % 2 == 0:
            return (7, 8) if wd < 5 else None
        return (14, 8) if 1 <= wd <= 5 else None
    if p == "nte":
        if wd == 2:
            return (18, 8)
        if wd in (3, 4, 5):
            return (20, 8)
        if wd == 1 and (d // 7 + off) % 2 == 0:
            return (10, 8)
        return None
    if p == "cid":
        return (8, 9) if wd < 5 else None
    if p == "late":
        if wd >= 5:
            return None
        return (8, 8) if (d // 7 + off) % 2 == 0 else (12, 8)
    if p == "office":
        return (9, 8) if wd < 5 else None
    return None


OPERATIONAL = ("4on4off", "custody", "crc", "nbh", "nte", "cid", "late")


def build_org(seed, n, days):
    rng = R(seed, "org")
    units = UNITS
    wsum = sum(u[5] for u in units)
    raw = [n * u[5] / wsum for u in units]
    cnt = [int(x) for x in raw]
    rem = sorted(range(len(units)), key=lambda k: (-(raw[k] - cnt[k]), k))
    for k in rem[: n - sum(cnt)]:
        cnt[k] += 1
    for k, u in enumerate(units):  # at least two CCU officers, one of every other unit
        need = 2 if u[2] == "ccu" else 1
        while cnt[k] < need:
            big = max(range(len(units)), key=lambda j: (cnt[j], -j))
            cnt[big] -= 1
            cnt[k] += 1
    staff = []
    for k, u in enumerate(units):
        tmpl, role, group, code, pattern, w, nteams, sup = u
        for t in range(nteams):
            m = cnt[k] // nteams + (1 if t < cnt[k] % nteams else 0)
            nsup = (m + 8) // 9 if sup else 0
            for j in range(m):
                s = Staff()
                s.team = tmpl.format(t=TEAM_LETTERS[t])
                s.role = "supervisor" if j < nsup else role
                s.group = "sup" if j < nsup else group
                s.unit = group
                s.st = code
                s.pattern = pattern
                s.off = t if nteams > 1 else rng.randint(0, 4)
                staff.append(s)
    rng.shuffle(staff)
    ids = list(range(10001, 10001 + 3 * n))
    rng.shuffle(ids)
    ids = sorted(ids[:n])
    for s, num in zip(staff, ids):
        s.sid = "FH%05d" % num
    staff.sort(key=lambda s: s.sid)
    tend = T0 + days * DAY
    for i, s in enumerate(staff):
        s.i = i
        s.sex = "f" if rng.random() < (0.42 if s.role in ("call_handler", "police_staff", "dispatcher", "intelligence_analyst") else 0.33) else "m"
        s.name = (name_f(rng) if s.sex == "f" else name_m(rng)) + " " + surname(rng)
        num = int(s.sid[2:])
        if s.role in ("police_staff", "call_handler", "dispatcher", "intelligence_analyst"):
            s.collar = "" if rng.random() < 0.3 else "S%d" % num
        elif s.role == "special_constable":
            s.collar = "SC%d" % (num % 9000 + 1000)
        elif s.role == "pcso":
            s.collar = "PCSO%d" % (num % 9000)
        else:
            s.collar = str(num % 9000 + 1000)
        svc = rng.uniform(0.3, 30) if s.role != "special_constable" else rng.uniform(0.2, 8)
        s.age = int(min(64, 19 + svc + rng.uniform(0, 12)))
        s.start = T0 - int(svc * 365.25 * DAY)
        s.end = None
        if rng.random() < 0.012:
            s.end = T0 + rng.randint(days // 3, days - 1) * DAY
        s.endt = s.end if s.end else tend + 10 * DAY
        s.accts = ST[s.st][3]
        if s.st in ("FWN",) and rng.random() < 0.15:
            s.accts = "WE"
        area = ST[s.st][2]
        if area in "WX":
            hs = rng.choice(["FWC", "FWN", "STA", "SLG", "SLG", "FWN", "HRB"])
        elif area == "E":
            hs = s.st if rng.random() < 0.6 else rng.choice(EAST)
        else:
            hs = rng.choice(ST_CODES[:-1])
        s.homest = hs
        s.home = "" if rng.random() < 0.1 else postcode(rng, ST[hs][4])
        s.hh = None
        s.lap = None
        if s.group in ("resp", "nbh", "pcso", "nte", "sli", "spec", "sup") and (area == "E" or rng.random() < 0.75):
            s.hh = "HH-%05d" % num
        if s.group in ("cid", "rmcu", "rsoc", "ppu", "fib", "dq", "bureau", "disc", "lic", "ccu", "sup", "sli") or \
                (s.group == "sup" and s.unit != "resp"):
            s.lap = "LAP-%05d" % num
        s.homedays = sorted(rng.sample(range(5), 2)) if s.pattern in ("office", "cid") and s.lap else []
    # historic leavers: still in the staff export, no activity
    leavers = []
    for j in range(max(3, n // 70)):
        s = Staff()
        u = units[rng.randrange(len(units))]
        s.team, s.role, s.group, s.unit, s.st = u[0].format(t="A"), u[1], u[2], u[2], u[3]
        s.sid = "FH%05d" % (ids[-1] + 1 + j * 7 + rng.randint(1, 6))
        s.sex = rng.choice("fm")
        s.name = (name_f(rng) if s.sex == "f" else name_m(rng)) + " " + surname(rng)
        s.collar = str(rng.randint(1000, 9999))
        s.start = T0 - rng.randint(3, 30) * 365 * DAY
        s.end = T0 - rng.randint(20, 700) * DAY
        s.endt = s.end
        s.home = ""
        s.pattern = None
        leavers.append(s)
    return staff, leavers


def build_shifts(seed, staff, days):
    """Actual shifts worked (start, end, mode) and the roster export (start, end, kind).
    mode: 0 at station / on patrol, 1 at home on a force laptop, 2 training, 3 on-call call-out."""
    for s in staff:
        rng = R(seed, "shifts", s.sid)
        act, ros = [], []
        p = s.pattern
        lb = rng.randint(0, max(0, days - 10))
        ll = rng.randint(4, 10) if rng.random() < 0.8 else 0
        ot_rate = 0.035 if p in OPERATIONAL else 0.0
        for d in range(days):
            if lb <= d < lb + ll:
                continue  # annual leave: not in the roster export, not worked
            if p == "special":
                wd = d % 7
                if wd in (4, 5) and rng.random() < 0.55:
                    sh = (19, 7) if rng.random() < 0.5 else (20, 8)
                elif wd == 6 and rng.random() < 0.2:
                    sh = (10, 7)
                elif rng.random() < 0.04:
                    sh = (18, 5)
                else:
                    sh = None
                if sh:
                    a, b = ltime(d, sh[0]), ltime(d, sh[0] + sh[1])
                    act.append((a + rng.randint(-600, 600), b + rng.randint(-300, 1800), 0))
                    if rng.random() < 0.6:
                        ros.append((a, b, "duty"))
                continue
            sh = _pattern(p, s.off, d)
            if sh:
                a, b = ltime(d, sh[0]), ltime(d, sh[0] + sh[1])
                x = rng.random()
                if x < 0.035:
                    ros.append((a, b, "duty"))  # sick: roster not updated
                    continue
                if x < 0.065:
                    ta, tb = ltime(d, 9), ltime(d, 16.5)
                    ros.append((ta, tb, "training"))
                    act.append((ta + rng.randint(-300, 300), tb + rng.randint(-600, 300), 2))
                    continue
                ros.append((a, b, "duty"))
                ea = a - rng.randint(0, 900)
                if p in ("4on4off", "custody", "crc") and rng.random() < 0.22:
                    eb = b + rng.randint(900, 9600)  # late job, roster unchanged
                else:
                    eb = b + rng.randint(-600, 900)
                mode = 1 if (d % 7) in s.homedays else 0
                act.append((ea, eb, mode))
            else:
                if ot_rate and rng.random() < ot_rate:
                    h = rng.choice([8, 10, 18, 19])
                    a, b = ltime(d, h), ltime(d, h + rng.choice([6, 8, 10]))
                    act.append((a - rng.randint(0, 600), b + rng.randint(-600, 1800), 0))
                    if rng.random() < 0.45:
                        ros.append((a, b, "overtime"))
                if p == "cid" and d % 7 == 5 and (d // 7 + s.off) % 6 == 0:
                    a, b = ltime(d, 8), ltime(d + 2, 8)
                    ros.append((a, b, "on_call"))
                    if rng.random() < 0.4:
                        ca = a + rng.randint(2, 40) * HOUR
                        act.append((ca, ca + rng.randint(2, 5) * HOUR, 3))
        if s.end:
            act = [x for x in act if x[0] < s.end]
            ros = [x for x in ros if x[0] < s.end]
        act.sort()
        ros.sort()
        s.shifts = act
        s.sh_start = [x[0] for x in act]
        s.roster = ros
        s.r_start = [x[0] for x in ros]
        s.r_end = [x[1] for x in ros]


def add_shift(s, a, b, mode, roster_kind=None):
    k = bisect.bisect_left(s.sh_start, a)
    s.shifts.insert(k, (a, b, mode))
    s.sh_start.insert(k, a)
    if roster_kind:
        k = bisect.bisect_left(s.r_start, a)
        s.roster.insert(k, (a, b, roster_kind))
        s.r_start.insert(k, a)
        s.r_end.insert(k, b)


def on_roster(s, t, tol=0):
    k = bisect.bisect_right(s.r_start, t + tol) - 1
    while k >= 0 and s.r_start[k] > t - 3 * DAY:
        if s.r_end[k] + tol >= t:
            return True
        k -= 1
    return False


def working(s, t):
    k = bisect.bisect_right(s.sh_start, t) - 1
    while k >= 0 and s.shifts[k][0] > t - DAY:
        if s.shifts[k][1] >= t:
            return s.shifts[k]
        k -= 1
    return None


def shifts_between(s, a, b, modes=(0, 1)):
    k = bisect.bisect_left(s.sh_start, a)
    out = []
    while k < len(s.shifts) and s.shifts[k][0] < b:
        if s.shifts[k][2] in modes:
            out.append(s.shifts[k])
        k += 1
    return out


class DutyIndex:
    """Who is actually working, by (station, group) and hour of the period."""

    def __init__(self, staff, days):
        self.h = (days + 3) * 24
        self.ix = {}
        for s in staff:
            key = (s.st, s.group)
            lst = self.ix.get(key)
            if lst is None:
                lst = self.ix[key] = [[] for _ in range(self.h)]
            for a, b, mode in s.shifts:
                if mode == 2:
                    continue
                h0 = max(0, (a - T0) // HOUR)
                h1 = min(self.h, (b - T0) // HOUR)
                for h in range(h0, h1):
                    lst[h].append(s.i)

    def pick(self, rng, code, group, t):
        lst = self.ix.get((code, group))
        if lst is None:
            return None
        h = (t - T0) // HOUR
        if h < 0 or h >= self.h:
            return None
        c = lst[h]
        return c[rng.randrange(len(c))] if c else None
