#!/usr/bin/env python3
"""Times store queries through psql on a PostgreSQL store, each repeated, and prints a Markdown table of the median
and maximum in milliseconds. Used by benchmarks/postgres-scale.sh; the member of staff, person and day are picked
from the middle of the stored events.

Usage: benchmarks/postgres_scale_queries.py DATABASE_URL
"""
import subprocess, sys, statistics, re
url = sys.argv[1]
def q(sql, n=20):
    script = "\\timing on\n" + (sql + ";\n") * n
    out = subprocess.run(["psql", "-q", "-o", "/dev/null", url], input=script, capture_output=True, text=True).stdout
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
    return times
def one(sql):
    return subprocess.run(["psql", "-qAt", url, "-c", sql], capture_output=True, text=True).stdout.strip()
# The first event at or after the middle number: numbers have gaps (taken for re-deliveries and not used).
staff = one("SELECT staff_id FROM audit_events WHERE seq >= (SELECT MAX(seq) / 2 FROM audit_events) ORDER BY seq LIMIT 1")
person = one("SELECT entity_id FROM audit_events WHERE entity_type = 'person' AND seq > (SELECT MAX(seq) / 3 FROM audit_events) LIMIT 1")
day = one("SELECT (MIN(at) / 86400 + 100) * 86400 FROM audit_events")
ids = one("SELECT string_agg(quote_literal(event_id), ',') FROM (SELECT event_id FROM audit_events WHERE staff_id = '%s' LIMIT 40) s" % staff)
print("events:", one("SELECT COUNT(*) FROM audit_events"), " size:", one("SELECT pg_size_pretty(pg_total_relation_size('audit_events'))"))
print("staff", staff, "rows", one(f"SELECT COUNT(*) FROM audit_events WHERE staff_id = '{staff}'"), "; person", person, "rows", one(f"SELECT COUNT(*) FROM audit_events WHERE entity_id = '{person}'"))
cases = [
  ("a member of staff's year of accesses, in time order", f"SELECT * FROM audit_events WHERE staff_id = '{staff}' ORDER BY at", 20),
  ("every access to one person", f"SELECT * FROM audit_events WHERE entity_id = '{person}' ORDER BY at", 20),
  ("one day's count", f"SELECT COUNT(*) FROM audit_events WHERE at >= {day} AND at < {day} + 86400", 20),
  ("40 evidence events by id (alert view)", f"SELECT event_id, entity_id FROM audit_events WHERE event_id IN ({ids})", 20),
  ("newest seq (detection's cursor)", "SELECT COALESCE(MAX(seq), 0) FROM audit_events", 20),
  ("oldest time (alert horizon)", "SELECT COALESCE(MIN(at), 0) FROM audit_events", 20),
  ("events by source system (capability page)", "SELECT system, COUNT(*), MAX(at), MAX(received_at) FROM audit_events GROUP BY system", 3),
  ("staff seen in audit (capability page)",
   "SELECT COUNT(*) FROM staff WHERE EXISTS (SELECT 1 FROM audit_events e WHERE e.staff_id = staff.staff_id)", 20),
]
print("| query | median ms | max ms | runs |")
print("| --- | ---: | ---: | ---: |")
for name, sql, n in cases:
    t = q(sql, n)
    print(f"| {name} | {statistics.median(t):.2f} | {max(t):.2f} | {len(t)} |")
