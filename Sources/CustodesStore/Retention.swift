import SQLKit

/// Deletes audit events older than a force keeps them. Alerts and their evidence summaries are kept (they are the
/// unit's record), and detection never withdraws an alert because its events were removed by retention.
public enum Retention {
    /// How many events are older than `cutoff` (epoch seconds).
    public static func count(olderThan cutoff: Int64, in database: StoreDatabase) async throws -> Int {
        let row = try await database.sql.raw(
            "SELECT COUNT(*) AS n FROM audit_events WHERE at < \(bind: cutoff)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Deletes events older than `cutoff` in slices, so a large deletion neither holds one long lock nor needs one
    /// huge transaction; returns how many were deleted.
    public static func delete(olderThan cutoff: Int64, in database: StoreDatabase,
                              progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        var deleted = 0
        while true {
            let slice = try await database.withRetry("retention") {
                try await database.transaction {
                    let before = try await count(olderThan: cutoff, in: database)
                    guard before > 0 else { return 0 }
                    try await database.sql.raw("""
                        DELETE FROM audit_events WHERE seq IN (SELECT seq FROM audit_events WHERE at < \(bind: cutoff) \
                        ORDER BY seq LIMIT 100000)
                        """).run()
                    return before - (try await count(olderThan: cutoff, in: database))
                }
            }
            guard slice > 0 else {
                if deleted > 0 {
                    // The per-system counts the capability report reads (see AuditSources), counted again once.
                    try await database.withRetry("recounting sources") {
                        try await database.transaction {
                            try await database.execute("DELETE FROM audit_sources")
                            try await database.execute(AuditSources.recount)
                        }
                    }
                }
                return deleted
            }
            deleted += slice
            progress?(deleted)
        }
    }
}
