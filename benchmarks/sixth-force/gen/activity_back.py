"""Everyday access away from the front line: the Crime Management Unit (desk investigation by phone), Public
Protection detectives, the Multi-Agency Safeguarding Hub, the Victim Care Unit, intelligence analysts, Integrated
Offender Management, data quality, counter-corruption and corporate staff."""
from .acts import casework, reviews, training, when, intel_id
from .clock import HOUR, DAY

VCU_CATS = ("domestic_abuse", "sexual_offence", "stalking_harassment", "assault", "theft", "burglary",
            "criminal_damage", "fraud", "public_order", "antisocial_behaviour")


def _ws(ctx, st, sh):
    return st.laptop if (sh.wfh and st.laptop) else ctx.rng_act.choice(st.ws)


def cmu(ctx, st, sh):
    rng, world = ctx.rng_act, ctx.world
    ws = _ws(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    if st.role == "supervisor":
        reviews(ctx, st, sh, ws)
        casework(ctx, st, sh, 4, ws)
        return
    if "Screening" in st.team:
        occs = world.occs
        new = [oi for oi in world.recent(world.force_recent, sh.start, 1.2)
               if occs[oi].cat not in ("custody", "stop_check", "concern_for_welfare", "mental_health",
                                       "missing_person")]
        rng.shuffle(new)
        for oi in new[: rng.randint(25, 45)]:
            t = when(rng, sh)
            ctx.emit(t, "rms", st, "view", "occurrence", oi, "summary;notes", ws)
            if rng.random() < 0.35:
                ctx.emit(t + rng.randint(60, 600), "rms", st, "update", "occurrence", oi, "notes", ws)
            o = occs[oi]
            if o.persons and rng.random() < 0.3:
                ctx.emit(t + rng.randint(30, 300), "rms", st, "view", "person", o.persons[0][0], "summary", ws)
        return
    casework(ctx, st, sh, rng.randint(7, 13), ws, phone=True, detective=st.role == "detective")


def ppiu(ctx, st, sh):
    rng, world, pp = ctx.rng_act, ctx.world, ctx.people
    ws = _ws(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    if sh.kind == "on_call":
        if rng.random() < 0.3:
            occs = world.occs
            new = [oi for oi in world.recent(world.force_recent, sh.start + 6 * HOUR, 0.3)
                   if occs[oi].cat in ("sexual_offence", "domestic_abuse")]
            dev = st.laptop or rng.choice(st.ws)
            for oi in new[: rng.randint(1, 3)]:
                t = max(occs[oi].opened + 1800, when(rng, sh, 0.1, 0.6))
                ctx.emit(t, "rms", st, "view", "occurrence", oi, "summary;notes", dev, "on call advice")
                for p, r in occs[oi].persons[:2]:
                    ctx.emit(t + rng.randint(60, 600), "rms", st, "view", "person", p, "summary;warnings;history", dev)
        return
    if st.role == "supervisor":
        reviews(ctx, st, sh, ws)
    done = casework(ctx, st, sh, rng.randint(4, 8), ws, detective=True)
    # safeguarding around their victims: family, new partners, the suspect's associates
    occs = world.occs
    for start, oi in st.cases[:]:
        if rng.random() > 0.15:
            continue
        o = occs[oi]
        for p, r in o.persons[:2]:
            for q in pp.relatives(p)[:3]:
                ctx.emit(when(rng, sh), "rms", st, "view", "person", q, "summary;warnings", ws)


def _partition(ctx, key, d, items, group):
    """Share the day's work items round the members of `group` on duty that day."""
    cache = ctx.shares.setdefault(key, {})
    if d not in cache:
        members = sorted(ctx.onduty.day(group, d), key=lambda s: s.i)
        share = {}
        for n, it in enumerate(items):
            if members:
                share.setdefault(members[n % len(members)].i, []).append(it)
        cache.clear()
        cache[d] = share
    return cache[d]


def _mash_items(ctx, d):
    world = ctx.world
    end = ctx.clock.at_local(d, 8 * HOUR)
    due, keep = [], []
    for t, oi in world.mash_queue:
        if t < end:
            due.append(oi)
        else:
            keep.append((t, oi))
    world.mash_queue[:] = keep
    return due


def mash(ctx, st, sh):
    rng, world, pp = ctx.rng_act, ctx.world, ctx.people
    ws = _ws(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    if st.role == "supervisor":
        return reviews(ctx, st, sh, ws)
    cache = ctx.shares.get("mash", {})
    if sh.day not in cache:
        items = _mash_items(ctx, sh.day)
        if not ctx.onduty.day("mash", sh.day):
            ctx.world.mash_queue.extend((ctx.clock.at_local(sh.day, 7 * HOUR), oi) for oi in items)
            items = []
        _partition(ctx, "mash", sh.day, items, "mash")
    mine = ctx.shares["mash"][sh.day].get(st.i, [])
    occs = world.occs
    active = st.state.setdefault("families", [])
    for oi in mine:
        o = occs[oi]
        t = when(rng, sh, 0.02, 0.9)
        ctx.emit(t, "rms", st, "view", "occurrence", oi, "summary;notes", ws)
        subjects = [p for p, r in o.persons]
        for p in subjects[:4]:
            t += rng.randint(40, 300)
            ctx.emit(t, "rms", st, "view", "person", p, "history;warnings;associates" if rng.random() < 0.92
                     else "summary;photo", ws)
            for q in pp.relatives(p)[:3]:
                if rng.random() < 0.6:
                    t += rng.randint(20, 200)
                    ctx.emit(t, "rms", st, "view", "person", q, "summary;history;warnings", ws)
            if pp.age(p) >= 18 and rng.random() < 0.35:
                ctx.emit(t + 60, "pnd", st, "search", "person", p, "identity;history", ws, "safeguarding referral")
        if rng.random() < 0.12 and len(active) < 6:
            active.append((sh.start + rng.randint(8, 21) * DAY, subjects[:3]))
    # referrals from schools, health and social care: children with no police occurrence behind them
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(len(ctx.geo.sectors))
        c = pp.pick(k, None, 0, 17)
        t = when(rng, sh)
        ctx.emit(t, "rms", st, "search", "person", c, "summary", ws, "MASH referral")
        ctx.emit(t + 60, "rms", st, "view", "person", c, "history;warnings;associates", ws)
        for q in pp.relatives(c)[:4]:
            t += rng.randint(30, 240)
            ctx.emit(t, "rms", st, "view", "person", q, "summary;history;warnings", ws)
            if rng.random() < 0.2:
                ctx.emit(t + 30, "pnd", st, "search", "person", q, "identity;history", ws, "safeguarding referral")
    # open strategy cases: the same families re-read
    keep = []
    for until, fam in active:
        if until < sh.start:
            continue
        keep.append((until, fam))
        if rng.random() < 0.6:
            t = when(rng, sh)
            for p in fam:
                t += rng.randint(30, 300)
                ctx.emit(t, "rms", st, "view", "person", p, "summary;history;warnings", ws)
    st.state["families"] = keep


def _vcu_items(ctx, d):
    world, occs = ctx.world, ctx.world.occs
    items = []
    for back in (2, 3, 14, 28):
        for oi in world.by_day.get(d - back, ()):
            o = occs[oi]
            if o.cat in VCU_CATS and (o.closed is None or o.closed > ctx.clock.at_local(d, 0)):
                for p, r in o.persons:
                    if r == "victim":
                        items.append((oi, p))
    for oi in world.closing.get(d - 1, ()):
        o = occs[oi]
        if o.cat in VCU_CATS:
            for p, r in o.persons:
                if r == "victim":
                    items.append((oi, p))
    return items


def vcu(ctx, st, sh):
    rng = ctx.rng_act
    ws = _ws(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    if st.role == "supervisor":
        return reviews(ctx, st, sh, ws)
    cache = ctx.shares.get("vcu", {})
    if sh.day not in cache:
        _partition(ctx, "vcu", sh.day, _vcu_items(ctx, sh.day), "vcu")
    for oi, p in ctx.shares["vcu"][sh.day].get(st.i, []):
        t = when(rng, sh, 0.02, 0.95)
        ctx.emit(t, "rms", st, "view", "occurrence", oi, "summary;notes", ws)
        ctx.emit(t + rng.randint(20, 120), "rms", st, "view", "person", p, "contact;identity", ws,
                 rng.choice(("", "", "VCU update", "victim contact")))
        if rng.random() < 0.45:
            ctx.emit(t + rng.randint(300, 1200), "rms", st, "update", "occurrence", oi, "notes", ws)


def analyst(ctx, st, sh):
    rng, world, pp = ctx.rng_act, ctx.world, ctx.people
    ws = _ws(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    task = st.state.get("task")
    if task is None or task[0] < sh.start:
        task = new_tasking(ctx, st, sh.start)
    until, scope = task
    occs = world.occs
    for oi in rng.sample(scope, min(len(scope), rng.randint(3, 9))):
        o = occs[oi]
        t = when(rng, sh)
        ctx.emit(t, "rms", st, "view", "occurrence", oi, "summary;notes", ws)
        for p, r in o.persons[:2]:
            if r == "suspect" or rng.random() < 0.3:
                ctx.emit(t + rng.randint(30, 300), "rms", st, "view", "person", p, "history;associates", ws)
                for q, rel in pp.adj[p][:2]:
                    if rel in ("associate", "partner", "household") and rng.random() < 0.5:
                        ctx.emit(t + rng.randint(300, 900), "rms", st, "view", "person", q, "summary;associates", ws)
    for _ in range(rng.randint(6, 14)):
        k = rng.randrange(len(ctx.geo.sectors))
        p = rng.choice(pp.prolific[k]) if pp.prolific[k] else pp.pick(k)
        t = when(rng, sh)
        ctx.emit(t, "intelligence", st, rng.choice(("search", "view", "view")), "intelligence",
                 intel_id(p, rng.randint(0, 3)), "summary;notes", ws)
        if rng.random() < 0.4:
            ctx.emit(t + 60, "intelligence", st, "view", "person", p, "summary;associates", ws)
        if rng.random() < 0.2:
            ctx.emit(t + 90, "rms", st, "view", "person", p, "summary;history;photo", ws)
        if rng.random() < 0.15:
            ctx.emit(t + 120, "pnd", st, "search", "person", p, "identity;history;associates", ws, "intel development")
    if rng.random() < 0.1:
        ctx.emit(when(rng, sh, 0.7, 1.0), "rms", st, "export", "occurrence", rng.choice(scope) if scope else 0,
                 "summary", ws, "problem profile data")


def new_tasking(ctx, st, t, cats=None, until_days=None):
    """A tasking: analyst assignments to every occurrence in scope (a crime type in one sector, last 30 days)."""
    rng, world = ctx.rng_act, ctx.world
    cats = cats or rng.choice((("burglary",), ("drugs",), ("theft", "criminal_damage"), ("assault", "public_order"),
                               ("antisocial_behaviour",), ("fraud",)))
    k = rng.randrange(len(ctx.geo.sectors))
    occs = world.occs
    scope = [oi for oi in world.recent(world.area_recent.get(k, []), t, 30, open_only=False)
             if occs[oi].cat in cats][:60]
    until = t + (until_days or rng.randint(12, 28)) * DAY
    for oi in scope:
        world.assign(occs[oi], st, "analyst", t, until)
    st.state["task"] = (until, scope)
    return st.state["task"]


def iom(ctx, st, sh):
    rng, world, pp = ctx.rng_act, ctx.world, ctx.people
    ws = _ws(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    if not st.cohort:
        ks = [s.k for s in ctx.geo.sectors]
        for _ in range(rng.randint(12, 20)):
            k = rng.choice(ks)
            if pp.prolific[k]:
                st.cohort.append(rng.choice(pp.prolific[k]))
        for _ in range(rng.randint(0, 2)):
            k = rng.choice(ks)
            st.cohort.append(pp.pick(k, "female", 20, 45))
    if st.role == "supervisor":
        reviews(ctx, st, sh, ws)
    for p in rng.sample(st.cohort, min(len(st.cohort), rng.randint(4, 9))):
        t = when(rng, sh)
        if st.role != "police_staff":
            ctx.emit(t, "pnc", st, "search", "person", p, "identity;warnings", ws,
                     rng.choice(("IOM", "IOM check", "offender mgmt", "IOM cohort")))
        ctx.emit(t + rng.randint(30, 300), "rms", st, "view", "person", p,
                 rng.choice(("history;address;associates", "summary;history", "summary;address")), ws)
        if rng.random() < 0.3:
            ctx.emit(t + rng.randint(300, 900), "pnd", st, "search", "person", p, "identity;history;associates", ws,
                     "offender management")
        if rng.random() < 0.3:
            ctx.emit(t + rng.randint(300, 900), "intelligence", st, "search", "person", p, "summary;associates", ws)
        occs = world.occs_of(p, t)
        if occs and rng.random() < 0.3:
            ctx.emit(t + rng.randint(100, 600), "rms", st, "view", "occurrence", occs[-1], "summary", ws)


def records(ctx, st, sh):
    rng, pp = ctx.rng_act, ctx.people
    ws = _ws(ctx, st, sh)
    if sh.kind == "training":
        return training(ctx, st, sh, ws)
    n = len(pp)
    for _ in range(rng.randint(10, 22)):
        p = rng.randrange(n)
        t = when(rng, sh)
        ctx.emit(t, "rms", st, "search", "person", p, "summary", ws)
        ctx.emit(t + rng.randint(20, 200), "rms", st, "view", "person", p, "identity;address;history", ws)
        if rng.random() < 0.3:
            ctx.emit(t + rng.randint(200, 600), "rms", st, "update", "person", p, "identity", ws,
                     rng.choice(("duplicate merge", "DQ", "data quality", "")))
    if rng.random() < 0.15:
        occ = rng.randrange(len(ctx.world.occs))
        ctx.emit(when(rng, sh), "rms", st, "export", "occurrence", occ, "summary;notes", ws, "disclosure request")


def ccu(ctx, st, sh):
    rng, pp = ctx.rng_act, ctx.people
    ws = rng.choice(st.ws)
    for _ in range(rng.randint(0, 5)):
        p = rng.randrange(len(pp))
        t = when(rng, sh)
        ctx.emit(t, rng.choice(("rms", "intelligence")), st, "view", "person", p, "summary;history;associates", ws,
                 "CCU enquiry")


def corporate(ctx, st, sh):
    rng, pp, world = ctx.rng_act, ctx.people, ctx.world
    ws = _ws(ctx, st, sh)
    if not st.team.startswith("Enquiry Office"):
        if rng.random() < 0.08:
            ctx.emit(when(rng, sh), "rms", st, "search", "person", rng.randrange(len(pp)), "summary", ws)
        return
    k = st.sector.k if st.sector is not None else 0
    for _ in range(rng.randint(1, 6)):
        t = when(rng, sh)
        p = pp.pick(k, None, 18, 90, pp.prolific[k], 0.2)
        ctx.emit(t, "rms", st, "search", "person", p, "summary", ws, rng.choice(("bail signing", "front counter",
                                                                                 "property", "")))
    recent = world.recent(world.area_recent.get(k, []), sh.start, 10, open_only=False)
    for oi in recent[: rng.randint(0, 3)]:
        ctx.emit(when(rng, sh), "rms", st, "view", "occurrence", oi, "summary", ws, "caller at front counter")
