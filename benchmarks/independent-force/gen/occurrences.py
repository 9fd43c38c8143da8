"""Occurrences, the people in them, custody episodes and staff assignments."""
from . import clock, names
from .people import new_person, _age
from .world import Occurrence

DAY, HOUR, MIN = clock.DAY, clock.HOUR, clock.MIN
STATIONS = [s[0] for s in names.STATIONS]
CAT_W = [("domestic_abuse", 14), ("sexual_offence", 3), ("stalking_harassment", 4), ("assault", 10),
         ("theft", 16), ("burglary", 6), ("criminal_damage", 8), ("public_order", 5), ("road_traffic", 6),
         ("missing_person", 4), ("concern_for_welfare", 8), ("mental_health", 5), ("drugs", 4), ("fraud", 4),
         ("antisocial_behaviour", 9), ("stop_check", 6), ("other", 5)]
HOUR_W = [2, 1.5, 1.2, 1, .8, .7, .8, 1.2, 2, 2.5, 2.8, 3, 3, 3, 3.2, 3.4, 3.6, 3.8, 4, 4, 3.8, 3.4, 3, 2.5]
# (median days open, share still open at export)
DURATION = {"domestic_abuse": (21, .15), "sexual_offence": (90, .45), "stalking_harassment": (30, .2),
            "assault": (20, .12), "theft": (6, .05), "burglary": (14, .08), "criminal_damage": (7, .05),
            "public_order": (10, .05), "road_traffic": (12, .1), "missing_person": (1.5, .03),
            "concern_for_welfare": (.3, .01), "mental_health": (.5, .01), "drugs": (30, .25), "fraud": (40, .3),
            "antisocial_behaviour": (14, .1), "stop_check": (.05, 0), "other": (5, .05)}
CID = {"Ashwick": "Ashwick", "Brindle Cross": "Ashwick", "Dunmere": "Ashwick", "Corrowby": "Corrowby",
       "Eastfold": "Corrowby", "Harlow Mead": "Harlow Mead", "Fenwick Bay": "Harlow Mead", "Kestle": "Harlow Mead"}
ARREST = {"domestic_abuse": .5, "sexual_offence": .35, "stalking_harassment": .25, "assault": .35, "theft": .15,
          "burglary": .25, "criminal_damage": .15, "public_order": .45, "drugs": .55}


def pick(W, group, station, t, exclude=()):
    rng = W.rng
    if W.t0 <= t < W.t_end:
        pool = [s for s in W.on_duty(group, station, t) if s not in exclude]
        if pool:
            return pool[rng.randrange(len(pool))]
    pool = [s for s in W.static.get((group, station), ())
            if s not in exclude and s.start <= t and (s.end is None or s.end > t)]
    return pool[rng.randrange(len(pool))] if pool else None


def add_person(occ, p, role):
    occ.persons.append((p, role))
    if p.occs is None:
        p.occs = []
    p.occs.append((occ, role))


def _partner_of(W, p):
    for q, rel in W.linked(p):
        if rel in ("partner", "spouse", "ex_partner"):
            return q, rel
    return None, None


def fill_persons(W, occ, area):
    rng = W.rng
    pool = W.pool
    c = occ.cat
    if rng.random() < .15:
        area2 = rng.randrange(len(STATIONS))
    else:
        area2 = area
    def P(kind="adult"):
        pl = pool[(kind, area2)]
        return pl.pick(rng) if len(pl) else pool[("adult", area2)].pick(rng)
    if c == "domestic_abuse" or c == "stalking_harassment":
        v = P("rv") if rng.random() < (.35 if c == "domestic_abuse" else .15) else (P("adult_f") if rng.random() < .82 else P())
        s, rel = _partner_of(W, v)
        if s is None or rng.random() < .3:
            s = P("prolific") if rng.random() < .2 else new_person(W, area2, "male" if v.sex == "female" else "female", 18, 55)
            W.link(v, s, "ex_partner")
        add_person(occ, v, "victim")
        v.markers.add("domestic_abuse_victim" if c == "domestic_abuse" else "stalking_victim")
        add_person(occ, s, "suspect")
        for q, rel in W.linked(v):
            if rel == "parent" and q.byear and _age(q) < 18 and rng.random() < .5:
                add_person(occ, q, "other")
        if rng.random() < .4:
            add_person(occ, P("all"), "caller")
    elif c == "sexual_offence":
        v = P("young") if rng.random() < .35 else P("adult_f")
        add_person(occ, v, "victim")
        v.markers.add("sexual_offence_victim")
        if rng.random() < .7:
            add_person(occ, P("prolific") if rng.random() < .2 else new_person(W, area2, "male", 16, 60), "suspect")
        if rng.random() < .3:
            add_person(occ, P(), "witness")
    elif c in ("missing_person", "concern_for_welfare", "mental_health"):
        if c == "missing_person":
            subj = P("vuln") if rng.random() < .5 else P("young")
            subj.markers.add("missing_person")
        else:
            subj = P("vuln") if rng.random() < .55 else P("adult")
            subj.markers.add("mental_health" if c == "mental_health" or rng.random() < .3 else "vulnerable_adult")
        add_person(occ, subj, "other")
        fam = [q for q, rel in W.linked(subj) if rel in ("parent", "household", "partner", "spouse", "sibling")]
        add_person(occ, fam[0] if fam and rng.random() < .6 else P("all"), "caller")
    elif c in ("theft", "burglary", "criminal_damage", "fraud"):
        if rng.random() < (.35 if c == "theft" else .1):
            pass  # a business as the victim: no person record
        else:
            v = P("old") if c == "fraud" and rng.random() < .5 else P()
            add_person(occ, v, "victim")
            if c == "fraud" and _age(v) > 70 and rng.random() < .4:
                v.markers.add("vulnerable_adult")
        if rng.random() < {"theft": .35, "burglary": .2, "criminal_damage": .4, "fraud": .3}[c]:
            add_person(occ, P("prolific") if rng.random() < .5 else P(), "suspect")
        if rng.random() < .25:
            add_person(occ, P(), "witness")
    elif c in ("assault", "public_order", "antisocial_behaviour", "drugs"):
        if c in ("assault",):
            add_person(occ, P(), "victim")
        n_s = rng.choice((1, 1, 1, 2))
        for _ in range(n_s):
            s = P("prolific") if rng.random() < .45 else (P("young") if c == "antisocial_behaviour" else P())
            add_person(occ, s, "suspect")
            if c == "drugs" and rng.random() < .4:
                s.markers.add("substance_misuse")
        for _ in range(rng.choice((0, 0, 1, 2))):
            add_person(occ, P(), "witness")
        if c == "antisocial_behaviour" and rng.random() < .6:
            add_person(occ, P("old") if rng.random() < .4 else P(), "caller")
    elif c == "road_traffic":
        for _ in range(rng.choice((1, 2, 2, 3))):
            add_person(occ, P(), "other")
        if rng.random() < .3:
            add_person(occ, P(), "witness")
    elif c == "stop_check":
        add_person(occ, P("prolific") if rng.random() < .4 else (P("young") if rng.random() < .3 else P()), "other")
    else:
        add_person(occ, P("all"), "other")
        if rng.random() < .5:
            add_person(occ, P("all"), "caller")
    for p, role in occ.persons:
        if p.byear and _age(p) < 18:
            p.markers.add("child")


def _assign(occ, st, role, s, e):
    if e is not None and e <= s:
        e = s + (int(s) % 7 + 1) * 1800
    if st is not None:
        occ.assign.append([st, role, int(s), None if e is None else int(e)])


def staff_occurrence(W, occ):
    rng = W.rng
    c, t, stn = occ.cat, occ.opened, occ.station
    end_case = occ.closed
    att = []
    if c != "stop_check" and not (c == "drugs" and rng.random() < .5):
        ch = pick(W, "ch", names.HQ[0], t)
        _assign(occ, ch, "call_handler", t, t + rng.randrange(4, 26) * MIN)
    attend_p = {"theft": .45, "fraud": .15, "criminal_damage": .6, "antisocial_behaviour": .7}.get(c, .95)
    if rng.random() < attend_p:
        grp = "nbh" if c in ("antisocial_behaviour", "criminal_damage") and rng.random() < .4 else "resp"
        a0 = t + (rng.randrange(4, 25) if c in ("domestic_abuse", "sexual_offence", "missing_person", "assault", "mental_health") else rng.randrange(10, 240)) * MIN
        for _ in range(1 if rng.random() < .5 or c == "stop_check" else 2):
            a = pick(W, grp, stn, a0, att)
            if a:
                att.append(a)
                _assign(occ, a, "attending", a0, a0 + rng.randrange(50, 300) * MIN)
    if c == "stop_check" and not att:
        return
    oic_start = t + rng.randrange(1, 20) * HOUR
    if c in ("sexual_offence",) or (c in ("domestic_abuse", "stalking_harassment") and rng.random() < .35):
        oic = pick(W, "ppu", "Corrowby", oic_start)
    elif c in ("burglary", "fraud") or (c in ("assault", "drugs") and rng.random() < .35):
        oic = pick(W, "det", CID[stn], oic_start)
    elif att:
        oic, oic_start = att[0], occ.assign[-1][2]
    else:
        oic = pick(W, "nbh" if rng.random() < .5 else "resp", stn, oic_start)
    if c in ("missing_person", "concern_for_welfare", "mental_health") and end_case and end_case - t < 2 * DAY:
        oic = None
    if oic is not None:
        if end_case is not None and end_case - oic_start > 20 * DAY and rng.random() < .12:
            mid = oic_start + (end_case - oic_start) // 2
            _assign(occ, oic, "officer_in_case", oic_start, mid)
            oic2 = pick(W, oic.group, oic.station, mid, (oic,))
            _assign(occ, oic2, "officer_in_case", mid, end_case)
        else:
            _assign(occ, oic, "officer_in_case", oic_start, end_case)
    if c in ("domestic_abuse", "sexual_offence", "stalking_harassment") and rng.random() < .45:
        s0 = t + rng.randrange(12, 96) * HOUR
        _assign(occ, pick(W, "sg", None, s0), "investigator", s0, end_case if rng.random() < .5 else s0 + rng.randrange(3, 30) * DAY)
    elif c in ("assault", "burglary") and rng.random() < .15:
        s0 = t + rng.randrange(12, 96) * HOUR
        _assign(occ, pick(W, "det", CID[stn], s0), "investigator", s0, end_case)
    if rng.random() < .35:
        s0 = t + rng.randrange(1, 30) * HOUR
        _assign(occ, pick(W, "sup", stn, s0), "supervisor", s0, s0 + rng.randrange(1, 10) * DAY)
    if c in ARREST and rng.random() < ARREST[c]:
        sus = [p for p, r in occ.persons if r == "suspect"]
        if sus:
            custody(W, sus[0], t + rng.randrange(1, 30) * HOUR, stn, att[0] if att else oic, occ)


def custody(W, p, t, stn, arresting, parent=None):
    rng = W.rng
    c = Occurrence(None, "custody", t, t + rng.randrange(4, 30) * HOUR + rng.randrange(60) * MIN,
                   names.CUSTODY_SUITES[stn])
    c.parent = parent
    if c.closed >= W.t_end:
        c.closed = None
    add_person(c, p, "suspect")
    p.markers.add("custody_detainee")
    if arresting is not None:
        _assign(c, arresting, "attending", t, t + rng.randrange(60, 240) * MIN)
    W.occs.append(c)
    return c


def build(W):
    rng = W.rng
    cats = [c for c, _ in CAT_W]
    cw = [w for _, w in CAT_W]
    sw = [1.6 if s[3] == "hub" else 1.0 for s in names.STATIONS]
    per_day = 108.0 * W.n_staff / 1500
    for d in range(-60, W.days):
        lm = clock.local_midnight(W.t0, d)
        n = max(0, int(rng.gauss(per_day, per_day ** .5)))
        opens = sorted(int(lm + (h + rng.random()) * HOUR) for h in rng.choices(range(24), HOUR_W, k=n))
        for t in opens:
            c = rng.choices(cats, cw)[0]
            si = rng.choices(range(len(STATIONS)), sw)[0]
            med, still_open = DURATION[c]
            closed = None
            if rng.random() >= still_open:
                closed = t + max(10 * MIN, int(rng.lognormvariate(0, .9) * med * DAY))
                if closed >= W.t_end:
                    closed = None
            o = Occurrence(None, c, t, closed, STATIONS[si])
            fill_persons(W, o, si)
            W.occs.append(o)
            staff_occurrence(W, o)
        # warrant and recall arrests straight into custody
        for _ in range(int(4 * W.n_staff / 1500)):
            si = rng.choices(range(len(STATIONS)), sw)[0]
            t = int(lm + rng.uniform(6, 23) * HOUR)
            custody(W, W.pool[("prolific", si)].pick(rng), t, STATIONS[si], pick(W, "resp", STATIONS[si], t))
    # analysts' taskings: problem profiles over series of recent occurrences
    for k in range(int(W.days / 10)):
        t = W.t0 + rng.randrange(0, W.days - 10) * DAY + 10 * HOUR
        cat = rng.choice(("burglary", "drugs", "antisocial_behaviour", "theft", "assault", "criminal_damage"))
        stn = rng.choice(STATIONS)
        an = pick(W, "intelligence_analyst", names.HQ[0], t)
        scope = [o for o in W.occs if o.cat == cat and o.station == stn and t - 40 * DAY < o.opened < t]
        for o in scope[:80]:
            _assign(o, an, "analyst", t, t + rng.randrange(20, 45) * DAY)


def assign_ids(W):
    rng = W.rng
    W.occs.sort(key=lambda o: o.opened)
    seq = {}
    for o in W.occs:
        y = clock.fmt_date(o.opened)[2:4]
        seq[y] = seq.get(y, 0) + 1
        o.oid = "OC%s%06d" % (y, seq[y] * 3 + rng.randrange(3))
