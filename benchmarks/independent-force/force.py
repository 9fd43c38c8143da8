#!/usr/bin/env python3
"""Independent synthetic force generator (Wrenmoor Constabulary).

python3 force.py --out DIR --seed N [--staff 1500] [--days 120]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen import casework, faults, force, metrics, occurrences, offenders, people, routine, write  # noqa: E402
from gen.world import World  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--staff", type=int, default=1500)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    t_start = time.time()

    def log(msg):
        if not a.quiet:
            print("[%6.1fs] %s" % (time.time() - t_start, msg), file=sys.stderr)

    W = World(a.seed, a.staff, a.days)
    force.build(W)
    log("staff %d, roster rows %d" % (len(W.staff), len(W.roster_rows)))
    people.build(W)
    log("persons %d" % len(W.persons))
    occurrences.build(W)
    cast = offenders.setup(W)
    occurrences.assign_ids(W)
    log("occurrences %d, cast %d" % (len(W.occs), len(W.truth)))
    casework.build(W)
    log("casework events %d" % sum(len(v) for v in W.ev.values()))
    routine.build(W)
    log("routine events %d" % sum(len(v) for v in W.ev.values()))
    offenders.activity(W, cast)
    W.stats["events_generated"] = sum(len(v) for v in W.ev.values())
    cast_ids = {sid for sid, _, _, _ in W.truth}
    tot = dict.fromkeys(cast_ids, 0)
    for evs in W.ev.values():
        for ev in evs:
            if ev[1] in tot:
                tot[ev[1]] += 1
    W.stats["cast"] = []
    for sid, scen, kind, tag in W.truth:
        refs = W.tagged.get(tag, [])
        ts = sorted(W.ev[sy][i][0] for sy, i in refs)
        targets = {W.ev[sy][i][4] for sy, i in refs}
        row = "%-36s %-10s %s events=%d scenario_events=%d people=%d first_day=%.1f" % (
            scen, kind, sid, tot[sid], len(refs), len(targets), (ts[0] - W.t0) / 86400.0 if ts else -1)
        W.stats["cast"].append(row)
        log(row)
    log("all events %d" % W.stats["events_generated"])
    pl, ex, per = metrics.explained_share(W, by_role=True)
    W.stats["person_lookups"], W.stats["explained"] = pl, ex
    log("explained by role: " + ", ".join("%s %d/%.0f%%" % (r, v[0], 100.0 * v[1] / max(1, v[0])) for r, v in sorted(per.items())))
    os.makedirs(a.out, exist_ok=True)
    protect_staff = {sid for sid, _, _, _ in W.truth}
    protect_ids = set(W.cast_ids) if hasattr(W, "cast_ids") else set()
    F = faults.Faults(W.rng, protect_staff, protect_ids)
    write.reference_files(W, a.out, F)
    log("reference files written")
    first, counts = write.audit_files(W, a.out, F)
    write.truth(W, a.out, first)
    F.write_manifest(a.out.rstrip("/") + ".faults.csv")
    secs = time.time() - t_start
    pl, ex = W.stats["person_lookups"], W.stats["explained"]
    marked = metrics.marker_share(W)
    summary = ("events=%d persons=%d occurrences=%d person_lookups=%d explained=%.1f%% marked_in_occ=%.1f%% "
               "faults=%s seconds=%.1f" % (sum(counts.values()), len(W.persons), len(W.occs), pl,
                                           100.0 * ex / max(1, pl), 100 * marked, sorted(F.counts.items()), secs))
    log(summary)
    with open(a.out.rstrip("/") + ".summary.txt", "w") as f:
        f.write(summary + "\n")
        f.write("explained by role: " + ", ".join("%s %d/%.0f%%" % (r, v[0], 100.0 * v[1] / max(1, v[0])) for r, v in sorted(per.items())) + "\n")
        f.write("\n".join(W.stats["cast"]) + "\n")


if __name__ == "__main__":
    main()
