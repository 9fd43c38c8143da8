#!/usr/bin/env python3
"""Descriptive figures for a generated bundle (reads only the bundle itself).

python3 stats.py DIR
"""
import bisect
import calendar
import csv
import glob
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict

d = sys.argv[1]


def ts(s):
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|[+-]\d\d:\d\d)$", s or "")
    if not m:
        return None
    t = calendar.timegm(tuple(int(x) for x in m.groups()[:6]))
    z = m.group(7)
    if z != "Z":
        t -= (1 if z[0] == "+" else -1) * (int(z[1:3]) * 3600 + int(z[4:6]) * 60)
    return t


ros = defaultdict(list)
for r in csv.DictReader(open(os.path.join(d, "rosters.csv"))):
    a, b = ts(r["start"]), ts(r["end"])
    if a and b:
        ros[r["staff_id"]].append((a, b))
for v in ros.values():
    v.sort()
starts = {k: [x[0] for x in v] for k, v in ros.items()}
role = {r["staff_id"]: r["role"] for r in csv.DictReader(open(os.path.join(d, "staff.csv")))}
per_file = Counter()
on = off = 0
ws_kind = Counter()
who = defaultdict(set)
hour = Counter()
actions = Counter()
offrole = Counter()
for f in sorted(glob.glob(os.path.join(d, "audit*"))):
    name = os.path.basename(f)
    if f.endswith(".csv"):
        rows = csv.DictReader(open(f, encoding="utf-8-sig", newline=""))
    else:
        def gen(f=f):
            for line in open(f, encoding="utf-8"):
                try:
                    o = json.loads(line)
                except ValueError:
                    continue
                if isinstance(o, dict):
                    yield o
        rows = gen()
    for r in rows:
        per_file[name] += 1
        t = ts(r.get("at"))
        sid = r.get("staff_id")
        if t is None or not sid:
            continue
        actions[(r.get("system"), r.get("action"), r.get("entity_type"))] += 1
        i = bisect.bisect_right(starts.get(sid, []), t + 1800) - 1
        if i >= 0 and t <= ros[sid][i][1] + 1800:
            on += 1
        else:
            off += 1
            offrole[role.get(sid)] += 1
        ws = r.get("workstation") or ""
        ws_kind[re.sub(r"[0-9]+", "n", ws.split("-")[0] if not ws.startswith(("HH", "LT")) else ws[:2])] += 1
        if r.get("entity_type") == "person":
            who[r.get("entity_id")].add(sid)
        hour[time.gmtime(t).tm_hour] += 1
tot = sum(per_file.values())
print("audit rows per file:", dict(per_file), "total", tot)
print("events within a rostered shift (+-30 min): %.1f%%; off roster %.1f%%" % (100 * on / (on + off), 100 * off / (on + off)))
print("off-roster events by role:", offrole.most_common())
print("workstation kinds:", ws_kind.most_common(12))
busy = sorted(((len(v), k or "") for k, v in who.items()), reverse=True)[:10]
print("persons looked up: %d; busiest (distinct staff): %s" % (len(who), busy))
print("top (system, action, entity):", actions.most_common(25))
