#!/usr/bin/env bash
# Times the look-ups the unit relies on against a PostgreSQL store of about a hundred million audit events: the
# 2,000-staff simulated year ingested once, then copied COPIES more times as if the force were COPIES + 1 times
# larger (every event, member of staff and record id suffixed with the copy's number, times unchanged, copies of
# each event stored next to it, so one member of staff's events are spread over the whole table as in a real
# store). Indexes are built after the copy, as a bulk load would.
#
# Usage: benchmarks/postgres-scale.sh [COPIES]    (default 43: 101.9 million events, about 31 GB on disk)
# Needs about 35 GB free for the default; a throwaway server from scripts/postgres, removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-43}
staff=2000 days=365 seed=7
source benchmarks/simulated-force.sh

eval "$(scripts/postgres start)"
trap 'scripts/postgres stop "$CUSTODES_TEST_POSTGRES_DIR"' EXIT
psql -q "$CUSTODES_TEST_POSTGRES_URL" -c "CREATE DATABASE custodes_scale"
url=${CUSTODES_TEST_POSTGRES_URL%/postgres}/custodes_scale
"$bin" ingest "$bundle" --db "$url" 2>/dev/null | grep -E '^took'

echo "== copying the year $copies times, then building the indexes"
psql -q "$url" <<SQL
\timing on
ALTER TABLE audit_events DROP CONSTRAINT audit_events_event_id_key;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey;
DROP INDEX audit_events_by_time; DROP INDEX audit_events_by_staff; DROP INDEX audit_events_by_entity;
CREATE TEMPORARY TABLE base AS SELECT * FROM audit_events ORDER BY seq;
INSERT INTO audit_events (seq, event_id, at, staff_id, system, action, entity_type, entity_id, fields, workstation,
                          reason, batch_id, received_at)
  SELECT (SELECT last_seq FROM audit_event_numbers) + row_number() OVER (ORDER BY b.seq, k),
         b.event_id || '-' || k, b.at, b.staff_id || '-' || k, b.system, b.action, b.entity_type,
         b.entity_id || '-' || k, b.fields, b.workstation, b.reason, b.batch_id, b.received_at
  FROM base b CROSS JOIN LATERAL generate_series(1, $copies) k;
UPDATE audit_event_numbers SET last_seq = (SELECT MAX(seq) FROM audit_events);
SET maintenance_work_mem = '1GB';
ALTER TABLE audit_events ADD PRIMARY KEY (seq);
ALTER TABLE audit_events ADD CONSTRAINT audit_events_event_id_key UNIQUE (event_id);
CREATE INDEX audit_events_by_time ON audit_events (at, event_id);
CREATE INDEX audit_events_by_staff ON audit_events (staff_id, at);
CREATE INDEX audit_events_by_entity ON audit_events (entity_id, at);
ANALYZE;
SQL

echo "== look-ups (milliseconds, from psql's timing)"
python3 benchmarks/postgres_scale_queries.py "$url"
