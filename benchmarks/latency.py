#!/usr/bin/env python3
"""Time from an audit event's arrival to detection having weighed it, under steady load, on a SQLite or PostgreSQL store.

The bundle's audit files are split: the first 90% of each file's rows is history, ingested before the clock starts;
the last 10% arrives as BATCHES drop-folder deliveries, one every PERIOD seconds, while `custodes ingest --watch`
and `custodes detect --follow` run beside each other as a force would run them. For each delivery, the latency is
from the moment its files appear in the drop folder to the end of the first detection run whose cursor covers all
of its events (that run's alerts reflect them). Reports the median, p95 and maximum over events.

Usage: benchmarks/latency.py BINARY BUNDLE WORKDIR [BATCHES] [PERIOD] [DATABASE_URL]
DATABASE_URL is a postgres:// URL of an empty database; without it, a SQLite file in WORKDIR.
"""
import os, shutil, sqlite3, subprocess, sys, time


class Store:
    """The few read-only queries the measurement needs, on either engine (PostgreSQL through psql)."""

    def __init__(self, url):
        self.url = url
        self.sqlite = sqlite3.connect(url[len("sqlite:"):]) if url.startswith("sqlite:") else None

    def rows(self, sql, stdin=None):
        if self.sqlite:
            return self.sqlite.execute(sql).fetchall()
        out = subprocess.run(["psql", "-qAt", "-F", "\t", "-v", "ON_ERROR_STOP=1", self.url],
                             input=(stdin or "") + sql + ";\n", capture_output=True, text=True, check=True).stdout
        return [tuple(float(v) if "." in v else int(v) for v in line.split("\t")) for line in out.splitlines() if line]

    def top_seq_per_delivery(self, arrivals):
        """The highest `seq` among each delivery's events, and how many of them are stored."""
        if self.sqlite:
            self.sqlite.execute("CREATE TEMP TABLE delivered (delivery INTEGER, event_id TEXT)")
            self.sqlite.executemany("INSERT INTO delivered VALUES (?, ?)",
                                    [(n, i) for n, (_, ids) in enumerate(arrivals) for i in ids])
            load = ""
        else:
            load = "CREATE TEMP TABLE delivered (delivery INTEGER, event_id TEXT);\nCOPY delivered FROM STDIN;\n" + \
                "".join(f"{n}\t{i}\n" for n, (_, ids) in enumerate(arrivals) for i in ids) + "\\.\n"
        return self.rows("SELECT delivery, MAX(seq), COUNT(*) FROM delivered JOIN audit_events USING (event_id) "
                         "GROUP BY delivery ORDER BY delivery", load)

binary, bundle, work = sys.argv[1], sys.argv[2], sys.argv[3]
batches = int(sys.argv[4]) if len(sys.argv) > 4 else 20
period = float(sys.argv[5]) if len(sys.argv) > 5 else 3.0
url = sys.argv[6] if len(sys.argv) > 6 else f"sqlite:{work}/store.sqlite"
shutil.rmtree(work, ignore_errors=True)
history, drop = f"{work}/history", f"{work}/drop"
os.makedirs(history); os.makedirs(drop)

live = {}  # audit file -> (header, live rows)
for name in sorted(os.listdir(bundle)):
    path = f"{bundle}/{name}"
    if not name.startswith("audit"):
        if name != "truth.csv": shutil.copy(path, history)
        continue
    with open(path, encoding="utf-8") as f: lines = f.readlines()
    header, rows = (lines[0], lines[1:]) if name.endswith(".csv") else ("", lines)
    cut = int(len(rows) * 0.9)
    with open(f"{history}/{name}", "w", encoding="utf-8") as f: f.write(header + "".join(rows[:cut]))
    live[name] = (header, rows[cut:])

subprocess.run([binary, "ingest", history, "--db", url], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
key = f"{work}/pseudonym.key"
subprocess.run([binary, "detect", "--db", url, "--pseudonym-key", key], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
ingest = subprocess.Popen([binary, "ingest", drop, "--watch", "--interval", "1", "--db", url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
detect = subprocess.Popen([binary, "detect", "--db", url, "--follow", "--interval", "1", "--pseudonym-key", key], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

arrivals = []  # (time dropped, event ids)
for b in range(batches):
    dropped_ids = []
    for name, (header, rows) in live.items():
        part = rows[b * len(rows) // batches:(b + 1) * len(rows) // batches]
        if not part: continue
        stem, ext = os.path.splitext(name)
        target = f"{drop}/{stem}_live{b:03d}{ext}"
        with open(target + ".part", "w", encoding="utf-8") as f: f.write(header + "".join(part))
        os.rename(target + ".part", target)
        dropped_ids += [r.split(",", 1)[0] if ext == ".csv" else r.split('"event_id":"', 1)[-1].split('"', 1)[0] for r in part]
    arrivals.append((time.time(), dropped_ids))
    time.sleep(period)

deadline = time.time() + 300
store = Store(url)
def pending():
    names = os.listdir(drop) + (os.listdir(f"{drop}/processing") if os.path.isdir(f"{drop}/processing") else [])
    return [n for n in names if n.startswith("audit")]
settled = 0
while time.time() < deadline:
    latest = store.rows("SELECT COALESCE(MAX(seq), 0) FROM audit_events")[0][0]
    done = store.rows("SELECT COALESCE(MAX(cursor_seq), 0) FROM detection_runs")[0][0]
    # Caught up twice in a row, so a file moving between the folders is not mistaken for none left.
    settled = settled + 1 if not pending() and done >= latest else 0
    if settled >= 3: break
    time.sleep(1)
ingest.terminate(); detect.terminate(); ingest.wait(); detect.wait()

runs = store.rows("SELECT finished_at, cursor_seq FROM detection_runs ORDER BY run_id")
latencies = []
for delivery, top, stored in store.top_seq_per_delivery(arrivals):
    dropped = arrivals[delivery][0]
    covered = [finished for finished, cursor in runs if cursor >= top]
    if not covered: print(f"batch dropped at {dropped:.0f} never reached by detection"); continue
    latencies += [min(covered) - dropped] * stored
latencies.sort()
events = store.rows("SELECT COUNT(*) FROM audit_events")[0][0]
print(f"stored events at the end: {events:,}; live events: {len(latencies):,} in {batches} deliveries, one every {period:g} s")
print(f"detection runs: {len(runs)}")
if latencies:
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"arrival to alert-ready: median {p(0.5):.1f} s, p95 {p(0.95):.1f} s, max {latencies[-1]:.1f} s (whole seconds: times in the store are epoch seconds)")
