#!/usr/bin/env python3
"""Check that a quarantine file holds exactly the injected faults.

usage: check_faults.py FAULTS.csv QUARANTINE.csv
FAULTS.csv (file,line,field,expected,detail) is written by force.py next to the bundle; QUARANTINE.csv
(file,line,field,reason,detail,original) by `custodes validate DIR --quarantine Q.csv --allow-quarantine`.
Rows are matched on (file, line, reason); a different field on a matched row is reported as a warning.
Exit 0 when nothing is missing and nothing extra, 1 otherwise.
"""
import csv
import sys
from collections import Counter


def load(path, reason_col):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    keys = Counter()
    fields = {}
    for r in rows:
        k = (r["file"], int(r["line"]), r[reason_col])
        keys[k] += 1
        fields[k] = r.get("field", "")
    return keys, fields


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    want, wf = load(argv[1], "expected")
    got, gf = load(argv[2], "reason")
    missing = want - got
    extra = got - want
    for k in sorted(missing):
        print(f"MISSING  {k[0]}:{k[1]} {k[2]} (field {wf[k] or '-'})")
    for k in sorted(extra):
        print(f"EXTRA    {k[0]}:{k[1]} {k[2]} (field {gf[k] or '-'})")
    warn = 0
    for k in sorted(set(want) & set(got)):
        if wf[k] != gf[k]:
            warn += 1
            print(f"FIELD    {k[0]}:{k[1]} {k[2]}: expected field {wf[k] or '-'}, quarantined field {gf[k] or '-'}")
    n_w, n_g = sum(want.values()), sum(got.values())
    ok = not missing and not extra
    print(f"{'OK' if ok else 'FAIL'}: {n_w} injected, {n_g} quarantined, {sum(missing.values())} missing, "
          f"{sum(extra.values())} extra, {warn} field differences")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
