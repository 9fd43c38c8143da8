"""Everyday work with no occurrence behind it, by unit: briefings, patrol checks, caseloads, research, admin."""
import bisect
from . import clock, geography as geo
from .rng import poisson

H = clock.HOUR
PNC_PERSON_REASONS = ["stop check", "Stop check", "STOP CHK", "stop/account", "suspicious person", "enquiry", "enq",
                      "id check", "warrant check", "intel", "welfare", "ASB", "s1 PACE", "street check"]
PNC_VEHICLE_REASONS = ["vehicle check", "veh chk", "suspicious vehicle", "ANPR", "anpr hit", "RTC", "no insurance",
                       "moving traffic", "stop check", "parked vehicle"]


class Env:
    """Shared state for work generation (filled in by force.py)."""
    pass


def recent(env, t, days, cats=None):
    """A random occurrence of the period opened within `days` before t (optionally of given categories)."""
    lo = bisect.bisect_left(env.occ_open_t, t - days * clock.DAY)
    hi = bisect.bisect_right(env.occ_open_t, t)
    if hi <= lo:
        return None
    for _ in range(6):
        o = env.occ_sorted[env.rng_pick.randrange(lo, hi)]
        if cats is None or env.O.cat[o] in cats:
            return o
    return None


def _person_fields(rng):
    return rng.choice(["summary;identity;warnings", "identity;warnings", "summary;identity;warnings;history",
                       "identity;address;warnings", "summary;identity"])


def _stop(ctx, t, i, pool, reason_pool=PNC_PERSON_REASONS, occ_rate=0.2):
    env, rng, s = ctx.env, ctx.rng, ctx.idx
    p = rng.choice(pool)
    ws = ctx.dev(t, i)
    reason = rng.choice(reason_pool)
    if rng.random() < occ_rate:
        O = env.O
        o = O.add("stop_check", t - 300, t + rng.randint(15, 60) * 60, ctx.s.station, index=False)
        O.involve(o, p, "other")
        O.assign_staff(o, s, "attending", t - 300, t + 1800)
        ctx.add("rms", t + rng.randint(60, 900), s, "update", "occurrence", o, "summary;notes", ws)
    ctx.add("pnc", t, s, "search", "person", p, "identity;warnings", ws, reason)
    if rng.random() < 0.3:
        ctx.add("rms", t + rng.randint(20, 240), s, "search", "person", p, _person_fields(rng), ws)
    return p


def _vehicle(ctx, t, i):
    rng = ctx.rng
    ctx.add("pnc", t, ctx.idx, "search", "vehicle", rng.choice(ctx.env.vrms), "vehicles", ctx.dev(t, i), rng.choice(PNC_VEHICLE_REASONS))


def _brief(ctx, i, a):
    env, rng = ctx.env, ctx.rng
    st = ctx.s.station if ctx.s.station in env.O.by_station else geo.BOROUGH_MAIN[ctx.s.borough]
    k = rng.randint(3, 10)
    for o in env.O.recent_open(st, a, rng, k):
        t = a + rng.randint(0, 2400)
        ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary", ctx.dev(t, i))


def _board(ctx, t, i, hours=8):
    o = recent(ctx.env, t, hours / 24.0)
    if o is not None:
        ctx.add("command_control", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))


def _read(ctx, t, i, p, fields, system="rms", action="view", reason=""):
    ctx.add(system, t, ctx.idx, action, "person", p, fields, ctx.dev(t, i), reason)


def shift_work(ctx, i):
    a, b, kind = ctx.shifts[i]
    env, rng, s, u = ctx.env, ctx.rng, ctx.s, ctx.s.unit
    P = env.P
    hours = (b - a) / H
    if kind == "training":
        return
    T = lambda: rng.randint(a, b - 1)
    if u in ("response", "response_sgt", "specials"):
        if rng.random() < 0.75:
            _brief(ctx, i, a)
        pool = P.pools[("street", s.borough)]
        for _ in range(poisson(rng, 0.42 * hours)):
            t, r = T(), rng.random()
            if r < 0.3:
                _vehicle(ctx, t, i)
            elif r < 0.55:
                _stop(ctx, t, i, pool if rng.random() < 0.7 else P.pools["prolific"])
            elif r < 0.8:
                _board(ctx, t, i)
            else:
                _read(ctx, t, i, rng.choice(P.pools[("local_nominals", s.borough)]), _person_fields(rng), action="search")
        if u == "response_sgt":
            for _ in range(poisson(rng, 0.4 * hours)):
                o = recent(env, T(), 2)
                if o is not None:
                    t = T()
                    ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
    elif u == "transport":
        night = clock.local_hour(a) >= 12
        pool = P.pools["street_all"]
        for _ in range(poisson(rng, (1.3 if night else 0.6) * hours)):
            t, r = T(), rng.random()
            if r < 0.65:
                _stop(ctx, t, i, pool, occ_rate=0.28)
            elif r < 0.8:
                _board(ctx, t, i)
            else:
                _read(ctx, t, i, rng.choice(P.pools["prolific"]), "summary;identity;warnings;photo", action="search")
    elif u == "nte":
        pool = P.pools[("street", "CEN")]
        for _ in range(poisson(rng, 0.9 * hours)):
            t, r = T(), rng.random()
            if r < 0.55:
                _stop(ctx, t, i, pool, occ_rate=0.15)
            elif r < 0.7:
                _read(ctx, t, i, rng.choice(P.pools["venue_staff"]), "identity;warnings", system="pnc", action="search",
                      reason=rng.choice(["door staff check", "licensing", "enq", "SIA check"]))
            else:
                _board(ctx, t, i, 4)
    elif u == "mh_triage":
        callers = env.caseload.get(s.idx, P.pools["frequent_callers"])
        for _ in range(poisson(rng, 0.8 * hours)):
            t, r = T(), rng.random()
            p = rng.choice(callers)
            if r < 0.6:
                _read(ctx, t, i, p, rng.choice(["summary;warnings;history;notes", "identity;address;warnings;history",
                                                "summary;identity;contact;warnings"]))
            elif r < 0.75:
                for o in P_occs(env, p)[-2:]:
                    ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
            else:
                _board(ctx, t, i, 6)
    elif u in ("neighbourhood", "pcso"):
        if rng.random() < 0.5:
            _brief(ctx, i, a)
        noms = P.pools[("local_nominals", s.borough)]
        for _ in range(poisson(rng, 0.45 * hours)):
            t, r = T(), rng.random()
            if r < 0.45:
                _read(ctx, t, i, rng.choice(noms), rng.choice(["summary;warnings;history", "summary;identity;address;associates",
                                                               "identity;warnings;photo"]))
            elif r < 0.6:
                ctx.add("rms", t, ctx.idx, "search", "location", rng.choice(env.locations[s.borough]), "summary;history", ctx.dev(t, i))
            elif r < 0.75 and u == "neighbourhood":
                _stop(ctx, t, i, P.pools[("street", s.borough)], occ_rate=0.1)
            else:
                o = recent(env, t, 10, ("antisocial_behaviour", "criminal_damage", "theft", "public_order"))
                if o is not None:
                    ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
    elif u in ("licensing", "licensing_staff"):
        venue = P.pools["venue_staff"]
        night = clock.local_hour(a) >= 15
        for _ in range(poisson(rng, (0.9 if night else 0.6) * hours)):
            t, r = T(), rng.random()
            p = rng.choice(venue)
            if r < 0.45:
                _read(ctx, t, i, p, "identity;warnings;history", system="pnc", action="search",
                      reason=rng.choice(["licensing", "SIA check", "premises licence", "door staff check", "licence review"]))
            elif r < 0.8:
                _read(ctx, t, i, p, rng.choice(["summary;identity;warnings", "identity;address;photo", "summary;history"]))
            else:
                ctx.add("rms", t, ctx.idx, "view", "location", rng.choice(P.pools["venues"]), "summary;history", ctx.dev(t, i))
    elif u in ("cid", "cid_sgt", "sou", "hcu"):
        for _ in range(poisson(rng, 0.45 * hours)):
            t, r = T(), rng.random()
            if r < 0.35:
                p = _associate_of_case(ctx, t)
                if p is not None:
                    _read(ctx, t, i, p, "summary;identity;warnings;history;associates", action="search")
            elif r < 0.55:
                ctx.add("pnd", t, ctx.idx, "search", "person", rng.choice(P.pools["prolific"]), "identity;history;associates",
                        ctx.dev(t, i), rng.choice(["", "investigation", "research", "suspect id"]))
            elif r < 0.7:
                ctx.add("intelligence", t, ctx.idx, "view", "intelligence", rng.choice(env.intel_ids), "summary;notes", ctx.dev(t, i),
                        rng.choice(["", "", "investigation"]))
            elif r < 0.85:
                o = recent(env, t, 5, ("assault", "public_order", "criminal_damage") if u == "hcu" else None)
                if o is not None:
                    ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
            else:
                _read(ctx, t, i, rng.choice(P.pools["prolific"]), "summary;identity;photo;warnings", action="search")
    elif u == "cet":
        kids = env.caseload.get(s.idx, P.pools["at_risk"])
        for _ in range(poisson(rng, 0.9 * hours)):
            t, r = T(), rng.random()
            p = rng.choice(kids)
            if r < 0.55:
                _read(ctx, t, i, p, rng.choice(["summary;identity;warnings;history", "identity;address;contact;associates",
                                                "summary;photo;associates;notes", "identity;contact;warnings"]))
            elif r < 0.7:
                q = [x for x, rel in P.linked.get(p, []) if rel in ("associate", "friend")]
                if q:
                    _read(ctx, t, i, rng.choice(q), "summary;identity;photo;associates", action="search")
            elif r < 0.82:
                ctx.add("intelligence", t, ctx.idx, "view", "person", p, "summary;associates;notes", ctx.dev(t, i), rng.choice(["", "CSE", "safeguarding"]))
            else:
                for o in P_occs(env, p)[-2:]:
                    ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
    elif u == "dasu":
        for _ in range(poisson(rng, 0.7 * hours)):
            t = T()
            o = recent(env, t, 30, ("domestic_abuse", "stalking_harassment"))
            if o is None:
                continue
            ws = ctx.dev(t, i)
            ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ws)
            for p, r in env.O.persons[o]:
                if r == "victim":
                    ctx.add("rms", t + rng.randint(30, 600), ctx.idx, "view", "person", p,
                            rng.choice(["identity;address;contact;warnings;history", "summary;contact;history"]), ws)
                elif r == "suspect" and rng.random() < 0.6:
                    ctx.add("rms", t + rng.randint(30, 600), ctx.idx, "view", "person", p, "summary;warnings;history", ws)
    elif u == "mash":
        for _ in range(poisson(rng, 0.6 * hours)):
            t = T()
            o = recent(env, t, 14, ("concern_for_welfare", "mental_health", "missing_person", "domestic_abuse"))
            if o is None:
                continue
            ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
            for p, r in env.O.persons[o][:2]:
                ctx.add("rms", t + rng.randint(30, 600), ctx.idx, "view", "person", p, "summary;identity;warnings;address", ctx.dev(t, i))
    elif u in ("omu", "omu_staff"):
        noms = env.caseload.get(s.idx) or P.pools["nominals"][:10]
        for _ in range(poisson(rng, 0.55 * hours)):
            t, r = T(), rng.random()
            n = rng.choice(noms)
            if r < 0.45:
                _read(ctx, t, i, n, rng.choice(["summary;address;warnings;history", "identity;address;associates",
                                                "summary;history;notes;associates"]))
            elif r < 0.6 and n in P.partner:
                _read(ctx, t, i, P.partner[n], rng.choice(["summary;identity;address", "identity;address;contact;warnings"]))
            elif r < 0.78:
                ctx.add("pnd", t, ctx.idx, "search", "person", n, "identity;history;associates", ctx.dev(t, i),
                        rng.choice(["IOM", "offender management", "", "MAPPA"]))
            else:
                ctx.add("intelligence", t, ctx.idx, "view", "person", n, "summary;associates;notes", ctx.dev(t, i), "")
    elif u == "review":
        for _ in range(poisson(rng, 0.35 * hours)):
            t = T()
            o = rng.choice(env.historic)
            ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes;history", ctx.dev(t, i))
            for p, r in env.O.persons[o][:2]:
                ctx.add("rms", t + rng.randint(30, 900), ctx.idx, "view", "person", p, "summary;identity;history", ctx.dev(t, i))
    elif u in ("call", "control_sup"):
        for _ in range(poisson(rng, (0.7 if u == "call" else 1.2) * hours)):
            t, r = T(), rng.random()
            if r < 0.5:
                _board(ctx, t, i, 3)
            elif u == "call":
                # advice calls and repeat callers with no occurrence
                sx = rng.choice(["female", "male"])
                p = rng.choice(P.pools[("demo", rng.choice(["young", "adult", "adult", "old"]), sx, "*")])
                _read(ctx, t, i, p, "summary;identity;warnings;address", action="search")
    elif u == "dispatch":
        for _ in range(poisson(rng, 2.0 * hours)):
            t, r = T(), rng.random()
            if r < 0.6:
                o = recent(env, t, 0.2)
                if o is not None:
                    ctx.add("command_control", t, ctx.idx, "view" if rng.random() < 0.7 else "update", "occurrence", o,
                            "summary;notes", ctx.dev(t, i))
            elif r < 0.75:
                _vehicle(ctx, t, i)
            else:
                o = recent(env, t, 0.2)
                if o is not None and env.O.persons[o]:
                    p, _r = rng.choice(env.O.persons[o])
                    sysm = "pnc" if rng.random() < 0.4 else "rms"
                    ctx.add(sysm, t, ctx.idx, "search", "person", p, "identity;warnings", ctx.dev(t, i),
                            rng.choice(["officer request", "OFFICER REQ", "warnings check", "enq"]) if sysm == "pnc" else "")
    elif u == "custody":
        for _ in range(poisson(rng, 0.9 * hours)):
            t = T()
            c = detainee_at(env, s.suite, t, rng)
            if c is None:
                continue
            p = env.O.persons[c][0][0]
            r = rng.random()
            if r < 0.5:
                ctx.add("custody", t, ctx.idx, "view", "person", p, "identity;warnings;custody", ctx.dev(t, i), rng.choice(["detainee care", "", "visit", "review"]))
            elif r < 0.7:
                ctx.add("custody", t, ctx.idx, "view", "custody_image", p, "photo", ctx.dev(t, i), rng.choice(["", "ID check", "handover"]))
            else:
                ctx.add("custody", t, ctx.idx, "update", "occurrence", c, "custody", ctx.dev(t, i), rng.choice(["detainee care", "meal", "visit", ""]))
    elif u == "intel":
        prof = env.caseload.get(s.idx) or P.pools["prolific"]
        for _ in range(poisson(rng, 0.7 * hours)):
            t, r = T(), rng.random()
            p = rng.choice(prof)
            if r < 0.3:
                ctx.add("pnd", t, ctx.idx, "search", "person", p, "identity;history;associates", ctx.dev(t, i), rng.choice(["research", "profile", "", "tasking"]))
            elif r < 0.55:
                ctx.add("intelligence", t, ctx.idx, rng.choice(["view", "search", "update"]), "intelligence", rng.choice(env.intel_ids), "summary;notes", ctx.dev(t, i), "")
            elif r < 0.8:
                _read(ctx, t, i, p, "summary;identity;history;associates", action="search")
            else:
                o = recent(env, t, 30, ("burglary", "theft", "drugs", "assault"))
                if o is not None:
                    ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
    elif u == "dq":
        for _ in range(poisson(rng, 0.8 * hours)):
            t = T()
            p = rng.randrange(len(P.pid))
            ctx.add("rms", t, ctx.idx, rng.choice(["view", "update", "update"]), "person", p, "identity;address", ctx.dev(t, i))
    elif u == "records":
        for _ in range(poisson(rng, 0.6 * hours)):
            t = T()
            o = rng.choice(env.historic) if rng.random() < 0.5 else recent(env, t, 90)
            if o is None:
                continue
            ctx.add("rms", t, ctx.idx, rng.choice(["view", "view", "print", "export"]), "occurrence", o, "summary;notes", ctx.dev(t, i),
                    rng.choice(["", "disclosure", "DBS", "subject access"]))
            if rng.random() < 0.4 and env.O.persons[o]:
                ctx.add("rms", t + 120, ctx.idx, "view", "person", env.O.persons[o][0][0], "identity;address;history", ctx.dev(t, i))
    elif u == "front":
        for _ in range(poisson(rng, 0.5 * hours)):
            t = T()
            p = rng.choice(P.pools[("demo", rng.choice(["young", "adult", "old"]), rng.choice(["female", "male"]), s.borough)])
            ctx.add("rms", t, ctx.idx, "search", "person", p, "summary;identity;warnings", ctx.dev(t, i))
    elif u in ("crime_rec", "victim_care"):
        for _ in range(poisson(rng, 0.8 * hours)):
            t = T()
            o = recent(env, t, 3 if u == "crime_rec" else 20, ("assault", "theft", "burglary", "criminal_damage", "fraud", "domestic_abuse", "sexual_offence", "stalking_harassment"))
            if o is None:
                continue
            ctx.add("rms", t, ctx.idx, "update" if u == "crime_rec" else "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
            for p, r in env.O.persons[o]:
                if r == "victim":
                    ctx.add("rms", t + rng.randint(30, 900), ctx.idx, "view", "person", p,
                            "identity;contact" if u == "victim_care" else "identity;address", ctx.dev(t, i))
    elif u in ("admin", "ccu"):
        for _ in range(poisson(rng, 0.1 * hours)):
            t = T()
            o = recent(env, t, 30)
            if o is not None:
                ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary", ctx.dev(t, i))


def P_occs(env, p):
    return env.O.by_person.get(p, [])


def _associate_of_case(ctx, t):
    env, rng = ctx.env, ctx.rng
    mine = env.O.by_staff.get(ctx.idx)
    if not mine:
        return rng.choice(env.P.pools["prolific"])
    o = env.O.assign[rng.choice(mine)][0]
    ps = [p for p, r in env.O.persons[o] if r == "suspect"]
    if not ps:
        return None
    links = env.P.linked.get(ps[0], [])
    return rng.choice(links)[0] if links else ps[0]


def detainee_at(env, suite, t, rng):
    lst, ts = env.custody_by_suite.get(suite, ([], []))
    hi = bisect.bisect_right(ts, t)
    lo = bisect.bisect_left(ts, t - 36 * H)
    cands = [lst[k] for k in range(lo, hi) if env.O.is_open(lst[k], t)]
    return rng.choice(cands) if cands else None


def off_duty_work(ctx, days):
    """Evening laptop work, handheld checks before a shift: real work the roster does not show."""
    s, rng, env = ctx.s, ctx.rng, ctx.env
    if s.laptop and s.unit in ("cid", "cid_sgt", "sou", "hcu", "omu", "cet", "dasu", "mash", "intel", "review", "response_sgt", "control_sup", "licensing"):
        mine = [env.O.assign[k][0] for k in env.O.by_staff.get(s.idx, [])]
        for _ in range(int(days / 7 * rng.uniform(0.2, 1.2))):
            d = rng.randrange(days)
            t = ctx.off_duty_time(d, 18.5, 23.5)
            if t is None:
                continue
            for _k in range(rng.randint(1, 5)):
                t += rng.randint(60, 900)
                if mine and rng.random() < 0.7:
                    o = rng.choice(mine)
                    ctx.add("rms", t, s.idx, "view", "occurrence", o, "summary;notes", s.laptop)
                    vs = [p for p, r in env.O.persons[o] if r in ("victim", "suspect")]
                    if vs and rng.random() < 0.5:
                        ctx.add("rms", t + 60, s.idx, "view", "person", rng.choice(vs), "summary;identity", s.laptop)
                else:
                    ctx.add("rms", t, s.idx, "search", "person", rng.choice(env.caseload.get(s.idx) or env.P.pools["prolific"]),
                            "summary;identity;history", s.laptop)
    elif s.handheld and s.unit in ("response", "neighbourhood", "transport", "nte", "pcso"):
        for _ in range(int(days / 10 * rng.uniform(0, 1))):
            if not ctx.shifts:
                break
            a = ctx.shifts[rng.randrange(len(ctx.shifts))][0]
            t = a - rng.randint(20, 90) * 60
            o = recent(env, t, 1)
            if o is not None:
                ctx.add("rms", t, s.idx, "view", "occurrence", o, "summary", s.handheld)
