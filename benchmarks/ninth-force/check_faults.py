#!/usr/bin/env python3
"""check_faults.py FAULTS.csv QUARANTINE.csv: exit 0 when validate quarantined exactly the injected faults
(same file, line and reason), else print the differences and exit 1."""
import csv
import sys


def load(path, reason_col):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return sorted((r["file"], int(r["line"]), r[reason_col]) for r in csv.DictReader(f))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    want = load(sys.argv[1], "expected")
    got = load(sys.argv[2], "reason")
    missing = [x for x in want if x not in got]
    extra = [x for x in got if x not in want]
    for f, line, reason in missing:
        print("injected but not quarantined: %s:%d %s" % (f, line, reason))
    for f, line, reason in extra:
        print("quarantined but not injected: %s:%d %s" % (f, line, reason))
    if missing or extra:
        return 1
    print("ok: %d faults, all quarantined as injected, nothing else" % len(want))
    return 0


if __name__ == "__main__":
    sys.exit(main())
