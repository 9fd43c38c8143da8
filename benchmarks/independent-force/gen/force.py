"""Staff, teams, stations, devices, shift patterns, rosters and the on-duty index."""
from . import clock, names
from .world import Staff

DAY, HOUR = clock.DAY, clock.HOUR

ROLE_MIX = [("response_officer", .29), ("neighbourhood_officer", .10), ("detective", .12),
            ("safeguarding_officer", .05), ("call_handler", .08), ("dispatcher", .04),
            ("custody_officer", .04), ("intelligence_analyst", .03), ("supervisor", .09), ("pcso", .06),
            ("special_constable", .04), ("police_staff", .055), ("ccu_officer", .005)]

STATION_NAMES = [s[0] for s in names.STATIONS]
STATION_CODE = {s[0]: s[1] for s in names.STATIONS}
STATION_CODE[names.HQ[0]] = names.HQ[1]
STATION_W = [1.6 if s[3] == "hub" else 1.0 for s in names.STATIONS]
DET_TEAMS = [("CID North", "Ashwick"), ("CID Central", "Corrowby"), ("CID South", "Harlow Mead"),
             ("Public Protection Unit", "Corrowby"), ("Major Crime", names.HQ[0])]
SG_TEAMS = [("MASH", names.HQ[0]), ("Safeguarding Hub North", "Corrowby"), ("Safeguarding Hub South", "Harlow Mead")]
PS_TEAMS = [("Records Management", names.HQ[0]), ("Data Quality", names.HQ[0]), ("Disclosure Unit", "Corrowby")]


def _group(role, team):
    if role in ("response_officer", "special_constable"):
        return "resp"
    if role in ("neighbourhood_officer", "pcso"):
        return "nbh"
    if role == "call_handler":
        return "ch"
    if role == "dispatcher":
        return "disp"
    if role == "custody_officer":
        return "cust"
    if role == "detective":
        return "ppu" if team == "Public Protection Unit" else "det"
    if role == "safeguarding_officer":
        return "sg"
    if role == "supervisor":
        return "sup"
    return role


def build_staff(W):
    rng = W.rng
    n = W.n_staff
    roles = []
    for r, f in ROLE_MIX:
        roles += [r] * int(round(n * f))
    while len(roles) < n:
        roles.append("response_officer")
    roles = roles[:n]
    rng.shuffle(roles)
    desk_n = {}
    vehicle_n = {}
    for i, role in enumerate(roles):
        st = Staff("WM%05d" % (20000 + i * 3 + rng.randrange(3)))
        st.role = role
        st.name = " ".join(reversed(names.person_name(rng, rng.choice(("female", "male")))))
        letter = "ABCDE"[rng.randrange(5)]
        station = rng.choices(STATION_NAMES, STATION_W)[0]
        if role in ("response_officer",):
            team, pat = "%s Relief %s" % (station, letter), "relief"
        elif role in ("neighbourhood_officer", "pcso"):
            team, pat = "%s Neighbourhood" % station, "nbh"
        elif role == "special_constable":
            team, pat = "%s Specials" % station, "special"
        elif role in ("call_handler", "dispatcher"):
            letter = "ABCD"[rng.randrange(4)]
            team, pat, station = "Control %s" % letter, "control", names.HQ[0]
        elif role == "custody_officer":
            letter = "ABCD"[rng.randrange(4)]
            station = rng.choice(("Corrowby", "Harlow Mead"))
            team, pat = "%s Custody %s" % (station, letter), "control"
        elif role == "detective":
            team, station = rng.choices(DET_TEAMS, (3, 3, 3, 3, 1.5))[0]
            pat = "office"
        elif role == "safeguarding_officer":
            team, station = rng.choice(SG_TEAMS)
            pat = "office"
        elif role == "intelligence_analyst":
            team, station, pat = rng.choice(("Intelligence Hub", "Intelligence Hub", "Force Analysis Unit")), names.HQ[0], "office"
        elif role == "police_staff":
            if rng.random() < .25:
                team, pat = "%s Enquiry Office" % station, "office"
            else:
                team, station = rng.choice(PS_TEAMS)
                pat = "office"
        elif role == "ccu_officer":
            team, station, pat = "Counter Corruption Unit", names.HQ[0], "office"
        else:  # supervisor
            x = rng.random()
            if x < .55:
                team, pat = "%s Relief %s" % (station, letter), "relief"
            elif x < .65:
                letter = "ABCD"[rng.randrange(4)]
                team, pat, station = "Control %s" % letter, "control", names.HQ[0]
            elif x < .72:
                letter = "ABCD"[rng.randrange(4)]
                station = rng.choice(("Corrowby", "Harlow Mead"))
                team, pat = "%s Custody %s" % (station, letter), "control"
            elif x < .85:
                team, pat = "%s Neighbourhood" % station, "nbh"
            else:
                team, station = rng.choice(DET_TEAMS[:4])
                pat = "office"
        st.team, st.station, st.pat = team, station, pat
        st.offset = "ABCDE".index(team[-1]) if pat in ("relief", "control") else rng.randrange(10)
        st.group = _group(role, team)
        if role == "supervisor":
            st.group = "sup"
        officer = role not in ("call_handler", "dispatcher", "intelligence_analyst", "police_staff", "pcso")
        if officer and role != "special_constable":
            st.collar = str(rng.randrange(1000, 9999)) if role != "supervisor" else "%d" % rng.randrange(100, 999)
        elif role == "special_constable":
            st.collar = "SC%d" % rng.randrange(100, 999)
        elif role == "pcso":
            st.collar = "P%d" % rng.randrange(5000, 5999)
        else:
            st.collar = "" if rng.random() < .6 else "S%05d" % rng.randrange(10000, 99999)
        yrs = rng.choice((0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 26))
        st.start = W.t0 - yrs * 365 * DAY - rng.randrange(365) * DAY - rng.randrange(1, 30) * DAY
        st.end = None
        x = rng.random()
        if x < .012:
            st.start = W.t0 + rng.randrange(10, W.days - 20) * DAY
        elif x < .025:
            st.end = W.t0 + rng.randrange(20, W.days - 5) * DAY
        # home postcode: mostly inside the force area, often near the station
        if rng.random() < .12:
            st.home_pc = "" if rng.random() < .4 else names.postcode(rng, rng.choice(names.OUT_OF_AREA))
            st.home_area = None
        else:
            ai = rng.randrange(len(names.STATIONS)) if rng.random() < .5 else (
                STATION_NAMES.index(station) if station in STATION_NAMES else rng.randrange(len(names.STATIONS)))
            st.home_area = ai
            st.home_pc = names.postcode(rng, rng.choice(names.STATIONS[ai][2]))
        st.area = STATION_NAMES.index(station) if station in STATION_NAMES else None
        # devices
        code = STATION_CODE[station]
        if role in ("call_handler", "dispatcher"):
            st.desks = ["CTRL-P%02d" % rng.randrange(1, 49) for _ in range(3)]
        elif role == "custody_officer":
            st.desks = ["%s-CUS-%02d" % (code, rng.randrange(1, 13)) for _ in range(3)]
        else:
            k = desk_n.setdefault(station, 0)
            st.desks = ["%s-WS%03d" % (code, (k + j * 7) % 260 + 1) for j in range(2 + rng.randrange(2))]
            desk_n[station] = k + 3
        if st.group in ("resp", "nbh", "sup") and station in STATION_NAMES:
            vehicle_n.setdefault(station, 0)
            st.vehicles = ["%s-V%02d" % (code, rng.randrange(1, 31)) for _ in range(4)]
        if role not in ("call_handler", "dispatcher", "police_staff") or rng.random() < .2:
            st.mobile = "HH%06d" % rng.randrange(100000, 999999)
        if role in ("detective", "intelligence_analyst", "police_staff", "safeguarding_officer", "ccu_officer", "supervisor") and rng.random() < .7:
            st.laptop = "LT%05d" % rng.randrange(10000, 99999)
        st.restdays = rng.choice(((5, 6), (5, 6), (5, 6), (6, 0), (4, 5)))
        W.staff.append(st)
        W.staff_by_id[st.sid] = st


def _add(W, st, s, e, kind, rostered=True, worked=True, rs=None, re_=None):
    if worked:
        st.shifts.append((s, e, kind))
    if rostered:
        W.roster_rows.append((st.sid, rs if rs is not None else s, re_ if re_ is not None else e, kind))


def _day_shift(W, st, d):
    """(local start hour, length hours) of the rostered duty on day d, or None for a rest day."""
    rng = W.rng
    wd = clock.weekday(W.t0, d)
    if st.pat == "relief":
        p = (d + 2 * st.offset) % 10
        return [(7, 10), (7, 10), (14, 10), (14, 10), (22, 10), (22, 10), None, None, None, None][p]
    if st.pat == "control":
        p = (d + 2 * st.offset) % 8
        return [(7, 12), (7, 12), (19, 12), (19, 12), None, None, None, None][p]
    if st.pat == "nbh":
        if wd in st.restdays:
            return None
        week = d // 7 + st.offset
        return (8, 8) if week % 2 == 0 else (14, 8)
    if st.pat == "office":
        if wd >= 5:
            return None
        return (7.5 + rng.randrange(5) * .5, 8.5)
    if st.pat == "special":
        if rng.random() < (.45 if wd >= 4 else .12):
            return (18, 8) if wd < 5 else (20, 8)
        return None
    return None


def build_shifts(W):
    rng = W.rng
    for st in W.staff:
        first = max(0, (st.start - W.t0) // DAY)
        last = W.days if st.end is None else min(W.days, (st.end - W.t0) // DAY)
        oncall_weeks = set()
        if st.role == "detective":
            oncall_weeks = {w for w in range(W.days // 7 + 1) if (w + st.offset) % 8 == 0}
        for d in range(first - 1, last):
            lm = clock.local_midnight(W.t0, d)
            sh = _day_shift(W, st, d)
            if sh is None:
                if st.pat in ("relief", "control", "nbh") and st.role != "special_constable" and rng.random() < .06:
                    h = rng.choice((7, 8, 14, 18, 20))
                    s = int(lm + h * HOUR)
                    e = s + rng.choice((8, 9, 10)) * HOUR
                    _add(W, st, s, e, "overtime", rostered=rng.random() >= .15)
                if st.role == "detective" and d // 7 in oncall_weeks:
                    s = int(lm + 18 * HOUR)
                    _add(W, st, s, s + 14 * HOUR, "on_call", worked=rng.random() < .3)
                continue
            h, length = sh
            s = int(lm + h * HOUR)
            e = int(s + length * HOUR)
            x = rng.random()
            if x < .035:          # leave: not rostered as duty, not worked
                continue
            if st.pat != "special" and x < .055 and st.pat in ("relief", "nbh", "office"):
                _add(W, st, int(lm + 9 * HOUR), int(lm + 17 * HOUR), "training")
                continue
            overrun = 0
            if st.pat in ("relief", "control", "nbh") and rng.random() < .25:
                overrun = rng.randrange(10, 150) * 60
            _add(W, st, s, e + overrun, "duty", rostered=rng.random() >= .03, rs=s, re_=e)
            if st.role == "detective" and d // 7 in oncall_weeks and rng.random() < .3:
                _add(W, st, e, e + 12 * HOUR, "on_call", worked=rng.random() < .3)
        st.finalise()


def build_duty_index(W):
    duty = W.duty
    for st in W.staff:
        if st.group in ("resp", "nbh", "ch", "disp", "cust", "sup", "det", "ppu", "sg", "intelligence_analyst"):
            g = st.group
            for s, e, kind in st.shifts:
                if kind == "training":
                    continue
                h0 = max(0, (s - W.t0) // HOUR)
                h1 = min(W.days * 24, (e - W.t0) // HOUR)
                for h in range(h0, h1):
                    duty.setdefault((g, st.station, h), []).append(st)
                    if g == "sup":
                        duty.setdefault(("sup_" + st.pat, st.station, h), []).append(st)
                    if g in ("det", "ppu"):
                        duty.setdefault(("anydet", None, h), []).append(st)
                    duty.setdefault((g, None, h), []).append(st)


def build_static(W):
    W.static = {}
    for st in W.staff:
        W.static.setdefault((st.group, st.station), []).append(st)
        W.static.setdefault((st.group, None), []).append(st)
        if st.group == "sup":
            W.static.setdefault(("sup_" + st.pat, st.station), []).append(st)


def build(W):
    build_staff(W)
    build_static(W)
    build_shifts(W)
    build_duty_index(W)
