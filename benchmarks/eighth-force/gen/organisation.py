"""The Varrowmouth & Kell Vale Police: stations, units, and the staff who fill them."""
from .util import rng
from . import names

# code, name, kind, share of calls for service, custody suite code serving it, postcode districts
STATIONS = [
    ("VCN", "Varrowmouth Central", "city", 0.18, "VCN", (1, 2, 3)),
    ("DKS", "Dockside", "city", 0.14, "VCN", (4, 5)),
    ("SLR", "Saltings Road", "city", 0.15, "SLR", (6, 7, 8)),
    ("KWR", "Kingsweir", "city", 0.12, "SLR", (9, 10)),
    ("DRL", "Drellington", "town", 0.10, "SLR", (21, 22)),
    ("SKW", "Skelwick", "town", 0.09, "VCN", (24,)),
    ("QBH", "Quenby Heath", "town", 0.08, "SLR", (26, 27)),
    ("MRB", "Marrowby", "town", 0.08, "VCN", (29,)),
    ("APT", "Varrowmouth Airport", "airport", 0.03, "VCN", (40,)),
    ("JCR", "Tidewater Joint Control", "control", 0.0, None, ()),
    ("KCC", "Kellside Contact Centre", "contact", 0.0, None, ()),
    ("ORH", "Orchard House", "ppu", 0.0, None, ()),
    ("FNH", "Fennick House", "hq", 0.0, None, ()),
    ("LNH", "Lantern Hub", "hub", 0.0, None, ()),
    ("GTH", "Gatehouse", "iom", 0.0, None, ()),
    ("HMP", "HMP Saltmarsh", "prison", 0.0, None, ()),
    ("HRY", "Hollin Ridge YOI", "prison", 0.0, None, ()),
]
ST_CODE = [s[0] for s in STATIONS]
ST_INDEX = {s[0]: i for i, s in enumerate(STATIONS)}
ST_NAME = [s[1] for s in STATIONS]
AREAS = [i for i, s in enumerate(STATIONS) if s[3] > 0]          # stations that own a patch
AREA_SHARE = [STATIONS[i][3] for i in AREAS]

# key: role, stations, teams, share of staff, minimum, shift pattern, exported rosters?, supervisor share,
#      devices (beacon=personal handheld app share, laptop), profile
UNITS = {
    "resp_city": dict(role="response_officer", st=("VCN", "DKS", "SLR", "KWR"), teams="Response {A-E}",
                      share=0.150, min=10, pat="resp5", rostered=True, sup=0.13, beacon=0.85, laptop=0.0,
                      prof="response"),
    "resp_town": dict(role="response_officer", st=("DRL", "SKW", "QBH", "MRB"), teams="Response {A-E}",
                      share=0.075, min=10, pat="resp5", rostered=True, sup=0.13, beacon=0.8, laptop=0.0,
                      prof="response"),
    "apu": dict(role="response_officer", st=("APT",), teams="Airport {1-4}", share=0.035, min=8, pat="apu4",
                rostered=True, sup=0.12, beacon=0.0, laptop=0.0, prof="airport"),
    "nbh": dict(role="neighbourhood_officer", st=("VCN", "DKS", "SLR", "KWR", "DRL", "SKW", "QBH", "MRB"),
                teams="Neighbourhood {st}", share=0.065, min=8, pat="nbh", rostered=True, sup=0.1, beacon=0.9,
                laptop=0.1, prof="neighbourhood"),
    "pcso": dict(role="pcso", st=("VCN", "DKS", "SLR", "KWR", "DRL", "SKW", "QBH", "MRB"),
                 teams="Neighbourhood {st}", share=0.05, min=8, pat="nbh", rostered=True, sup=0.0, beacon=0.9,
                 laptop=0.0, prof="pcso"),
    "specials": dict(role="special_constable", st=("VCN", "DRL"), teams="Specials {st}", share=0.04, min=4,
                     pat="specials", rostered=False, sup=0.0, beacon=0.95, laptop=0.0, prof="specials"),
    "cid": dict(role="detective", st=("VCN", "SLR", "DRL"), teams="CID {st}", share=0.05, min=6, pat="cid",
                rostered=True, sup=0.15, beacon=0.6, laptop=0.7, prof="detective"),
    "daiu": dict(role="detective", st=("ORH",), teams="Domestic Abuse Investigation", share=0.022, min=3,
                 pat="cid", rostered=True, sup=0.15, beacon=0.6, laptop=0.8, prof="detective"),
    "rasso": dict(role="detective", st=("ORH",), teams="Operation Tern", share=0.016, min=3, pat="cid",
                  rostered=True, sup=0.15, beacon=0.5, laptop=0.8, prof="detective"),
    "major": dict(role="detective", st=("FNH",), teams="Major Crime", share=0.012, min=2, pat="cid",
                  rostered=True, sup=0.2, beacon=0.5, laptop=0.9, prof="detective"),
    "mosovo": dict(role="safeguarding_officer", st=("ORH",), teams="Offender Management (MOSOVO)", share=0.018,
                   min=3, pat="days", rostered=True, sup=0.12, beacon=0.7, laptop=0.8, prof="mosovo"),
    "child": dict(role="safeguarding_officer", st=("ORH",), teams="Child Protection", share=0.014, min=2,
                  pat="days", rostered=True, sup=0.12, beacon=0.6, laptop=0.8, prof="childprot"),
    "marac": dict(role="safeguarding_officer", st=("ORH",), teams="DA Safeguarding", share=0.012, min=2,
                  pat="days", rostered=True, sup=0.1, beacon=0.5, laptop=0.8, prof="dasafe"),
    "iom": dict(role="neighbourhood_officer", st=("GTH",), teams="Integrated Offender Management", share=0.012,
                min=2, pat="days", rostered=True, sup=0.1, beacon=0.8, laptop=0.5, prof="iom"),
    "iom_staff": dict(role="police_staff", st=("GTH",), teams="Integrated Offender Management", share=0.004,
                      min=1, pat="days", rostered=True, sup=0.0, beacon=0.0, laptop=0.5, prof="iomstaff"),
    "prison": dict(role="detective", st=("HMP",), teams="Prison Liaison", share=0.0016, min=1, pat="days",
                   rostered=True, sup=0.0, beacon=0.0, laptop=1.0, prof="prison"),
    "yoi": dict(role="police_staff", st=("HRY",), teams="YOI Liaison", share=0.0012, min=1, pat="days",
                rostered=True, sup=0.0, beacon=0.0, laptop=1.0, prof="yoi"),
    "kcc": dict(role="call_handler", st=("KCC",), teams="Contact {A-D}", share=0.085, min=8, pat="ctrl4",
                rostered=True, sup=0.08, beacon=0.0, laptop=0.0, prof="callhandler"),
    "kcc_days": dict(role="call_handler", st=("KCC",), teams="Contact Days", share=0.015, min=2,
                     pat="contact_days", rostered=True, sup=0.0, beacon=0.0, laptop=0.0, prof="callhandler"),
    "jcr": dict(role="dispatcher", st=("JCR",), teams="Control {A-D}", share=0.03, min=4, pat="ctrl4",
                rostered=True, sup=0.1, beacon=0.0, laptop=0.0, prof="dispatcher"),
    "cust_vcn": dict(role="custody_officer", st=("VCN",), teams="Custody Central {A-D}", share=0.022, min=4,
                     pat="ctrl4", rostered=True, sup=0.06, beacon=0.0, laptop=0.0, prof="custody"),
    "cust_slr": dict(role="custody_officer", st=("SLR",), teams="Custody Saltings {A-D}", share=0.016, min=4,
                     pat="ctrl4", rostered=True, sup=0.06, beacon=0.0, laptop=0.0, prof="custody"),
    "fib": dict(role="intelligence_analyst", st=("FNH",), teams="Force Intelligence Bureau", share=0.015, min=2,
                pat="days", rostered=True, sup=0.1, beacon=0.0, laptop=0.9, prof="analyst"),
    "area_intel": dict(role="intelligence_analyst", st=("VCN", "DRL"), teams="Area Intelligence {st}",
                       share=0.008, min=2, pat="days", rostered=True, sup=0.0, beacon=0.0, laptop=0.7,
                       prof="analyst"),
    "dq": dict(role="police_staff", st=("FNH",), teams="Data Quality", share=0.008, min=2, pat="days",
               rostered=True, sup=0.0, beacon=0.0, laptop=0.8, prof="dataquality"),
    "cju": dict(role="police_staff", st=("FNH",), teams="Criminal Justice Unit", share=0.02, min=2, pat="days",
                rostered=True, sup=0.08, beacon=0.0, laptop=0.5, prof="cju"),
    "disclosure": dict(role="police_staff", st=("FNH",), teams="Records and Disclosure", share=0.012, min=1,
                       pat="days", rostered=True, sup=0.0, beacon=0.0, laptop=0.5, prof="disclosure"),
    "lantern": dict(role="police_staff", st=("LNH",), teams="Lantern Victim Hub", share=0.012, min=2, pat="hub",
                    rostered=False, sup=0.0, beacon=0.0, laptop=0.0, prof="lantern"),
    "counter": dict(role="police_staff", st=("VCN", "SLR", "DRL"), teams="Front Counter {st}", share=0.014,
                    min=2, pat="days6", rostered=True, sup=0.0, beacon=0.0, laptop=0.0, prof="counter"),
    "apu_staff": dict(role="police_staff", st=("APT",), teams="Airport Support", share=0.005, min=1, pat="days",
                      rostered=True, sup=0.0, beacon=0.0, laptop=0.3, prof="aptstaff"),
    "corporate": dict(role="police_staff", st=("FNH",), teams="Corporate Services", share=0.04, min=2,
                      pat="days", rostered=True, sup=0.0, beacon=0.0, laptop=0.6, prof="corporate"),
    "apu_secondment": dict(role="response_officer", st=("APT",), teams="Airport {1-4}", share=0.0, min=0,
                           pat="apu4", rostered=False, sup=0.0, beacon=0.85, laptop=0.0, prof="airport"),
    "ccu": dict(role="ccu_officer", st=("FNH",), teams="Counter Corruption Unit", share=0.005, min=2, pat="days",
                rostered=True, sup=0.0, beacon=0.3, laptop=1.0, prof="ccu"),
}
UNIT_KEYS = list(UNITS)


def team_names(unit, st):
    spec = UNITS[unit]["teams"]
    if "{A-E}" in spec:
        return [spec.replace("{A-E}", c) for c in "ABCDE"]
    if "{A-D}" in spec:
        return [spec.replace("{A-D}", c) for c in "ABCD"]
    if "{1-4}" in spec:
        return [spec.replace("{1-4}", c) for c in "1234"]
    return [spec.replace("{st}", ST_NAME[ST_INDEX[st]])]


class Staff:
    __slots__ = ("idx", "sid", "collar", "name", "female", "start_day", "end_day", "hire_date", "leave_date",
                 "segs", "postcode", "beacon", "laptop", "desks", "grade", "role", "unit", "team", "station",
                 "team_no", "sup", "windows", "wstarts", "wday", "oncall", "rostered_any", "cast", "home_area", "declared")

    def seg_at(self, day):
        """(unit, station index, team name, team number, role, supervisor?) in force on a day."""
        cur = self.segs[0]
        for s in self.segs:
            if s[0] <= day:
                cur = s
        return cur


def allocate(n_staff):
    counts = {}
    for k, u in UNITS.items():
        counts[k] = max(u["min"], int(round(n_staff * u["share"])))
    total = sum(counts.values())
    counts["resp_city"] += n_staff - total
    if counts["resp_city"] < UNITS["resp_city"]["min"]:
        raise SystemExit("too few staff for this force's structure (need at least 300)")
    return counts


def build_staff(seed, n_staff, days, warm):
    """Staff with their unit segments (movers, secondees), service dates, devices and homes."""
    r = rng(seed, "staff")
    counts = allocate(n_staff)
    staff = []
    used_names = {}
    desk_pools = {}
    for code in ST_CODE:
        desk_pools[code] = 0
    for unit in UNIT_KEYS:
        u = UNITS[unit]
        n = counts[unit]
        slots = []
        for st in u["st"]:
            for tno, tname in enumerate(team_names(unit, st)):
                slots.append((ST_INDEX[st], tname, tno))
        # city stations get more staff than towns in multi-station units
        for i in range(n):
            st_i, tname, tno = slots[i % len(slots)] if len(slots) <= n else slots[r.randrange(len(slots))]
            s = Staff()
            s.idx = len(staff)
            s.female = r.random() < (0.62 if u["role"] in ("call_handler", "police_staff", "pcso") else 0.36)
            s.sup = r.random() < u["sup"]
            s.unit = unit
            s.role = "supervisor" if s.sup else u["role"]
            s.station = st_i
            s.team = tname
            s.team_no = tno
            s.segs = [(-10 ** 6, unit, st_i, tname, tno, s.role)]
            staff.append(s)
    # identifiers, names, service dates
    order = list(range(len(staff)))
    r.shuffle(order)
    for k, i in enumerate(order):
        s = staff[i]
        s.sid = f"E{204000 + k * 7 + r.randrange(7):06d}"
        while True:
            given = r.choice(names.FEMALE if s.female else names.MALE)
            fam = r.choice(names.SURNAMES)
            nm = f"{given} {fam}"
            if nm not in used_names:
                used_names[nm] = 1
                break
        s.name = nm
        officer = s.role not in ("call_handler", "dispatcher", "police_staff", "intelligence_analyst") and \
            UNITS[s.unit]["role"] not in ("call_handler", "dispatcher", "police_staff", "intelligence_analyst")
        if UNITS[s.unit]["role"] == "special_constable":
            s.collar = f"SC{300 + k % 700}"
        elif officer:
            s.collar = str(1000 + k)
        else:
            s.collar = ""
        years = r.choice((0, 1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 26))
        s.hire_date = -(years * 365 + r.randrange(365)) - warm - 30
        s.leave_date = None
        s.start_day = s.hire_date
        s.end_day = None
        s.grade = _grade(s)
        s.cast = None
        s.declared = []
        s.home_area = r.choice(AREAS)
        s.postcode = ""
        if officer or r.random() < 0.55:
            dist = r.choice(STATIONS[s.home_area][5])
            s.postcode = f"QV{dist} {r.randrange(1, 10)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    # turnover: joiners and leavers during the period (not in small specialist units)
    for s in staff:
        if s.unit in ("prison", "yoi", "ccu"):
            continue
        x = r.random()
        if x < 0.015:
            s.hire_date = r.randrange(3, days - 10)
            s.start_day = s.hire_date
        elif x < 0.035:
            s.leave_date = r.randrange(5, days - 3)
            s.end_day = s.leave_date
    # movers: change unit part-way through (staff.csv shows the new team)
    movable = [s for s in staff if s.leave_date is None and s.hire_date < 0 and not s.sup]
    r.shuffle(movable)
    n_move = max(2, int(len(staff) * 0.025))
    moves = [("resp_city", "cid"), ("resp_town", "nbh"), ("resp_city", "resp_city"), ("kcc", "jcr"),
             ("nbh", "iom"), ("resp_city", "daiu"), ("pcso", "resp_town"), ("cju", "disclosure")]
    done = 0
    for s in movable:
        if done >= n_move:
            break
        for a, b in moves:
            if s.unit == a:
                day = r.randrange(max(1, days // 5), days - 5)
                u = UNITS[b]
                st = r.choice(u["st"])
                tlist = team_names(b, st)
                tno = r.randrange(len(tlist))
                if b == a and tlist[tno] == s.team:
                    tno = (tno + 1) % len(tlist)
                s.segs.append((day, b, ST_INDEX[st], tlist[tno], tno, u["role"]))
                s.unit, s.station, s.team, s.team_no, s.role = b, ST_INDEX[st], tlist[tno], tno, u["role"]
                done += 1
                break
    # secondees: response officers helping the airport for some weeks (airport spreadsheet, no roster rows)
    resp = [s for s in staff if s.unit in ("resp_city", "resp_town") and len(s.segs) == 1
            and s.leave_date is None and s.hire_date < 0 and not s.sup]
    r.shuffle(resp)
    for s in resp[:max(1, len(staff) // 150)]:
        a = r.randrange(days // 6, days // 2)
        b = min(days - 1, a + r.randrange(21, 50))
        seg0 = s.segs[0]
        s.segs.append((a, "apu_secondment", ST_INDEX["APT"], "Airport 2", 1, "response_officer"))
        s.segs.append((b, seg0[1], seg0[2], seg0[3], seg0[4], seg0[5]))
    # devices
    for s in staff:
        u = UNITS[s.unit]
        firstu = UNITS[s.segs[0][1]]
        s.beacon = f"BCN-{r.getrandbits(32):08X}" if r.random() < max(firstu["beacon"], u["beacon"]) else None
        s.laptop = f"LT-{r.randrange(10000, 99999)}" if r.random() < max(firstu["laptop"], u["laptop"]) else None
        s.oncall = []
    return staff, counts


def _grade(s):
    role = s.role
    if role == "supervisor":
        return "Sergeant" if UNITS[s.unit]["role"] not in ("police_staff", "call_handler", "dispatcher",
                                                         "intelligence_analyst") else "Team Leader"
    return {"response_officer": "Constable", "neighbourhood_officer": "Constable", "detective": "DC",
            "safeguarding_officer": "DC", "pcso": "PCSO", "special_constable": "Special",
            "call_handler": "Staff C", "dispatcher": "Staff D", "custody_officer": "Sergeant",
            "intelligence_analyst": "Staff E", "police_staff": "Staff B", "ccu_officer": "DS"}.get(role, "Staff")


def desk_pool(staff):
    """Hot desks per station; each member of staff favours a few."""
    per = {}
    for s in staff:
        for seg in s.segs:
            per[seg[2]] = per.get(seg[2], 0) + 1
    return {st: max(6, int(n * 0.55)) for st, n in per.items()}
