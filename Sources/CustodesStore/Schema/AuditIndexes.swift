import Foundation

/// The secondary indexes of `audit_events`: by time (detection reads in time order), by member of staff and by
/// person or record (the web application's look-ups).
///
/// Keeping three indexes up to date row by row is most of the cost of a large load (profiled: without them SQLite
/// takes 234,000 events/s, with them 67,000), while building them once afterwards takes seconds. So a load that is
/// large beside what is already stored drops them and builds them again at the end; every ingest and detection run
/// starts by making sure they exist, so a load killed in between leaves nothing missing for long.
enum AuditIndexes {
    static let all: [(name: String, columns: String)] = [
        ("audit_events_by_time", "at, event_id"),
        ("audit_events_by_staff", "staff_id, at"),
        ("audit_events_by_entity", "entity_id, at"),
    ]

    /// Events at or above which a load counts as large (about a month of a large force), when it is also at least
    /// half as many as are already stored.
    public static let bulkThreshold = 1_000_000

    static func ensure(_ database: StoreDatabase) async throws {
        for index in all {
            try await database.execute("CREATE INDEX IF NOT EXISTS \(index.name) ON audit_events (\(index.columns))")
        }
    }

    /// Builds the indexes after a bulk load. On SQLite this runs on a connection of its own with a small page cache,
    /// temporary files on disk and a sorter thread per core: with the store's 256 MiB cache and in-memory temporary
    /// files, SQLite sorts each index in one piece, which measured three times slower on the simulated year (by member
    /// of staff 4.1 s against 1.1 s, in the `sqlite3` shell on the same file).
    static func rebuild(_ database: StoreDatabase) async throws {
        guard database.engine == .sqlite else { return try await ensure(database) }
        let writer = try SQLiteBulkConnection(path: database.url.path)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        try await writer.run { writer in
            try writer.execute("PRAGMA cache_size = -2000")
            try writer.execute("PRAGMA temp_store = FILE")
            try writer.execute("PRAGMA threads = \(threads)")
            for index in all {
                try writer.execute("CREATE INDEX IF NOT EXISTS \(index.name) ON audit_events (\(index.columns))")
            }
        }
    }

    static func drop(_ database: StoreDatabase) async throws {
        for index in all { try await database.execute("DROP INDEX IF EXISTS \(index.name)") }
    }
}
