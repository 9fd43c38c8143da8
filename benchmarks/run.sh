#!/usr/bin/env bash
# Measures the event pass (parse, explain, score) of `custodes detect` on a simulated force, and the same core query
# ("unexplained access to a person with a marker") in DuckDB over the same bundle, side by side.
#
# Usage: benchmarks/run.sh [STAFF] [DAYS] [SEED] [PROFILE]
#   default: 10000 staff, 365 days, seed 7, the realistic profile (about half of access unexplained, so every rule
#   has work to do); PROFILE tidy is the force the earlier figures in docs/performance.md were measured on.
# The bundle is kept in .benchmarks/ (ignored by git) and reused. Run it on a quiet machine; figures vary by a few
# per cent between runs. Results and the machine are recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
staff=${1:-10000}
days=${2:-365}
seed=${3:-7}
profile=${4:-realistic}
source benchmarks/simulated-force.sh

echo "== custodes detect (one core)"
/usr/bin/time -f "wall %e s, peak memory %M KiB" "$bin" detect "$bundle" --out .benchmarks/alerts.jsonl \
  --budget $(( (staff * 2 + 999) / 1000 )) --pseudonym-key .benchmarks/pseudonym.key \
  --quarantine .benchmarks/quarantine.csv --show 0 | grep -E '^(Audit events|Accesses|Alerts|Time)'

echo "== duckdb, the same core query (one thread)"
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install --quiet duckdb
python3 benchmarks/duckdb_unexplained_marker.py "$bundle"
