"""Building blocks of everyday access shared by many roles: briefings, attending an incident, working a case,
patrol checks on the PNC, stop checks, reviews."""
import zlib

from .clock import DAY, HOUR
from .people import CUST

PATROL_VEHICLE = ["stop check", "veh check", "VEH CHECK", "suspicious vehicle", "ANPR hit", "patrol check",
                  "obs on veh", "no insurance", "s.163 RTA stop", "PNC check"]
ROADS_VEHICLE = ["s.163 RTA stop", "ANPR hit", "speeding", "no insurance", "mobile phone offence", "drink drive check",
                 "veh check", "defect check", "FPN", "VEL"]
PATROL_PERSON = ["stop check", "s1 PACE stop", "name check", "NAME CHECK", "suspicious circs", "ID check",
                 "s23 MDA search", "warrant check", "patrol", "stop chk"]
ROADS_PERSON = ["driver check", "licence check", "s.164 RTA", "driver details", "drink drive", "stop check"]
CASE_REASONS = ["enquiry", "enq", "case enquiry", "investigation", "ongoing enquiries", "update", "statement"]
# free text typed into the update screen: commas, quotes and line breaks, which the export must quote
NOTES = ['victim "not available until after 6pm"', "statement taken, CCTV requested", "file upgrade\nawaiting CPS",
         'spoke to "J" (sister), will pass message', "NFA, victim withdrew support", "DVPN served\nrisk reviewed"]


def location_id(people, p):
    pc = people.pc[p]
    key = (pc + "|" + people.family[p]) if pc else "nfa%d" % p
    return "UPRN%010d" % zlib.crc32(key.encode())


def intel_id(p, k=0):
    return "IR-%07d" % ((p * 7 + k * 104729) % 9000000 + 100000)


def incident_reason(rng, o):
    return rng.choice(("INC %s", "log %s", "incident %s", "CAD %s", "inc %s")) % o.cad


def when(rng, sh, lo=0.0, hi=1.0):
    a = sh.start + int((sh.end - sh.start) * lo)
    b = sh.start + int((sh.end - sh.start) * hi)
    return rng.randint(a, max(a, b - 60))


def take(items, sh, before=2 * HOUR, after=HOUR):
    """Split a pending list: items falling in this shift are returned, older ones dropped, later ones kept."""
    out, keep = [], []
    for it in items:
        if it[0] < sh.start - before:
            continue
        if it[0] < sh.end + after:
            out.append(it)
        else:
            keep.append(it)
    items[:] = keep
    return out


def briefing(ctx, st, sh, ws, lo, hi, area=None, force_wide=False, people=(1, 3)):
    rng, world = ctx.rng_act, ctx.world
    t = sh.start + rng.randint(120, 1500)
    if force_wide:
        lst = world.force_recent
    else:
        k = st.sector.k if area is None else area
        lst = world.area_recent.get(k, [])
    recent = world.recent(lst, t, 3)
    if not recent:
        return
    n = min(len(recent), rng.randint(lo, hi))
    chosen = rng.sample(recent, n)
    occs = world.occs
    for oi in chosen:
        t += rng.randint(15, 150)
        ctx.emit(t, "rms", st, "view", "occurrence", oi, "summary" if rng.random() < 0.7 else "summary;notes", ws)
    # high-risk people raised at the briefing (domestic abuse victims, missing people, wanted suspects)
    hot = [oi for oi in chosen if occs[oi].cat in ("domestic_abuse", "missing_person", "stalking_harassment",
                                                    "sexual_offence")]
    for oi in hot[: rng.randint(*people)]:
        o = occs[oi]
        if o.persons:
            p = o.persons[0][0]
            t += rng.randint(20, 120)
            ctx.emit(t, "rms", st, "view", "person", p, rng.choice(("summary;warnings", "summary;warnings;photo")), ws)


def attend(ctx, st, oi, start, mdt, hh, ws):
    rng, world, pp = ctx.rng_act, ctx.world, ctx.people
    o = world.occs[oi]
    dev = mdt or hh or ws
    t = max(o.opened + rng.randint(30, 120), start - rng.randint(60, 600))
    ctx.emit(t, "command_control", st, "view", "occurrence", oi, "summary;notes", dev)
    reason = incident_reason(rng, o)
    for p, role in o.persons[:5]:
        if pp.age(p) < 18 and rng.random() < 0.6:
            continue
        t += rng.randint(30, 300)
        if rng.random() < 0.7 and st.role != "pcso":
            ctx.emit(t, "pnc", st, "search", "person", p, "identity;warnings", hh or dev, reason)
        if rng.random() < 0.65:
            ctx.emit(t + rng.randint(5, 120), "rms", st, "view", "person", p,
                     rng.choice(("summary;warnings", "summary;warnings;address", "summary;history;warnings",
                                 "summary;warnings", "summary;photo;warnings", "summary;address;photo")), dev)
        if role == "victim" and rng.random() < 0.25:
            ctx.emit(t + rng.randint(600, 5400), "rms", st, "view", "person", p, "contact;identity", ws)
    if o.cat == "road_traffic":
        for p, _ in o.persons[:2]:
            v = pp.vrm_of.get(p)
            if v is not None:
                ctx.emit(t + rng.randint(30, 200), "pnc", st, "search", "vehicle", pp.vrms[v], "vehicles", dev, reason)
    tu = start + rng.randint(30, 200) * 60
    ctx.emit(tu, "rms", st, "update", "occurrence", oi, "notes", dev if rng.random() < 0.4 else ws)
    if rng.random() < 0.5:
        ctx.emit(tu + rng.randint(300, 7200), "rms", st, "update", "occurrence", oi, "notes;summary", ws)


def casework(ctx, st, sh, cap, ws, phone=False, detective=False):
    """Work on the cases the member of staff is officer in case or investigator for."""
    rng, world, pp = ctx.rng_act, ctx.world, ctx.people
    occs = world.occs
    keep, active = [], []
    for c in st.cases:
        o = occs[c[1]]
        if o.closed is not None and o.closed < sh.start - 3 * DAY:
            continue
        keep.append(c)
        if c[0] <= sh.end:
            active.append(c)
    st.cases = keep
    rng.shuffle(active)
    done = 0
    for start, oi in active:
        if done >= cap:
            break
        age = (sh.start - start) / DAY
        p = 0.75 if age < 2 else (0.45 if age < 10 else (0.22 if age < 30 else 0.1))
        if rng.random() > p:
            continue
        done += 1
        o = occs[oi]
        t = max(start, when(rng, sh, 0.05, 0.95))
        ctx.emit(t, "rms", st, "view", "occurrence", oi, "summary;notes", ws)
        for p_, role in o.persons[:4]:
            t += rng.randint(30, 400)
            if role == "victim":
                if phone or rng.random() < 0.45:
                    ctx.emit(t, "rms", st, "view", "person", p_,
                             rng.choice(("contact;identity", "contact;identity", "contact;address")) if phone else
                             rng.choice(("summary;contact", "contact;address", "summary;contact;photo",
                                         "contact;address;photo", "contact;photo")), ws)
            elif role == "suspect":
                if rng.random() < 0.55:
                    ctx.emit(t, "rms", st, "view", "person", p_, rng.choice(("history;warnings;associates",
                                                                             "summary;photo;history", "address;photo",
                                                                             "history;warnings;associates")), ws)
                if detective:
                    if rng.random() < 0.3:
                        ctx.emit(t + 60, "pnd", st, "search", "person", p_,
                                 rng.choice(("identity;history;associates", "identity;associates")), ws,
                                 rng.choice(("investigation", "crime enquiry", "")))
                    if rng.random() < 0.2:
                        ctx.emit(t + 90, "intelligence", st, "search", "person", p_, "summary;associates", ws,
                                 rng.choice(("", "", "investigation")))
                    if pp.mk[p_] & CUST and rng.random() < 0.25:
                        ctx.emit(t + 120, "custody", st, "view", "custody_image", p_, "photo", ws, "ID procedure")
                    if rng.random() < 0.2:
                        ctx.emit(t + 100, "pnc", st, "search", "person", p_, "identity;warnings", ws,
                                 rng.choice(("crime %s" % o.oid, rng.choice(CASE_REASONS))))
            elif rng.random() < 0.25:
                ctx.emit(t, "rms", st, "view", "person", p_, "summary;contact", ws)
        note = rng.choice(NOTES) if rng.random() < 0.04 else ""
        ctx.emit(t + rng.randint(300, 2400), "rms", st, "update", "occurrence", oi, "notes", ws, note)
    return done


def patrol(ctx, st, sh, n_veh, n_per, dev, roads=False, stop_p=0.08, male=0.72, ages=(16, 50)):
    rng, pp, world = ctx.rng_act, ctx.people, ctx.world
    k = st.sector.k if st.sector is not None else rng.randrange(len(ctx.geo.sectors))
    vreasons = ROADS_VEHICLE if roads else PATROL_VEHICLE
    preasons = ROADS_PERSON if roads else PATROL_PERSON
    nv = len(pp.vrms)
    for _ in range(n_veh):
        t = when(rng, sh, 0.05, 0.98)
        r = rng.choice(vreasons)
        if nv and rng.random() < 0.8:
            v = rng.randrange(nv)
            ctx.emit(t, "pnc", st, "search", "vehicle", pp.vrms[v], "vehicles", dev, r)
            if rng.random() < 0.3:
                ctx.emit(t + rng.randint(20, 200), "pnc", st, "search", "person", pp.keeper[v], "identity;warnings", dev, r)
        else:
            ctx.emit(t, "pnc", st, "search", "vehicle", ctx.foreign_vrm(), "vehicles", dev, r)
    for _ in range(n_per):
        t = when(rng, sh, 0.05, 0.98)
        sec = k if rng.random() < 0.85 else rng.randrange(len(ctx.geo.sectors))
        p = pp.pick(sec, "male" if rng.random() < male else "female", ages[0], ages[1], pp.prolific[sec], 0.25)
        r = rng.choice(preasons)
        ctx.emit(t, "pnc", st, "search", "person", p, "identity;warnings", dev, r)
        if rng.random() < stop_p:
            stop_check(ctx, st, t, p, dev)


def stop_check(ctx, st, t, p, dev):
    world, rng = ctx.world, ctx.rng_act
    sec = st.sector
    closed = t + rng.randint(5, 30) * 60
    if closed >= ctx.clock.end:
        closed = None
    o = world.new_occ("stop_check", t - rng.randint(30, 240), sec.station if sec else st.station,
                      sec.k if sec else None, closed)
    world.involve(o, p, "suspect" if rng.random() < 0.7 else "other")
    world.note_closed(o)
    world.assign(o, st, "attending", o.opened - 60, closed)
    ctx.emit(t + rng.randint(200, 900), "rms", st, "update", "occurrence", o.i, "summary;notes", dev)


def reviews(ctx, st, sh, ws):
    rng, occs = ctx.rng_act, ctx.world.occs
    for t0, oi, *_ in take(st.reviews, sh, before=6 * DAY, after=0):
        t = max(t0, when(rng, sh, 0.1, 0.95))
        ctx.emit(t, "rms", st, "view", "occurrence", oi, "summary;notes", ws)
        o = occs[oi]
        if o.persons and rng.random() < 0.5:
            ctx.emit(t + rng.randint(30, 300), "rms", st, "view", "person", o.persons[0][0], "summary;warnings", ws)
        ctx.emit(t + rng.randint(300, 1800), "rms", st, "update", "occurrence", oi, "notes", ws)


def training(ctx, st, sh, ws):
    rng = ctx.rng_act
    for _ in range(rng.randint(0, 3)):
        p = rng.randrange(len(ctx.people))
        ctx.emit(when(rng, sh), "rms", st, "search", "person", p, "summary", ws)
