#!/usr/bin/env python3
"""Kestmoor and Vale Constabulary: write one synthetic force data bundle, its injected faults and a summary.

    python3 force.py --out /tmp/x1 --seed 1 [--staff 1500] [--days 120] [--quiet]
"""
import argparse
import os
import shutil
import sys

from gen.rng import stream
from gen.geography import Geography
from gen.staffing import build_staff
from gen.population import build_population
from gen.rostering import build_rosters, OnDuty
from gen.devices import Devices
from gen.world import World
from gen.occurrences import Occurrences
from gen.routine import Routine
from gen.cast import Cast
from gen import offenders, lookalikes
from gen.export import reference_tables, audit_tables, truth_table, q
from gen.faults import Faults
from gen.measure import measure, ts_of as clock_ts
from gen import clock


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--staff", type=int, default=1500)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    if not 300 <= a.staff <= 10000:
        ap.error("--staff must be 300..10000")
    if not 30 <= a.days <= 365:
        ap.error("--days must be 30..365")
    say = (lambda *x: None) if a.quiet else (lambda *x: print(*x, file=sys.stderr))
    seed = a.seed
    out = a.out.rstrip("/")

    geo = Geography(stream(seed, "geography"), a.staff)
    staff = build_staff(stream(seed, "staff"), geo, geo.areas, a.staff)
    pop = build_population(stream(seed, "population"), geo, staff, a.staff)
    build_rosters(stream(seed, "rosters"), staff, a.days)
    world = World(seed, geo, staff, pop, Devices(stream(seed, "devices"), geo), OnDuty(staff, a.days), a.days)
    say("staff %d, people %d, stations %d" % (len(staff), len(pop.people), len(geo.stations)))
    occs = Occurrences(world, stream(seed, "occurrences"))
    occs.run()
    say("occurrences %d" % len(world.occs))
    Routine(world, occs, stream(seed, "routine")).run()
    say("baseline events %d" % len(world.ev))
    n = max(6, round(12 * a.staff / 1500))
    cast = Cast(world, occs, stream(seed, "offenders"))
    offenders.run(cast, n)
    cast.r = stream(seed, "lookalikes")
    lookalikes.run(cast, n)
    say("events with scenarios %d" % len(world.ev))

    ref = reference_tables(world)
    aud, first = audit_tables(world, stream(seed, "export"))
    faults = Faults(stream(seed, "faults"), world, ref, aud, cast.cast)
    faults.inject()

    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for t in list(ref.values()) + list(aud.values()):
        t.write(out)
    truth = truth_table(world, first)
    truth.write(out)
    frows = faults.rows_out()
    with open(out + ".faults.csv", "w", encoding="utf-8", newline="") as f:
        f.write("file,line,field,expected,detail\n")
        for name, line, field, reason, detail in frows:
            f.write("%s,%d,%s,%s,%s\n" % (name, line, field, reason, q(detail)))
    say("written; measuring")
    write_summary(out, a, world, truth, frows, measure(out))
    say("done: %s" % out)


def write_summary(out, a, world, truth, frows, realities):
    counts = {}
    for e in world.ev:
        if e[9]:
            counts[e[9]] = counts.get(e[9], 0) + 1
    L = ["Kestmoor and Vale Constabulary: synthetic bundle",
         "seed %d, staff %d, days %d, period %s to %s" % (a.seed, a.staff, a.days, clock.date_str(world.start), clock.date_str(world.end - 1)),
         "staff rows %d, people %d, occurrences %d, audit events generated %d" % (len(world.staff), len(world.pop.people), len(world.occs), len(world.ev)),
         "", "scenarios (staff, unit, role, sex, kind, scenario, first event (share of period), scenario events / own events, share):"]
    for k, (si, name, kind) in enumerate(world.tags):
        s = world.staff[si]
        c = counts.get(k + 1, 0)
        own = s.events + c
        first = [r for r in truth.rows if r[0] == s.sid and r[1] == name]
        pos = (clock_ts(first[0][3]) - world.start) / float(world.end - world.start) if first else -1
        L.append("  %s %-8s %-21s %-6s %-10s %-24s %s (%.2f) %4d / %5d  %.1f%%" % (s.sid, s.unit, s.role, s.sex, kind, name,
                 first[0][3] if first else "-", pos, c, own, 100.0 * c / max(1, own)))
    L += ["", "export faults injected: %d" % len(frows)]
    by = {}
    for r in frows:
        by[(r[0], r[3])] = by.get((r[0], r[3]), 0) + 1
    for k in sorted(by):
        L.append("  %s %s %d" % (k[0], k[1], by[k]))
    L += ["", "realities measured on the written bundle:"]
    for k, v in realities:
        L.append("  %-62s %s" % (k, v))
    with open(out + ".summary.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
