import Logging
import PostgresNIO

/// Audit events counted by source system, with the newest event time and the last delivery, as the capability
/// report shows them.
///
/// Counting stored events on every view read every event (9 s at 102 million on PostgreSQL), so ingest tallies the
/// events each chunk actually stored and adds the tally to `audit_sources` in the chunk's own transaction; retention
/// recounts after deleting. A crash therefore leaves the counts and the events agreeing.
struct AuditSources {
    private var bySystem: [String: (events: Int, latestAt: Int64)] = [:]
    // A chunk comes from one file, nearly always one system: tally a run of one system before touching the
    // dictionary, which this hot loop would otherwise hash for every row.
    private var runSystem = ""
    private var runEvents = 0
    private var runLatest = Int64.min

    mutating func add(system: String, at: Int64) {
        if system != runSystem {
            flush()
            runSystem = system
        }
        runEvents += 1
        runLatest = max(runLatest, at)
    }

    private mutating func flush() {
        guard runEvents > 0 else { return }
        let current = bySystem[runSystem] ?? (0, Int64.min)
        bySystem[runSystem] = (current.events + runEvents, max(current.latestAt, runLatest))
        runEvents = 0
        runLatest = Int64.min
    }

    /// One upsert per system; binds `system, events, latest_at, last_received_at` with `?` (SQLite) or `$n`.
    private static func upsert(placeholders: [String]) -> String {
        """
        INSERT INTO audit_sources (system, events, latest_at, last_received_at) VALUES (\(placeholders.joined(separator: ", "))) \
        ON CONFLICT (system) DO UPDATE SET events = audit_sources.events + excluded.events, \
        latest_at = CASE WHEN excluded.latest_at > audit_sources.latest_at THEN excluded.latest_at \
        ELSE audit_sources.latest_at END, \
        last_received_at = CASE WHEN excluded.last_received_at > audit_sources.last_received_at \
        THEN excluded.last_received_at ELSE audit_sources.last_received_at END
        """
    }

    /// Rows for ``upsert(placeholders:)``, every event of the chunk having been received at `receivedAt`.
    private func rows(receivedAt: Int64) -> [[DatabaseValue]] {
        var all = self
        all.flush()
        return all.bySystem.sorted { $0.key < $1.key }.map { system, tally in
            [.text(system), .integer(Int64(tally.events)), .integer(tally.latestAt), .integer(receivedAt)]
        }
    }

    /// Adds the tally to `audit_sources` on SQLite, in the writer's transaction.
    func add(receivedAt: Int64, to writer: SQLiteBulkConnection) throws {
        for row in rows(receivedAt: receivedAt) {
            try writer.execute(Self.upsert(placeholders: ["?", "?", "?", "?"]), row)
        }
    }

    /// Adds the tally to `audit_sources` on PostgreSQL, in the caller's transaction.
    func add(receivedAt: Int64, to connection: PostgresConnection) async throws {
        for row in rows(receivedAt: receivedAt) {
            var binds = PostgresBindings()
            for value in row { binds.append(value) }
            try await connection.query(PostgresQuery(unsafeSQL: Self.upsert(placeholders: ["$1", "$2", "$3", "$4"]),
                                                     binds: binds), logger: Logger(label: "custodes.store"))
        }
    }

    /// Counts from scratch (the migration's backfill, and after retention).
    static let recount = """
        INSERT INTO audit_sources (system, events, latest_at, last_received_at) \
        SELECT system, COUNT(*), MAX(at), MAX(received_at) FROM audit_events GROUP BY system
        """
}
