#!/usr/bin/env bash
# Measures `custodes ingest` of a simulated force into a fresh SQLite file and into a fresh PostgreSQL 15 database
# (a throwaway server on loopback, started by scripts/postgres), then `custodes detect --db` over each.
#
# Usage: benchmarks/ingest.sh [STAFF] [DAYS] [SEED]    (default: 2000 staff, 365 days, seed 7)
# The bundle is kept in .benchmarks/ (ignored by git) and reused. Results and the machine are recorded in
# docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
staff=${1:-2000}
days=${2:-365}
seed=${3:-7}
source benchmarks/simulated-force.sh

rm -f .benchmarks/ingest.sqlite*
echo "== ingest into SQLite"
/usr/bin/time -o .benchmarks/time.txt -f "wall %e s, peak memory %M KiB" "$bin" ingest "$bundle" \
  --db sqlite:.benchmarks/ingest.sqlite 2>/dev/null | grep -E '^(audit events|took)'
cat .benchmarks/time.txt
echo "== detect over SQLite"
/usr/bin/time -o .benchmarks/time.txt -f "wall %e s, peak memory %M KiB" "$bin" detect \
  --db sqlite:.benchmarks/ingest.sqlite --pseudonym-key .benchmarks/pseudonym.key 2>/dev/null
cat .benchmarks/time.txt

eval "$(scripts/postgres start)"
trap 'scripts/postgres stop "$CUSTODES_TEST_POSTGRES_DIR"' EXIT
psql -q "$CUSTODES_TEST_POSTGRES_URL" -c "CREATE DATABASE custodes_bench"
url=${CUSTODES_TEST_POSTGRES_URL%/postgres}/custodes_bench
echo "== ingest into PostgreSQL 15 (loopback)"
/usr/bin/time -o .benchmarks/time.txt -f "wall %e s, peak memory %M KiB" "$bin" ingest "$bundle" --db "$url" \
  2>/dev/null | grep -E '^(audit events|took)'
cat .benchmarks/time.txt
echo "== detect over PostgreSQL"
/usr/bin/time -o .benchmarks/time.txt -f "wall %e s, peak memory %M KiB" "$bin" detect --db "$url" \
  --pseudonym-key .benchmarks/pseudonym.key 2>/dev/null
cat .benchmarks/time.txt
