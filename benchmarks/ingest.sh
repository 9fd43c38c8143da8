#!/usr/bin/env bash
# Measures `custodes ingest` of a simulated force into a fresh SQLite file and into a fresh PostgreSQL 15 database
# (a throwaway server on loopback, started by scripts/postgres), then `custodes detect --db` over each.
#
# Each engine is measured two ways:
#   - the whole bundle (reference files and audit files) into an empty store;
#   - the audit files alone into a store that already holds the bundle's reference data, as the daily or monthly
#     deliveries of a force arrive: the issue's figure of audit events per second.
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

# The bundle split in two folders of links: reference files, audit files.
reference=$bundle.reference
audit=$bundle.audit
rm -rf "$reference" "$audit"
mkdir -p "$reference" "$audit"
for file in "$bundle"/*; do
  name=$(basename "$file")
  case $name in
    audit_*) ln -s "$PWD/$file" "$audit/$name" ;;
    truth.csv) ;;
    *) ln -s "$PWD/$file" "$reference/$name" ;;
  esac
done

timed() {
  /usr/bin/time -o .benchmarks/time.txt -f "wall %e s, peak memory %M KiB" "$@" 2>/dev/null \
    | grep -E '^(audit events|took)' || true
  cat .benchmarks/time.txt
}

measure() {
  local url=$1 fresh=$2 settle=$3
  echo "== $engine: whole bundle into an empty store"
  timed "$bin" ingest "$bundle" --db "$url"
  echo "== $engine: detect over the stored events"
  timed "$bin" detect --db "$url" --pseudonym-key .benchmarks/pseudonym.key
  "$fresh"
  echo "== $engine: audit files alone, reference data already stored"
  "$bin" ingest "$reference" --db "$url" >/dev/null 2>&1
  "$settle"
  timed "$bin" ingest "$audit" --db "$url"
}

engine=SQLite
fresh_sqlite() { rm -f .benchmarks/ingest.sqlite*; }
fresh_sqlite
measure sqlite:.benchmarks/ingest.sqlite fresh_sqlite true

eval "$(scripts/postgres start)"
trap 'scripts/postgres stop "$CUSTODES_TEST_POSTGRES_DIR"' EXIT
engine="PostgreSQL 15 (loopback)"
url=${CUSTODES_TEST_POSTGRES_URL%/postgres}/custodes_bench
fresh_postgres() {
  psql -q "$CUSTODES_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS custodes_bench" -c "CREATE DATABASE custodes_bench"
}
# Reference data stored long before the audit files, as in a force's store: PostgreSQL's autovacuum has already
# been over it, rather than going over its 1.4 million new rows while the audit files are timed.
settle_postgres() { psql -q "$url" -c "VACUUM ANALYZE"; }
fresh_postgres
measure "$url" fresh_postgres settle_postgres
