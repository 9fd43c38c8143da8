"""Legitimate activity with no occurrence or assignment behind it: briefings, patrol checks, callers'
histories, dispatch PNC requests, research, safeguarding reviews, records and data-quality work."""
from . import clock, names
from .common import (F_CC_PERSON, F_INTEL_PERSON, F_PNC, F_PND, F_RMS_PERSON, R_CALLER, R_DISPATCH, R_RESEARCH,
                     R_STOP, R_VEH, Recent, desk, device, field_device, office_device, pick, time_in)

HOUR, DAY, MIN = clock.HOUR, clock.DAY, clock.MIN
STATIONS = [s[0] for s in names.STATIONS]
BRIEF_CATS = {"burglary", "assault", "missing_person", "domestic_abuse", "sexual_offence", "stalking_harassment",
              "drugs", "public_order", "theft"}


def build_briefings(W):
    """Per station and day: the open occurrences and the people read out at briefings (wanted,
    circulated suspects, high-risk missing people)."""
    rng = W.rng
    W.brief = {}
    by_st = {s: [] for s in STATIONS}
    for o in W.occs:
        if o.station in by_st and o.cat in BRIEF_CATS:
            by_st[o.station].append(o)
    wanted = {}
    for si, s in enumerate(STATIONS):
        rec = Recent(by_st[s])
        for d in range(W.days):
            t = W.t0 + d * DAY
            if d % 7 == 0:
                pl = W.pool[("prolific", si)]
                wanted[s] = [pl.pick(rng) for _ in range(3)]
            occs = [o for o in rec.window(t - 10 * DAY, t) if o.closed is None or o.closed > t]
            if len(occs) > 14:
                occs = rng.sample(occs, 14)
            people = list(wanted[s])
            for o in occs:
                for p, role in o.persons:
                    if role == "suspect" and o.cat in ("burglary", "assault", "sexual_offence", "domestic_abuse"):
                        people.append(p)
                    elif o.cat == "missing_person" and role == "other":
                        people.append(p)
            W.brief[(s, d)] = (occs, people)


def _area(st, rng):
    if st.area is not None and rng.random() < .85:
        return st.area
    return rng.randrange(len(STATIONS))


def _pois(rng, mean):
    # small-mean Poisson-ish count, cheap
    n = 0
    x = rng.random() * 2 * mean
    return int(x + .5)


def patrol(W, st, s, e, intensity):
    rng = W.rng
    em = W.emit
    d = (s - W.t0) // DAY
    b = W.brief.get((st.station, max(0, d)))
    if b and rng.random() < .85:
        occs, people = b
        ws = desk(rng, st)
        t = s + rng.randrange(0, 25) * MIN
        for o in rng.sample(occs, min(len(occs), rng.randrange(2, 7))):
            em(t, st, "rms", "view", "occurrence", o.oid, "summary", ws)
            t += rng.randrange(20, 120)
        for p in rng.sample(people, min(len(people), rng.randrange(0, 4))):
            em(t, st, "rms", "view", "person", p.pid, pick(rng, ("summary;warnings;photo", "identity;photo;warnings", "summary;photo")), ws)
            t += rng.randrange(20, 120)
    area = _area(st, rng)
    pool = W.pool[("all", area)]
    for _ in range(_pois(rng, 1.5 * intensity)):
        p = pool.pick(rng)
        t = time_in(rng, s + HOUR, e)
        ws = field_device(rng, st)
        em(t, st, "pnc", "search", "person", p.pid, pick(rng, F_PNC), ws, pick(rng, R_STOP))
        if rng.random() < .2:
            em(t + rng.randrange(30, 300), st, "rms", "search", "person", p.pid, pick(rng, F_RMS_PERSON), ws)
    for _ in range(_pois(rng, 2.5 * intensity)):
        em(time_in(rng, s, e), st, "pnc", "search", "vehicle", names.plate(rng), "vehicles", field_device(rng, st), pick(rng, R_VEH))
    rec = W.recent
    near = [o for o in rec.window(s - 12 * HOUR, e) if o.station == st.station and o.cat != "custody"]
    for o in rng.sample(near, min(len(near), _pois(rng, 2 * intensity))):
        em(time_in(rng, max(s, o.opened), e) if o.opened < e else e, st, "command_control", "view", "occurrence", o.oid, "summary", field_device(rng, st))
    if rng.random() < .12:
        em(time_in(rng, s, e), st, "intelligence", "update", "intelligence", "IR%07d" % rng.randrange(10 ** 6, 10 ** 7), "notes", desk(rng, st))


def neighbourhood(W, st, s, e):
    rng = W.rng
    em = W.emit
    patrol(W, st, s, e, .3)
    area = st.area if st.area is not None else 0
    near = [o for o in W.recent.window(s - 20 * DAY, s) if o.station == st.station and o.cat in ("antisocial_behaviour", "criminal_damage", "drugs")]
    for o in rng.sample(near, min(len(near), rng.randrange(0, 3))):
        ws = desk(rng, st)
        t = time_in(rng, s, e)
        em(t, st, "rms", "view", "occurrence", o.oid, "summary;notes", ws)
        for p, role in o.persons[:2]:
            em(t + rng.randrange(30, 400), st, "rms", "view", "person", p.pid, pick(rng, F_RMS_PERSON), ws)
    if rng.random() < .3:
        em(time_in(rng, s, e), st, "rms", "search", "location", "UPRN%09d" % rng.randrange(10 ** 8, 10 ** 9), "summary;history", desk(rng, st))


def call_handling(W, st, s, e):
    rng = W.rng
    em = W.emit
    ws = desk(rng, st)
    for _ in range(rng.randrange(3, 8)):
        t = time_in(rng, s, e)
        area = rng.randrange(len(STATIONS))
        p = W.pool[("all", area)].pick(rng)
        em(t, st, "command_control", "search", "location", "UPRN%09d" % rng.randrange(10 ** 8, 10 ** 9), "summary;history", ws)
        if rng.random() < .6:
            em(t + rng.randrange(20, 200), st, "command_control", "search", "person", p.pid, pick(rng, F_CC_PERSON), ws)
        if rng.random() < .35:
            em(t + rng.randrange(30, 300), st, "rms", "search", "person", p.pid, "summary;history;warnings", ws,
               pick(rng, R_CALLER) if rng.random() < .4 else "")


def dispatch(W, st, s, e):
    rng = W.rng
    em = W.emit
    ws = desk(rng, st)
    near = [o for o in W.recent.window(s - 8 * HOUR, e) if o.cat != "custody"]
    for o in rng.sample(near, min(len(near), rng.randrange(8, 20))):
        em(time_in(rng, max(s, o.opened), e) if o.opened < e else e, st, "command_control", "view", "occurrence", o.oid, "summary;notes", ws)
    for _ in range(rng.randrange(3, 10)):
        p = W.pool[("all", rng.randrange(len(STATIONS)))].pick(rng)
        em(time_in(rng, s, e), st, "pnc", "search", "person", p.pid, pick(rng, F_PNC), ws,
           pick(rng, R_DISPATCH) % rng.choice(("PC %d" % rng.randrange(1000, 9999), "PS %d" % rng.randrange(100, 999), "call sign %s%02d" % (rng.choice("ABCDEFHK"), rng.randrange(1, 40)))))
    for _ in range(rng.randrange(2, 8)):
        em(time_in(rng, s, e), st, "pnc", "search", "vehicle", names.plate(rng), "vehicles", ws, pick(rng, R_VEH))


def detective(W, st, s, e):
    rng = W.rng
    em = W.emit
    mine = st._mine if hasattr(st, "_mine") else None
    ws = office_device(rng, st)
    area = _area(st, rng)
    for _ in range(rng.randrange(0, 5)):
        t = time_in(rng, s, e)
        p = W.pool[("prolific", area)].pick(rng)
        q = p
        links = W.linked(p)
        if links and rng.random() < .5:
            q = links[rng.randrange(len(links))][0]
        sysn = rng.choice(("pnd", "intelligence", "rms"))
        if sysn == "pnd":
            em(t, st, "pnd", "search", "person", q.pid, pick(rng, F_PND), ws, pick(rng, R_RESEARCH))
        elif sysn == "intelligence":
            em(t, st, "intelligence", "search", "person", q.pid, pick(rng, F_INTEL_PERSON), ws)
        else:
            em(t, st, "rms", "view", "person", q.pid, pick(rng, F_RMS_PERSON), ws)
    for _ in range(rng.randrange(0, 4)):
        em(time_in(rng, s, e), st, "intelligence", "view", "intelligence", "IR%07d" % rng.randrange(10 ** 6, 10 ** 7), "summary;notes", ws)


def safeguarding(W, st, s, e, n=None):
    """Daily risk review of new domestic abuse and sexual offence reports across the force."""
    rng = W.rng
    em = W.emit
    ws = office_device(rng, st)
    new = [o for o in W.recent.window(s - 30 * HOUR, s) if o.cat in ("domestic_abuse", "sexual_offence", "stalking_harassment")]
    for o in rng.sample(new, min(len(new), n if n is not None else rng.randrange(1, 5))):
        t = time_in(rng, s, e)
        em(t, st, "rms", "view", "occurrence", o.oid, "summary;notes", ws)
        for p, role in o.persons:
            if role == "victim" or role == "other" and rng.random() < .3:
                em(t + rng.randrange(30, 600), st, "rms", "view", "person", p.pid, pick(rng, ("summary;history;warnings", "identity;history;associates", "summary;warnings")), ws)
                if rng.random() < .2:
                    em(t + rng.randrange(30, 900), st, "pnd", "search", "person", p.pid, pick(rng, F_PND), ws, "DASH review")


def analyst(W, st, s, e):
    rng = W.rng
    em = W.emit
    ws = office_device(rng, st)
    area = rng.randrange(len(STATIONS))
    seed = W.pool[("prolific", area)].pick(rng)
    frontier = [seed]
    for _ in range(rng.randrange(3, 10)):
        p = frontier[rng.randrange(len(frontier))]
        t = time_in(rng, s, e)
        sysn = rng.choice(("intelligence", "intelligence", "pnd", "rms"))
        if sysn == "rms":
            em(t, st, "rms", "view", "person", p.pid, "summary;history;associates", ws)
        elif sysn == "pnd":
            em(t, st, "pnd", "search", "person", p.pid, pick(rng, F_PND), ws, pick(rng, R_RESEARCH))
        else:
            em(t, st, "intelligence", "search", "person", p.pid, pick(rng, F_INTEL_PERSON), ws)
        links = W.linked(p)
        if links:
            frontier.append(links[rng.randrange(len(links))][0])
    for _ in range(rng.randrange(3, 12)):
        em(time_in(rng, s, e), st, "intelligence", "view", "intelligence", "IR%07d" % rng.randrange(10 ** 6, 10 ** 7), "summary;notes", ws)


def records(W, st, s, e):
    rng = W.rng
    em = W.emit
    ws = office_device(rng, st)
    team = st.team
    if team == "Disclosure Unit":
        done = [o for o in W.recent.window(s - 60 * DAY, s - 10 * DAY) if o.cat in ("assault", "domestic_abuse", "burglary", "theft", "drugs")]
        for o in rng.sample(done, min(len(done), rng.randrange(3, 9))):
            t = time_in(rng, s, e)
            em(t, st, "rms", "view", "occurrence", o.oid, "summary;notes", ws)
            for p, role in o.persons:
                em(t + rng.randrange(30, 900), st, "rms", "view", "person", p.pid, pick(rng, ("identity;address;history", "identity;summary", "identity;contact;address")), ws)
            if rng.random() < .5:
                em(t + rng.randrange(600, 3600), st, "rms", "print", "occurrence", o.oid, "summary;notes", ws)
        return
    if team.endswith("Enquiry Office"):
        area = _area(st, rng)
        for _ in range(rng.randrange(2, 7)):
            p = W.pool[("all", area)].pick(rng)
            em(time_in(rng, s, e), st, "rms", "search", "person", p.pid, pick(rng, ("summary", "identity;summary;warnings", "identity;address")), ws)
        return
    # Records Management / Data Quality: checks of newly created person records and duplicate merges
    new = W.recent.window(s - 3 * DAY, s)
    n = rng.randrange(3, 8)
    for _ in range(n):
        t = time_in(rng, s, e)
        if new and rng.random() < .6:
            o = new[rng.randrange(len(new))]
            if not o.persons:
                continue
            p = o.persons[rng.randrange(len(o.persons))][0]
        else:
            p = W.pool["all"].pick(rng)
        em(t, st, "rms", "view", "person", p.pid, "identity;address;summary", ws)
        if rng.random() < .5:
            em(t + rng.randrange(20, 300), st, "rms", "update", "person", p.pid, "identity;address", ws)


def supervisor(W, st, s, e):
    rng = W.rng
    em = W.emit
    if st.pat == "relief" or st.pat == "nbh":
        patrol(W, st, s, e, .3)
    ws = office_device(rng, st) if st.pat != "control" else desk(rng, st)
    if st.team.startswith("Control"):
        near = W.recent.window(s - 6 * HOUR, e)
        sysn = "command_control"
    else:
        near = [o for o in W.recent.window(s - 36 * HOUR, s) if o.station == st.station]
        sysn = "custody" if "Custody" in st.team else "rms"
    for o in rng.sample(near, min(len(near), rng.randrange(3, 12))):
        if sysn == "custody" and o.cat != "custody":
            continue
        em(time_in(rng, s, e), st, sysn, "view", "occurrence", o.oid, "summary;notes", ws)


def ccu(W, st, s, e):
    rng = W.rng
    ws = desk(rng, st)
    for _ in range(rng.randrange(2, 8)):
        W.emit(time_in(rng, s, e), st, "intelligence", "view", "intelligence", "IR%07d" % rng.randrange(10 ** 6, 10 ** 7), "summary;notes", ws)


HANDLERS = {"response_officer": lambda W, st, s, e: patrol(W, st, s, e, 1.0),
            "special_constable": lambda W, st, s, e: patrol(W, st, s, e, .7),
            "neighbourhood_officer": neighbourhood, "pcso": neighbourhood,
            "call_handler": call_handling, "dispatcher": dispatch, "detective": detective,
            "safeguarding_officer": safeguarding, "intelligence_analyst": analyst, "police_staff": records,
            "supervisor": supervisor, "ccu_officer": ccu, "custody_officer": None}


def build(W):
    W.recent = Recent([o for o in W.occs])
    build_briefings(W)
    for st in W.staff:
        h = HANDLERS.get(st.role)
        if h is None or (st.cast and "noroutine" in st.cast):
            continue
        for s, e, kind in st.shifts:
            if e <= W.t0 or s >= W.t_end:
                continue
            if kind == "on_call":
                if W.rng.random() < .8:
                    continue
                e = s + W.rng.randrange(1, 4) * HOUR
            elif kind == "training":
                if W.rng.random() < .7:
                    continue
                s = e - HOUR
            h(W, st, s, e)
