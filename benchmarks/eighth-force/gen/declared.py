"""Declared associations: the register of people staff have declared a connection with."""
def declarations(sim, ctx, r):
    P = sim.P
    out = list(ctx.declared)
    rels = ("family", "family", "ex_partner", "friend", "sibling", "neighbour", "associate")
    for s in sim.staff:
        if s.cast is None and r.random() < 0.015:
            lst = P.by_area[s.home_area]
            p = lst[r.randrange(len(lst))]
            out.append((s.idx, p, r.choice(rels), min(-1, s.hire_date + r.randrange(30, 3000))))
    return out
