#!/usr/bin/env bash
# The triage queue at 100,000 alerts (issue: "paging that stays fast at 100,000 alerts"). Prepares a demo store,
# copies its alerts until there are 100,000 (same details, new keys and scores, so sorting and filtering have real
# work), serves it from a release build and times each queue view over HTTP (benchmarks/queue.py).
# Usage: benchmarks/queue.sh [ALERTS] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
alerts=${1:-100000}
repeats=${2:-20}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
swift build -c release --product custodes
bin=$PWD/.build/release/custodes
folder=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$folder"' EXIT
"$bin" demo --folder "$folder" --staff 300 --days 45 --no-serve > "$folder/accounts.txt" 2> "$folder/demo.log"
password=$(grep ' username head ' "$folder/accounts.txt" | awk '{print $NF}')
python3 - "$folder/custodes.sqlite" "$alerts" <<'PY'
import sqlite3, sys, random
db = sqlite3.connect(sys.argv[1]); wanted = int(sys.argv[2])
columns = [row[1] for row in db.execute("PRAGMA table_info(alerts)") if row[1] != "alert_id"]
seeds = db.execute(f"SELECT {', '.join(columns)} FROM alerts").fetchall()
have = len(seeds); rng = random.Random(7); rows = []
key, score, opened = columns.index("alert_key"), columns.index("score"), columns.index("opened_at")
for index in range(wanted - have):
    row = list(seeds[index % have])
    row[key] = f"{row[key]}#copy{index}"
    row[score] = round(rng.uniform(20, 400), 1)
    row[opened] = row[opened] - rng.randrange(0, 365 * 86400)
    rows.append(row)
db.executemany(f"INSERT INTO alerts ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
db.commit()
print(f"store: {db.execute('SELECT COUNT(*) FROM alerts').fetchone()[0]:,} alerts")
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "sqlite:$folder/custodes.sqlite" --port "$port" --detect-interval 0 \
  --pseudonym-key "$folder/custodes.key" 2> "$folder/serve.log" &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
python3 benchmarks/queue.py "http://127.0.0.1:$port" head "$password" "$repeats"
