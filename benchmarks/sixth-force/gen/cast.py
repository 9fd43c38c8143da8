"""Choosing who plays each scenario, and the background declarations of association."""
from . import lookalikes, offenders

# unit -> roles a scenario may cast there
_ROLE = {"lpt_resp": ("response_officer",), "rpu": ("response_officer",), "arv": ("response_officer",),
         "custody": ("custody_officer",), "specials": ("special_constable",), "lpt_nbh": ("neighbourhood_officer",),
         "mash": ("safeguarding_officer", "police_staff"), "vcu": ("police_staff",), "cmu": ("detective",),
         "ppiu": ("detective",), "fcr_ch": ("call_handler",), "fib": ("intelligence_analyst",),
         "iom": ("neighbourhood_officer", "detective"), "records": ("police_staff",)}
_EXTRA = {
    ("rasso_historic_operation", "ppiu"): lambda s: "RASSO" in s.team,
    ("case_victim_circle", "ppiu"): lambda s: "RASSO" in s.team,
    ("cmu_evening_calls", "cmu"): lambda s: s.laptop is not None and "Screening" not in s.team,
    ("case_victim_circle", "cmu"): lambda s: "Screening" not in s.team,
}


def _eligible(ctx, s, unit, roles, extra, days):
    if s.historic or s.unit != unit or s.role not in roles or s.state.get("cast"):
        return False
    if s.start_day is None or s.start_day >= 0 or s.end_day is not None:
        return False
    worked = sum(1 for sh in s.shifts if sh.worked and sh.day >= 0)
    if worked < days * (0.12 if unit == "specials" else 0.3):
        return False
    return extra(s)


def choose(ctx, rng):
    n, days = ctx.n_staff, ctx.clock.days
    per_off = max(1, int(round(n / 750.0)))
    per_ben = max(1, int(round(n / 1500.0)))
    cast = []
    tag = 0
    plan = [(K, per_off) for K in offenders.KINDS] + [(K, per_ben) for K in lookalikes.KINDS]
    for K, count in plan:
        for j in range(count):
            variant = j % len(K.roles)
            unit = K.roles[variant]
            roles = _ROLE[unit]
            if K.name == "case_victim_circle" and unit == "cmu":
                roles = ("detective",)
            if K.name == "safeguarding_role_cover" and unit == "mash":
                roles = ("safeguarding_officer",)
            extra = _EXTRA.get((K.name, unit), lambda s: True)
            pool = [s for s in ctx.staff if _eligible(ctx, s, unit, roles, extra, days)]
            if not pool:
                pool = [s for s in ctx.staff if _eligible(ctx, s, unit, _ROLE[unit], lambda s: True, days)]
            if not pool:
                continue
            st = rng.choice(pool)
            st.state["cast"] = True
            tag += 1
            lo, hi = max(1, int(days * 0.08)), max(2, int(days * 0.35))
            d0 = rng.randint(lo, hi)
            cast.append(K(ctx, rng, st, tag, d0, variant))
    return cast


def background_declarations(ctx, rng):
    """About one in twenty-five staff has declared a connection with someone on the records."""
    pp, world = ctx.people, ctx.world
    rels = ("family", "sibling", "ex_partner", "friend", "neighbour", "partner", "spouse", "parent", "child")
    for s in ctx.staff:
        if s.historic or rng.random() > 0.04:
            continue
        k = s.sector.k if s.sector is not None else rng.randrange(len(ctx.geo.sectors))
        for _ in range(rng.choice((1, 1, 1, 2))):
            p = pp.pick(k, None, 16, 80)
            world.declared.append((s.i, p, rng.choice(rels), ctx.clock.date(-rng.randint(30, 3000))))
        if rng.random() < 0.1:
            sec = ctx.geo.sectors[k]
            surname = s.name.split()[-1]
            p = pp.add(s.sex, 30, sec, s.home_pc if s.home_pc.startswith("QN") else "", surname)
            pp.given[p] = s.name.split()[0]
            world.declared.append((s.i, p, "self", ctx.clock.date(-rng.randint(30, 2000))))
