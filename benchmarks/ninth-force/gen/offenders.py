"""Twelve ways staff of this force abuse their position: six kinds, two variants each (truth kind misconduct)."""
from .clock import DAY, HOUR
from .population import YEAR
from .names import person_name

CONTACT = ("identity;contact;address", "summary;identity;contact;address", "contact;address",
           "identity;address;photo", "summary;identity;warnings", "summary;identity;contact;address;photo")


def _new_person(c, sex, age_lo, age_hi, area, like=None):
    pop, r = c.w.pop, c.r
    fam, giv = person_name(r, sex)
    p = pop.add(r, fam if like is None else like.family, giv, sex, YEAR - r.randint(age_lo, age_hi), area, r.choice(area.units))
    p.pid = "NOM%07d" % (9000000 + p.i)
    return p


def _commit(c, s, tag, times, targets, weights, systems=("rms",), reasons=("",), fields=CONTACT, occ=None, etype="person"):
    w, r = c.w, c.r
    cum, t = [], 0.0
    for x in weights:
        t += x
        cum.append(t)
    first = None
    for ts in times:
        k = 0
        x = r.random() * t
        while cum[k] < x:
            k += 1
        p = targets[k]
        system = r.choice(systems)
        on = w.on_shift(s, ts)
        ws = w.dev.pick(r, s) if on else (s.hh or s.laptop or w.dev.station_ws(r, s)) if r.random() < .6 else w.dev.station_ws(r, s)
        reason = r.choice(reasons) if system in ("pnc", "pnd") or r.random() < .1 else ""
        if system == "pnc" and not reason:
            reason = "enquiry"
        if occ is not None and r.random() < .12:
            w.add(ts, "rms", s, "view", "occurrence", occ.oid, "summary;history;notes", ws, "", tag)
            continue
        et = etype if not callable(etype) else etype(p)
        if w.add(ts, system, s, r.choice(("view", "view", "search")) if system == "rms" else "search", et, p.pid,
                 r.choice(fields) if et == "person" else "photo", ws, reason, tag) and first is None:
            first = ts
        if system == "rms" and r.random() < .25:
            w.add(ts + r.randint(20, 240), "rms", s, "view", "person", p.pid, r.choice(fields), ws, "", tag)
    return first


def _legit(c, s, t, o, people, fields="identity;contact;address;warnings"):
    w, r = c.w, c.r
    ws = w.dev.pick(r, s)
    w.add(t, "rms", s, "view", "occurrence", o.oid, "summary;history", ws)
    for p in people:
        w.add(t + r.randint(60, 1800), "rms", s, "view", "person", p.pid, fields, ws)


def _hub_area(c, s, kind=None):
    areas = [a for a in c.w.geo.areas if a.hub == s.hub and (kind is None or a.kind == kind)]
    return c.r.choice(areas or [a for a in c.w.geo.areas if a.hub == s.hub])


def contact_kept_open_a(c):
    """Response officer attends a domestic abuse call; keeps reading the victim, her new partner and sister while the case stays open."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "response" and not s.village_station, "male")
    tag = c.tag(s, "contact_kept_open", "misconduct")
    ts = c.start_time()
    tc = w.at_work(r, s, ts - r.randint(3, 9) * DAY)
    area = _hub_area(c, s)
    v = c.person([area.code], lambda p: p.sex == "female" and 20 <= p.age() <= 36) or _new_person(c, "female", 20, 36, area)
    ex = _new_person(c, "male", 22, 45, area)
    w.pop.link(v, ex, "ex_partner")
    w.pop.mark(v, "domestic_abuse_victim")
    o = c.occ("domestic_abuse", tc - 1500, area)
    w.involve(o, v, "victim"); w.involve(o, ex, "suspect")
    w.assign(o, s, "attending", tc, tc + 3 * HOUR)
    _legit(c, s, tc, o, [v])
    w.add(tc + 900, "pnc", s, "search", "person", ex.pid, "identity;warnings", w.dev.pick(r, s), "DA incident")
    ppu = [x for x in w.staff if x.unit == "ppu"]
    if ppu:
        oic = r.choice(ppu)
        w.assign(o, oic, "officer_in_case", tc + DAY, None)
        for k in range(4):
            t = w.at_work(r, oic, tc + DAY + k * 9 * DAY)
            if t:
                _legit(c, oic, t, o, [v, ex])
    newp = _new_person(c, "male", 24, 40, area)
    w.pop.link(v, newp, "partner")
    sis = _new_person(c, "female", 18, 40, area, like=v)
    w.pop.link(v, sis, "sibling")
    times = c.cap(s, c.times(s, ts, c.count(s), off_share=.35))
    _commit(c, s, tag, times, [v, newp, sis], [7, 2, 1], occ=o)


def contact_kept_open_b(c):
    """A woman special constable at a road crash; checks the male driver again and again on PNC and RMS, mostly off duty."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "special", "female")
    tag = c.tag(s, "roadside_attachment", "misconduct")
    ts = c.start_time()
    area = _hub_area(c, s)
    man = c.person(w.hub_areas[s.hub], lambda p: p.sex == "male" and 25 <= p.age() <= 42) or _new_person(c, "male", 25, 42, area)
    tc = ts - r.randint(2, 10) * DAY
    o = c.occ("road_traffic", tc - 2400, area)
    w.involve(o, man, "other")
    other = c.person([area.code], lambda p: p.age() >= 18)
    if other and other.i != man.i:
        w.involve(o, other, "other")
    w.assign(o, s, "attending", tc, None)
    ws = s.hh or w.dev.pick(r, s)
    w.add(tc + 300, "pnc", s, "search", "person", man.pid, "identity;warnings", ws, "RTC")
    w.add(tc + 900, "rms", s, "view", "person", man.pid, "identity;contact;address", ws)
    w.add(tc + 1200, "pnc", s, "search", "vehicle", c.o.vrm(), "vehicles", ws, "RTC")
    partner = [p for p in c.linked(man, ("partner", "spouse"))] or [_new_person(c, "female", 24, 42, area)]
    if not c.linked(man, ("partner", "spouse")):
        w.pop.link(man, partner[0], "partner")
    times = c.cap(s, c.times(s, ts, c.count(s, .05, .09), off_share=.7))
    _commit(c, s, tag, times, [man, partner[0]], [8, 2], systems=("pnc", "rms", "rms"),
            reasons=("RTC follow up", "rtc enquiry", "enquiry", "RTC"), occ=o)


def thin_counter_visitors(c):
    """A front counter clerk (police staff) looks up women who came to the counter, a look or two a week, for months."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "counter", "male")
    tag = c.tag(s, "counter_visitors", "misconduct")
    ts = c.start_time()
    codes = w.hub_areas[s.hub]
    times = c.cap(s, c.thin_times(s, ts, (1, 1, 2, 0), off_share=.05))
    women = []
    for k, t in enumerate(times):
        if not women or r.random() < .45:
            p = c.person(codes, lambda p: p.sex == "female" and 18 <= p.age() <= 34)
            if p is None:
                continue
            met = w.at_work(r, s, t - r.randint(2, 20) * DAY)
            if met:
                w.add(met, "rms", s, "search", "person", p.pid, "summary;warnings", w.dev.station_ws(r, s))
            women.append(p)
        p = women[-1] if r.random() < .6 else r.choice(women)
        _commit(c, s, tag, [t], [p], [1], fields=("identity;contact;address", "summary;identity;address", "contact;address;photo"))


def thin_call_handler(c):
    """A call handler returns to women who rang 999 on his calls, weeks later: one or two a week, on shift at his console."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "ctrl_ch", "male")
    tag = c.tag(s, "caller_recall", "misconduct")
    ts = c.start_time()
    times = c.cap(s, c.thin_times(s, ts, (1, 2, 2, 1), off_share=0))
    handled = [o for o in w.occs if any(a[0] == s.i and a[1] == "call_handler" for a in o.assigns)]
    for t in times:
        cand = [w.pop.people[pi] for o in handled if o.opened < t - 3 * DAY for pi, role in o.persons
                if role in ("caller", "victim", "other") and w.pop.people[pi].sex == "female" and 17 <= w.pop.people[pi].age() <= 34]
        if not cand:
            continue
        p = cand[min(len(cand) - 1, int(len(cand) * (1 - r.random() ** 2)))]
        _commit(c, s, tag, [t], [p], [1], fields=("summary;identity;contact;address", "identity;address", "summary;warnings"))


def village_insider_a(c):
    """A village officer who lives on his patch reads a separated neighbour, her ex and her new man; he has declared her brother."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "nbh" and s.village_station and s.home_area.station == s.village_station, "male")
    tag = c.tag(s, "village_insider", "misconduct")
    ts = c.start_time()
    area = s.home_area
    v = c.person([area.code], lambda p: p.sex == "female" and 24 <= p.age() <= 44) or _new_person(c, "female", 24, 44, area)
    w.pop.mark(v, "domestic_abuse_victim")
    ex = _new_person(c, "male", 25, 50, area)
    w.pop.link(v, ex, "ex_partner")
    old = c.occ("domestic_abuse", w.start - 95 * DAY, area, closed=w.start - 30 * DAY)
    w.involve(old, v, "victim"); w.involve(old, ex, "suspect")
    bro = _new_person(c, "male", 25, 50, area, like=v)
    w.pop.link(v, bro, "sibling")
    newp = _new_person(c, "male", 25, 48, area)
    w.pop.link(v, newp, "partner")
    w.pop.known.setdefault(s.i, []).extend([(bro.i, "friend", True, "2021-06-14"), (v.i, "neighbour", False, "")])
    times = c.cap(s, c.times(s, ts, c.count(s, .03, .07), off_share=.35))
    _commit(c, s, tag, times, [v, ex, newp, bro], [6, 2, 2, 1], fields=CONTACT + ("summary;identity;history", "summary;identity;associates"))


def village_insider_b(c):
    """A village PCSO searches the young woman next door and her mother, from the station terminal; nothing declared."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "pcso" and s.village_station is not None, "male")
    tag = c.tag(s, "next_door", "misconduct")
    ts = c.start_time()
    area = s.home_area
    v = c.person([area.code], lambda p: p.sex == "female" and 18 <= p.age() <= 24) or _new_person(c, "female", 18, 24, area)
    mum = [p for p in c.linked(v, ("parent",)) if p.age() > v.age()] or [_new_person(c, "female", 40, 55, area, like=v)]
    times = c.cap(s, c.thin_times(s, ts, (1, 2, 2, 0, 3), off_share=.15))
    _commit(c, s, tag, times, [v, mum[0]], [8, 2], fields=("summary;identity;address", "identity;contact;address", "summary;warnings", "summary;identity;contact;address;photo"))


def young_men_rural(c):
    """A rural crime officer singles out two or three young male farm workers under cover of the team's seasonal checks."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "rural", "male")
    tag = c.tag(s, "harvest_favourites", "misconduct")
    ts = c.start_time()
    ys = [w.pop.people[i] for i in w.pop.farm_workers if w.pop.people[i].sex == "male" and w.pop.people[i].age() <= 24]
    r.shuffle(ys)
    targets = ys[:3] or [_new_person(c, "male", 19, 24, _hub_area(c, s))]
    times = c.cap(s, c.times(s, ts, c.count(s, .04, .08), off_share=.4))
    _commit(c, s, tag, times, targets, [5, 3, 2][:len(targets)], systems=("pnc", "rms", "rms"),
            reasons=("Op Harvest", "seasonal worker check", "name check", "farm visit"),
            fields=("identity;contact;address;photo", "summary;identity;photo", "contact;address", "identity;warnings"))


def young_men_schools(c):
    """A schools officer (a woman) reads teenage boys from the schools she covers, their contact details and one boy's custody photo."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "schools", "female")
    tag = c.tag(s, "school_boys", "misconduct")
    ts = c.start_time()
    codes = w.hub_areas[s.hub]
    boys = []
    for _ in range(3):
        b = c.person(codes, lambda p: p.sex == "male" and 15 <= p.age() <= 17 and p not in boys)
        if b:
            boys.append(b)
    if not boys:
        boys = [_new_person(c, "male", 15, 17, _hub_area(c, s))]
    arresting = c.staff(lambda x: x.unit == "response" and x.hub == s.hub)
    c.cast.remove(arresting.i)
    c.o.custody(boys[0], arresting, ts - r.randint(5, 15) * DAY, s.hub, None)
    times = c.cap(s, c.times(s, ts, c.count(s, .03, .07), off_share=.3))
    _commit(c, s, tag, times, boys, [5, 3, 2][:len(boys)],
            etype=lambda p: "custody_image" if p is boys[0] and r.random() < .25 else "person",
            fields=("summary;identity;contact;address", "identity;photo", "summary;identity", "contact;address"))


def custody_images(c):
    """A custody officer goes back to young women held at his suite after release: their custody photographs and addresses."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "custody", "male")
    tag = c.tag(s, "after_release", "misconduct")
    ts = c.start_time()
    n = c.count(s, .03, .07)
    times = c.cap(s, c.times(s, ts, n, off_share=.1))
    for t in times:
        cand = [o for o in w.occs if o.cat == "custody" and o.station == s.station and o.closed and o.closed < t and o.opened > t - 40 * DAY
                and w.pop.people[o.persons[0][0]].sex == "female" and w.pop.people[o.persons[0][0]].age() <= 35]
        if not cand:
            continue
        p = w.pop.people[r.choice(cand[-12:]).persons[0][0]]
        ws = w.dev.pick(r, s) if w.on_shift(s, t) else w.dev.station_ws(r, s)
        w.add(t, "custody", s, "view", "custody_image", p.pid, "photo", ws, "", tag)
        if r.random() < .6:
            w.add(t + r.randint(30, 300), "rms", s, "view", "person", p.pid, r.choice(("identity;contact;address", "contact;address")), ws, "", tag)


def analyst_profile(c):
    """An analyst with a real drugs tasking trawls women marked as sex workers or drug users, typing 'problem profile'."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "intel", "male")
    tag = c.tag(s, "profile_trawl", "misconduct")
    ts = c.start_time()
    drugs = [o for o in w.occs if o.cat == "drugs" and o.opened < ts][-6:]
    for o in drugs:
        w.assign(o, s, "analyst", ts - 5 * DAY, None)
    women = []
    for _ in range(200):
        p = c.person(w.all_codes, lambda p: p.sex == "female" and 18 <= p.age() <= 40 and ("sex_worker" in p.markers or "substance_misuse" in p.markers))
        if p and p not in women:
            women.append(p)
        if len(women) >= 14:
            break
    times = c.cap(s, c.times(s, ts, c.count(s, .02, .05), off_share=.05))
    _commit(c, s, tag, times, women, [1.0 / (k + 1) for k in range(len(women))], systems=("intelligence", "pnd", "rms"),
            reasons=("problem profile", "research", "tasking"), fields=("summary;identity;contact;address;photo", "summary;associates", "identity;photo"))


def welfare_pretext(c):
    """A response officer volunteers for every welfare call about one woman in crisis and reads her between calls, off duty."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "response" and not s.village_station, "male")
    tag = c.tag(s, "welfare_volunteer", "misconduct")
    ts = c.start_time()
    area = _hub_area(c, s)
    v = c.person(w.hub_areas[s.hub], lambda p: p.sex == "female" and 25 <= p.age() <= 45 and "mental_health" in p.markers) \
        or _new_person(c, "female", 25, 45, area)
    w.pop.mark(v, "mental_health")
    t = ts - 4 * DAY
    for k in range(r.randint(3, 5)):
        tk = w.at_work(r, s, t)
        if tk is None:
            break
        o = c.occ("concern_for_welfare", tk - 1200, v.area, closed=tk + 6 * HOUR)
        w.involve(o, v, "other")
        w.assign(o, s, "attending", tk, tk + 2 * HOUR)
        _legit(c, s, tk, o, [v])
        t = tk + r.randint(8, 20) * DAY
    house = c.linked(v, ("household", "partner", "parent", "spouse", "sibling"))[:2]
    times = c.cap(s, c.times(s, ts, c.count(s, .02, .05), off_share=.6))
    _commit(c, s, tag, times, [v] + house, [6] + [1] * len(house))


def after_closure(c):
    """A detective's sexual offence case is closed (no further action); he keeps reading the victim, her address and her new partner."""
    w, r = c.w, c.r
    s = c.staff(lambda s: s.unit == "cid", "male")
    tag = c.tag(s, "after_closure", "misconduct")
    ts = c.start_time()
    area = _hub_area(c, s)
    v = c.person(w.hub_areas[s.hub], lambda p: p.sex == "female" and 19 <= p.age() <= 34) or _new_person(c, "female", 19, 34, area)
    w.pop.mark(v, "sexual_offence_victim")
    closed = ts - r.randint(3, 10) * DAY
    o = c.occ("sexual_offence", w.start - 50 * DAY, v.area, closed=closed)
    w.involve(o, v, "victim")
    sus = _new_person(c, "male", 20, 45, v.area)
    w.involve(o, sus, "suspect")
    w.assign(o, s, "officer_in_case", w.start - 49 * DAY, closed)
    t = w.start
    while t < closed:
        tk = w.at_work(r, s, t)
        if tk is None or tk >= closed:
            break
        _legit(c, s, tk, o, [v])
        t = tk + r.randint(4, 9) * DAY
    newp = _new_person(c, "male", 20, 40, v.area)
    w.pop.link(v, newp, "partner")
    times = c.cap(s, c.times(s, ts, c.count(s, .02, .06), off_share=.3))
    _commit(c, s, tag, times, [v, newp], [8, 2], systems=("rms", "rms", "pnd"), reasons=("enquiry", "research"),
            fields=CONTACT + ("summary;identity;photo",), occ=o)


ORDER = [contact_kept_open_a, contact_kept_open_b, thin_counter_visitors, young_men_rural, village_insider_a,
         after_closure, thin_call_handler, village_insider_b, young_men_schools, custody_images, analyst_profile,
         welfare_pretext]


def run(c, n):
    for k in range(n):
        ORDER[k % len(ORDER)](c)
