#!/usr/bin/env python3
"""The core question of active monitoring, asked of a bundle the way an analyst with DuckDB would ask it.

"Which accesses to a person with a vulnerability marker had no assignment behind them?" An access is explained here
when the same member of staff was assigned to an occurrence involving that person, from an hour before the
assignment to 72 hours after it ended (the assignment part of Custodes' explanation; team, role and duty links are
left out, as a hand-written query would leave them out). Reports the count and the time taken, so that
benchmarks/run.sh can set it beside Custodes' event pass on the same bundle.

Usage: benchmarks/duckdb_unexplained_marker.py BUNDLE
"""
import glob
import os
import sys
import time

import duckdb


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    bundle = sys.argv[1]
    csv_files = sorted(glob.glob(os.path.join(bundle, "audit*.csv")))
    jsonl_files = sorted(glob.glob(os.path.join(bundle, "audit*.jsonl")))
    if not csv_files and not jsonl_files:
        sys.exit(f"{bundle}: no audit*.csv or audit*.jsonl")

    connection = duckdb.connect()
    connection.execute("SET threads TO 1")  # one core, as Custodes' event pass
    started = time.perf_counter()
    parts = []
    columns = "event_id, \"at\", staff_id, entity_type, entity_id"
    if csv_files:
        parts.append(f"SELECT {columns} FROM read_csv({csv_files!r}, header = true, all_varchar = true, "
                     "ignore_errors = true)")
    if jsonl_files:
        parts.append(f"SELECT {columns} FROM read_json({jsonl_files!r}, format = 'newline_delimited', "
                     "columns = {event_id: 'VARCHAR', \"at\": 'VARCHAR', staff_id: 'VARCHAR', entity_type: 'VARCHAR', "
                     "entity_id: 'VARCHAR'}, ignore_errors = true)")
    connection.execute(f"""
        CREATE TABLE audit AS
        SELECT DISTINCT ON (event_id) event_id, TRY_CAST("at" AS TIMESTAMPTZ) AS at_time, staff_id, entity_id AS person_id
        FROM ({' UNION ALL '.join(parts)})
        WHERE entity_type IN ('person', 'custody_image')
    """)
    loaded = time.perf_counter()
    connection.execute(f"""
        CREATE TABLE marked AS SELECT person_id FROM read_csv('{bundle}/persons.csv', header = true,
            all_varchar = true) WHERE coalesce(markers, '') <> ''
    """)
    connection.execute(f"""
        CREATE TABLE links AS
        SELECT p.person_id, a.staff_id, TRY_CAST(a.start AS TIMESTAMPTZ) AS start_at,
               TRY_CAST(nullif(a."end", '') AS TIMESTAMPTZ) AS end_at
        FROM read_csv('{bundle}/assignments.csv', header = true, all_varchar = true) a
        JOIN read_csv('{bundle}/occurrence_persons.csv', header = true, all_varchar = true) p
          ON p.occurrence_id = a.occurrence_id
    """)
    count = connection.execute("""
        SELECT count(*) FROM audit e
        JOIN marked m ON m.person_id = e.person_id
        WHERE NOT EXISTS (
            SELECT 1 FROM links l
            WHERE l.person_id = e.person_id AND l.staff_id = e.staff_id
              AND e.at_time >= l.start_at - INTERVAL 1 HOUR
              AND (l.end_at IS NULL OR e.at_time <= l.end_at + INTERVAL 72 HOUR))
    """).fetchone()[0]
    finished = time.perf_counter()
    events = connection.execute("SELECT count(*) FROM audit").fetchone()[0]
    print(f"duckdb {duckdb.__version__}: {events:,} person accesses loaded in {loaded - started:.1f} s; "
          f"{count:,} unexplained accesses to people with a marker; total {finished - started:.1f} s "
          f"({events / (finished - started):,.0f} person accesses/s, one thread)")


if __name__ == "__main__":
    main()
