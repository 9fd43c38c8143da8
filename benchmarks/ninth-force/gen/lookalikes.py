"""Legitimate work of this force that looks like misuse (truth kind benign)."""
from .clock import DAY, HOUR
from .offenders import _new_person, _legit, _hub_area


def _do(c, s, tag, times, people, fields, systems=("rms",), reasons=("",), ws_fixed=None, action="view"):
    w, r = c.w, c.r
    for k, t in enumerate(times):
        p = people[k % len(people)] if len(people) <= 3 else r.choice(people)
        system = r.choice(systems)
        ws = ws_fixed or w.dev.pick(r, s)
        reason = r.choice(reasons)
        if system == "pnc" and not reason:
            reason = "enquiry"
        w.add(t, system, s, action if system == "rms" else "search", "person", p.pid, r.choice(fields), ws, reason, tag)


def triage_high_intensity(c):
    """The triage car takes on two high-intensity users in crisis and re-reads them most shifts, with the nurse."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "triage")
    tag = c.tag(s, "triage_high_intensity", "benign")
    ts = c.start_time()
    people = [c.person([a.code for a in w.geo.areas if a.kind != "village"], lambda p: "mental_health" in p.markers and 20 <= p.age() <= 40 and p.sex == sx) for sx in ("female", "male", "female")]
    people = [p for p in people if p]
    for p in people:
        o = c.occ("mental_health", ts - r.randint(1, 3) * DAY, p.area, closed=ts + 2 * DAY)
        w.involve(o, p, "other")
        w.assign(o, s, "attending", o.opened + 1800, o.opened + 4 * HOUR)
    times = [w.at_work(r, s, ts + k * DAY) for k in range(0, (w.end - ts) // DAY, 2)]
    _do(c, s, tag, [t for t in times if t], people, ("identity;contact;address;warnings", "summary;warnings;history"))


def mispers_new_girls(c):
    """Two girls new to a care home go missing again and again; the coordinator reads them and the men they go to, daily."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "mispers")
    tag = c.tag(s, "mispers_repeat_girls", "benign")
    ts = c.start_time()
    home = w.pop.care_homes[0]
    area = home[0].area
    girls = [_new_person(c, "female", 13, 15, area), _new_person(c, "female", 14, 16, area)]
    men = [_new_person(c, "male", 19, 26, area)]
    for g in girls:
        g.postcode = home[0].postcode
        g.markers = ["child", "missing_person"]
        w.pop.link(g, men[0], "associate")
    t = ts
    for k in range(8):
        g = girls[k % 2]
        o = c.occ("missing_person", t, area, closed=t + r.randint(6, 40) * HOUR)
        w.involve(o, g, "other")
        w.assign(o, s, "officer_in_case", t + HOUR, o.closed)
        t += r.randint(4, 12) * DAY
    times = [w.at_work(r, s, ts + k * DAY) for k in range((w.end - ts) // DAY)]
    _do(c, s, tag, [x for x in times if x], girls + girls + men, ("summary;identity;contact;address;photo", "summary;warnings;associates", "identity;photo"))


def roads_first_gear(c):
    """Roads policing runs a young-driver operation: many PNC checks of drivers aged 17 to 21."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "roads")
    tag = c.tag(s, "op_first_gear", "benign")
    ts = c.start_time()
    times = []
    for k in range(0, 28):
        t = w.at_work(r, s, ts + k * DAY)
        if t:
            times.extend(t + r.randint(0, 5 * HOUR) for _ in range(r.randint(3, 9)))
    people = []
    for _ in range(60):
        p = c.person(w.all_codes, lambda p: 17 <= p.age() <= 21)
        if p:
            people.append(p)
    _do(c, s, tag, sorted(times), people, ("identity;warnings", "identity;vehicles"), systems=("pnc",), reasons=("Op First Gear", "young driver", "OFG"))


def seasonal_welfare(c):
    """A modern-slavery concern at one farm: the rural team checks every worker there, repeatedly, with the tasking typed."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "rural")
    tag = c.tag(s, "farm_welfare_op", "benign")
    ts = c.start_time()
    fw = [w.pop.people[i] for i in w.pop.farm_workers]
    farm = fw[0].postcode
    workers = [p for p in fw if p.postcode == farm] or fw[:10]
    times = []
    for k in range(0, 40, 3):
        t = w.at_work(r, s, ts + k * DAY)
        if t:
            times.extend(t + r.randint(0, 4 * HOUR) for _ in range(r.randint(4, 10)))
    _do(c, s, tag, sorted(times), workers, ("identity;contact;address;photo", "identity;warnings"), systems=("pnc", "rms"), reasons=("Op Tillage MSHT", "welfare check"))


def burglary_series_neighbours(c):
    """A burglary series in the village where the officer lives: he is officer in case and checks his own neighbours."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "nbh" and s.village_station and s.home_area.station == s.village_station)
    tag = c.tag(s, "village_burglary_series", "benign")
    ts = c.start_time()
    area = s.home_area
    victims, t = [], ts
    for k in range(4):
        v = c.person([area.code], lambda p: p.age() >= 25)
        if v is None:
            continue
        o = c.occ("burglary", t, area, closed=None)
        w.involve(o, v, "victim")
        w.assign(o, s, "officer_in_case", t + 2 * HOUR, None)
        victims.append(v)
        t += r.randint(3, 8) * DAY
    for v in victims[:2]:
        w.pop.known.setdefault(s.i, []).append((v.i, "neighbour", True, "2019-04-02"))
    near = [c.person([area.code], lambda p: 16 <= p.age() <= 40) for _ in range(10)]
    people = victims + [p for p in near if p]
    times = []
    for k in range(0, 45, 2):
        tk = w.at_work(r, s, ts + k * DAY)
        if tk:
            times.extend(tk + r.randint(0, 3 * HOUR) for _ in range(r.randint(1, 4)))
    _do(c, s, tag, sorted(times), people, ("summary;identity;address", "summary;warnings;history", "identity;contact;address"))


def declared_friend_da(c):
    """A village officer is sent to a domestic in his village: the victim is a declared friend; he is kept on as officer in case."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit in ("nbh", "response") and s.village_station is not None)
    tag = c.tag(s, "declared_friend_case", "benign")
    ts = c.start_time()
    area = s.home_area
    v = c.person([area.code], lambda p: p.sex == "female" and 22 <= p.age() <= 45) or _new_person(c, "female", 22, 45, area)
    sus = _new_person(c, "male", 22, 50, area)
    w.pop.link(v, sus, "ex_partner")
    w.pop.known.setdefault(s.i, []).append((v.i, "friend", True, "2018-09-20"))
    t = w.at_work(r, s, ts)
    o = c.occ("domestic_abuse", t - 1800, area)
    w.involve(o, v, "victim"); w.involve(o, sus, "suspect")
    w.assign(o, s, "officer_in_case", t, None)
    times = [w.at_work(r, s, t + k * DAY) for k in range(0, 50, 2)]
    _do(c, s, tag, [x for x in times if x], [v, v, sus], ("identity;contact;address;warnings", "summary;history"))


def family_court_disclosure(c):
    """Records and disclosure answer a family court order: every record on a mother, her children and her ex, viewed, printed, exported."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "records")
    tag = c.tag(s, "family_court_order", "benign")
    ts = c.start_time()
    mum = c.person(w.all_codes, lambda p: p.sex == "female" and 25 <= p.age() <= 40 and any(rel == "parent" for _, rel in p.links)) \
        or _new_person(c, "female", 25, 40, w.geo.areas[0])
    fam = [mum] + c.linked(mum)[:5]
    times = []
    for k in range(6):
        t = w.at_work(r, s, ts + k * 2 * DAY)
        if t:
            times.extend(t + r.randint(0, 5 * HOUR) for _ in range(r.randint(6, 14)))
    for k, t in enumerate(sorted(times)):
        p = fam[k % len(fam)]
        act = r.choice(("view", "view", "print", "export"))
        w.add(t, "rms", s, act, "person", p.pid, r.choice(("identity;contact;address;history;notes", "summary;history")), w.dev.station_ws(r, s),
              "Family court order FC26-%03d" % (41 + k % 2), tag)


def marac_prep(c):
    """The public protection team prepares the fortnightly MARAC: reviews each high-risk victim's contact details and history."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "ppu")
    tag = c.tag(s, "marac_review", "benign")
    ts = c.start_time()
    vict = []
    for _ in range(300):
        p = c.person(w.all_codes, lambda p: "domestic_abuse_victim" in p.markers and p.sex == "female")
        if p and p not in vict:
            vict.append(p)
        if len(vict) >= 25:
            break
    t = ts
    while t < w.end:
        tk = w.at_work(r, s, t)
        if tk is None:
            break
        batch = r.sample(vict, min(len(vict), r.randint(12, 22)))
        for k, p in enumerate(batch):
            w.add(tk + k * r.randint(120, 600), "rms", s, "view", "person", p.pid, r.choice(("identity;contact;address;history", "summary;warnings;history")),
                  w.dev.station_ws(r, s), "MARAC" if r.random() < .5 else "", tag)
        t = tk + 14 * DAY


def viper_parade(c):
    """A custody officer prepares identification parades: custody images of many detainees, both sexes, over a week."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "custody")
    tag = c.tag(s, "id_parade_images", "benign")
    ts = c.start_time()
    dets = [o.persons[0][0] for o in w.occs if o.cat == "custody" and o.opened < ts and o.persons][-80:]
    for k in range(5):
        t = w.at_work(r, s, ts + k * DAY)
        if not t:
            continue
        for j in range(r.randint(6, 14)):
            p = w.pop.people[r.choice(dets)]
            w.add(t + j * r.randint(60, 400), "custody", s, "view", "custody_image", p.pid, "photo", w.dev.pick(r, s), "VIPER ID procedure", tag)


def sex_worker_welfare(c):
    """An analyst tasked with a sex-worker welfare problem profile searches the women it covers; tasking recorded."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "intel")
    tag = c.tag(s, "welfare_problem_profile", "benign")
    ts = c.start_time()
    women = []
    for _ in range(300):
        p = c.person(w.all_codes, lambda p: "sex_worker" in p.markers)
        if p and p not in women:
            women.append(p)
    for p in women:
        for oi in p.occs[:2]:
            w.assign(w.occs[oi], s, "analyst", ts - DAY, None)
    times = []
    for k in range(0, 30, 2):
        t = w.at_work(r, s, ts + k * DAY)
        if t:
            times.extend(t + r.randint(0, 4 * HOUR) for _ in range(r.randint(3, 8)))
    _do(c, s, tag, sorted(times), women or [_new_person(c, "female", 20, 40, w.geo.areas[0])],
        ("summary;identity;contact;address", "summary;associates;history"), systems=("intelligence", "pnd", "rms"), reasons=("Op Lantern welfare", "problem profile"))


def school_cse_concern(c):
    """A schools officer works a child exploitation concern at one school: re-reads the girls named and the older boys around them."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "schools")
    tag = c.tag(s, "school_cse_concern", "benign")
    ts = c.start_time()
    codes = w.hub_areas[s.hub]
    girls = [c.person(codes, lambda p: p.sex == "female" and 13 <= p.age() <= 16) for _ in range(5)]
    boys = [c.person(codes, lambda p: p.sex == "male" and 17 <= p.age() <= 21) for _ in range(2)]
    people = [p for p in girls + boys if p]
    o = c.occ("concern_for_welfare", ts - DAY, _hub_area(c, s))
    for p in people:
        w.involve(o, p, "other")
    w.assign(o, s, "investigator", ts, None)
    times = []
    for k in range(0, 35, 2):
        t = w.at_work(r, s, ts + k * DAY)
        if t:
            times.extend(t + r.randint(0, 4 * HOUR) for _ in range(r.randint(2, 5)))
    _do(c, s, tag, sorted(times), people, ("summary;identity;contact;address", "summary;warnings;associates"))


def cold_case_review(c):
    """A detective is tasked to review closed rape cases: reads each closed file and its victim, weeks after closure."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "cid")
    tag = c.tag(s, "closed_case_review", "benign")
    ts = c.start_time()
    cases = [o for o in w.occs if o.cat == "sexual_offence" and o.closed and o.closed < ts and o.persons][:15]
    t = ts
    for o in cases:
        tk = w.at_work(r, s, t)
        if tk is None:
            break
        w.add(tk, "rms", s, "view", "occurrence", o.oid, "summary;history;notes", w.dev.station_ws(r, s), "case review", tag)
        for pi, role in o.persons:
            w.add(tk + r.randint(300, 3600), "rms", s, "view", "person", w.pop.people[pi].pid, "identity;contact;address;history", w.dev.station_ws(r, s), "", tag)
        t = tk + r.randint(1, 4) * DAY


ORDER = [triage_high_intensity, mispers_new_girls, roads_first_gear, burglary_series_neighbours, family_court_disclosure,
         marac_prep, seasonal_welfare, declared_friend_da, viper_parade, sex_worker_welfare, school_cse_concern, cold_case_review]


def run(c, n):
    for k in range(n):
        ORDER[k % len(ORDER)](c)
