#!/usr/bin/env python3
"""Compare the faults a bundle was generated with (DIR.faults.csv) with what `custodes validate` quarantined.

    custodes validate DIR --quarantine Q.csv --allow-quarantine
    python3 benchmarks/sixth-force/check_faults.py DIR.faults.csv Q.csv

Exits 0 when exactly the listed rows (file, line, reason) were quarantined and nothing else."""
import csv
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    want = {(r["file"], int(r["line"]), r["expected"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
    csv.field_size_limit(1 << 24)
    got = {(r["file"], int(r["line"]), r["reason"])
           for r in csv.DictReader(open(sys.argv[2], encoding="utf-8", errors="replace"))}
    missing, extra = sorted(want - got), sorted(got - want)
    for m in missing:
        print("not quarantined: %s:%d %s" % m)
    for e in extra:
        print("unexpected:      %s:%d %s" % e)
    print("%d listed, %d quarantined, %d matched" % (len(want), len(got), len(want & got)))
    sys.exit(1 if missing or extra else 0)


if __name__ == "__main__":
    main()
