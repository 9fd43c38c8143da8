#!/usr/bin/env python3
"""Saltreach Police: a synthetic coastal and island force bundle for measuring Custodes blind.

    python3 force.py --out DIR --seed N [--staff 1500] [--days 120] [--quiet]

Writes DIR/ (the bundle and truth.csv), DIR.faults.csv and DIR.summary.txt."""
import argparse
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen import cast, clock, exports, faults, markers, occurrences, people, reference, rota, staff as staffmod  # noqa
from gen import summary, work  # noqa
from gen.duty import Duty  # noqa
from gen.rng import stream  # noqa


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--staff", type=int, default=1500)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if args.staff < 200 or args.days < 30:
        ap.error("use at least 200 staff and 30 days")
    t_start = time.time()

    def say(msg):
        if not args.quiet:
            print(f"[{time.time() - t_start:5.1f}s] {msg}", file=sys.stderr)

    out = args.out.rstrip("/")
    period = clock.Period(args.days)
    staff = staffmod.build(args.staff, period, args.seed)
    rota.build(staff, period, args.seed)
    say(f"{len(staff)} staff, rosters and worked periods")
    P = people.build(staff, args.staff, args.seed)
    say(f"{len(P.pid)} people")
    duty = Duty(staff, period)
    O = occurrences.build(staff, P, duty, period, args.seed, args.staff)
    say(f"{len(O.oid)} occurrences, {len(O.assign)} assignments")
    C = cast.Cast(staff, P, O, duty, period, args.seed)
    C.choose_and_stage()
    O.index()
    W = work.Work(staff, P, O, period, args.seed)
    ev = W.run()
    say(f"{len(ev)} events of ordinary work")
    ev.extend(C.play(W))
    markers.derive(P, O, stream(args.seed, "markers"))
    say(f"{len(ev)} events with the cast")
    tables = reference.build(staff, P, O, period)
    audit, ids = exports.build(ev, staff, period, args.seed, C.staff_set())
    tables.update(audit)
    fault_rows = faults.inject(tables, staff, P, O, C.staff_set(), ev, args.seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    watch = faults.watch(fault_rows)
    lines = {name: tab.write(out, watch.get(name, set())) for name, tab in tables.items()}
    faults.write(out + ".faults.csv", fault_rows, lines)
    C.write_truth(out + "/truth.csv", ev, ids)
    say("bundle written")
    summary.write(out + ".summary.txt", staff, P, O, ev, tables, C, period, args)
    say("summary written")


if __name__ == "__main__":
    main()
