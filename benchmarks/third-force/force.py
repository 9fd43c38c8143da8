#!/usr/bin/env python3
"""Harbourgate Metropolitan Police: a synthetic force bundle for measuring Custodes on a force it was never tuned on.

    python3 benchmarks/third-force/force.py --out DIR --seed N [--staff 1500] [--days 120] [--quiet]

Writes DIR/ (the bundle, truth.csv included), DIR.faults.csv and DIR.summary.txt.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen import (clock, staff as staff_mod, rosters, people, occurrences, events, work_assigned, work_roles,
                 cast_common, cast_misconduct, cast_benign, reference, audit_export, faults as faults_mod, writer,
                 summary, geography as geo)
from gen.context import Ctx
from gen.rng import stream


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--staff", type=int, default=1500)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if args.staff < 300 or args.days < 60:
        ap.error("needs at least 300 staff and 60 days")
    t_start = time.time()

    def say(msg):
        if not args.quiet:
            print("[%5.1fs] %s" % (time.time() - t_start, msg), file=sys.stderr)

    seed, days = str(args.seed), args.days
    env = work_roles.Env()
    env.seed, env.days = seed, days
    env.staff = staff_mod.build(seed, args.staff, days)
    env.units = staff_mod.by_unit(env.staff)
    env.worked, env.roster_rows = rosters.build(seed, env.staff, days)
    env.duty = rosters.on_duty_index(env.staff, env.worked)
    say("staff %d, roster rows %d" % (len(env.staff), len(env.roster_rows)))
    env.P = people.build(seed, args.staff)
    say("persons %d, links %d" % (len(env.P.pid), len(env.P.links)))
    env.O = occurrences.build(seed, env.staff, env.P, env.duty, days, args.staff)
    say("occurrences %d, assignments %d" % (len(env.O.cat), len(env.O.assign)))
    env.log = events.Log()
    _world(env)

    # the cast: parts chosen and set up before ordinary work, so their cases are worked like any other
    rng = stream(seed, "cast-choice")
    used, parts = set(), []
    env.cast_people = set()
    for scenario, units in cast_misconduct.plan(args.staff):
        s = cast_common.pick_staff(env, rng, units, used, cast_misconduct.ROLE_FALLBACK.get(units[0]))
        parts.append(cast_common.Part(env, scenario, "misconduct", s, len(parts)))
    for scenario, units in cast_benign.plan(args.staff):
        s = cast_common.pick_staff(env, rng, units, used)
        parts.append(cast_common.Part(env, scenario, "benign", s, len(parts)))
    n_occ0 = len(env.O.cat)
    for p in parts:
        table = cast_misconduct.SCENARIOS if p.kind == "misconduct" else cast_benign.SCENARIOS
        table[p.scenario][0](env, p)
    env.cast_occs = set(range(n_occ0, len(env.O.cat)))
    env.cast_staff = {p.s.idx for p in parts}
    _index_period(env)

    # ordinary work, person by person
    period_end = clock.START + days * clock.DAY
    for s in env.staff:
        ctx = Ctx(env, s)
        env.rng_pick = ctx.rng
        work_assigned.run(ctx, period_end)
        for i in range(len(ctx.shifts)):
            work_roles.shift_work(ctx, i)
        work_roles.off_duty_work(ctx, days)
    say("ordinary work: %d events" % env.log.count())
    for p in parts:
        table = cast_misconduct.SCENARIOS if p.kind == "misconduct" else cast_benign.SCENARIOS
        ctx = p.context(env)
        env.rng_pick = ctx.rng
        table[p.scenario][1](env, p)
    env.log.drop_outside(clock.START, period_end, env.staff)
    env.O.finalize_ids()
    env.log.number()
    say("audit events %d" % env.log.count())

    # truth
    first = {}
    counts = {}
    for system, lst in env.log.ev.items():
        ids = env.log.ids[system]
        for k, e in enumerate(lst):
            tag = e[8]
            if tag is not None:
                counts[tag] = counts.get(tag, 0) + 1
                if tag not in first or (e[0], system) < (first[tag][0], first[tag][2]):
                    first[tag] = (e[0], str(ids[k]), system)
    for p in parts:
        f = first.get(p.tag)
        p.n_events = counts.get(p.tag, 0)
        p.first_at = clock.iso_z(f[0]) if f else ""
        p.first_id = f[1] if f else ""

    # files
    out = args.out.rstrip("/")
    ref = reference.files(env)
    audit = audit_export.Exporter(env).files()
    faults_mod.inject(env, ref, audit)
    faults = writer.write_bundle(out, ref, audit)
    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("staff_id,scenario,first_event_id,first_at,kind\n")
        for p in parts:
            f.write("%s,%s,%s,%s,%s\n" % (p.s.sid, p.scenario, p.first_id, p.first_at, p.kind))
    with open(out + ".faults.csv", "w", encoding="utf-8", newline="") as f:
        f.write("file,line,field,expected,detail\n")
        for fn, ln, field, exp, detail in sorted(faults, key=lambda x: (x[0], x[1])):
            f.write("%s,%d,%s,%s,%s\n" % (fn, ln, field, exp, detail.replace(",", ";")))
    say("bundle written")
    with open(out + ".summary.txt", "w", encoding="utf-8") as f:
        f.write(summary.text(env, parts, faults, time.time() - t_start))
    say("done: %d events, %d faults" % (env.log.count(), len(faults)))


def _world(env):
    """Identifiers and caseloads the work draws on."""
    rng = stream(env.seed, "world")
    P = env.P
    env.vrms = [geo.vrm(rng) for _ in range(40 * len(env.staff))]
    env.intel_ids = ["IR-%07d" % rng.randint(0, 9999999) for _ in range(6 * len(env.staff))]
    env.locations = {b: [geo.location_id(rng, b) for _ in range(4 * len(env.staff) // 6)] for b in geo.BOROUGH_KEYS}
    env.caseload = {}
    for s in env.staff:
        if s.unit in ("omu", "omu_staff"):
            env.caseload[s.idx] = rng.sample(P.pools["nominals"], min(len(P.pools["nominals"]), rng.randint(18, 28)))
        elif s.unit == "cet":
            k = max(8, int(len(P.pools["at_risk"]) * 0.4))
            env.caseload[s.idx] = rng.sample(P.pools["at_risk"], min(k, len(P.pools["at_risk"])))
        elif s.unit == "mh_triage":
            k = max(10, len(P.pools["frequent_callers"]) // 2)
            env.caseload[s.idx] = rng.sample(P.pools["frequent_callers"], min(k, len(P.pools["frequent_callers"])))
        elif s.unit == "intel":
            base = P.pools["prolific"] + P.pools["cse_suspects"] + P.pools["nominals"]
            env.caseload[s.idx] = rng.sample(base, min(len(base), rng.randint(30, 60)))
    env.declared = []
    for s in rng.sample(env.staff, len(env.staff) // 30):
        p = rng.randrange(len(P.pid))
        env.declared.append((s.idx, p, rng.choice(["family", "friend", "ex_partner", "sibling", "neighbour", "associate"]),
                             clock.START - rng.randint(30, 3000) * clock.DAY))


def _index_period(env):
    O = env.O
    env.historic = [o for o in range(len(O.cat)) if O.tags.get(o) == "historic" and O.cat[o] != "custody"]
    occ = [o for o in range(len(O.cat)) if O.opened[o] >= clock.START and O.cat[o] not in ("custody", "stop_check")]
    occ.sort(key=lambda o: (O.opened[o], o))
    env.occ_sorted = occ
    env.occ_open_t = [O.opened[o] for o in occ]
    env.custody_by_suite = {}
    cust = sorted((o for o in range(len(O.cat)) if O.cat[o] == "custody"), key=lambda o: (O.opened[o], o))
    for o in cust:
        lst, ts = env.custody_by_suite.setdefault(O.station[o], ([], []))
        lst.append(o)
        ts.append(O.opened[o])


if __name__ == "__main__":
    main()
