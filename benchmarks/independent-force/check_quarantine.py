#!/usr/bin/env python3
"""Compare a validator quarantine file with the generator's fault manifest.

python3 check_quarantine.py DIR.quarantine.csv DIR.faults.csv
Prints rows quarantined but not injected (unintended) and injected faults not quarantined (missed).
"""
import csv
import sys

q = {}
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        q[(r["file"].split("/")[-1], int(r["line"]))] = r
m = {}
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        m[(r["file"], int(r["line"]))] = r
unintended = [k for k in q if k not in m]
missed = [k for k in m if k not in q]
wrong = [k for k in q if k in m and q[k]["reason"] != m[k]["reason"]]
print("quarantined=%d injected=%d unintended=%d missed=%d reason_mismatch=%d" % (len(q), len(m), len(unintended), len(missed), len(wrong)))
for k in unintended[:10]:
    print("UNINTENDED", k, q[k]["reason"], q[k]["detail"], q[k]["original"][:150])
for k in missed[:10]:
    print("MISSED", k, m[k]["reason"], m[k]["key"])
for k in wrong[:10]:
    print("MISMATCH", k, q[k]["reason"], "expected", m[k]["reason"], q[k]["detail"])
sys.exit(1 if unintended or missed or wrong else 0)
