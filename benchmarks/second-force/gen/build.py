"""Builds the whole force in memory, in a fixed order, each stage from its own seeded stream."""
import random
from collections import defaultdict

from . import rota
from .activity import Activity
from .cast import cast_all
from .clock import DAY, date_utc
from .force_model import build_staff
from .occurrences import OccMaker
from .people import build_people
from .world import World

START = "2025-09-15"


def stream(seed, name):
    return random.Random("second-force:%d:%s" % (seed, name))


def group_of(s):
    if s.role in ("response_officer", "special_constable"):
        return "resp"
    if s.role in ("neighbourhood_officer", "pcso"):
        return "npt"
    if s.role == "call_handler":
        return "ch"
    if s.role == "supervisor" and (s.team.startswith("Response") or s.team.startswith("NPT")):
        return "sup"
    return None


def analyst_taskings(rng, w, worked):
    for s in w.staff:
        if s.role != "intelligence_analyst":
            continue
        for a, b, _k in worked.get(s.sid, ()):
            if rng.random() < 0.06:
                cat = rng.choice(["burglary", "theft", "drugs", "antisocial_behaviour", "criminal_damage"])
                st = s.station if s.team.startswith("Local") else rng.choice(sorted({o.station for o in w.occs}))
                scope = [o for o in w.recent(st, a, 30) if o.cat == cat][:rng.randint(5, 20)]
                for o in scope:
                    w.add_assign(o, s.sid, "analyst", a, a + rng.randint(7, 21) * DAY)


def background_declarations(rng, w):
    for s in w.staff:
        if rng.random() < 0.04:
            p = rng.choice(w.people)
            w.declared.append((s.sid, p.pid, rng.choice(["family", "sibling", "partner", "ex_partner", "friend",
                                                         "spouse", "neighbour"]), s.start + rng.randint(0, 400) * DAY))


def build(seed, n_staff, days, log):
    t0 = date_utc(START)
    staff = build_staff(stream(seed, "staff"), n_staff, t0)
    people, links = build_people(stream(seed, "people"), n_staff)
    log("staff %d, people %d, links %d" % (len(staff), len(people), len(links)))
    w = World(t0, days, staff, people, links)
    w.roster, worked, oncall = rota.build(stream(seed, "rota"), staff, t0, days)
    w.index_duty(worked, group_of)
    w.detectives = defaultdict(list)
    w.safeguarders = defaultdict(list)
    for s in staff:
        if s.end or s.start >= t0:
            continue          # leavers and joiners are not handed new cases in this simple model
        if s.role == "detective":
            w.detectives[s.team].append(s.sid)
            if s.team.startswith("CID"):
                w.detectives["CID"].append(s.sid)
        if s.role == "safeguarding_officer":
            w.safeguarders["Missing Persons Unit" if s.team == "Missing Persons Unit" else "any"].append(s.sid)
    w.custody_at = defaultdict(list)
    w.npt = defaultdict(list)
    for s in staff:
        if s.role in ("neighbourhood_officer", "pcso") and not s.end and s.start < t0:
            w.npt[s.station].append(s.sid)
    maker = OccMaker(stream(seed, "occurrences"), w)
    maker.run(0.08 * n_staff)
    log("occurrences %d" % len(w.occs))
    analyst_taskings(stream(seed, "taskings"), w, worked)
    background_declarations(stream(seed, "declared"), w)
    truth = cast_all(stream(seed, "cast"), w, maker, worked, n_staff)
    Activity(stream(seed, "activity"), w, maker).run(worked, oncall)
    log("events %d" % sum(len(v) for v in w.events.values()))
    return w, truth
