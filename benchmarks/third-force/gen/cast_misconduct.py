"""Six kinds of abuse of position for a sexual purpose, each played twice by different roles.

1 attended_victim_contact   response / neighbourhood officer: a domestic abuse victim they attended; contact details
                            read for weeks while the case stays open (inside a legitimate-looking link)
2 managed_offender_partner  offender manager (detective / police staff): the partner of a managed nominal, slowly,
                            over months, desk and home laptop (inside a legitimate-looking link)
3 caller_pursuit            call handler / dispatcher: a woman who called; a fast burst of follow-up, some from a
                            control-room console on rest days
4 night_checks_young_women  transport officer / special constable: PNC checks of young women at night typed
                            "stop check", no stop recorded; many women, a few followed up
5 dating_match_checks       records clerk / analyst: a woman met privately, her ex and her family; off duty or
                            before and after the working day
6 victim_beyond_case        child exploitation officer / sexual offences detective: a young victim of their own
                            case, photos and contact details, carrying on after the case closed
"""
from . import clock
from .cast_common import duty_times, off_times, first_shift_from, person_like, on_duty, H

KINDS = [
    ("attended_victim_contact", ["response"], ["neighbourhood"]),
    ("managed_offender_partner", ["omu"], ["omu_staff"]),
    ("caller_pursuit", ["call"], ["dispatch"]),
    ("night_checks_young_women", ["transport"], ["specials"]),
    ("dating_match_checks", ["records"], ["intel"]),
    ("victim_beyond_case", ["cet"], ["sou"]),
]
ROLE_FALLBACK = {"response": ["response_officer"], "neighbourhood": ["neighbourhood_officer"], "omu": ["detective"],
                 "omu_staff": ["police_staff"], "call": ["call_handler"], "dispatch": ["dispatcher"],
                 "transport": ["response_officer"], "specials": ["special_constable"], "records": ["police_staff"],
                 "intel": ["intelligence_analyst"], "cet": ["safeguarding_officer"], "sou": ["detective"]}


def plan(n_staff):
    n = max(7, round(12 * n_staff / 1500))
    return [(KINDS[k % 6][0], KINDS[k % 6][1 + (k // 6) % 2]) for k in range(n)]


def _day(t):
    return clock.day_of(t)


def _off_dev(s):
    return s.handheld or s.laptop or s.pcs[0]


# ---------------------------------------------------------------- 1 attended_victim_contact
def setup_attended(env, part):
    rng, ctx, s, O, P = part.rng, part.context(env), part.s, env.O, env.P
    i = first_shift_from(ctx, rng.randint(6, 26), night=True) or first_shift_from(ctx, rng.randint(6, 26))
    a, b, _k = ctx.shifts[i]
    opened = a + rng.randint(2, 6) * H
    v = person_like(env, rng, "female", 22, 38, s.borough)
    sus = P.partner.get(v) or person_like(env, rng, "male", 24, 45, s.borough)
    if P.partner.get(v) is None:
        P.link(v, sus, "ex_partner")
    o = O.add("domestic_abuse", opened, None, geo_main(s))
    O.involve(o, v, "victim")
    O.involve(o, v, "caller")
    O.involve(o, sus, "suspect")
    P.mark(v, "domestic_abuse_victim")
    ch = on_duty(env, "call", "*", opened, rng)
    if ch is not None:
        O.assign_staff(o, ch, "call_handler", opened, opened + 900)
    O.assign_staff(o, s.idx, "attending", opened + 1200, opened + 1200 + rng.randint(2, 4) * H)
    det = on_duty(env, "cid", s.borough, opened + 30 * H, rng) or env.units["cid"][0].idx
    O.assign_staff(o, det, "officer_in_case", opened + 30 * H, None)
    part.v, part.o, part.t0 = v, o, opened + 1200 + 5 * H
    part.note = "attended a domestic abuse call; victim's contact details read for weeks after"


def act_attended(env, part):
    ctx, s, P = part.ctx, part.s, env.P
    rng = ctx.rng
    start = part.t0 + rng.randint(3, 7) * clock.DAY
    end = start + rng.randint(21, 35) * clock.DAY
    n = rng.randint(11, 16)
    n_off = int(n * 0.4)
    times = [(t, i) for t, i in duty_times(ctx, start, end, n - n_off)]
    times += [(t, None) for t in off_times(ctx, _day(start), _day(end), n_off, 19.5, 23.5)]
    times.sort()
    family = [x for x, rel in P.linked.get(part.v, []) if rel in ("child", "family", "sibling", "partner", "friend")]
    for k, (t, i) in enumerate(times):
        ws = ctx.dev(t, i) if i is not None else _off_dev(s)
        r = rng.random()
        if k == 0 or r < 0.55:
            part.emit("rms", t, "view", "person", part.v, rng.choice(["identity;contact", "contact;address", "summary;identity;contact;photo", "identity;address;contact"]), ws)
        elif r < 0.7:
            part.emit("rms", t, "view", "occurrence", part.o, "summary;notes", ws)
            part.emit("rms", t + rng.randint(30, 200), "view", "person", part.v, "contact;photo", ws)
        elif r < 0.82 and i is not None:
            part.emit("pnc", t, "search", "person", part.v, "identity;warnings", ws, rng.choice(["enquiry", "follow up", "DA enq"]))
        elif family:
            part.emit("rms", t, "search", "person", rng.choice(family), "summary;identity;address", ws)
        else:
            part.emit("rms", t, "view", "person", part.v, "address;photo", ws)


def geo_main(s):
    from . import geography as geo
    return geo.BOROUGH_MAIN[s.borough]


# ---------------------------------------------------------------- 2 managed_offender_partner
def setup_offender_partner(env, part):
    rng, P, s = part.rng, env.P, part.s
    noms = list(env.caseload.get(s.idx) or P.pools["nominals"])
    rng.shuffle(noms)
    target, nom = None, None
    for n in noms:
        w = P.partner.get(n)
        if w is not None and P.sex[w] == "female" and 20 <= P.age(w) <= 42 and w not in env.cast_people:
            target, nom = w, n
            break
    if target is None:
        nom = noms[0]
        target = person_like(env, rng, "female", 22, 38)
        P.link(nom, target, "partner")
        if nom not in env.caseload.setdefault(s.idx, []):
            env.caseload[s.idx].append(nom)
    env.cast_people.add(target)
    part.v, part.nom = target, nom
    part.note = "a managed offender's partner, read slowly over months from desk and home laptop"


def act_offender_partner(env, part):
    ctx, s, P = part.ctx, part.s, env.P
    rng = ctx.rng
    d0 = rng.randint(6, 20)
    end_day = env.days - rng.randint(2, 8)
    n = rng.randint(22, 30)
    n_off = int(n * 0.35)
    times = [(t, i) for t, i in duty_times(ctx, clock.local(d0, 0), clock.local(end_day, 0), n - n_off)]
    times += [(t, None) for t in off_times(ctx, d0, end_day, n_off, 20.0, 23.75)]
    times.sort()
    fam = [x for x, rel in P.linked.get(part.v, []) if x != part.nom]
    for k, (t, i) in enumerate(times):
        ws = ctx.dev(t, i) if i is not None else (s.laptop or s.pcs[0])
        r = rng.random()
        if k > 0 and r < 0.2:      # cover: the nominal first, then her
            part.emit("rms", t, "view", "person", part.nom, "summary;associates", ws)
            t += rng.randint(20, 120)
        r = rng.random()
        if k == 0 or r < 0.5:
            part.emit("rms", t, "view", "person", part.v, rng.choice(["identity;address;contact", "contact;photo", "identity;photo;address", "summary;contact"]), ws)
        elif r < 0.68:
            part.emit("pnd", t, "search", "person", part.v, "identity;address;associates", ws, rng.choice(["IOM", "offender management", ""]))
        elif r < 0.82:
            part.emit("intelligence", t, "view", "person", part.v, "summary;associates;notes", ws, "")
        elif fam:
            part.emit("rms", t, "search", "person", rng.choice(fam), "summary;identity;address", ws)
        else:
            part.emit("rms", t, "view", "person", part.v, "address;contact", ws)


# ---------------------------------------------------------------- 3 caller_pursuit
def setup_caller(env, part):
    rng, ctx, s, O, P = part.rng, part.context(env), part.s, env.O, env.P
    i = first_shift_from(ctx, rng.randint(12, 50), night=True) or first_shift_from(ctx, rng.randint(12, 50))
    a, b, _k = ctx.shifts[i]
    opened = a + rng.randint(1, 9) * H
    from . import geography as geo
    borough = rng.choice(geo.BOROUGH_KEYS)
    v = person_like(env, rng, "female", 20, 34, borough)
    ex = person_like(env, rng, "male", 22, 40, borough)
    P.link(v, ex, "ex_partner")
    cat = rng.choice(["stalking_harassment", "domestic_abuse"])
    o = O.add(cat, opened, opened + rng.randint(10, 40) * clock.DAY, geo.BOROUGH_MAIN[borough])
    O.involve(o, v, "victim")
    O.involve(o, v, "caller")
    O.involve(o, ex, "suspect")
    P.mark(v, "stalking_victim" if cat == "stalking_harassment" else "domestic_abuse_victim")
    if s.unit == "call":
        O.assign_staff(o, s.idx, "call_handler", opened, opened + rng.randint(9, 20) * 60)
    else:
        ch = on_duty(env, "call", "*", opened, rng)
        if ch is not None:
            O.assign_staff(o, ch, "call_handler", opened, opened + 700)
        # the dispatcher saw it on the board as it came in (ordinary work, untagged)
        env.log.add("command_control", opened + 300, s.idx, "update", "occurrence", o, "summary;notes", ctx.dev(opened, i))
    att = on_duty(env, "response", borough, opened + 1800, rng)
    if att is not None:
        O.assign_staff(o, att, "attending", opened + 1800, opened + 3 * H)
    part.v, part.o, part.ex, part.t0 = v, o, ex, opened + 1800
    part.note = "a woman who rang the control room, followed up in a fast burst"


def act_caller(env, part):
    ctx, s, P, O = part.ctx, part.s, env.P, env.O
    rng = ctx.rng
    start = part.t0 + rng.randint(20, 60) * H
    end = start + rng.randint(7, 13) * clock.DAY
    n = rng.randint(11, 16)
    n_rest = rng.randint(2, 4)
    times = [(t, i, None) for t, i in duty_times(ctx, start, end, n - n_rest)]
    for t in off_times(ctx, _day(start), _day(end), n_rest, 9.0, 22.0):
        times.append((t, None, "CC-POS-%02d" % rng.randint(1, 64)))     # came in on a rest day
    times.sort()
    others = [o for o in O.by_person.get(part.v, []) if o != part.o]
    for k, (t, i, console) in enumerate(times):
        ws = console or ctx.dev(t, i)
        r = rng.random()
        if k == 0:
            part.emit("command_control", t, "view", "occurrence", part.o, "summary;notes", ws)
            part.emit("rms", t + rng.randint(30, 300), "search", "person", part.v, "summary;identity;contact", ws)
        elif r < 0.45:
            part.emit("rms", t, "view", "person", part.v, rng.choice(["contact;address", "identity;photo;address", "contact;identity", "address;history"]), ws)
        elif r < 0.6:
            part.emit("command_control", t, "view", "occurrence", part.o, "summary;notes", ws)
        elif r < 0.72 and s.role == "dispatcher":
            part.emit("pnc", t, "search", "person", part.v, "identity;warnings", ws, rng.choice(["officer request", "OFFICER REQ"]))
        elif r < 0.82 and others:
            part.emit("rms", t, "view", "occurrence", rng.choice(others), "summary;notes", ws)
        elif r < 0.9:
            part.emit("rms", t, "search", "person", part.ex, "summary;identity;warnings", ws)
        else:
            part.emit("rms", t, "view", "person", part.v, "photo;identity", ws)


# ---------------------------------------------------------------- 4 night_checks_young_women
def setup_night_checks(env, part):
    rng, P = part.rng, env.P
    pool = [p for p in P.pools["street_all"] if P.sex[p] == "female" and P.birth[p] and 18 <= P.age(p) <= 26]
    k = rng.randint(26, 38) if part.s.unit == "transport" else rng.randint(16, 24)
    part.women = rng.sample(pool, k)
    env.cast_people.update(part.women)
    part.note = "PNC checks of young women at night typed as stops with no stop recorded"


def act_night_checks(env, part):
    ctx, s, P = part.ctx, part.s, env.P
    rng = ctx.rng
    per = 1.6 if s.unit == "transport" else 2.6
    n = int(len(part.women) * per)
    times = duty_times(ctx, clock.local(rng.randint(3, 12), 0), clock.START + env.days * clock.DAY, n, night=True)
    seen = {}
    for k, (t, i) in enumerate(times):
        w = part.women[k % len(part.women)] if k < len(part.women) else rng.choice(part.women)
        seen.setdefault(w, t)
        ws = ctx.dev(t, i)
        part.emit("pnc", t, "search", "person", w, "identity;warnings", ws,
                  rng.choice(["stop check", "Stop check", "STOP CHK", "street check", "stop/account", "id check"]))
        if rng.random() < 0.4:
            part.emit("rms", t + rng.randint(20, 400), "search", "person", w, rng.choice(["summary;identity;address", "identity;photo;address", "summary;identity;photo"]), ws)
    follow = rng.sample(sorted(seen), min(5, len(seen)))
    for w in follow:
        d_first = clock.day_of(seen[w])
        for _ in range(rng.randint(1, 3)):
            d = rng.randint(min(d_first + 1, env.days - 6), min(d_first + 12, env.days - 5))
            if rng.random() < 0.5:
                tt = off_times(ctx, d, d + 3, 1, 10.0, 23.0)
                if tt:
                    part.emit("rms", tt[0], "view", "person", w, rng.choice(["contact;address", "identity;contact;photo"]), _off_dev(s))
            else:
                tt = duty_times(ctx, clock.local(d, 0), clock.local(d + 4, 0), 1)
                if tt:
                    part.emit("rms", tt[0][0], "view", "person", w, rng.choice(["contact;address", "address;photo"]), ctx.dev(tt[0][0], tt[0][1]))


# ---------------------------------------------------------------- 5 dating_match_checks
def setup_dating(env, part):
    rng, P, O = part.rng, env.P, env.O
    from . import geography as geo
    b = rng.choice(geo.BOROUGH_KEYS)
    w = person_like(env, rng, "female", 25, 38, b)
    ex = person_like(env, rng, "male", 27, 44, b)
    P.link(w, ex, "ex_partner")
    sib = person_like(env, rng, "female", 20, 45, b)
    P.link(w, sib, "sibling")
    opened = clock.START - rng.randint(200, 500) * clock.DAY
    o = O.add("domestic_abuse", opened, opened + rng.randint(20, 90) * clock.DAY, geo.BOROUGH_MAIN[b])
    O.tags[o] = "historic"
    O.involve(o, w, "victim")
    O.involve(o, ex, "suspect")
    P.mark(w, "domestic_abuse_victim")
    P.mark(ex, "custody_detainee")
    part.w, part.ex, part.sib, part.o = w, ex, sib, o
    part.note = "a woman met on a dating app, her violent ex and her sister; out of hours"


def act_dating(env, part):
    ctx, s = part.ctx, part.s
    rng = ctx.rng
    d1 = rng.randint(15, max(16, env.days // 3))
    d2 = d1 + rng.randint(25, 40)
    analyst = s.unit == "intel"

    def times(d, k):
        if analyst or s.laptop:
            return [(t, s.laptop or s.pcs[0]) for t in off_times(ctx, d, d + 5, k, 19.5, 23.75)]
        out = []
        for t, i in duty_times(ctx, clock.local(d, 0), clock.local(d + 7, 0), k * 3):
            a, b, _k = ctx.shifts[i]
            # before colleagues arrive, or after they leave, at a station PC
            t2 = a - rng.randint(5, 40) * 60 if rng.random() < 0.5 else b + rng.randint(5, 50) * 60
            out.append((t2, s.pcs[0]))
            if len(out) >= k:
                break
        return out

    first = times(d1, rng.randint(5, 7))
    for k, (t, ws) in enumerate(first):
        if k == 0:
            part.emit("rms", t, "search", "person", part.w, "summary;identity", ws)
            part.emit("rms", t + rng.randint(20, 90), "view", "person", part.w, "identity;address;photo", ws)
        elif k == 1:
            part.emit("rms", t, "view", "occurrence", part.o, "summary;notes", ws)
        elif k == 2:
            part.emit("pnd" if analyst else "rms", t, "search", "person", part.ex, "identity;history;associates", ws, "research" if analyst else "")
        elif k == 3 and analyst:
            part.emit("intelligence", t, "view", "person", part.ex, "summary;associates;notes", ws, "")
        else:
            part.emit("rms", t, "view", "person", part.w, rng.choice(["address;contact", "photo;identity", "history;associates"]), ws)
    for k, (t, ws) in enumerate(times(min(d2, env.days - 6), rng.randint(4, 6))):
        r = rng.random()
        if k == 0 or r < 0.4:
            part.emit("rms", t, "view", "person", part.w, rng.choice(["address;contact", "identity;photo", "summary;associates"]), ws)
        elif r < 0.65:
            part.emit("rms", t, "search", "person", part.sib, "summary;identity;address", ws)
        elif r < 0.85:
            part.emit("pnd" if analyst else "rms", t, "search", "person", part.ex, "identity;warnings;history", ws, "")
        else:
            part.emit("rms", t, "view", "person", part.w, "associates;history", ws)


# ---------------------------------------------------------------- 6 victim_beyond_case
def setup_beyond_case(env, part):
    rng, ctx, s, O, P = part.rng, part.context(env), part.s, env.O, env.P
    from . import geography as geo
    cet = s.unit == "cet"
    if cet:
        kids = [p for p in (env.caseload.get(s.idx) or P.pools["at_risk"])
                if P.sex[p] == "female" and P.birth[p] and 16 <= P.age(p) <= 17 and p not in env.cast_people]
        v = rng.choice(kids) if kids else person_like(env, rng, "female", 16, 17)
        env.cast_people.add(v)
        cat = "sexual_offence"
    else:
        v = person_like(env, rng, "female", 19, 25)
        cat = "sexual_offence"
    i = first_shift_from(ctx, rng.randint(4, 14))
    a = ctx.shifts[i][0]
    opened = a - rng.randint(6, 30) * H
    closed = opened + rng.randint(28, 42) * clock.DAY
    o = O.add(cat, opened, closed, geo.BOROUGH_MAIN[P.borough[v]])
    O.involve(o, v, "victim")
    sus = person_like(env, rng, "male", 19, 35)
    O.involve(o, sus, "suspect")
    P.mark(v, "sexual_offence_victim")
    O.assign_staff(o, s.idx, "officer_in_case", a + H, closed)
    # she has been detained before, so a custody image exists
    c = O.add("custody", clock.START - rng.randint(60, 400) * clock.DAY, None, geo.SUITE_FOR_BOROUGH[P.borough[v]])
    O.tags[c] = "historic"
    O.involve(c, v, "suspect")
    O.closed[c] = O.opened[c] + rng.randint(5, 20) * H
    P.mark(v, "custody_detainee")
    if not cet:
        np_ = person_like(env, rng, "male", 20, 32)
        P.link(v, np_, "partner")
        part.partner = np_
    else:
        part.partner = None
    part.v, part.o, part.opened, part.closed = v, o, a + H, closed
    part.note = ("an at-risk girl on their own case" if cet else "a young victim of their own case") + ", photos and contact after it closed"


def act_beyond_case(env, part):
    ctx, s, P = part.ctx, part.s, env.P
    rng = ctx.rng
    start = part.opened + rng.randint(8, 16) * clock.DAY
    end = min(part.closed + rng.randint(35, 60) * clock.DAY, clock.START + env.days * clock.DAY - H)
    n = rng.randint(16, 22)
    n_off = int(n * 0.35)
    times = [(t, i) for t, i in duty_times(ctx, start, end, n - n_off)]
    times += [(t, None) for t in off_times(ctx, _day(start), _day(end), n_off, 19.0, 23.5)]
    times.sort()
    assoc = [x for x, rel in P.linked.get(part.v, []) if rel in ("friend", "associate", "partner", "sibling")]
    for k, (t, i) in enumerate(times):
        ws = ctx.dev(t, i) if i is not None else _off_dev(s)
        r = rng.random()
        if k == 0 or r < 0.45:
            part.emit("rms", t, "view", "person", part.v, rng.choice(["photo;identity", "contact;address", "photo;contact", "identity;address;photo"]), ws)
        elif r < 0.6 and i is not None:
            part.emit("custody", t, "view", "custody_image", part.v, "photo", ws, rng.choice(["ID check", "", "case"]))
        elif r < 0.7:
            part.emit("rms", t, "view", "occurrence", part.o, "summary;notes", ws)
        elif r < 0.85 and (part.partner is not None or assoc):
            q = part.partner if part.partner is not None and rng.random() < 0.7 else rng.choice(assoc or [part.v])
            part.emit("pnd" if s.unit == "sou" else "rms", t, "search", "person", q, "identity;address;associates", ws, "")
        else:
            part.emit("rms", t, "view", "person", part.v, "associates;contact", ws)


SCENARIOS = {
    "attended_victim_contact": (setup_attended, act_attended),
    "managed_offender_partner": (setup_offender_partner, act_offender_partner),
    "caller_pursuit": (setup_caller, act_caller),
    "night_checks_young_women": (setup_night_checks, act_night_checks),
    "dating_match_checks": (setup_dating, act_dating),
    "victim_beyond_case": (setup_beyond_case, act_beyond_case),
}
