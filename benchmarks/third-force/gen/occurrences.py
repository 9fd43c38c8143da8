"""Occurrences: the demand stream of a city (calls, crimes, custody), who was in them and who was assigned."""
import bisect
from . import clock, geography as geo
from .rng import stream, poisson
from .rosters import who

CATS = [  # category, share, hour profile, typical days open (0 = closed same day), share closed
    ("domestic_abuse", 12, "evening", 30, 0.55), ("sexual_offence", 3, "night", 90, 0.25),
    ("stalking_harassment", 3, "day", 45, 0.45), ("assault", 10, "night", 25, 0.6), ("theft", 14, "day", 6, 0.85),
    ("burglary", 5, "day", 12, 0.8), ("criminal_damage", 6, "evening", 8, 0.85), ("public_order", 5, "night", 6, 0.85),
    ("road_traffic", 6, "day", 4, 0.9), ("missing_person", 4, "evening", 2, 0.9),
    ("concern_for_welfare", 8, "evening", 0, 0.97), ("mental_health", 5, "evening", 0, 0.97),
    ("drugs", 4, "night", 20, 0.6), ("fraud", 4, "day", 40, 0.5), ("antisocial_behaviour", 8, "evening", 3, 0.9),
    ("other", 3, "day", 2, 0.9),
]
PROFILE = {
    "day": [1, .6, .4, .3, .3, .5, 1, 2, 3, 4, 4.5, 5, 5, 5, 5, 5, 5, 4.5, 4, 3.5, 3, 2.5, 2, 1.5],
    "evening": [2.5, 2, 1.5, 1, .6, .5, .6, 1, 1.5, 2, 2.5, 3, 3, 3, 3, 3.5, 4, 4.5, 5, 5.5, 5.5, 5, 4, 3],
    "night": [5, 5, 4.5, 3.5, 2, 1, .6, .6, .8, 1, 1.2, 1.5, 1.8, 2, 2, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6],
}
CRIME = {"domestic_abuse", "sexual_offence", "stalking_harassment", "assault", "theft", "burglary",
         "criminal_damage", "public_order", "drugs", "fraud"}
ARREST = {"domestic_abuse": .4, "assault": .3, "sexual_offence": .3, "drugs": .5, "public_order": .4, "theft": .12,
          "burglary": .15, "stalking_harassment": .2, "criminal_damage": .1}
VICTIM_MARK = {"domestic_abuse": "domestic_abuse_victim", "sexual_offence": "sexual_offence_victim",
               "stalking_harassment": "stalking_victim", "missing_person": "missing_person",
               "mental_health": "mental_health"}


class Occurrences:
    def __init__(self):
        self.cat, self.opened, self.closed, self.station, self.borough = [], [], [], [], []
        self.persons = []          # occ -> [(person, role)]
        self.by_person = {}        # person -> [occ]
        self.assign = []           # (occ, staff, role, start, end)
        self.by_staff = {}         # staff -> [assignment index]
        self.by_station = {}       # station -> [occ] in opening order
        self.tags = {}             # occ -> note (hate, hub, ...)
        self.oid = None

    def add(self, cat, opened, closed, station, index=True):
        i = len(self.cat)
        self.cat.append(cat)
        self.opened.append(opened)
        self.closed.append(closed)
        self.station.append(station)
        self.borough.append(geo.STATION_BOROUGH.get(station, "CEN"))
        self.persons.append([])
        if index:
            self.by_station.setdefault(station, []).append(i)
        return i

    def involve(self, o, p, role):
        self.persons[o].append((p, role))
        self.by_person.setdefault(p, []).append(o)

    def assign_staff(self, o, s, role, start, end):
        if end is not None and end <= start:
            end = start + 1800
        self.by_staff.setdefault(s, []).append(len(self.assign))
        self.assign.append((o, s, role, start, end))

    def markers_of(self, p):
        return self.P.markers[p]

    def is_open(self, o, t):
        c = self.closed[o]
        return self.opened[o] <= t and (c is None or c > t)

    def recent_open(self, station, t, rng, k, window_days=21):
        """k occurrences at a station opened in the last window_days and still open at t (briefings)."""
        lst = self.by_station.get(station, [])
        opened = self._opened_sorted(station)
        hi = bisect.bisect_right(opened, t)
        lo = bisect.bisect_left(opened, t - window_days * clock.DAY)
        if hi <= lo:
            return []
        out = []
        for _ in range(k * 2):
            o = lst[rng.randrange(lo, hi)]
            if self.is_open(o, t) and o not in out:
                out.append(o)
                if len(out) >= k:
                    break
        return out

    def _opened_sorted(self, station):
        cache = self.__dict__.setdefault("_sorted", {})
        lst = self.by_station.get(station, [])
        c = cache.get(station)
        if c is None or c[0] != len(lst):
            lst.sort(key=lambda o: self.opened[o])
            c = (len(lst), [self.opened[o] for o in lst])
            cache[station] = c
        return c[1]

    def finalize_ids(self):
        order = sorted(range(len(self.cat)), key=lambda o: (self.opened[o], o))
        self.oid = [None] * len(self.cat)
        counters = {}
        for o in order:
            y = int(clock.iso_z(self.opened[o])[2:4])
            counters[y] = counters.get(y, 0) + 1
            self.oid[o] = "OC%02d-%06d" % (y, counters[y] + (40000 if y == 25 else 70000))


def _hour(rng, profile):
    return rng.choices(range(24), PROFILE[profile])[0] + rng.random()


def _pick(rng, P, band, sex, borough, local=0.85):
    key = ("demo", band, sex, borough if rng.random() < local else "*")
    lst = P.pools.get(key) or P.pools[("demo", band, sex, "*")]
    return rng.choice(lst)


def _people_for(rng, P, cat, borough):
    """Who was in an occurrence of this category: [(person, role)]."""
    out = []
    if cat == "domestic_abuse":
        if rng.random() < 0.3 and P.pools.get("da_repeat"):
            v = rng.choice(P.pools["da_repeat"])
        else:
            v = _pick(rng, P, rng.choice(["young", "adult", "adult"]), "female", borough)
        P.pool("da_repeat").append(v)
        s = P.partner.get(v) or (P.ex.get(v) or [None])[0] or _pick(rng, P, "adult", "male", borough)
        if s == v:
            s = _pick(rng, P, "adult", "male", borough)
        out = [(v, "victim"), (s, "suspect")]
        if rng.random() < 0.6:
            out.append((v, "caller"))
        elif rng.random() < 0.5:
            out.append((_pick(rng, P, "adult", rng.choice(["female", "male"]), borough, 1.0), "caller"))
        for c, rel in P.linked.get(v, [])[:4]:
            if rel == "child" and rng.random() < 0.5:
                out.append((c, "other"))
    elif cat == "sexual_offence":
        v = _pick(rng, P, rng.choice(["young", "young", "child", "adult"]), "female" if rng.random() < 0.88 else "male", borough)
        out = [(v, "victim")]
        if rng.random() < 0.65:
            out.append((_pick(rng, P, rng.choice(["young", "adult"]), "male", borough), "suspect"))
        if rng.random() < 0.3:
            out.append((_pick(rng, P, "young", rng.choice(["female", "male"]), borough), "witness"))
    elif cat == "stalking_harassment":
        v = _pick(rng, P, rng.choice(["young", "adult"]), "female" if rng.random() < 0.8 else "male", borough)
        s = (P.ex.get(v) or [None])[0] or _pick(rng, P, "adult", "male", borough)
        out = [(v, "victim"), (s, "suspect"), (v, "caller")]
    elif cat in ("missing_person",):
        if rng.random() < 0.45:
            v = rng.choice(P.pools["at_risk"])
        else:
            v = _pick(rng, P, rng.choice(["child", "young", "old"]), rng.choice(["female", "male"]), borough)
        out = [(v, "victim")]
        par = [x for x, rel in P.linked.get(v, []) if rel == "child"]
        out.append((par[0] if par else _pick(rng, P, "adult", "female", borough), "caller"))
    elif cat in ("mental_health", "concern_for_welfare"):
        if rng.random() < (0.5 if cat == "mental_health" else 0.3):
            v = rng.choice(P.pools["frequent_callers"])
        else:
            v = _pick(rng, P, rng.choice(["young", "adult", "old"]), rng.choice(["female", "male"]), borough)
        out = [(v, "victim" if cat == "concern_for_welfare" else "other")]
        out.append((v if rng.random() < 0.4 else _pick(rng, P, "adult", rng.choice(["female", "male"]), borough), "caller"))
    elif cat in ("assault", "public_order", "drugs"):
        sx = "male" if rng.random() < 0.75 else "female"
        s = _pick(rng, P, rng.choice(["young", "young", "adult"]), sx, borough, 0.6)
        out = [(s, "suspect")]
        if cat == "assault":
            out.append((_pick(rng, P, rng.choice(["young", "adult"]), rng.choice(["female", "male", "male"]), borough, 0.6), "victim"))
        if rng.random() < 0.35:
            out.append((_pick(rng, P, "young", rng.choice(["female", "male"]), borough, 0.5), "witness"))
        if cat == "drugs" and rng.random() < 0.4:
            out.append((rng.choice(P.pools["prolific"]), "suspect"))
    elif cat in ("theft", "burglary", "criminal_damage", "fraud"):
        v = _pick(rng, P, rng.choice(["young", "adult", "adult", "old"] if cat != "fraud" else ["adult", "old", "old"]),
                  rng.choice(["female", "male"]), borough)
        out = [(v, "victim"), (v, "caller")]
        if rng.random() < 0.35:
            out.append((rng.choice(P.pools["prolific"]), "suspect"))
        if rng.random() < 0.2:
            out.append((_pick(rng, P, "adult", rng.choice(["female", "male"]), borough), "witness"))
    elif cat == "antisocial_behaviour":
        out = [(_pick(rng, P, "adult", rng.choice(["female", "male"]), borough, 1.0), "caller")]
        for _ in range(rng.randint(0, 3)):
            out.append((rng.choice(P.pools[("local_nominals", borough)]), "suspect"))
    elif cat == "road_traffic":
        out = [(_pick(rng, P, rng.choice(["young", "adult", "old"]), rng.choice(["female", "male"]), borough, 0.5), "other")
               for _ in range(rng.randint(1, 3))]
    else:
        out = [(_pick(rng, P, "adult", rng.choice(["female", "male"]), borough), "caller")]
    return out


def build(seed, staff, P, duty, days, n_staff):
    rng = stream(seed, "occurrences")
    O = Occurrences()
    O.P = P
    units = {}
    for s in staff:
        units.setdefault(s.unit, []).append(s.idx)
    period_end = clock.START + days * clock.DAY
    cats = [c[0] for c in CATS]
    weights = [c[1] for c in CATS]
    meta = {c[0]: c for c in CATS}
    # older occurrences still being worked or reviewed: long investigations and closed cases
    for _ in range(int(n_staff * 1.6)):
        cat = rng.choices(["sexual_offence", "domestic_abuse", "stalking_harassment", "fraud", "assault", "missing_person"],
                          [30, 25, 15, 10, 15, 5])[0]
        b = rng.choices(geo.BOROUGH_KEYS, geo.BOROUGH_SHARE)[0]
        opened = clock.START - rng.randint(20, 420) * clock.DAY + rng.randint(0, 86399)
        closed = None
        if rng.random() < 0.7:
            closed = opened + rng.randint(10, 200) * clock.DAY
            if closed >= clock.START + rng.randint(0, days) * clock.DAY:
                closed = None if rng.random() < 0.5 else min(period_end - 1, closed)
        o = O.add(cat, opened, closed, geo.BOROUGH_MAIN[b])
        O.tags[o] = "historic"
        for p, role in _people_for(rng, P, cat, b):
            O.involve(o, p, role)
        unit = {"sexual_offence": "sou", "missing_person": "cet"}.get(cat, "cid")
        pool = [i for i in units.get(unit, []) if staff[i].borough == b] or units.get(unit) or units["cid"]
        oic = rng.choice(pool)
        O.assign_staff(o, oic, "officer_in_case", opened + rng.randint(1, 3) * clock.DAY, closed)
        _mark(P, O, o)
    # the demand of the period, day by day
    per_day = 0.165 * n_staff
    for d in range(days):
        wd = clock.weekday(d)
        n = poisson(rng, per_day * (1.15 if wd in (4, 5) else 1.0))
        for _ in range(n):
            cat = rng.choices(cats, weights)[0]
            _cat, _w, prof, open_days, p_closed = meta[cat]
            b = rng.choices(geo.BOROUGH_KEYS, geo.BOROUGH_SHARE)[0]
            if prof == "night" and rng.random() < 0.35:
                b = "CEN"
            opened = clock.local(d, _hour(rng, prof))
            closed = None
            if rng.random() < p_closed:
                closed = opened + int((rng.expovariate(1.0 / open_days) if open_days else rng.uniform(0.05, 0.6)) * clock.DAY) + 1800
                if closed >= period_end:
                    closed = None
            station = geo.BOROUGH_MAIN[b] if rng.random() < 0.7 else rng.choice(geo.BOROUGH_STATIONS[b])
            hub = b == "CEN" and rng.random() < 0.12 and cat in ("assault", "theft", "public_order", "sexual_offence", "drugs", "other")
            if hub:
                station = geo.TRANSPORT_HUB
            o = O.add(cat, opened, closed, station)
            if hub:
                O.tags[o] = "hub"
            if cat in ("assault", "public_order", "criminal_damage") and rng.random() < 0.06:
                O.tags[o] = "hate"
            for p, role in _people_for(rng, P, cat, b):
                O.involve(o, p, role)
            _mark(P, O, o)
            _assign(rng, O, o, cat, b, opened, closed, staff, duty, units, hub, period_end)
    return O


def _mark(P, O, o):
    cat = O.cat[o]
    for p, role in O.persons[o]:
        if role == "victim" and cat in VICTIM_MARK:
            P.mark(p, VICTIM_MARK[cat])


def _assign(rng, O, o, cat, b, opened, closed, staff, duty, units, hub, period_end):
    H = clock.HOUR
    if rng.random() < 0.92:
        ch = who(duty, "call", "*", opened, rng)
        if ch is not None:
            O.assign_staff(o, ch, "call_handler", opened, opened + rng.randint(4, 25) * 60)
    attenders = []
    if rng.random() < 0.82:
        t = opened + rng.randint(6, 90) * 60
        first = None
        if hub:
            first = who(duty, "transport", "*", t, rng)
        elif b == "CEN" and clock.local_hour(t) >= 20 or clock.local_hour(t) < 5 and b == "CEN":
            if rng.random() < 0.4:
                first = who(duty, "nte", "*", t, rng)
        if first is None and cat in ("mental_health", "concern_for_welfare") and rng.random() < 0.45:
            first = who(duty, "mh_triage", "*", t, rng)
        if first is None and cat in ("antisocial_behaviour", "criminal_damage", "theft") and rng.random() < 0.35:
            first = who(duty, "neighbourhood", b, t, rng) or who(duty, "pcso", b, t, rng)
        if first is None:
            first = who(duty, "response", b, t, rng) or who(duty, "specials", b, t, rng)
        if first is not None:
            attenders.append(first)
            if rng.random() < 0.45:
                second = who(duty, staff[first].unit, staff[first].borough if staff[first].unit in ("response", "neighbourhood", "pcso") else "*", t, rng)
                if second is not None and second != first:
                    attenders.append(second)
        for a in attenders:
            O.assign_staff(o, a, "attending", t, t + rng.randint(40, 240) * 60)
    if cat in CRIME and rng.random() < 0.75:
        t = opened + rng.randint(12, 40) * H
        oic = None
        if O.tags.get(o) == "hate":
            oic = who(duty, "hcu", "*", t, rng, rng.choice(units["hcu"]))
        elif cat == "sexual_offence":
            oic = who(duty, "sou", "*", t, rng, rng.choice(units["sou"]))
        elif cat in ("domestic_abuse", "stalking_harassment") and rng.random() < 0.5 or cat == "fraud":
            oic = who(duty, "cid", b, t, rng) or rng.choice(units["cid"])
        elif attenders and rng.random() < 0.6:
            oic = attenders[0]
            t = opened + rng.randint(3, 20) * H
        elif rng.random() < 0.5:
            oic = who(duty, "cid", b, t, rng)
        if oic is not None:
            if closed is not None and closed <= t:
                t = opened + (closed - opened) // 3
            O.assign_staff(o, oic, "officer_in_case", t, closed)
            if cat == "sexual_offence" and rng.random() < 0.5:
                inv = who(duty, "sou", "*", t + 2 * H, rng)
                if inv is not None and inv != oic:
                    O.assign_staff(o, inv, "investigator", t + 2 * H, closed)
    if cat == "domestic_abuse" and rng.random() < 0.25:
        t = opened + rng.randint(18, 72) * H
        sg = who(duty, "dasu", "*", t, rng)
        if sg is not None:
            O.assign_staff(o, sg, "investigator", t, min(closed or period_end, t + rng.randint(5, 40) * clock.DAY))
    if cat == "missing_person" and any(r == "victim" and "child" in O.markers_of(p) for p, r in O.persons[o]):
        t = opened + rng.randint(10, 30) * H
        cet = who(duty, "cet", "*", t, rng, rng.choice(units["cet"]))
        O.assign_staff(o, cet, "officer_in_case", t, closed)
    if rng.random() < 0.3:
        t = opened + rng.randint(1, 20) * H
        sg = who(duty, "response_sgt", b, t, rng)
        if sg is not None:
            O.assign_staff(o, sg, "supervisor", t, t + rng.randint(1, 4) * H)
    # an arrest: a custody episode at the borough's suite, the detainee as suspect
    suspects = [p for p, r in O.persons[o] if r == "suspect"]
    if suspects and attenders and rng.random() < ARREST.get(cat, 0):
        suite = geo.SUITE_FOR_BOROUGH[b]
        t = opened + rng.randint(30, 300) * 60
        release = t + rng.randint(4, 30) * H
        c = O.add("custody", t, release if release < period_end else None, suite)
        O.tags[c] = ("custody", o)
        O.involve(c, suspects[0], "suspect")
        O.markers_of(suspects[0]).add("custody_detainee")
        sgt = who(duty, "custody", suite, t, rng)
        if sgt is not None:
            O.assign_staff(c, sgt, "supervisor", t, release)
        O.assign_staff(c, attenders[0], "attending", t, t + rng.randint(1, 3) * H)


