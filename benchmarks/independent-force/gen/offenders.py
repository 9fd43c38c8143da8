"""Misconduct (kind=misconduct): twelve staff, six kinds x 2, built from the warning signs in domain.md.
Each scenario plants what the force's records would hold, then (in activity) the misuse itself."""
from . import clock, names
from .cast import (_assign, add_person, area_of, choose, custody, duty_time, family_of, off_duty_nights,
                   on_shift_times, person, pick_on_duty, plant_occurrence, standard_staffing)
from .common import R_CALLER, R_DISPATCH, R_RESEARCH, R_STOP, desk, field_device, office_device, pick

DAY, HOUR, MIN = clock.DAY, clock.HOUR, clock.MIN
VULN = {"mental_health", "vulnerable_adult", "sex_worker", "domestic_abuse_victim", "sexual_offence_victim",
        "substance_misuse", "missing_person", "stalking_victim"}


def look(W, st, t, p, style, ws=None):
    rng = W.rng
    if style == "rms_contact":
        W.emit(t, st, "rms", "view", "person", p.pid, pick(rng, ("identity;contact;address", "contact;address", "identity;summary;contact")), ws or office_device(rng, st))
    elif style == "rms_photo":
        W.emit(t, st, "rms", "view", "person", p.pid, pick(rng, ("identity;photo;address", "identity;photo", "summary;photo;contact")), ws or office_device(rng, st))
    elif style == "rms_history":
        W.emit(t, st, "rms", "view", "person", p.pid, pick(rng, ("identity;history;address", "summary;history;associates")), ws or office_device(rng, st))
    elif style == "pnc":
        W.emit(t, st, "pnc", "search", "person", p.pid, pick(rng, ("identity;warnings;address", "identity;warnings", "identity;address;vehicles")), ws or field_device(rng, st), pick(rng, R_STOP))
    elif style == "pnd":
        W.emit(t, st, "pnd", "search", "person", p.pid, pick(rng, ("identity;history;associates", "identity;associates;notes")), ws or office_device(rng, st), pick(rng, R_RESEARCH))
    elif style == "cc":
        W.emit(t, st, "command_control", "search", "person", p.pid, pick(rng, ("identity;address;history", "identity;address")), ws or desk(rng, st))
    elif style == "cc_rms":
        W.emit(t, st, "rms", "search", "person", p.pid, pick(rng, ("summary;history;warnings", "identity;contact;address")), ws or desk(rng, st), pick(rng, R_CALLER))
    elif style == "image":
        W.emit(t, st, "custody", "view", "custody_image", p.pid, "photo", ws or desk(rng, st))


def _mix(W, styles):
    return styles[W.rng.randrange(len(styles))]


def attended_victim_revisit(W, role, scenario, cat, marker, d_att, delay, rates):
    rng = W.rng
    st = choose(W, role, lambda s: s.area is not None)
    area = st.area
    t = duty_time(W, st, d_att, d_att + 8, 1, 5)
    v = person(W, area, "female", 20, 32, {marker} | ({"mental_health"} if rng.random() < .4 else set()))
    rel = family_of(W, v, area, partner=True, mother=True)
    o = plant_occurrence(W, cat, t - rng.randrange(10, 25) * MIN, st.station,
                         closed=t + rng.randrange(15, 30) * DAY if cat == "domestic_abuse" else None)
    add_person(o, v, "victim")
    sus = rel[0] if cat == "domestic_abuse" else person(W, area, "male", 20, 45)
    add_person(o, sus, "suspect")
    standard_staffing(W, o)
    _assign(o, st, "attending", t, t + rng.randrange(2, 4) * HOUR)
    if cat == "domestic_abuse":
        oic = pick_on_duty(W, "resp", st.station, t + 10 * HOUR, (st,))
        custody(W, sus, t + HOUR, st.station, st, o)
    else:
        oic = pick_on_duty(W, "ppu", "Corrowby", t + 10 * HOUR)
    _assign(o, oic, "officer_in_case", t + 10 * HOUR, o.closed)

    def act():
        a = t + delay * DAY
        times = on_shift_times(W, st, a, a + 35 * DAY, rates[0]) + on_shift_times(W, st, a + 35 * DAY, W.t_end, rates[1])
        for x in sorted(times):
            look(W, st, x, v, _mix(W, ("rms_contact", "rms_contact", "pnc", "rms_photo")))
            if rng.random() < .15:
                look(W, st, x + rng.randrange(60, 600), rel[1], "rms_contact")
    return st, scenario, act


def trawl(W, role, scenario, d0, per_week, styles, ages=(18, 35)):
    rng = W.rng
    st = choose(W, role, lambda s: s.area is not None or role == "detective")
    area = area_of(W, st)
    mine = {p.pid for o in W.occs for s, r, a, b in o.assign if s is st for p, _ in o.persons}
    cand = [p for p in W.persons if p.sex == "female" and p.byear and ages[0] <= 2025 - p.byear <= ages[1]
            and p.markers & VULN and p.pid not in mine]
    local = [p for p in cand if p.area == area]

    def act():
        used = set()
        for x in sorted(on_shift_times(W, st, W.t0 + d0 * DAY, W.t_end, per_week)):
            pool = local if rng.random() < .7 else cand
            p = pool[rng.randrange(len(pool))]
            if p.pid in used:
                continue
            used.add(p.pid)
            look(W, st, x, p, _mix(W, styles))
            if rng.random() < .25:
                look(W, st, x + rng.randrange(30, 400), p, "rms_photo")
    return st, scenario, act


def declared_ex(W):
    rng = W.rng
    st = choose(W, "supervisor", lambda s: s.pat == "relief" and s.home_area is not None)
    area = st.home_area
    ex = person(W, area, "female" if rng.random() < .8 else "male", 27, 40)
    rel = family_of(W, ex, area, partner=True, mother=True, child=True)
    W.declared.append((st.sid, ex.pid, "ex_partner", W.t0 - rng.randrange(300, 900) * DAY))

    def act():
        a = W.t0 + rng.randrange(25, 45) * DAY
        times = on_shift_times(W, st, a, W.t_end, .9) + off_duty_nights(W, st, a + 10 * DAY, W.t_end, 3)
        for x in sorted(times):
            y = rng.random()
            if y < .4:
                look(W, st, x, rel[0], _mix(W, ("pnc", "rms_history")))
            elif y < .75:
                look(W, st, x, ex, _mix(W, ("rms_contact", "rms_photo")))
            else:
                look(W, st, x, rel[rng.randrange(1, 3)], "rms_contact")
    return st, "declared_ex_partner_circle", act


def undeclared_partners_ex(W):
    rng = W.rng
    st = choose(W, "police_staff", lambda s: s.team == "Disclosure Unit" and s.home_area is not None)
    area = st.home_area
    q = person(W, area, "female", 29, 40)
    q.pc = st.home_pc
    r = person(W, area, "male", 30, 45, {"custody_detainee"} if rng.random() < .5 else ())
    W.link(q, r, "ex_partner")
    rel = family_of(W, r, area, partner=True, mother=True)
    old = plant_occurrence(W, "domestic_abuse", W.t0 - rng.randrange(200, 400) * DAY, "Ashwick")
    old.closed = old.opened + 40 * DAY
    add_person(old, q, "victim")
    add_person(old, r, "suspect")
    q.markers.add("domestic_abuse_victim")
    _assign(old, W.static[("resp", None)][rng.randrange(50)], "officer_in_case", old.opened + 3 * HOUR, old.closed)

    def act():
        for x in sorted(on_shift_times(W, st, W.t0 + rng.randrange(15, 25) * DAY, W.t_end, 1.2, ("duty",))):
            y = rng.random()
            p = r if y < .5 else rel[0] if y < .75 else rel[1] if y < .9 else q
            look(W, st, x, p, _mix(W, ("rms_contact", "rms_history", "rms_contact", "pnd")))
    return st, "undeclared_partners_ex", act


def teammate_case(W):
    rng = W.rng
    st = choose(W, "detective", lambda s: s.team == "Public Protection Unit")
    mate = [s for s in W.staff if s.team == st.team and s is not st and s.role == "detective"][0]
    t = duty_time(W, mate, 4, 12, 1, 6)
    area = rng.randrange(len(names.STATIONS))
    v = person(W, area, "female", 19, 29, {"sexual_offence_victim"})
    family_of(W, v, area, partner=False, mother=True)
    o = plant_occurrence(W, "sexual_offence", t - 3 * HOUR, names.STATIONS[area][0])
    add_person(o, v, "victim")
    add_person(o, person(W, area, "male", 20, 50), "suspect")
    standard_staffing(W, o)
    _assign(o, pick_on_duty(W, "resp", o.station, o.opened + 20 * MIN), "attending", o.opened + 20 * MIN, o.opened + 4 * HOUR)
    _assign(o, mate, "officer_in_case", t, None)

    def act():
        a = t + rng.randrange(4, 9) * DAY
        times = on_shift_times(W, st, a, a + 60 * DAY, 1.3) + on_shift_times(W, st, a + 60 * DAY, W.t_end, .4)
        for x in sorted(times):
            if rng.random() < .4:
                W.emit(x - rng.randrange(30, 300), st, "rms", "view", "occurrence", o.oid, "summary;notes", office_device(rng, st), tag=False)
            look(W, st, x, v, _mix(W, ("rms_contact", "rms_photo", "rms_contact")))
    return st, "teammate_case_victim", act


def lingering(W):
    rng = W.rng
    st = choose(W, "safeguarding_officer")
    area = rng.randrange(len(names.STATIONS))
    t = W.t0 + rng.randrange(2, 7) * DAY + 14 * HOUR
    v = person(W, area, "female", 22, 34, {"domestic_abuse_victim"})
    sus = person(W, area, "male", 24, 40)
    W.link(v, sus, "ex_partner")
    kin = family_of(W, v, area, partner=True, mother=True, child=True)
    o = plant_occurrence(W, "domestic_abuse", t, names.STATIONS[area][0], closed=t + rng.randrange(18, 26) * DAY)
    o.flag = "capcase"
    add_person(o, v, "victim")
    add_person(o, sus, "suspect")
    standard_staffing(W, o)
    att = pick_on_duty(W, "resp", o.station, t + 15 * MIN)
    _assign(o, att, "attending", t + 15 * MIN, t + 3 * HOUR)
    _assign(o, att, "officer_in_case", t + 3 * HOUR, o.closed)
    _assign(o, st, "investigator", t + DAY, None)

    def act():
        a = o.closed + rng.randrange(8, 16) * DAY
        for x in sorted(on_shift_times(W, st, a, W.t_end, 1.0)):
            y = rng.random()
            if y < .5:
                look(W, st, x, v, _mix(W, ("rms_contact", "rms_photo")))
            elif y < .8:
                look(W, st, x, kin[0], _mix(W, ("rms_history", "pnd")))
            else:
                look(W, st, x, kin[rng.randrange(1, 3)], "rms_contact")
    return st, "lingering_assignment", act


def night_mdt(W):
    rng = W.rng
    st = choose(W, "response_officer", lambda s: s.area is not None and s.vehicles and s.mobile)
    t = duty_time(W, st, 5, 14, 1, 6)
    v = person(W, st.area, "female", 20, 31, {"mental_health", "vulnerable_adult"})
    mum = family_of(W, v, st.area, partner=False, mother=True)[0]
    o = plant_occurrence(W, "concern_for_welfare", t - 30 * MIN, st.station, closed=t + 5 * HOUR)
    add_person(o, v, "other")
    add_person(o, mum, "caller")
    standard_staffing(W, o)
    _assign(o, st, "attending", t, t + 3 * HOUR)

    def act():
        for x in off_duty_nights(W, st, t + rng.randrange(7, 14) * DAY, W.t_end, 10):
            ws = st.mobile if rng.random() < .5 else st.vehicles[0]
            for k in range(rng.choice((1, 1, 2, 3))):
                look(W, st, x + k * rng.randrange(60, 400), v, _mix(W, ("rms_photo", "rms_contact", "pnc")), ws)
    return st, "off_duty_night_lookups", act


def custody_night(W):
    rng = W.rng
    st = choose(W, "custody_officer", lambda s: s.mobile is not None)
    t = duty_time(W, st, 8, 20, 1, 4)
    area = rng.choice([i for i, s in enumerate(names.STATIONS) if names.CUSTODY_SUITES[s[0]] == st.station])
    v = person(W, area, "female", 19, 29, {"substance_misuse", "sex_worker"} if rng.random() < .5 else {"substance_misuse", "mental_health"})
    c = custody(W, v, t, names.STATIONS[area][0], pick_on_duty(W, "resp", names.STATIONS[area][0], t))
    W.cast_occs.append(c)

    def act():
        ws = desk(rng, st)
        W.emit(t + 10 * MIN, st, "custody", "view", "person", v.pid, "identity;custody;warnings;photo", ws, tag=False)
        W.emit(t + 25 * MIN, st, "custody", "view", "custody_image", v.pid, "photo", ws, tag=False)
        W.emit(t + 40 * MIN, st, "custody", "update", "occurrence", c.oid, "custody;notes", ws, tag=False)
        for x in off_duty_nights(W, st, t + rng.randrange(10, 18) * DAY, W.t_end, 7):
            look(W, st, x, v, _mix(W, ("rms_contact", "rms_photo")), st.mobile)
            if rng.random() < .5:
                look(W, st, x + rng.randrange(120, 900), v, "image", st.desks[0])
    return st, "custody_detainee_night", act


def caller_revisit(W, role, scenario):
    rng = W.rng
    st = choose(W, role)
    t = duty_time(W, st, 6, 16, 1, 10)
    area = rng.randrange(len(names.STATIONS))
    cat = "stalking_harassment" if role == "call_handler" else "concern_for_welfare"
    v = person(W, area, "female", 23, 38, {"stalking_victim", "mental_health"} if role == "call_handler" else {"vulnerable_adult", "mental_health"})
    family_of(W, v, area, partner=False, mother=True)
    o = plant_occurrence(W, cat, t - 2 * MIN, names.STATIONS[area][0], closed=t + (rng.randrange(10, 20) * DAY if cat == "stalking_harassment" else 6 * HOUR))
    add_person(o, v, "victim" if cat == "stalking_harassment" else "other")
    add_person(o, v, "caller")
    if role == "call_handler":
        _assign(o, st, "call_handler", o.opened, o.opened + 14 * MIN)
        add_person(o, person(W, area, "male", 25, 50), "suspect")
    else:
        standard_staffing(W, o, (st,))
    att = pick_on_duty(W, "resp", o.station, t + 20 * MIN)
    _assign(o, att, "attending", t + 20 * MIN, t + 3 * HOUR)

    def act():
        if role == "dispatcher":
            W.emit(t + 5 * MIN, st, "command_control", "view", "occurrence", o.oid, "summary;notes", desk(rng, st), tag=False)
        a = t + rng.randrange(5, 12) * DAY
        times = on_shift_times(W, st, a, a + 56 * DAY, 1.4) + on_shift_times(W, st, a + 56 * DAY, W.t_end, .4)
        for x in sorted(times):
            if role == "dispatcher" and rng.random() < .5:
                W.emit(x, st, "pnc", "search", "person", v.pid, "identity;warnings;address", desk(rng, st),
                       pick(rng, R_DISPATCH) % ("PC %d" % rng.randrange(1000, 9999)))
            else:
                look(W, st, x, v, _mix(W, ("cc", "cc_rms", "cc")))
    return st, scenario, act


def setup(W):
    cast = []
    cast.append(attended_victim_revisit(W, "response_officer", "da_victim_revisit", "domestic_abuse", "domestic_abuse_victim", 6, 9, (2.2, .7)))
    cast.append(attended_victim_revisit(W, "neighbourhood_officer", "sexual_offence_victim_revisit", "sexual_offence", "sexual_offence_victim", 14, 20, (.7, .6)))
    cast.append(trawl(W, "response_officer", "marked_women_trawl", 12, 3.0, ("pnc", "pnc", "pnc", "rms_photo", "rms_contact")))
    cast.append(trawl(W, "detective", "vulnerable_women_research_cover", 25, 2.0, ("pnd", "rms_photo", "rms_contact", "rms_history"), (18, 30)))
    cast.append(declared_ex(W))
    cast.append(undeclared_partners_ex(W))
    cast.append(teammate_case(W))
    cast.append(lingering(W))
    cast.append(night_mdt(W))
    cast.append(custody_night(W))
    cast.append(caller_revisit(W, "call_handler", "caller_revisit_call_handler"))
    cast.append(caller_revisit(W, "dispatcher", "caller_revisit_dispatcher"))
    for st, scenario, act in cast:
        st.cast.add("misconduct")
        W.truth.append((st.sid, scenario, "misconduct", st.sid))
    from . import lookalikes
    cast += lookalikes.setup(W)
    return cast


def activity(W, cast):
    for st, scenario, act in cast:
        W.cur_tag = st.sid
        act()
        W.cur_tag = None
