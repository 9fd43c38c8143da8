"""Occurrences (history, long-running cases, the period's incidents, custody episodes, recorded stop checks),
who was in them, and who was assigned: call handlers, attending officers, officers in case, supervisors,
analysts' taskings."""
import bisect

from . import clock, places
from .people import band
from .rng import stream, poisson

DAY, H = clock.DAY, clock.HOUR
CATS = ["domestic_abuse", "sexual_offence", "stalking_harassment", "assault", "theft", "burglary",
        "criminal_damage", "public_order", "road_traffic", "missing_person", "concern_for_welfare", "mental_health",
        "drugs", "fraud", "antisocial_behaviour", "other"]
MIX = {
    "port_town":  [10, 2.5, 3, 9, 14, 4, 6, 6, 7, 3, 9, 5, 4, 4, 9, 5],
    "university": [7, 4, 3, 9, 15, 4, 6, 8, 5, 3, 10, 6, 5, 3, 9, 4],
    "resort":     [7, 2.5, 2, 10, 15, 3, 6, 9, 8, 4, 8, 4, 3, 2, 11, 5],
    "rural":      [9, 1.5, 3, 5, 9, 7, 5, 3, 9, 2, 7, 4, 2, 6, 5, 5],
    "island":     [6, 1.2, 2, 3, 5, 2, 4, 3, 9, 2, 7, 3, 1, 2, 4, 5],
    "port":       [1, 0.5, 0.5, 3, 5, 0.5, 1, 3, 7, 1.5, 4, 2, 9, 1, 1, 12],
}
NTE = {"public_order", "assault", "sexual_offence", "drugs"}
DAY_CURVE = [2, 1.5, 1, 0.8, 0.7, 0.8, 1.5, 3, 4.5, 5.5, 6, 6.5, 6.5, 6.5, 6.5, 6.8, 7, 7, 6.8, 6.5, 6, 5, 4, 3]
NIGHT_CURVE = [8, 7, 5, 3, 1.5, 0.7, 0.5, 0.5, 0.7, 1, 1.5, 2, 2.5, 2.5, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8.5, 9]
DURATION = {  # days: (min, max, share that stays open much longer)
    "domestic_abuse": (5, 80), "sexual_offence": (40, 400), "stalking_harassment": (15, 120), "assault": (3, 60),
    "theft": (0.5, 14), "burglary": (4, 45), "criminal_damage": (0.5, 20), "public_order": (0.5, 25),
    "road_traffic": (0.1, 40), "missing_person": (0.05, 3), "concern_for_welfare": (0.03, 1.5),
    "mental_health": (0.03, 1), "drugs": (10, 150), "fraud": (20, 220), "antisocial_behaviour": (1, 40),
    "other": (0.05, 10), "custody": (0.15, 1.3), "stop_check": (0.01, 0.05)}
ATTEND = {"domestic_abuse": 0.95, "sexual_offence": 0.85, "stalking_harassment": 0.6, "assault": 0.85, "theft": 0.5,
          "burglary": 0.8, "criminal_damage": 0.5, "public_order": 0.9, "road_traffic": 0.8, "missing_person": 0.9,
          "concern_for_welfare": 0.85, "mental_health": 0.85, "drugs": 0.7, "fraud": 0.1,
          "antisocial_behaviour": 0.6, "other": 0.5}
ARREST = {"domestic_abuse": 0.45, "assault": 0.3, "public_order": 0.45, "drugs": 0.45, "sexual_offence": 0.3,
          "burglary": 0.15, "theft": 0.12, "criminal_damage": 0.1, "stalking_harassment": 0.2, "road_traffic": 0.08}
NEAREST_TOWN = {"Saltreach": "Saltreach", "Saltreach Harbour": "Saltreach", "Pentowan": "Pentowan",
                "Fenmouth": "Fenmouth", "Morrowby": "Saltreach", "Carrow": "Saltreach"}


class Occurrences:
    def __init__(self):
        self.oid, self.cat, self.opened, self.closed, self.station, self.loc = [], [], [], [], [], []
        self.persons = []       # list of [(person idx, role)]
        self.assign = []        # [occ, staff idx, role, start, end]
        self.by_station = {}    # station -> sorted (opened, occ) for the period's incidents and open history
        self.custody = {}       # suite code -> sorted (opened, occ)
        self.all_sorted = []    # every non-custody occurrence, sorted by opening
        self.seq = {}

    def new(self, prefix, cat, opened, closed, station, loc):
        n = self.seq.get(prefix, 0) + 1
        self.seq[prefix] = n
        i = len(self.oid)
        self.oid.append(f"{prefix}{n:06d}")
        self.cat.append(cat)
        self.opened.append(opened)
        self.closed.append(closed)
        self.station.append(station)
        self.loc.append(loc)
        self.persons.append([])
        return i

    def add_assign(self, staff, occ, sidx, role, start, end):
        if end is not None and end < start + 600:
            end = start + 600
        k = len(self.assign)
        self.assign.append([occ, sidx, role, start, end])
        staff[sidx].assign.append(k)
        return k

    def index(self):
        self.by_station = {}
        self.custody = {}
        for i, (cat, st, op) in enumerate(zip(self.cat, self.station, self.opened)):
            if cat == "custody":
                self.custody.setdefault(places.CODE[st], []).append((op, i))
            else:
                self.by_station.setdefault(st, []).append((op, i))
        for v in list(self.by_station.values()) + list(self.custody.values()):
            v.sort()
        self.all_sorted = sorted(x for v in self.by_station.values() for x in v)
        self.by_cat = {}
        for i, (cat, st, op) in enumerate(zip(self.cat, self.station, self.opened)):
            self.by_cat.setdefault(cat, []).append((op, i))
            self.by_cat.setdefault((cat, st), []).append((op, i))
        for v in self.by_cat.values():
            v.sort()

    def recent(self, station, t, window):
        lst = self.by_station.get(station, []) if station else self.all_sorted
        lo = bisect.bisect_left(lst, (t - window, -1))
        hi = bisect.bisect_left(lst, (t, -1))
        return lst, lo, hi


def _hour(rng, cat, station_kind):
    curve = NIGHT_CURVE if cat in NTE and station_kind in ("university", "resort", "port_town") else DAY_CURVE
    return rng.choices(range(24), curve)[0] + rng.random()


def involve(O, P, rng, occ, cat, area):
    """People in an occurrence by category, with repeat victims, suspects and missing people."""
    add = O.persons[occ].append
    res_area = area if area in places.DISTRICTS and area != "Saltreach Harbour" else "Saltreach"
    if area == "Saltreach Harbour":
        res_area = rng.choice(["visitor", "visitor", "seasonal", "Saltreach"])
    young_area = "student" if area == "Pentowan" and rng.random() < 0.5 else res_area
    if area == "Fenmouth" and rng.random() < 0.3:
        young_area = rng.choice(["visitor", "seasonal"])
    ch = P.choose
    if cat in ("domestic_abuse", "stalking_harassment"):
        v = ch(rng, res_area, "female" if rng.random() < 0.82 else "male", ["young", "adult", "adult", "older"], 0.3)
        add((v, "victim"))
        partners = [b for b, r in P.linked.get(v, []) if r in ("partner", "spouse", "ex_partner")]
        if partners and rng.random() < 0.8:
            add((rng.choice(partners), "suspect"))
        elif rng.random() < 0.7:
            sus = ch(rng, res_area, "male" if P.sex[v] == "female" else "female", ["young", "adult"], 0.3)
            P.link(v, sus, "ex_partner")
            add((sus, "suspect"))
        kids = [b for b, r in P.linked.get(v, []) if r == "parent"]
        if kids and rng.random() < 0.4:
            add((rng.choice(kids), "witness"))
        if rng.random() < 0.3:
            add((ch(rng, res_area, rng.choice(["female", "male"]), ["adult", "older"], 0.0), "caller"))
    elif cat == "sexual_offence":
        v = ch(rng, young_area, "female" if rng.random() < 0.86 else "male", ["young", "young", "child", "adult"], 0.1)
        add((v, "victim"))
        if rng.random() < 0.65:
            add((ch(rng, young_area, "male", ["young", "adult"], 0.15), "suspect"))
        if rng.random() < 0.35:
            add((ch(rng, young_area, rng.choice(["female", "male"]), ["young"], 0.0), "witness"))
    elif cat in ("missing_person", "concern_for_welfare", "mental_health"):
        bands = ["child", "child", "young", "adult"] if cat == "missing_person" else ["young", "adult", "older"]
        sex = "female" if rng.random() < (0.6 if cat == "missing_person" else 0.5) else "male"
        if area == "Pentowan" and rng.random() < 0.4:
            subj = ch(rng, "student", sex, ["young"], 0.2)
        else:
            subj = ch(rng, young_area if cat == "missing_person" else res_area, sex, bands, 0.35)
        add((subj, "other"))
        fam = [b for b, r in P.linked.get(subj, []) if r in ("parent", "child", "spouse", "partner", "household")]
        if fam and rng.random() < 0.8:
            add((rng.choice(fam), "caller"))
        elif rng.random() < 0.5:
            add((ch(rng, res_area, rng.choice(["female", "male"]), ["adult"], 0.0), "caller"))
    elif cat in ("assault", "public_order", "drugs", "criminal_damage", "antisocial_behaviour"):
        bands = ["child", "young", "young"] if cat == "antisocial_behaviour" else ["young", "young", "adult"]
        sus = ch(rng, young_area, "male" if rng.random() < 0.8 else "female", bands, 0.35)
        add((sus, "suspect"))
        if rng.random() < 0.3:
            mates = [b for b, r in P.linked.get(sus, []) if r in ("associate", "friend")]
            if mates:
                add((mates[0], "suspect"))
        if cat != "drugs" and rng.random() < 0.6:
            add((ch(rng, young_area, rng.choice(["female", "male"]), ["young", "adult", "older"], 0.1), "victim"))
        if rng.random() < 0.35:
            add((ch(rng, res_area, rng.choice(["female", "male"]), ["adult", "older", "young"], 0.0), "witness"))
    elif cat in ("theft", "burglary", "fraud"):
        bands = ["older", "older", "adult"] if cat == "fraud" else ["young", "adult", "older"]
        add((ch(rng, res_area, rng.choice(["female", "male"]), bands, 0.05), "victim"))
        if rng.random() < (0.2 if cat == "fraud" else 0.35):
            add((ch(rng, res_area, "male", ["young", "adult"], 0.4), "suspect"))
    elif cat == "road_traffic":
        add((ch(rng, rng.choice([res_area, "visitor"]), rng.choice(["female", "male"]), ["young", "adult", "older"],
                0.05), "other"))
        if rng.random() < 0.5:
            add((ch(rng, rng.choice([res_area, "visitor"]), rng.choice(["female", "male"]), ["adult", "older"], 0.0),
                 "other" if rng.random() < 0.6 else "suspect"))
        if rng.random() < 0.3:
            add((ch(rng, res_area, rng.choice(["female", "male"]), ["adult"], 0.0), "witness"))
    else:
        add((ch(rng, res_area, rng.choice(["female", "male"]), ["young", "adult", "older"], 0.1), "other"))
        if rng.random() < 0.4:
            add((ch(rng, res_area, rng.choice(["female", "male"]), ["adult"], 0.0), "caller"))


def _loc(P, O, occ, rng, area):
    for p, _ in O.persons[occ]:
        if P.pc[p]:
            return places.location_id(P.pc[p], rng.randint(1, 40))
    res = area if area in places.DISTRICTS and area != "Saltreach Harbour" else "Saltreach"
    return places.location_id(places.postcode(rng, res), rng.randint(1, 40))


def build(staff, P, duty, period, seed, n_staff):
    rng = stream(seed, "occurrences")
    O = Occurrences()
    scale = n_staff / 1500
    kinds = {s[0]: s[4] for s in places.STATIONS}
    shares = {s[0]: s[3] for s in places.STATIONS}
    _history(O, P, staff, duty, period, rng, scale, kinds, shares)
    for d in range(period.days):
        t_day = period.day_start(d)
        wd = period.weekday(d)
        dow = {4: 1.15, 5: 1.25, 6: 1.05}.get(wd, 0.92)
        for st, share in shares.items():
            f = {"Pentowan": 1.15 if clock.in_term(t_day) else 0.8, "Fenmouth": clock.tourism(t_day),
                 "Saltreach Harbour": clock.tourism(t_day), "Carrow": 0.7 + 0.3 * clock.tourism(t_day),
                 "Saltreach": 0.9 + 0.1 * clock.tourism(t_day)}.get(st, 1.0)
            for _ in range(poisson(rng, 128 * scale * share * f * dow)):
                mix = list(MIX[kinds[st]])
                if st == "Pentowan" and clock.in_term(t_day):
                    for c, m in (("sexual_offence", 2.2), ("public_order", 1.6), ("concern_for_welfare", 1.4),
                                 ("drugs", 1.4)):
                        mix[CATS.index(c)] *= m
                if st == "Fenmouth" and clock.is_summer(t_day):
                    for c, m in (("public_order", 2), ("assault", 1.6), ("theft", 1.5), ("antisocial_behaviour", 1.7),
                                 ("missing_person", 2.2), ("road_traffic", 1.4), ("sexual_offence", 1.4)):
                        mix[CATS.index(c)] *= m
                cat = rng.choices(CATS, mix)[0]
                opened = period.local_time(d, _hour(rng, cat, kinds[st]))
                incident(O, P, staff, duty, period, rng, st, cat, opened)
    _stop_checks(O, P, staff, period, rng)
    _taskings(O, staff, period, rng)
    O.index()
    return O


def incident(O, P, staff, duty, period, rng, st, cat, opened, victim=None, closed="auto", attend_with=None,
             handler=None, oic_idx="auto", arrest=True):
    """One incident in the period with its people, assignments and any custody episode."""
    lo, hi = DURATION[cat]
    dur = lo + (hi - lo) * rng.random() ** 1.6
    closed_at = opened + int(dur * DAY) if closed == "auto" else closed
    if closed_at is not None and closed_at >= period.t1:
        closed_at = None
    occ = O.new("OC25", cat, opened, closed_at, st, "")
    if victim is not None:
        O.persons[occ].append((victim, "victim" if cat not in ("concern_for_welfare", "missing_person",
                                                                "mental_health") else "other"))
        if cat == "domestic_abuse":
            partners = [b for b, r in P.linked.get(victim, []) if r in ("partner", "spouse", "ex_partner")]
            if partners:
                O.persons[occ].append((partners[0], "suspect"))
    else:
        involve(O, P, rng, occ, cat, st)
    O.loc[occ] = _loc(P, O, occ, rng, st)
    town = NEAREST_TOWN[st]
    # the 999 / 101 call
    if handler is not None:
        O.add_assign(staff, occ, handler, "call_handler", opened, opened + rng.randint(400, 1300))
    elif rng.random() < (0.35 if cat == "fraud" else 0.25 if (st == "Saltreach Harbour" and cat == "other") else 0.82):
        ch = duty.on("ch", opened, rng)
        if ch is not None:
            O.add_assign(staff, occ, ch, "call_handler", opened, opened + rng.randint(180, 1500))
    # attendance
    attenders = []
    if attend_with is not None:
        attenders.append(attend_with)
    elif rng.random() < ATTEND.get(cat, 0.5):
        key = "port" if st == "Saltreach Harbour" else f"resp:{st}"
        if cat == "antisocial_behaviour" and rng.random() < 0.6:
            key = f"neigh:{st}"
        a = duty.on(key, opened, rng)
        if a is None:
            a = duty.on(f"neigh:{st}", opened, rng)
        if a is not None:
            attenders.append(a)
            if rng.random() < (0.55 if cat in ("domestic_abuse", "public_order", "assault", "sexual_offence") else 0.2):
                b = duty.on(key, opened + 600, rng)
                if b is not None and b != a:
                    attenders.append(b)
        if cat in NTE and rng.random() < 0.2:
            sp = duty.on(f"special:{st}", opened, rng)
            if sp is not None and sp not in attenders:
                attenders.append(sp)
    for a in attenders:
        s0 = opened + rng.randint(4, 50) * 60
        O.add_assign(staff, occ, a, "attending", s0, s0 + rng.randint(30, 260) * 60)
    # supervision
    if rng.random() < {"domestic_abuse": 0.5, "sexual_offence": 0.6, "missing_person": 0.6}.get(cat, 0.18):
        key = "sgt:port" if st == "Saltreach Harbour" else f"sgt:{st}"
        sg = duty.on(key, opened, rng)
        if sg is not None:
            s0 = opened + rng.randint(20, 180) * 60
            O.add_assign(staff, occ, sg, "supervisor", s0, s0 + rng.randint(2, 48) * H)
    # the officer in case
    oic = None
    r = rng.random()
    if oic_idx != "auto":
        oic = oic_idx
        if oic is None:
            r = 2.0
    elif cat == "sexual_offence":
        oic = duty.anyone("pp", rng, opened)
    elif cat == "domestic_abuse":
        oic = duty.anyone(f"safe:{town}", rng, opened) if r < 0.45 else duty.anyone("pp", rng, opened) if r < 0.6 else None
    elif cat == "stalking_harassment":
        oic = duty.anyone(f"safe:{town}", rng, opened) if r < 0.5 else None
    elif cat in ("burglary", "fraud", "drugs", "assault"):
        if r < {"burglary": 0.5, "fraud": 0.6, "drugs": 0.3, "assault": 0.25}[cat]:
            oic = duty.anyone(f"det:{town}", rng, opened)
    elif cat == "missing_person" and r < 0.25:
        oic = duty.anyone("missing", rng, opened)
    elif cat == "antisocial_behaviour" and r < 0.6:
        oic = duty.anyone(f"neigh:{st}", rng, opened) if st != "Saltreach Harbour" else None
    if oic is None and r < 2.0 and attenders and cat not in ("concern_for_welfare", "mental_health", "other") \
            and rng.random() < 0.75:
        O.add_assign(staff, occ, attenders[0], "officer_in_case", opened + 3600, closed_at)
    elif oic is not None:
        s0 = duty.next_start(oic, opened + rng.randint(2, 30) * H)
        if closed_at is None or s0 < closed_at:
            O.add_assign(staff, occ, oic, "officer_in_case", s0, closed_at)
            if cat in ("sexual_offence", "domestic_abuse", "burglary") and rng.random() < 0.3:
                inv = duty.anyone(f"det:{town}", rng, opened)
                if inv is not None and inv != oic and (closed_at is None or s0 + DAY < closed_at):
                    O.add_assign(staff, occ, inv, "investigator", s0 + DAY, closed_at)
    # arrest and custody
    suspects = [p for p, role in O.persons[occ] if role == "suspect"]
    if arrest and suspects and rng.random() < ARREST.get(cat, 0.0):
        booked = opened + rng.randint(20, 300) * 60
        if booked < period.t1:
            suite = "Fenmouth" if (st in ("Fenmouth", "Pentowan") and clock.SEASONAL_SUITE[0] <= booked
                                   < clock.SEASONAL_SUITE[1]) else "Saltreach"
            custody_episode(O, P, staff, duty, period, rng, suspects[0], booked, suite, attenders[:1])
    return occ


def custody_episode(O, P, staff, duty, period, rng, person, booked, suite, arresting, released=None):
    code = places.CUSTODY[suite]
    rel = released if released is not None else booked + int((4 + rng.random() ** 1.5 * 30) * H)
    c = O.new(f"CU{code}", "custody", booked, rel if rel < period.t1 else None, suite, "")
    O.persons[c].append((person, "suspect"))
    O.loc[c] = places.location_id("QZ1 1AA" if code == "SAL" else "QZ6 1AA", 1)
    for a in arresting:
        O.add_assign(staff, c, a, "attending", booked, booked + rng.randint(45, 180) * 60)
    if rng.random() < 0.85:
        # the custody officer who authorised detention
        sg = duty.on(f"cso:{suite}", booked, rng)
        if sg is None and suite == "Saltreach":
            sg = duty.on("cso:Fenmouth", booked, rng)
        if sg is not None:
            O.add_assign(staff, c, sg, "supervisor", booked, O.closed[c])
    return c


def _history(O, P, staff, duty, period, rng, scale, kinds, shares):
    """Three years of earlier occurrences: most closed, some still open and carried into the period."""
    n = int(128 * scale * 300)
    stations = list(shares)
    weights = list(shares.values())
    span = 3 * 365 * DAY
    for _ in range(n):
        st = rng.choices(stations, weights)[0]
        cat = rng.choices(CATS, MIX[kinds[st]])[0]
        age = int(span * rng.random() ** 1.7) + 3 * DAY
        opened = period.t0 - age
        lo, hi = DURATION[cat]
        dur = lo + (hi - lo) * rng.random() ** 1.6
        if cat in ("sexual_offence", "fraud", "drugs") and rng.random() < 0.25:
            dur *= 2.5
        closed = opened + int(dur * DAY)
        if closed >= period.t1:
            closed = None
        occ = O.new("OC" + ("24" if opened < clock.ts(2025, 1, 1) else "25") if age < 400 * DAY else "OC23",
                    cat, opened, closed, st, "")
        involve(O, P, rng, occ, cat, st)
        O.loc[occ] = _loc(P, O, occ, rng, st)
        town = NEAREST_TOWN[st]
        if rng.random() < ATTEND.get(cat, 0.5) * 0.8:
            key = "port" if st == "Saltreach Harbour" else f"resp:{st}"
            a = duty.anyone(key, rng)
            if a is not None and staff[a].start < opened:
                O.add_assign(staff, occ, a, "attending", opened + 1200, opened + 1200 + rng.randint(30, 240) * 60)
        oic = None
        if cat == "sexual_offence":
            oic = duty.anyone("pp", rng)
        elif cat in ("domestic_abuse", "stalking_harassment") and rng.random() < 0.5:
            oic = duty.anyone(f"safe:{town}", rng)
        elif cat in ("burglary", "fraud", "drugs") and rng.random() < 0.5:
            oic = duty.anyone(f"det:{town}", rng)
        if oic is not None and staff[oic].start < opened:
            O.add_assign(staff, occ, oic, "officer_in_case", opened + DAY, closed)
        suspects = [p for p, role in O.persons[occ] if role == "suspect"]
        if suspects and rng.random() < ARREST.get(cat, 0.0):
            booked = opened + rng.randint(20, 300) * 60
            c = O.new("CUSAL", "custody", booked, booked + int((4 + rng.random() * 30) * H), "Saltreach", "")
            O.persons[c].append((suspects[0], "suspect"))
            O.loc[c] = places.location_id("QZ1 1AA", 1)


def _stop_checks(O, P, staff, period, rng):
    """Recorded stops: a few of the patrol and port checks are written up as stop-check occurrences."""
    for s in staff:
        if s.arche not in ("response", "port", "special", "neighbourhood"):
            continue
        p = {"port": 0.3, "response": 0.12, "special": 0.15, "neighbourhood": 0.05}[s.arche]
        for a, b, kind, place in s.periods:
            if place == "home" or kind in ("training", "on_call", "extra") or rng.random() >= p:
                continue
            t = a + rng.randint(600, max(601, b - a - 600))
            if s.arche == "port":
                area = rng.choice(["visitor", "visitor", "seasonal", "Saltreach"])
                st = "Saltreach Harbour"
            else:
                area = "student" if s.station == "Pentowan" and rng.random() < 0.4 else (
                    s.station if s.station in places.DISTRICTS else "Saltreach")
                st = s.station
            who = P.choose(rng, area, "male" if rng.random() < 0.78 else "female", ["young", "young", "adult"], 0.3)
            occ = O.new("SC25", "stop_check", t, t + rng.randint(10, 40) * 60, st, "")
            O.persons[occ].append((who, "suspect"))
            O.loc[occ] = places.location_id(P.pc[who] or "QZ3 1HB", rng.randint(1, 40))
            O.add_assign(staff, occ, s.idx, "attending", t, t + 1800)


def _taskings(O, staff, period, rng):
    """Analysts' taskings: problem profiles over a scope of occurrences; not every tasking is written down."""
    by = {}
    for i, (cat, st, op) in enumerate(zip(O.cat, O.station, O.opened)):
        if cat not in ("custody", "stop_check"):
            by.setdefault((st, cat), []).append(i)
    keys = list(by)
    for s in staff:
        if s.arche != "analyst":
            continue
        tasks = []
        for _ in range(rng.randint(1, 3)):
            start = period.t0 + rng.randint(0, max(1, period.days - 10)) * DAY
            end = start + rng.randint(8, 28) * DAY
            cats = rng.sample(CATS, 2)
            sts = rng.sample([s_[0] for s_ in places.STATIONS], 2)
            scope = [i for k in keys if k[0] in sts and k[1] in cats for i in by[k]
                     if start - 120 * DAY <= O.opened[i] < start]
            scope = scope[-rng.randint(12, 45):]
            if not scope:
                continue
            recorded = rng.random() < 0.7
            if recorded:
                for i in scope:
                    O.add_assign(staff, i, s.idx, "analyst", start, end)
            tasks.append((start, end, scope))
        s.habit["tasks"] = tasks
