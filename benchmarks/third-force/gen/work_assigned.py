"""Work behind an assignment: taking the call, attending, running the case, supervising, custody care."""
from . import clock

H = clock.HOUR
PERSON_FIELDS = {
    "victim": ["identity;warnings;address;contact", "summary;identity;contact", "identity;address;contact;history",
               "summary;warnings"],
    "caller": ["identity;contact", "summary;identity;warnings;address"],
    "suspect": ["identity;warnings;history", "summary;identity;warnings;history;associates", "identity;photo;warnings",
                "identity;address;warnings"],
    "witness": ["identity;contact", "identity;address;contact"],
    "other": ["summary;identity", "identity;warnings"],
}
PNC_INCIDENT_REASONS = ["incident", "suspect check", "enquiry", "ENQ", "incident check", "arrest", "warrant check"]


def run(ctx, period_end):
    O, log = ctx.env.O, ctx.env.log
    rng = ctx.rng
    for ai in O.by_staff.get(ctx.idx, []):
        o, _s, role, start, end = O.assign[ai]
        if role == "call_handler":
            _call(ctx, o, start, end)
        elif role == "attending":
            _attend(ctx, o, start, end)
        elif role in ("officer_in_case", "investigator"):
            _case(ctx, o, start, end or period_end, role, period_end)
        elif role == "supervisor":
            if O.cat[o] == "custody":
                _custody(ctx, o, start, end or period_end)
            else:
                i = ctx.shift_at(start, 2 * H)
                if i is not None:
                    for _ in range(rng.randint(1, 2)):
                        t = ctx.t_in(i, start)
                        ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
        elif role == "analyst":
            for i in rng.sample(ctx.shifts_between(start, end or period_end), 1) if ctx.shifts_between(start, end or period_end) else []:
                t = ctx.t_in(i, start, end)
                ctx.add("rms", t, ctx.idx, "view", "occurrence", o, "summary;notes", ctx.dev(t, i))
                for p, r in O.persons[o][:2]:
                    ctx.add("rms", t + rng.randint(20, 300), ctx.idx, "view", "person", p, "summary;history;associates", ctx.dev(t, i))


def _call(ctx, o, start, end):
    O, rng, add, s = ctx.env.O, ctx.rng, ctx.add, ctx.idx
    i = ctx.shift_at(start, 600)
    ws = ctx.dev(start, i)
    add("command_control", start + rng.randint(0, 40), s, "update", "occurrence", o, "summary;notes", ws)
    callers = [p for p, r in O.persons[o] if r == "caller"] or [p for p, r in O.persons[o]][:1]
    span = max(60, end - start)
    for p in callers[:1]:
        add("rms", start + rng.randint(30, span), s, "search", "person", p, "summary;identity;warnings;address", ws)
        if rng.random() < 0.35:
            add("rms", start + rng.randint(30, span), s, "view", "person", p, "identity;contact;history", ws)
    if rng.random() < 0.5:
        add("command_control", start + rng.randint(60, span), s, "update", "occurrence", o, "notes", ws)
    if rng.random() < 0.25:
        for p, r in O.persons[o]:
            if r == "suspect":
                add("rms", start + rng.randint(30, span), s, "search", "person", p, "summary;warnings", ws)
                break
    if rng.random() < 0.1:     # a call back later in the shift
        t = end + rng.randint(10, 240) * 60
        add("command_control", t, s, "view", "occurrence", o, "summary;notes", ctx.dev(t, ctx.shift_at(t)))


def _attend(ctx, o, start, end):
    O, rng, add, s = ctx.env.O, ctx.rng, ctx.add, ctx.idx
    i = ctx.shift_at(start, 1800)
    ws = ctx.dev(start, i)
    add("command_control", start - rng.randint(60, 600), s, "view", "occurrence", o, "summary;notes", ws)
    if rng.random() < 0.7:
        add("rms", start + rng.randint(0, 900), s, "view", "occurrence", o, "summary;notes", ws)
    span = max(600, end - start)
    for p, r in O.persons[o]:
        if r == "caller" and any(q == p for q, rr in O.persons[o] if rr == "victim"):
            continue
        if rng.random() < 0.7:
            t = start + rng.randint(0, span)
            add("rms", t, s, "view" if rng.random() < 0.6 else "search", "person", p, rng.choice(PERSON_FIELDS[r]), ctx.dev(t, i))
        if r == "suspect" and rng.random() < 0.55:
            t = start + rng.randint(0, span)
            add("pnc", t, s, "search", "person", p, "identity;warnings", ctx.dev(t, i), rng.choice(PNC_INCIDENT_REASONS))
    t = end - rng.randint(0, 1800)
    add("rms", t, s, "update", "occurrence", o, "notes", ctx.dev(t, i))
    if rng.random() < 0.25:   # finishing the paperwork later in the shift or next shift
        t2 = end + rng.randint(1, 20) * H
        j = ctx.shift_at(t2)
        if j is not None:
            add("rms", t2, s, "update", "occurrence", o, "notes;summary", ctx.dev(t2, j))
            for p, r in O.persons[o]:
                if r == "victim" and rng.random() < 0.5:
                    add("rms", t2 + rng.randint(30, 600), s, "view", "person", p, "identity;contact", ctx.dev(t2, j))


def _case(ctx, o, start, end, role, period_end):
    O, rng, add, s = ctx.env.O, ctx.rng, ctx.add, ctx.idx
    shifts = ctx.shifts_between(max(start, clock.START), min(end, period_end))
    if not shifts:
        return
    cat = O.cat[o]
    heavy = cat in ("sexual_offence", "domestic_abuse", "stalking_harassment", "missing_person")
    days = (min(end, period_end) - max(start, clock.START)) / clock.DAY
    n = max(1, min(len(shifts), int(days / (4 if heavy else 8)) + 1))
    if role == "investigator":
        n = max(1, n // 2)
    if ctx.s.unit in ("response", "transport", "nte", "neighbourhood", "specials"):
        n = min(n, 3)
    persons = O.persons[o]
    for i in sorted(rng.sample(shifts, min(n, len(shifts)))):
        t = ctx.t_in(i, start, end)
        ws = ctx.dev(t, i)
        add("rms", t, s, "view", "occurrence", o, "summary;notes", ws)
        if rng.random() < 0.5:
            add("rms", t + rng.randint(60, 1800), s, "update", "occurrence", o, "notes", ws)
        for p, r in persons:
            if r == "caller":
                continue
            if rng.random() < (0.4 if r == "victim" else 0.25):
                add("rms", t + rng.randint(30, 2400), s, "view", "person", p,
                    rng.choice(PERSON_FIELDS[r]), ws)
            if r == "suspect" and rng.random() < 0.12:
                add("pnd", t + rng.randint(30, 2400), s, "search", "person", p, "identity;history;associates", ws,
                    rng.choice(["", "investigation", "case " + str(rng.randint(100, 999))]))
        if rng.random() < 0.03:
            add("rms", t + rng.randint(60, 3000), s, "print", "occurrence", o, "summary;notes", ws)


def _custody(ctx, o, start, end):
    O, rng, add, s = ctx.env.O, ctx.rng, ctx.add, ctx.idx
    i = ctx.shift_at(start, 900)
    if i is None:
        return
    det = O.persons[o][0][0]
    ws = ctx.dev(start, i)
    add("custody", start + rng.randint(0, 300), s, "update", "occurrence", o, "custody;summary", ws, "booking in")
    add("custody", start + rng.randint(60, 900), s, "view", "person", det, "identity;warnings;custody", ws, "booking in")
    add("custody", start + rng.randint(600, 1800), s, "update", "custody_image", det, "photo", ws, "booking in")
    shift_end = ctx.shifts[i][1]
    t = start + rng.randint(2, 4) * H
    while t < min(end, shift_end):
        add("custody", t, s, "view", "occurrence", o, "custody", ws, rng.choice(["review", "detention review", "", "rest period"]))
        t += rng.randint(2, 5) * H
