"""Everyday access by the front line: Local Policing Teams (response watches, neighbourhood teams, PCSOs,
specials), Roads Policing, Armed Response, the Force Control Room and Custody."""
from .acts import (attend, briefing, casework, patrol, reviews, training, take, when, location_id, intel_id,
                   incident_reason)
from .clock import HOUR, DAY


def _devices(ctx, st, sh, vehicles=None):
    rng = ctx.rng_act
    ws = st.laptop if (sh.wfh and st.laptop) else rng.choice(st.ws)
    mdt = rng.choice(vehicles or (st.sector.vehicles if st.sector is not None else ["MDT-%s" % st.sid[-3:]]))
    return ws, mdt, st.handheld


def _attend_pending(ctx, st, sh, mdt, ws):
    for t, oi, role in take(st.pending, sh):
        if role == "attending":
            attend(ctx, st, oi, t, mdt, st.handheld, ws)


def lpt_response(ctx, st, sh):
    rng = ctx.rng_act
    ws, mdt, hh = _devices(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    sup = st.role == "supervisor"
    briefing(ctx, st, sh, ws, 4, 10 if not sup else 16, people=(1, 3))
    _attend_pending(ctx, st, sh, mdt, ws)
    casework(ctx, st, sh, 3, ws)
    if sup:
        reviews(ctx, st, sh, ws)
        return
    patrol(ctx, st, sh, rng.randint(0, 5), rng.randint(0, 3), rng.choice((mdt, hh, mdt)))


def neighbourhood(ctx, st, sh):
    rng, pp = ctx.rng_act, ctx.people
    ws, mdt, hh = _devices(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    briefing(ctx, st, sh, ws, 3, 8, people=(0, 2))
    _attend_pending(ctx, st, sh, mdt, ws)
    casework(ctx, st, sh, 3, ws)
    if st.role == "supervisor":
        reviews(ctx, st, sh, ws)
    k = st.sector.k
    local = pp.prolific[k] + pp.youths[k]
    for _ in range(rng.randint(2, 6)):
        if not local:
            break
        p = rng.choice(local)
        t = when(rng, sh)
        ctx.emit(t, "rms", st, "view", "person", p, rng.choice(("summary;history;warnings", "summary;associates")),
                 rng.choice((ws, hh)))
    for _ in range(rng.randint(1, 4)):
        p = pp.pick(k)
        ctx.emit(when(rng, sh), "rms", st, "search", "location", location_id(pp, p), "summary;warnings", ws)
    if rng.random() < 0.4:
        p = rng.choice(local) if local else pp.pick(k)
        ctx.emit(when(rng, sh), "intelligence", st, "update", "intelligence", intel_id(p, rng.randint(0, 5)),
                 "notes", ws, None)
    if st.role != "supervisor":
        patrol(ctx, st, sh, rng.randint(0, 2), rng.randint(0, 2), hh or mdt)


def pcso(ctx, st, sh):
    rng, pp, world = ctx.rng_act, ctx.people, ctx.world
    ws, mdt, hh = _devices(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    briefing(ctx, st, sh, ws, 3, 6, people=(0, 1))
    _attend_pending(ctx, st, sh, mdt, ws)
    k = st.sector.k
    asb = [oi for oi in world.recent(world.area_recent.get(k, []), sh.start, 10)
           if world.occs[oi].cat == "antisocial_behaviour"]
    for oi in asb[: rng.randint(1, 4)]:
        ctx.emit(when(rng, sh), "rms", st, "view", "occurrence", oi, "summary;notes", rng.choice((ws, hh)))
    for _ in range(rng.randint(1, 4)):
        p = rng.choice(pp.youths[k]) if pp.youths[k] else pp.pick(k)
        ctx.emit(when(rng, sh), "rms", st, "view", "person", p, "summary", rng.choice((ws, hh)))
    for _ in range(rng.randint(1, 3)):
        ctx.emit(when(rng, sh), "rms", st, "search", "location", location_id(pp, pp.pick(k)), "summary", ws)
    if rng.random() < 0.3:
        ctx.emit(when(rng, sh), "intelligence", st, "update", "intelligence", intel_id(pp.pick(k), 1), "notes", ws)


def specials(ctx, st, sh):
    rng = ctx.rng_act
    ws, mdt, hh = _devices(ctx, st, sh)
    briefing(ctx, st, sh, ws, 3, 8, people=(0, 2))
    _attend_pending(ctx, st, sh, mdt, ws)
    patrol(ctx, st, sh, rng.randint(1, 5), rng.randint(0, 3), rng.choice((mdt, hh)))


def roads(ctx, st, sh):
    rng = ctx.rng_act
    ws, mdt, hh = _devices(ctx, st, sh, ctx.rpu_vehicles)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    briefing(ctx, st, sh, ws, 2, 5, force_wide=True, people=(0, 1))
    _attend_pending(ctx, st, sh, mdt, ws)
    casework(ctx, st, sh, 2, ws)
    if st.role == "supervisor":
        reviews(ctx, st, sh, ws)
        return
    night = ctx.clock.local_hour(sh.start) >= 15
    patrol(ctx, st, sh, rng.randint(8, 24), rng.randint(2, 7), mdt, roads=True, stop_p=0.12, male=0.74,
           ages=(17, 70) if not night else (17, 45))


def armed(ctx, st, sh):
    rng, pp = ctx.rng_act, ctx.people
    ws, mdt, hh = _devices(ctx, st, sh, ctx.arv_vehicles)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    briefing(ctx, st, sh, ws, 3, 8, force_wide=True, people=(0, 2))
    t = sh.start + rng.randint(1200, 3600)
    for _ in range(rng.randint(2, 6)):
        k = rng.randrange(len(ctx.geo.sectors))
        if not pp.prolific[k]:
            continue
        p = rng.choice(pp.prolific[k])
        t += rng.randint(30, 400)
        ctx.emit(t, "intelligence", st, "search", "person", p, "warnings;associates", ws,
                 rng.choice(("firearms briefing", None, "ARV threat assessment")))
        if rng.random() < 0.4:
            ctx.emit(t + 60, "rms", st, "search", "location", location_id(pp, p), "warnings", ws)
    _attend_pending(ctx, st, sh, mdt, ws)
    if st.role != "supervisor":
        patrol(ctx, st, sh, rng.randint(1, 6), rng.randint(0, 2), mdt)


def call_handler(ctx, st, sh):
    rng, world, pp = ctx.rng_act, ctx.world, ctx.people
    ws = rng.choice(st.ws)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    if st.role == "supervisor":
        for oi in world.recent(world.force_recent, sh.end, 0.5)[:rng.randint(10, 25)]:
            ctx.emit(when(rng, sh), "command_control", st, "view", "occurrence", oi, "summary;notes", ws)
        return
    occs = world.occs
    for t, oi, role in take(st.pending, sh):
        o = occs[oi]
        ctx.emit(t + rng.randint(20, 120), "command_control", st, "update", "occurrence", oi, "summary;notes", ws)
        for p, r in o.persons[:3]:
            if r in ("caller", "victim", "other") or rng.random() < 0.3:
                ctx.emit(t + rng.randint(60, 400), "rms", st, "search", "person", p, "summary;warnings", ws)
        if o.persons:
            p = o.persons[0][0]
            ctx.emit(t + rng.randint(30, 300), "command_control", st, "search", "location", location_id(pp, p),
                     "summary;warnings", ws)
            if rng.random() < 0.3:
                ctx.emit(t + rng.randint(120, 600), "pnc", st, "search", "person", o.persons[-1][0], "identity;warnings",
                         ws, rng.choice(("officer safety", "warning markers", incident_reason(rng, o))))
            if rng.random() < 0.05:
                ctx.emit(t + rng.randint(120, 600), "intelligence", st, "search", "person", o.persons[-1][0],
                         "warnings", ws, "THRIVE")
            prev = [x for x in world.occs_of(p, t) if x != oi]
            if prev and rng.random() < 0.3:
                ctx.emit(t + rng.randint(100, 500), "rms", st, "view", "occurrence", prev[-1], "summary", ws)
    # calls that never become an occurrence: advice, duplicates, other agencies
    nsec = len(ctx.geo.sectors)
    for _ in range(rng.randint(5, 14)):
        t = when(rng, sh)
        k = rng.randrange(nsec)
        p = pp.pick(k, None, 16, 90, pp.mh[k], 0.1)
        ctx.emit(t, "command_control", st, "search", "person", p, "summary", ws)
        if rng.random() < 0.5:
            ctx.emit(t + rng.randint(20, 200), "rms", st, "search", "person", p, "summary;warnings", ws)


def dispatcher(ctx, st, sh):
    rng, world = ctx.rng_act, ctx.world
    ws = rng.choice(st.ws)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    occs = world.occs
    live = [oi for oi in world.recent(world.force_recent, sh.end, (sh.end - sh.start) / DAY, open_only=False)
            if occs[oi].cat not in ("custody", "stop_check")]
    for oi in live:
        if rng.random() < 0.22:
            t = max(occs[oi].opened, when(rng, sh))
            ctx.emit(t, "command_control", st, "view", "occurrence", oi, "summary;notes", ws)
            if rng.random() < 0.3:
                ctx.emit(t + rng.randint(60, 900), "command_control", st, "update", "occurrence", oi, "notes", ws)
    # PNC checks run for officers without a terminal to hand
    officers = ctx.onduty.at("resp:%d" % rng.randrange(len(ctx.geo.sectors)), sh.start + 3 * HOUR)
    for _ in range(rng.randint(2, 8)):
        if not officers:
            break
        o = rng.choice(officers)
        k = o.sector.k
        p = ctx.people.pick(k, "male" if rng.random() < 0.7 else "female", 16, 60, ctx.people.prolific[k], 0.3)
        ctx.emit(when(rng, sh), "pnc", st, "search", "person", p, "identity;warnings", ws,
                 rng.choice(("for PC %s", "req by %s", "on behalf of PC %s")) % o.collar)


def custody(ctx, st, sh):
    rng, world = ctx.rng_act, ctx.world
    ws = rng.choice(st.ws)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    occs = world.occs
    lst = world.custody_recent.get(st.station, [])
    # handover: detainees already in the suite
    t = sh.start + rng.randint(300, 1800)
    for oi in world.recent(lst, sh.start, 1.5)[:14]:
        o = occs[oi]
        t += rng.randint(30, 200)
        ctx.emit(t, "custody", st, "view", "occurrence", oi, "custody;summary", ws)
        if rng.random() < 0.5:
            ctx.emit(t + 30, "custody", st, "view", "person", o.persons[0][0],
                     rng.choice(("identity;warnings;custody", "identity;custody")), ws)
    # bookings in
    for t, oi, role in take(st.pending, sh):
        o = occs[oi]
        p = o.persons[0][0]
        ctx.emit(t + rng.randint(60, 300), "custody", st, "update", "occurrence", oi, "custody;summary", ws)
        ctx.emit(t + rng.randint(300, 900), "custody", st, "view", "person", p, "identity;warnings;custody", ws)
        ctx.emit(t + rng.randint(300, 900), "pnc", st, "search", "person", p, "identity;warnings", ws,
                 rng.choice(("custody booking", "booking in", "detained person", "custody")))
        if rng.random() < 0.5:
            ctx.emit(t + rng.randint(600, 1800), "pnd", st, "search", "person", p, "identity;history;warnings", ws,
                     "custody risk assessment")
        ctx.emit(t + rng.randint(900, 2400), "custody", st, "update", "custody_image", p, "photo", ws)
        if rng.random() < 0.3:
            ctx.emit(t + rng.randint(900, 3000), "rms", st, "view", "person", p, "history;warnings", ws)
    # reviews and releases of detainees booked by others
    for oi in world.recent(lst, sh.end, 1.2, open_only=False):
        o = occs[oi]
        if o.opened < sh.start - 12 * HOUR:
            continue
        if rng.random() < 0.35:
            ctx.emit(max(o.opened, when(rng, sh)), "custody", st, "view", "occurrence", oi, "custody", ws)
        if o.closed is not None and sh.start <= o.closed < sh.end and rng.random() < 0.6:
            ctx.emit(o.closed - rng.randint(60, 900), "custody", st, "print", "occurrence", oi, "custody;summary", ws)
    if st.role == "supervisor":
        reviews(ctx, st, sh, ws)
