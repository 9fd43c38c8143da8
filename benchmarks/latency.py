#!/usr/bin/env python3
"""Time from an audit event's arrival to detection having weighed it, under steady load, on the SQLite store.

The bundle's audit files are split: the first 90% of each file's rows is history, ingested before the clock starts;
the last 10% arrives as BATCHES drop-folder deliveries, one every PERIOD seconds, while `custodes ingest --watch`
and `custodes detect --follow` run beside each other as a force would run them. For each delivery, the latency is
from the moment its files appear in the drop folder to the end of the first detection run whose cursor covers all
of its events (that run's alerts reflect them). Reports the median, p95 and maximum over events.

Usage: benchmarks/latency.py BINARY BUNDLE WORKDIR [BATCHES] [PERIOD]
"""
import os, shutil, sqlite3, subprocess, sys, time

binary, bundle, work = sys.argv[1], sys.argv[2], sys.argv[3]
batches = int(sys.argv[4]) if len(sys.argv) > 4 else 20
period = float(sys.argv[5]) if len(sys.argv) > 5 else 3.0
shutil.rmtree(work, ignore_errors=True)
history, drop, db = f"{work}/history", f"{work}/drop", f"{work}/store.sqlite"
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

url = f"sqlite:{db}"
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
con = sqlite3.connect(db)
def pending():
    names = os.listdir(drop) + (os.listdir(f"{drop}/processing") if os.path.isdir(f"{drop}/processing") else [])
    return [n for n in names if n.startswith("audit")]
settled = 0
while time.time() < deadline:
    latest = con.execute("SELECT COALESCE(MAX(seq), 0) FROM audit_events").fetchone()[0]
    done = con.execute("SELECT COALESCE(MAX(cursor_seq), 0) FROM detection_runs").fetchone()[0]
    # Caught up twice in a row, so a file moving between the folders is not mistaken for none left.
    settled = settled + 1 if not pending() and done >= latest else 0
    if settled >= 3: break
    time.sleep(1)
ingest.terminate(); detect.terminate(); ingest.wait(); detect.wait()

runs = con.execute("SELECT finished_at, cursor_seq FROM detection_runs ORDER BY run_id").fetchall()
latencies = []
for dropped, ids in arrivals:
    seqs = [r[0] for r in con.execute("SELECT seq FROM audit_events WHERE event_id IN (%s)" % ",".join("?" * len(ids)), ids)] if ids else []
    if not seqs: continue
    top = max(seqs)
    covered = [finished for finished, cursor in runs if cursor >= top]
    if not covered: print(f"batch dropped at {dropped:.0f} never reached by detection"); continue
    latencies += [min(covered) - dropped] * len(seqs)
latencies.sort()
events = con.execute("SELECT COUNT(*) FROM audit_events").fetchone()[0]
print(f"stored events at the end: {events:,}; live events: {len(latencies):,} in {batches} deliveries, one every {period:g} s")
print(f"detection runs: {len(runs)}")
if latencies:
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"arrival to alert-ready: median {p(0.5):.1f} s, p95 {p(0.95):.1f} s, max {latencies[-1]:.1f} s (whole seconds: times in the store are epoch seconds)")
