#!/usr/bin/env python3
"""Varrowmouth & Kell Vale Police: a synthetic bundle for Custodes, written blind (see README.md).

usage: force.py --out DIR --seed N [--staff 1500] [--days 120] [--quiet]
writes DIR/ (the bundle with truth.csv), DIR.faults.csv and DIR.summary.txt
"""
import argparse
import gc
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen.util import rng, epoch                                  # noqa: E402
from gen.organisation import build_staff, AREAS                  # noqa: E402
from gen.schedule import build_schedules, on_day_index           # noqa: E402
from gen.population import build_people                          # noqa: E402
from gen.world import Sim                                        # noqa: E402
from gen.incidents import Incidents                              # noqa: E402
from gen.routine import Routine                                  # noqa: E402
from gen.scenario_base import Ctx                                # noqa: E402
from gen import offenders, lookalikes                            # noqa: E402
from gen.faults import Faults                                    # noqa: E402
from gen.export_audit import AuditWriter                         # noqa: E402
from gen.export_ref import write_reference                       # noqa: E402
from gen.measure import measure                                  # noqa: E402
from gen.summary import write_summary                            # noqa: E402
from gen.declared import declarations                            # noqa: E402

T0 = epoch(2025, 3, 3)
WARM = 42
BUNDLE_FILES = ("staff.csv", "persons.csv", "occurrences.csv", "rosters.csv", "person_links.csv",
                "occurrence_persons.csv", "assignments.csv", "declared_associations.csv", "truth.csv")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="bundle folder; DIR.faults.csv and DIR.summary.txt go beside it")
    ap.add_argument("--seed", type=int, required=True, help="seed: same arguments, same bytes")
    ap.add_argument("--staff", type=int, default=1500, help="members of staff, 300..10000 (default 1500)")
    ap.add_argument("--days", type=int, default=120, help="days exported, 30..365 (default 120)")
    ap.add_argument("--quiet", action="store_true", help="print nothing but errors")
    args = ap.parse_args(argv)
    if not 300 <= args.staff <= 10000:
        ap.error("--staff must be 300..10000")
    if not 30 <= args.days <= 365:
        ap.error("--days must be 30..365")
    out = args.out.rstrip("/")
    args.out = out
    os.makedirs(out, exist_ok=True)
    for p in glob.glob(f"{out}/audit*.csv") + glob.glob(f"{out}/audit*.jsonl"):
        os.remove(p)
    for n in BUNDLE_FILES:
        if os.path.exists(f"{out}/{n}"):
            os.remove(f"{out}/{n}")

    def say(msg):
        if not args.quiet:
            print(msg, file=sys.stderr)

    seed, n, days = args.seed, args.staff, args.days
    staff, counts = build_staff(seed, n, days, WARM)
    roster = build_schedules(seed, staff, T0, days, WARM)
    onday = on_day_index(staff, days, WARM)
    people = build_people(seed, n)
    sim = Sim(seed, staff, people, T0, days, WARM, n)
    inc = Incidents(sim, rng(seed, "incidents"))
    rt = Routine(sim, inc, rng(seed, "routine"))
    rt.setup_caseloads()
    ctx = Ctx(sim, inc, rt, AREAS)
    say(f"force: {len(staff)} staff, {len(people):,} persons at start, {len(roster):,} roster rows")

    scen = []
    n_cast = max(6, round(12 * n / 1500))
    for kind, kinds in (("misconduct", offenders.KINDS), ("benign", lookalikes.KINDS)):
        for k in range(n_cast):
            cls = kinds[k % len(kinds)]
            sc = cls(ctx, len(scen), k // len(kinds) + (k % 2 if kind == "misconduct" else 0),
                     rng(seed, f"{kind}|{k}"))
            if sc.setup():
                scen.append(sc)
            else:
                say(f"could not cast {cls.name} #{k}")
    declared = declarations(sim, ctx, rng(seed, "declared"))

    faults = Faults(seed, days)
    aw = AuditWriter(out, sim, faults, seed)
    for d in range(-WARM, days):
        sim.new_day()
        inc.day(d)
        if d >= 0:
            rt.day(d, onday[d + WARM])
            for sc in scen:
                sc.day(d)
            aw.write_day(d, sim.buckets[d])
            sim.buckets[d] = None
            sim.flushed = d + 1
            if not args.quiet and d % 30 == 29:
                say(f"  day {d + 1}/{days}: {aw.n_events:,} events")
    aw.close()
    truth_rows = []
    for sc in scen:
        tr = aw.truth.get(sc.tag)
        if tr:
            truth_rows.append([staff[sc.actor].sid, sc.name, tr[0], tr[1], sc.kind])
        else:
            say(f"{sc.name} ({staff[sc.actor].sid}) produced no events")
    stats = write_reference(out, sim, roster, faults, aw, seed, declared, truth_rows)
    nf = faults.write(f"{out}.faults.csv")
    say(f"written {aw.n_events:,} events; {nf} faults; measuring the bundle")
    sim.release()
    del people, inc, rt, ctx, roster, onday
    aw.ref_p = aw.ref_o = None
    gc.collect()
    M = measure(out)
    lines = write_summary(f"{out}.summary.txt", args, sim, counts, scen, aw.truth, aw, nf, faults.unapplied(), M,
                          declared)
    if not args.quiet:
        print("\n".join(lines), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
