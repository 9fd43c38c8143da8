#!/usr/bin/env python3
"""Vellmoor Police: write a synthetic force data bundle for Custodes.

    python3 benchmarks/fifth-force/force.py --out DIR --seed N [--staff 1500] [--days 120] [--quiet]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen import assign, cast, exports, occurrences, people, reference, rosters, staff, summary, work  # noqa: E402
from gen.csvout import row as csv_row  # noqa: E402
from gen.world import World  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--staff", type=int, default=1500)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if a.staff < 300 or a.days < 30:
        ap.error("need at least 300 staff and 30 days")
    t0 = time.time()

    def say(msg):
        if not a.quiet:
            print(f"[{time.time() - t0:5.1f}s] {msg}", file=sys.stderr)

    out = a.out.rstrip("/")
    os.makedirs(out, exist_ok=True)
    w = World(str(a.seed), a.staff, a.days)
    staff.build(w)
    rosters.build(w)
    say(f"{len(w.staff)} staff, {len(w.rosters)} roster rows")
    people.build(w)
    say(f"{len(w.persons)} persons, {len(w.links)} links")
    occurrences.build(w)
    rosters.build_duty_index(w)
    assign.build(w)
    say(f"{len(w.occs)} occurrences, {len(w.assigns)} assignments")
    c = cast.Cast(w)
    c.plan()
    work.build(w)
    say(f"{len(w.events)} ordinary events")
    occurrences.index_persons(w)
    c.events()
    occurrences.index_persons(w)
    say(f"{len(w.events)} events with the cast")
    exports.number(w)
    first = exports.first_events(w)
    faults = []
    reference.declarations(w)
    reference.truth(w, out, first)
    reference.write(w, out, faults)
    counts = exports.write(w, out, faults)
    say("files written")
    with open(out + ".faults.csv", "w", encoding="utf-8", newline="") as f:
        f.write("file,line,field,expected,detail\n")
        for fault in faults:
            f.write(csv_row(fault) + "\n")
    summary.write(w, out + ".summary.txt", counts, time.time() - t0)
    say(f"done: {len(w.events)} events, {len(faults)} listed faults and duplicates")


if __name__ == "__main__":
    main()
