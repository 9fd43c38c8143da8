#!/usr/bin/env python3
"""check_faults.py FAULTS.csv QUARANTINE.csv

Checks that the quarantine written by `custodes validate --quarantine` holds exactly the injected export faults:
the same (file, line, reason) rows, nothing missing and nothing extra. Exit status 0 when they match, 1 otherwise.
"""
import csv
import os
import sys


def load(path, reason_col):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows.append((os.path.basename(r["file"]), int(r["line"]), r[reason_col]))
    return rows


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    want = load(sys.argv[1], "expected")
    got = load(sys.argv[2], "reason")
    rest = list(got)
    missing = []
    for x in want:
        if x in rest:
            rest.remove(x)
        else:
            missing.append(x)
    for f, ln, r in missing:
        print("NOT QUARANTINED  %s:%d [%s]" % (f, ln, r))
    for f, ln, r in rest:
        print("UNEXPECTED       %s:%d [%s]" % (f, ln, r))
    if missing or rest:
        print("MISMATCH: %d injected, %d quarantined, %d missing, %d unexpected" % (len(want), len(got), len(missing), len(rest)))
        return 1
    print("OK: %d injected faults, %d quarantined rows, exact match (file, line, reason)" % (len(want), len(got)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
