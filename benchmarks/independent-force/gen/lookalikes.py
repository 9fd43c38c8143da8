"""Benign look-alikes (kind=benign): legitimate work that shares surface features with misconduct."""
from . import clock, names, routine
from .cast import (_assign, add_person, choose, family_of, off_duty_nights, on_shift_times, person,
                   pick_on_duty, plant_occurrence)
from .common import F_CUSTODY, desk, office_device, pick, time_in

DAY, HOUR, MIN = clock.DAY, clock.HOUR, clock.MIN


def heavy_caseload(W):
    """Safeguarding officer carrying a large domestic abuse caseload: heavy, assigned access to many marked victims."""
    rng = W.rng
    st = choose(W, "safeguarding_officer")
    occs = [o for o in W.occs if o.cat == "domestic_abuse" and W.t0 - 5 * DAY < o.opened < W.t_end - 10 * DAY]
    mine = []
    for o in rng.sample(occs, min(len(occs), 70)):
        sh = st.shifts_in(o.opened + 12 * HOUR, o.opened + 5 * DAY)
        if sh:
            s0 = max(sh[0][0], o.opened + 12 * HOUR) + 30 * MIN
            _assign(o, st, "investigator", s0, o.closed)
            mine.append((o, s0))

    def act():
        for o, s0 in mine:
            ws = office_device(rng, st)
            for p, role in o.persons:
                if role in ("victim", "other"):
                    W.emit(s0 + rng.randrange(60, 1800), st, "rms", "view", "person", p.pid, "identity;contact;address;history", ws)
    return st, "heavy_safeguarding_caseload", act


def da_research(W):
    """Analyst on a repeat-victim domestic abuse problem profile: hundreds of marked women, no assignments."""
    rng = W.rng
    st = choose(W, "intelligence_analyst")
    subjects = [p for p in W.persons if "domestic_abuse_victim" in p.markers and p.occs]
    rng.shuffle(subjects)
    subjects = subjects[:350]

    def act():
        a = W.t0 + rng.randrange(15, 30) * DAY
        times = sorted(on_shift_times(W, st, a, a + 45 * DAY, 5.0))
        i = 0
        for x in times:
            for k in range(rng.randrange(5, 14)):
                p = subjects[i % len(subjects)]
                i += 1
                ws = office_device(rng, st)
                W.emit(x + k * rng.randrange(60, 500), st, "rms", "view", "person", p.pid, pick(rng, ("summary;history", "summary;history;associates")), ws)
                if rng.random() < .3:
                    W.emit(x + k * 500 + 30, st, "pnd", "search", "person", p.pid, "identity;history", ws, "DA repeat victim profile")
    return st, "da_repeat_victim_research", act


def cold_case(W):
    """Detective re-reading a closed 2019 case (people, families, addresses) for a cold-case review."""
    rng = W.rng
    st = choose(W, "detective", lambda s: s.team == "Major Crime")
    area = rng.randrange(len(names.STATIONS))
    o = plant_occurrence(W, "sexual_offence", clock.epoch(2019, 9, 14, 23, 40), names.STATIONS[area][0],
                         closed=clock.epoch(2020, 6, 30, 12))
    v = person(W, area, "female", 24, 32, {"sexual_offence_victim"})
    people = [v] + family_of(W, v, area, partner=True, mother=True)
    for k in range(3):
        w = person(W, area, rng.choice(("female", "male")), 25, 60)
        add_person(o, w, "witness")
        people.append(w)
    s = person(W, area, "male", 30, 50, {"custody_detainee"})
    add_person(o, v, "victim")
    add_person(o, s, "suspect")
    people.append(s)
    old = [x for x in W.static[("det", None)] if x is not st][:2]
    _assign(o, old[0], "officer_in_case", o.opened + 5 * HOUR, o.closed)
    _assign(o, old[1], "investigator", o.opened + DAY, o.closed)

    def act():
        a = W.t0 + rng.randrange(25, 45) * DAY
        for x in sorted(on_shift_times(W, st, a, a + 50 * DAY, 3.0)):
            ws = office_device(rng, st)
            W.emit(x, st, "rms", "view", "occurrence", o.oid, "summary;notes", ws)
            for k, p in enumerate(rng.sample(people, rng.randrange(1, 4))):
                W.emit(x + (k + 1) * rng.randrange(120, 900), st, "rms", "view", "person", p.pid, pick(rng, ("identity;contact;address", "identity;history;address", "summary;photo")), ws)
                if rng.random() < .3:
                    W.emit(x + (k + 1) * 1000, st, "pnc", "search", "person", p.pid, "identity;address;warnings", ws, "Op KESTREL review")
    return st, "cold_case_review", act


def problem_solving(W):
    """Neighbourhood officer checking the same local vulnerable people weekly under a problem-solving plan."""
    rng = W.rng
    st = choose(W, "neighbourhood_officer", lambda s: s.area is not None)
    pool = W.pool[("vuln", st.area)].items
    group = rng.sample(pool, min(len(pool), 9))

    def act():
        for x in on_shift_times(W, st, W.t0 + rng.randrange(3, 10) * DAY, W.t_end, 1.2):
            ws = desk(rng, st)
            for k, p in enumerate(group):
                if rng.random() < .7:
                    W.emit(x + k * rng.randrange(60, 300), st, "rms", "view", "person", p.pid, pick(rng, ("summary;warnings;history", "summary;contact", "identity;address;warnings")), ws)
    return st, "neighbourhood_problem_solving_plan", act


def unrostered_overtime(W):
    """Response officer working many overtime shifts that never reach the roster, nights included."""
    rng = W.rng
    st = choose(W, "response_officer", lambda s: s.area is not None)
    extra = []
    for d in rng.sample(range(5, W.days - 2), 16):
        lm = clock.local_midnight(W.t0, d)
        s = int(lm + rng.choice((7, 14, 22)) * HOUR)
        if st.shift_at(s, 10 * HOUR) is None and st.shift_at(s + 10 * HOUR) is None:
            extra.append((s, s + 10 * HOUR, "overtime"))

    def act():
        for s, e, k in sorted(extra):
            st.shifts.append((s, e, k))
            routine.patrol(W, st, s, e, 1.3)
        st.finalise()
    return st, "unrostered_overtime", act


def data_quality(W):
    """Data-quality clerk on a duplicate-merge project: thousands of person records, marked people included."""
    rng = W.rng
    st = choose(W, "police_staff", lambda s: s.team == "Data Quality")

    def act():
        allp = W.pool["all"].items
        for x in on_shift_times(W, st, W.t0 + rng.randrange(10, 20) * DAY, W.t_end, 4.5, ("duty",)):
            ws = desk(rng, st)
            for k in range(rng.randrange(60, 160)):
                p = allp[rng.randrange(len(allp))]
                t = x + k * rng.randrange(40, 120)
                W.emit(t, st, "rms", "view", "person", p.pid, "identity;address;contact;summary", ws)
                if rng.random() < .6:
                    W.emit(t + 20, st, "rms", "update", "person", p.pid, "identity;address", ws)
    return st, "data_quality_merge_project", act


def marac(W):
    """Safeguarding officer preparing the weekly MARAC: high-risk victims, children and perpetrators, no assignments."""
    rng = W.rng
    st = choose(W, "safeguarding_officer")

    def act():
        for x in on_shift_times(W, st, W.t0 + rng.randrange(2, 8) * DAY, W.t_end, 1.0):
            new = [o for o in W.recent.window(x - 10 * DAY, x) if o.cat in ("domestic_abuse", "stalking_harassment")]
            ws = office_device(rng, st)
            for k, o in enumerate(rng.sample(new, min(len(new), rng.randrange(12, 25)))):
                for p, role in o.persons:
                    W.emit(x + k * 300 + rng.randrange(200), st, "rms", "view", "person", p.pid, "identity;contact;address;history;warnings", ws)
                    if role == "victim" and rng.random() < .3:
                        W.emit(x + k * 300 + 250, st, "pnd", "search", "person", p.pid, "identity;history;associates", ws, "MARAC research")
    return st, "marac_preparation", act


def missing_persons(W):
    """Missing persons coordinator re-reading high-risk (mostly young) missing people and their episodes."""
    rng = W.rng
    st = choose(W, "police_staff", lambda s: s.team == "Records Management")
    st.team = "Missing Persons Unit"

    def act():
        for x in on_shift_times(W, st, W.t0 + rng.randrange(3, 10) * DAY, W.t_end, 4.0, ("duty",)):
            mp = [o for o in W.recent.window(x - 21 * DAY, x) if o.cat == "missing_person"]
            ws = office_device(rng, st)
            for k, o in enumerate(rng.sample(mp, min(len(mp), rng.randrange(4, 10)))):
                W.emit(x + k * 400, st, "rms", "view", "occurrence", o.oid, "summary;notes", ws)
                for p, role in o.persons:
                    W.emit(x + k * 400 + 60, st, "rms", "view", "person", p.pid, pick(rng, ("identity;photo;contact", "summary;history;associates", "identity;address;photo")), ws)
    return st, "missing_persons_coordinator", act


def custody_cover(W):
    """Custody sergeant covering extra night custody shifts that were never rostered."""
    rng = W.rng
    st = choose(W, "supervisor", lambda s: "Custody" in s.team)
    nights = off_duty_nights(W, st, W.t0 + 10 * DAY, W.t_end - 2 * DAY, 8)

    def act():
        for x in nights:
            s, e = x - 3 * HOUR, x + 7 * HOUR
            st.shifts.append((s, e, "overtime"))
            open_c = [o for o in W.recent.window(s - 24 * HOUR, e) if o.cat == "custody" and o.station == st.station and (o.closed or W.t_end) > s]
            for o in open_c:
                p = o.persons[0][0]
                t = time_in(rng, max(s, o.opened), min(e, o.closed or e)) if o.opened < e else s
                W.emit(t, st, "custody", "view", "person", p.pid, pick(rng, F_CUSTODY), desk(rng, st))
                if rng.random() < .5:
                    W.emit(t + 300, st, "custody", "view", "custody_image", p.pid, "photo", desk(rng, st))
        st.finalise()
    return st, "unrostered_custody_cover", act


def disclosure(W):
    """Disclosure officer building prosecution files: victims' contact details printed and exported."""
    rng = W.rng
    st = choose(W, "police_staff", lambda s: s.team == "Disclosure Unit" and s.cast is None)

    def act():
        for x in on_shift_times(W, st, W.t0 + rng.randrange(5, 15) * DAY, W.t_end, 3.0, ("duty",)):
            done = [o for o in W.recent.window(x - 90 * DAY, x - 20 * DAY) if o.cat in ("sexual_offence", "domestic_abuse", "stalking_harassment")]
            ws = desk(rng, st)
            for k, o in enumerate(rng.sample(done, min(len(done), rng.randrange(2, 5)))):
                for p, role in o.persons:
                    t = x + k * 900 + rng.randrange(600)
                    W.emit(t, st, "rms", "view", "person", p.pid, "identity;contact;address", ws)
                    if role == "victim":
                        W.emit(t + 60, st, "rms", "print", "person", p.pid, "identity;contact;address", ws)
                W.emit(x + k * 900 + 700, st, "rms", "export", "occurrence", o.oid, "summary;notes", ws)
    return st, "disclosure_file_preparation", act


def setup(W):
    out = [f(W) for f in (heavy_caseload, da_research, cold_case, problem_solving, unrostered_overtime,
                          data_quality, marac, missing_persons, custody_cover, disclosure)]
    for st, scenario, act in out:
        st.cast.add("benign")
        W.truth.append((st.sid, scenario, "benign", st.sid))
    return out
