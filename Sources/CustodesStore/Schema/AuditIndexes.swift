import Foundation
import NIOConcurrencyHelpers

/// The secondary indexes of `audit_events`: by time (detection reads in time order), by member of staff and by
/// person or record (the web application's look-ups).
///
/// Keeping three indexes up to date row by row is most of the cost of a large load (profiled: without them SQLite
/// takes 234,000 events/s, with them 67,000), while building them once afterwards takes seconds. So a load that is
/// large beside what is already stored drops them and builds them again at the end; every ingest and detection run
/// starts by making sure they exist, so a load killed in between leaves nothing missing for long.
///
/// On PostgreSQL the primary key on `seq` goes the same way: keeping it up to date during COPY measured 2 to 3.4 s of
/// server time on the simulated year's 2.3 million events, building it afterwards 0.6 to 0.9 s (in `psql`, see
/// docs/performance.md). Nothing depends on it for correctness: `seq` comes from the counter `audit_event_numbers`,
/// so it is unique without the index; only look-ups by `seq` are slower until it is back. The unique index on `event_id` is what makes
/// re-delivery harmless for every writer at once, so it stays, except in a first load into an empty table that holds
/// every other writer off (see ``AuditWriteLock``). (On SQLite `seq` is the rowid, which costs nothing to keep.)
enum AuditIndexes {
    static let all: [(name: String, columns: String)] = [
        ("audit_events_by_time", "at, event_id"),
        ("audit_events_by_staff", "staff_id, at"),
        ("audit_events_by_entity", "entity_id, at"),
    ]

    /// Events at or above which a load counts as large (about a month of a large force), when it is also at least
    /// half as many as are already stored.
    public static let bulkThreshold = 1_000_000

    /// Puts back whatever a killed load left missing. On PostgreSQL this is done under the audit write lock held
    /// exclusively (see ``AuditWriteLock``), so that the unique index on `event_id` is never built while a first load
    /// is copying without it: with `wait` false nothing is done while another session holds the lock (a first load
    /// will build everything itself; writers busy now leave it to the next run), with `wait` true it waits.
    static func ensure(_ database: StoreDatabase, wait: Bool = false) async throws {
        guard database.engine == .postgres else {
            for index in all { try await database.execute(createStatement(index.name)) }
            return
        }
        if wait {
            try await AuditWriteLock.acquire(on: database)
        } else if try await !AuditWriteLock.tryAcquire(on: database) {
            return
        }
        do {
            try await ensureConstraint(AuditWriteLock.uniqueIDs, kind: "UNIQUE", database)
            try await ensureConstraint(primaryKey, kind: "PRIMARY KEY", database)
            for index in all { try await database.execute(createStatement(index.name)) }
        } catch {
            try? await AuditWriteLock.release(on: database)
            throw error
        }
        try await AuditWriteLock.release(on: database)
    }

    /// A constraint is built as a plain unique index first and then attached (a moment's lock), because `ALTER
    /// TABLE … ADD` would hold the whole table for the build and stall the index built beside it; an index left by a
    /// load killed between the two steps is taken up as it is.
    private static func ensureConstraint(_ name: String, kind: String, _ database: StoreDatabase) async throws {
        guard try await database.sql.raw("""
            SELECT 1 AS present FROM pg_constraint WHERE conrelid = 'audit_events'::regclass AND conname = \(bind: name)
            """).first() == nil else { return }
        try await database.execute(createStatement(name))
        try await database.execute("ALTER TABLE audit_events ADD CONSTRAINT \(name) \(kind) USING INDEX \(name)")
    }

    /// Builds the indexes after a bulk load. On SQLite this runs on a connection of its own with a small page cache,
    /// temporary files on disk and a sorter thread per core: with the store's 256 MiB cache and in-memory temporary
    /// files, SQLite sorts each index in one piece, which measured three times slower on the simulated year (by member
    /// of staff 4.1 s against 1.1 s, in the `sqlite3` shell on the same file).
    ///
    /// On PostgreSQL the indexes are built two at a time on connections of their own, each build on one process
    /// (`max_parallel_maintenance_workers = 0`): PostgreSQL's own parallel build of one index after another left a
    /// core idle while each build's leader merged, and took 4.28 and 4.15 s in `psql` on the simulated year against
    /// 3.61 and 3.66 s this way (see docs/performance.md).
    static func rebuild(_ database: StoreDatabase) async throws {
        guard database.engine == .sqlite else { return try await rebuildOnPostgres(database) }
        let writer = try SQLiteBulkConnection(path: database.url.path)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        try await writer.run { writer in
            try writer.execute("PRAGMA cache_size = -2000")
            try writer.execute("PRAGMA temp_store = FILE")
            try writer.execute("PRAGMA threads = \(threads)")
            for index in all { try writer.execute(createStatement(index.name)) }
        }
    }

    /// The builds, longest first, so that two connections taking the next one as each finishes end close together
    /// (measured on one process each, two at once: by member of staff 3.5 to 3.7 s, by record 3.3 to 3.4 s, by
    /// `event_id` when a first load dropped it 2.0 to 2.2 s, by time 1.3 s, the key 0.9 s). Fixed lanes had left one
    /// connection working alone for 1.6 s at the end of a first load.
    private static let buildOrder = ["audit_events_by_staff", "audit_events_by_entity", AuditWriteLock.uniqueIDs,
                                     "audit_events_by_time", primaryKey]

    private static func rebuildOnPostgres(_ database: StoreDatabase) async throws {
        let next = NIOLockedValueBox(buildOrder[...])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let connection = try await StoreDatabase.open(database.url, retry: database.retry,
                                                                  onRetry: database.onRetry)
                    do {
                        try await connection.execute("SET max_parallel_maintenance_workers = 0")
                        while let name = next.withLockedValue({ $0.popFirst() }) {
                            try await connection.execute(createStatement(name))
                        }
                    } catch {
                        await connection.close()
                        throw error
                    }
                    await connection.close()
                }
            }
            try await group.waitForAll()
        }
        try await ensure(database, wait: true)
    }

    private static func createStatement(_ name: String) -> String {
        if name == primaryKey { return "CREATE UNIQUE INDEX IF NOT EXISTS \(primaryKey) ON audit_events (seq)" }
        if name == AuditWriteLock.uniqueIDs {
            return "CREATE UNIQUE INDEX IF NOT EXISTS \(name) ON audit_events (system, event_id)"
        }
        let columns = all.first { $0.name == name }?.columns ?? ""
        return "CREATE INDEX IF NOT EXISTS \(name) ON audit_events (\(columns))"
    }

    /// The name PostgreSQL gave the primary key when the table was made.
    static let primaryKey = "audit_events_pkey"

    /// Drops the secondary indexes and, on PostgreSQL, the primary key; with `uniqueIDs`, the unique index on
    /// `event_id` as well, which only a first load holding ``AuditWriteLock`` exclusively may do.
    static func drop(_ database: StoreDatabase, uniqueIDs: Bool = false) async throws {
        if database.engine == .postgres {
            for name in uniqueIDs ? [primaryKey, AuditWriteLock.uniqueIDs] : [primaryKey] {
                try await database.execute("ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS \(name)")
                try await database.execute("DROP INDEX IF EXISTS \(name)")
            }
        }
        for index in all { try await database.execute("DROP INDEX IF EXISTS \(index.name)") }
    }
}
