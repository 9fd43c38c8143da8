"""Look-alikes: legitimate work that resembles misconduct (kind `benign` in truth.csv)."""
from . import clock, geography as geo
from .cast_common import duty_times, off_times, first_shift_from, person_like, H

# scenario, units (first choice, second choice), how many at 1,500 staff
KINDS = [
    ("cse_daily_rereads", ["cet"], ["cet"], 2),
    ("licensing_venue_checks", ["licensing"], ["licensing_staff"], 2),
    ("long_case_victim_contact", ["sou"], ["cid"], 2),
    ("closed_case_review", ["review"], ["review"], 1),
    ("data_quality_sweep", ["dq"], ["dq"], 1),
    ("declared_relative_in_custody", ["custody"], ["custody"], 1),
    ("sex_worker_problem_profile", ["intel"], ["intel"], 1),
    ("frequent_caller_triage", ["mh_triage"], ["mh_triage"], 1),
    ("dv_disclosure_checks", ["omu"], ["omu"], 1),
]


def plan(n_staff):
    out = []
    for name, u1, u2, n in KINDS:
        k = n if n_staff >= 1200 else 1
        for j in range(k):
            out.append((name, u1 if j == 0 else u2))
    return out


def _shift_iter(ctx, lo=None, hi=None):
    for i, (a, b, k) in enumerate(ctx.shifts):
        if k == "training" or (lo and b < lo) or (hi and a > hi):
            continue
        yield i, a, b


# ---- the child exploitation team's daily re-reading of the girls and boys it protects
def setup_cse(env, part):
    part.note = "re-reads the same at-risk children every shift: the team's job"


def act_cse(env, part):
    ctx, P = part.ctx, env.P
    rng = ctx.rng
    kids = env.caseload.get(part.s.idx) or P.pools["at_risk"]
    for i, a, b in _shift_iter(ctx):
        for _ in range(rng.randint(5, 11)):
            t = rng.randint(a, b - 1)
            p = rng.choice(kids)
            part.emit("rms", t, "view", "person", p, rng.choice(["summary;identity;contact;address", "photo;associates;notes", "identity;contact;warnings"]), ctx.dev(t, i))
            if rng.random() < 0.2:
                q = [x for x, rel in P.linked.get(p, []) if rel in ("associate", "friend")]
                if q:
                    part.emit("rms", t + rng.randint(30, 400), "search", "person", rng.choice(q), "summary;identity;photo", ctx.dev(t, i))


# ---- licensing: door staff and bar staff, night after night, no occurrence
def setup_licensing(env, part):
    part.note = "checks the same venue staff (many young women) with typed licensing reasons"


def act_licensing(env, part):
    ctx, P = part.ctx, env.P
    rng = ctx.rng
    venue = P.pools["venue_staff"]
    regular = rng.sample(venue, min(len(venue), 60))
    for i, a, b in _shift_iter(ctx):
        night = clock.local_hour(a) >= 15
        for _ in range(rng.randint(6, 14) if night else rng.randint(2, 6)):
            t = rng.randint(a, b - 1)
            p = rng.choice(regular)
            if rng.random() < 0.6:
                part.emit("pnc", t, "search", "person", p, "identity;warnings;history", ctx.dev(t, i),
                          rng.choice(["licensing", "SIA check", "door staff check", "premises visit, " + rng.choice(["Quayside", "Velvet Rooms", "The Lantern"])]))
            else:
                part.emit("rms", t, "view", "person", p, rng.choice(["identity;address;photo", "summary;identity;contact"]), ctx.dev(t, i))


# ---- a long investigation: the victim's contact details read for months, sometimes from home
def setup_long_case(env, part):
    rng, ctx, s, O, P = part.rng, part.context(env), part.s, env.O, env.P
    v = person_like(env, rng, "female", 21, 40)
    sus = person_like(env, rng, "male", 25, 50)
    P.link(v, sus, "ex_partner")
    opened = clock.START - rng.randint(40, 150) * clock.DAY
    o = O.add(rng.choice(["stalking_harassment", "sexual_offence"]), opened, None, geo.BOROUGH_MAIN[P.borough[v]])
    O.tags[o] = "historic"
    O.involve(o, v, "victim")
    O.involve(o, sus, "suspect")
    P.mark(v, "stalking_victim" if O.cat[o] == "stalking_harassment" else "sexual_offence_victim")
    O.assign_staff(o, s.idx, "officer_in_case", opened + 2 * clock.DAY, None)
    part.v, part.o, part.sus = v, o, sus
    part.note = "a months-long case: the victim's contact details read several times a week"


def act_long_case(env, part):
    ctx, s = part.ctx, part.s
    rng = ctx.rng
    for i, a, b in _shift_iter(ctx):
        if rng.random() < 0.55:
            t = rng.randint(a, b - 1)
            ws = ctx.dev(t, i)
            part.emit("rms", t, "view", "occurrence", part.o, "summary;notes", ws)
            part.emit("rms", t + rng.randint(30, 900), "view", "person", part.v, rng.choice(["contact;address", "identity;contact", "contact;notes"]), ws)
            if rng.random() < 0.2:
                part.emit("pnd", t + rng.randint(60, 1800), "search", "person", part.sus, "identity;history", ws, "investigation")
    for t in off_times(ctx, 2, env.days - 2, int(env.days / 12), 19.0, 22.5):
        part.emit("rms", t, "view", "person", part.v, "contact;notes", s.laptop or s.handheld or s.pcs[0])


# ---- a tasked review of closed cases (no assignment recorded)
def setup_review(env, part):
    part.note = "tasked review of closed sexual offence cases: victims' details with no assignment"


def act_review(env, part):
    ctx, O = part.ctx, env.O
    rng = ctx.rng
    closed = [o for o in env.historic if O.cat[o] == "sexual_offence" and O.closed[o] and O.closed[o] < clock.START]
    cases = rng.sample(closed, min(len(closed), rng.randint(18, 28)))
    d0 = rng.randint(10, env.days - 30)
    times = duty_times(ctx, clock.local(d0, 0), clock.local(d0 + 21, 0), len(cases))
    for (t, i), o in zip(times, cases):
        ws = ctx.dev(t, i)
        part.emit("rms", t, "view", "occurrence", o, "summary;notes;history", ws)
        for p, r in O.persons[o]:
            part.emit("rms", t + rng.randint(60, 1200), "view", "person", p,
                      "identity;contact;address;history" if r == "victim" else "summary;history", ws)


# ---- data quality: merging duplicate person records, marked people included, some overtime at night
def setup_dq(env, part):
    part.note = "a sweep merging duplicate person records, hundreds of updates including evenings"


def act_dq(env, part):
    ctx, P = part.ctx, env.P
    rng = ctx.rng
    marked = [p for p in range(len(P.pid)) if P.markers[p]]
    d0 = rng.randint(15, env.days - 20)
    times = duty_times(ctx, clock.local(d0, 0), clock.local(d0 + 10, 0), 200)
    times += [(t, None) for t in off_times(ctx, d0, d0 + 10, 60, 17.5, 21.0)]
    for t, i in sorted(times):
        p = rng.choice(marked) if rng.random() < 0.6 else rng.randrange(len(P.pid))
        ws = ctx.dev(t, i) if i is not None else part.s.pcs[0]
        part.emit("rms", t, "view", "person", p, "identity;address", ws)
        part.emit("rms", t + rng.randint(20, 200), "update", "person", p, "identity;address", ws)


# ---- a declared relative booked into the suite: the custody officer's duty, declared in advance
def setup_declared(env, part):
    rng, ctx, s, O, P = part.rng, part.context(env), part.s, env.O, env.P
    cousin = person_like(env, rng, "male", 19, 40)
    P.mark(cousin, "custody_detainee")
    env.declared.append((s.idx, cousin, "family", clock.START - rng.randint(100, 2000) * clock.DAY))
    i = first_shift_from(ctx, rng.randint(20, env.days - 20), kinds=("duty",)) or first_shift_from(ctx, 5)
    a, b, _k = ctx.shifts[i]
    t = a + rng.randint(1, 5) * H
    c = O.add("custody", t, t + rng.randint(8, 20) * H, s.suite)
    O.tags[c] = "declared"
    O.involve(c, cousin, "suspect")
    O.assign_staff(c, s.idx, "supervisor", t, O.closed[c])
    part.v, part.c, part.t = cousin, c, t
    part.note = "a declared cousin booked into their suite on their shift"


def act_declared(env, part):
    ctx = part.ctx
    rng = ctx.rng
    i = ctx.shift_at(part.t)
    ws = ctx.dev(part.t, i)
    t = part.t + rng.randint(30, 600)
    part.emit("custody", t, "view", "person", part.v, "identity;warnings;custody", ws, "booking in")
    part.emit("custody", t + rng.randint(300, 1500), "view", "custody_image", part.v, "photo", ws, "booking in")
    part.emit("rms", t + rng.randint(600, 2400), "view", "person", part.v, "summary;warnings;address", ws)


# ---- a tasked problem profile of on-street sex work (analyst assignments to the occurrences in scope)
def setup_profile(env, part):
    rng, O, P = part.rng, env.O, env.P
    sw = P.pools["sex_workers"]
    d0 = rng.randint(10, env.days - 35)
    part.d0 = d0
    part.occs = []
    for _ in range(max(6, len(sw) // 4)):
        t = clock.local(rng.randint(max(0, d0 - 60), d0), rng.uniform(21, 27))
        o = O.add(rng.choice(["public_order", "other", "drugs"]), t, t + rng.randint(1, 20) * clock.DAY, "Castle Street", index=False)
        for p in rng.sample(sw, rng.randint(1, 3)):
            O.involve(o, p, "victim" if rng.random() < 0.4 else "other")
        part.occs.append(o)
        O.assign_staff(o, part.s.idx, "analyst", clock.local(d0, 9), clock.local(d0 + 30, 17))
    part.note = "a tasked problem profile of on-street sex work: many women, photos, associates"


def act_profile(env, part):
    ctx, P = part.ctx, env.P
    rng = ctx.rng
    sw = P.pools["sex_workers"]
    times = duty_times(ctx, clock.local(part.d0, 9), clock.local(part.d0 + 28, 17), int(len(sw) * 1.4))
    for (t, i) in times:
        p = rng.choice(sw)
        ws = ctx.dev(t, i)
        r = rng.random()
        if r < 0.55:
            part.emit("rms", t, "view", "person", p, rng.choice(["summary;identity;photo;history", "identity;associates;warnings", "summary;address;history"]), ws)
        elif r < 0.8:
            part.emit("pnd", t, "search", "person", p, "identity;history;associates", ws, "problem profile")
        else:
            part.emit("intelligence", t, "view", "person", p, "summary;associates;notes", ws, "profile")


# ---- mental-health triage: the same frequent callers, every shift
def setup_triage(env, part):
    part.note = "reads the same frequent callers with mental ill health, most without an occurrence"


def act_triage(env, part):
    ctx = part.ctx
    rng = ctx.rng
    callers = env.caseload.get(part.s.idx) or env.P.pools["frequent_callers"]
    for i, a, b in _shift_iter(ctx):
        for _ in range(rng.randint(3, 8)):
            t = rng.randint(a, b - 1)
            part.emit("rms", t, "view", "person", rng.choice(callers), rng.choice(["summary;warnings;history", "identity;contact;address;warnings", "summary;notes"]), ctx.dev(t, i))


# ---- domestic violence disclosure scheme: partners of managed offenders, on request
def setup_disclosure(env, part):
    part.note = "disclosure-scheme checks on the partners of managed offenders"


def act_disclosure(env, part):
    ctx, P = part.ctx, env.P
    rng = ctx.rng
    pairs = [(n, P.partner[n]) for n in P.pools["nominals"] if n in P.partner]
    chosen = rng.sample(pairs, min(len(pairs), rng.randint(14, 22)))
    for n, w in chosen:
        d = rng.randint(3, env.days - 4)
        tt = duty_times(ctx, clock.local(d, 0), clock.local(d + 5, 0), 1)
        if not tt:
            continue
        t, i = tt[0]
        ws = ctx.dev(t, i)
        part.emit("rms", t, "view", "person", n, "summary;history;warnings", ws)
        part.emit("rms", t + rng.randint(60, 600), "view", "person", w, "identity;address;contact", ws)
        if rng.random() < 0.5:
            part.emit("pnd", t + rng.randint(60, 900), "search", "person", n, "identity;history", ws, "DVDS")


SCENARIOS = {
    "cse_daily_rereads": (setup_cse, act_cse),
    "licensing_venue_checks": (setup_licensing, act_licensing),
    "long_case_victim_contact": (setup_long_case, act_long_case),
    "closed_case_review": (setup_review, act_review),
    "data_quality_sweep": (setup_dq, act_dq),
    "declared_relative_in_custody": (setup_declared, act_declared),
    "sex_worker_problem_profile": (setup_profile, act_profile),
    "frequent_caller_triage": (setup_triage, act_triage),
    "dv_disclosure_checks": (setup_disclosure, act_disclosure),
}
