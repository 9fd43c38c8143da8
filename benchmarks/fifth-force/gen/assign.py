"""Assignments: call handlers, attending officers, officers in case, supervisors, custody, analysts."""
from . import clock, places
from .clock import DAY, HOUR
from .rng import stream
from .rosters import on_duty

ATTEND = {"domestic_abuse": .95, "assault": .85, "burglary": .7, "concern_for_welfare": .85, "mental_health": .85,
          "missing_person": .9, "public_order": .8, "road_traffic": .75, "sexual_offence": .8,
          "stalking_harassment": .5, "theft": .45, "criminal_damage": .45, "antisocial_behaviour": .5,
          "drugs": .6, "fraud": .05, "other": .4}
CRIME = {"domestic_abuse", "assault", "sexual_offence", "stalking_harassment", "burglary", "theft",
         "criminal_damage", "fraud", "drugs", "public_order", "missing_person", "antisocial_behaviour"}


def employed(s, t):
    return s.start <= t and (s.end is None or t < s.end)


def build(w):
    r = stream(w.seed, "assign")
    by = {}
    for s in w.staff:
        if s.role == "detective":
            by.setdefault(("det", s.group), []).append(s)
        elif s.role == "safeguarding_officer":
            by.setdefault(("pp", s.unit), []).append(s)
        elif s.role == "neighbourhood_officer":
            by.setdefault(("nbh", s.team), []).append(s)
        elif s.role == "intelligence_analyst":
            by.setdefault(("analyst",), []).append(s)
        elif s.role == "supervisor" and s.unit == "cid":
            by.setdefault(("dsup", s.group), []).append(s)
        elif s.role == "supervisor" and s.unit == "pp":
            by.setdefault(("ppsup",), []).append(s)
    w.units = by
    S = w.staff_by_id

    def pick_list(key, t):
        c = by.get(key) or []
        for _ in range(6):
            if not c:
                return None
            s = r.choice(c)
            if employed(s, t):
                return s.sid
        return None

    def pick_duty(pool, t, si=None):
        c = on_duty(w, pool, t)
        if not c:
            return None
        best = None
        for _ in range(6):
            sid = r.choice(c)
            if si is None or S[sid].si == si:
                return sid
            best = best or sid
        return best

    start = clock.START
    for o in w.occs:
        t, cat = o.opened, o.cat
        inper = t >= start
        g = places.GROUP[o.si]
        attending = []
        if cat == "custody":
            if inper:
                sid = pick_duty(("cust", places.NAMES[o.si]), t) if r.random() < .75 else None
                if sid:
                    w.assign(o.oid, sid, "supervisor", t, t + r.randint(15, 50) * 60)
                par = w.occ_by_id[o.parent]
                arr = [a for a in w._occ_assign.get(par.oid, []) if a[2] in ("attending", "officer_in_case")]
                if arr:
                    a = arr[0]
                    w.assign(o.oid, a[1], "attending", t - r.randint(10, 40) * 60, t + r.randint(1, 3) * HOUR)
            continue
        rows = []
        if inper and r.random() < (.1 if cat == "fraud" else .87):
            sid = pick_duty(("ch",), t)
            if sid:
                rows.append(w.assign(o.oid, sid, "call_handler", t, t + r.randint(4, 22) * 60))
        if inper and r.random() < ATTEND.get(cat, 0):
            at = t + r.randint(8, 70) * 60
            hr = clock.local_hour(at)
            pool = ("nbh", places.NBH[o.si]) if (cat in ("antisocial_behaviour", "criminal_damage", "theft")
                                                and 8 <= hr < 20 and r.random() < .6) else ("resp", g)
            for k in range(2 if r.random() < .35 else 1):
                sid = pick_duty(pool, at, o.si)
                if sid and sid not in attending:
                    attending.append(sid)
                    rows.append(w.assign(o.oid, sid, "attending", at, at + r.randint(35, 200) * 60))
        if cat in CRIME and r.random() < (.92 if cat != "antisocial_behaviour" else .5):
            ot = t + r.randint(3, 30) * HOUR
            sid = None
            victims = [w.person_by_id[p] for p, role in o.persons if role in ("victim", "other")]
            child = any(2025 - v.by < 18 for v in victims)
            x = r.random()
            if cat == "domestic_abuse" and x < .45:
                sid = pick_list(("pp", "da"), ot)
            elif cat == "sexual_offence":
                sid = pick_list(("pp", "cp" if child else "so"), ot)
                if r.random() < .4:
                    d2 = pick_list(("det", g), ot)
                    if d2:
                        rows.append(w.assign(o.oid, d2, "investigator", ot + r.randint(1, 20) * HOUR, o.closed))
            elif cat == "stalking_harassment" and x < .5:
                sid = pick_list(("pp", "da"), ot)
            elif cat in ("burglary", "fraud", "drugs") or (cat == "assault" and x < .4):
                sid = pick_list(("det", g), ot)
            elif cat == "missing_person" and child and x < .3:
                sid = pick_list(("pp", "cp"), ot)
            elif cat == "antisocial_behaviour":
                sid = pick_list(("nbh", places.NBH[o.si]), ot)
            if sid is None and attending:
                sid, ot = attending[0], rows[-1][3]
            if sid is None and not inper:
                sid = pick_list(("nbh", places.NBH[o.si]), ot)
            if sid:
                rows.append(w.assign(o.oid, sid, "officer_in_case", ot, o.closed))
        if inper and r.random() < (.5 if cat in ("domestic_abuse", "sexual_offence") else .2):
            st = t + r.randint(1, 10) * HOUR
            sid = pick_duty(("sup", g), st)
            if cat in ("sexual_offence", "burglary", "fraud") and r.random() < .5:
                sid = pick_list(("dsup", g), st) or sid
            if cat == "domestic_abuse" and r.random() < .4:
                sid = pick_list(("ppsup",), st) or sid
            if sid:
                rows.append(w.assign(o.oid, sid, "supervisor", st, st + r.randint(15, 60) * 60))
        w._occ_assign[o.oid] = rows
    # analysts' taskings: an analyst assignment to each occurrence in the scope
    themes = [("burglary", ), ("drugs", "antisocial_behaviour"), ("domestic_abuse",), ("sexual_offence",),
              ("theft", "criminal_damage"), ("stalking_harassment", "domestic_abuse"), ("assault", "public_order")]
    by_cat = {}
    for o in w.occs:
        by_cat.setdefault(o.cat, []).append(o)
    for s in by.get(("analyst",), []):
        for _ in range(max(1, round(w.days / 40))):
            ts = start + r.randint(0, w.days - 15) * DAY + r.randint(8, 11) * HOUR
            if not employed(s, ts):
                continue
            theme = r.choice(themes)
            grp = r.choice(["North", "South"])
            cand = [o for c in theme for o in by_cat.get(c, ())
                    if ts - 60 * DAY <= o.opened < ts and places.GROUP[o.si] == grp]
            scope = r.sample(cand, min(len(cand), r.randint(15, 45)))
            te = ts + r.randint(10, 25) * DAY
            for o in sorted(scope, key=lambda o: o.opened):
                w.assign(o.oid, s.sid, "analyst", ts, te)
            s.cases.append((ts, te, [o.oid for o in scope]))
