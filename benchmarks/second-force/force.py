#!/usr/bin/env python3
"""Second force: a blind synthetic bundle generator for Custodes (see README.md).

python3 benchmarks/second-force/force.py --out DIR --seed N [--staff 1500] [--days 120] [--quiet]"""
import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen import build, faults, summary, writer  # noqa: E402
from gen.clock import fmt_z  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--staff", type=int, default=1500)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if a.staff < 150 or a.days < 30:
        ap.error("--staff must be at least 150 and --days at least 30")
    clock = time.monotonic()   # progress messages only; never affects the output

    def log(msg):
        if not a.quiet:
            print("[%6.1fs] %s" % (time.monotonic() - clock, msg), file=sys.stderr)

    w, cast = build.build(a.seed, a.staff, a.days, log)
    numbered = writer.number_events(w)
    by_sid = {s.sid: s for s in w.staff}
    truth = []
    for sid, scen, kind in cast:
        first, n = None, 0
        for system, evs in numbered.items():
            for eid, e in evs:
                if e[8] == sid:
                    n += 1
                    if first is None or (e[0], eid) < first:
                        first = (e[0], eid)
        if first:
            truth.append((sid, scen, kind, first[1], fmt_z(first[0]), n))
    files = writer.reference_files(w)
    files.update(writer.audit_files(numbered, by_sid))
    referenced = set()
    for o in w.occs:
        referenced.update(pid for pid, _ in o.persons)
    for x, y, _r in w.links:
        referenced.update((x, y))
    for evs in numbered.values():
        referenced.update(e[4] for _eid, e in evs)
    referenced.update(pid for _s, pid, _r, _d in w.declared)
    avoid = {sid for sid, _s, _k in cast}
    manifest = faults.inject(random.Random("second-force:%d:faults" % a.seed), files, numbered, avoid, referenced)
    t = writer.File("truth.csv", ["staff_id", "scenario", "first_event_id", "first_at", "kind"])
    for sid, scen, kind, eid, at, _n in truth:
        t.lines.append(writer.row([sid, scen, eid, at, kind]))
    files[t.name] = t
    out = a.out.rstrip("/")
    writer.write(out, files)
    with open(out + ".faults.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("file,line,field,expected,detail\n")
        for r in manifest:
            fh.write(writer.row(r) + "\n")
    with open(out + ".summary.txt", "w", encoding="utf-8", newline="") as fh:
        fh.write(summary.measure(w, numbered, truth))
        fh.write("\nfaults injected: %d (manifest %s)\n" % (len(manifest), os.path.basename(out) + ".faults.csv"))
    log("wrote %s (%d files, %d faults)" % (out, len(files), len(manifest)))


if __name__ == "__main__":
    main()
