import SQLKit

/// The record of ingest batches: what came in, how, and how it ended.
///
/// A batch is `running` while its process works on it, then `complete` or `failed`. A process that is killed (or
/// loses its machine) never says how its batch ended, so each batch records when it last made progress (after its
/// reference data and after every chunk of events) and one that has made none for ``staleSeconds`` is marked
/// `interrupted`: its events and files are kept (every write is idempotent), and sending the same files again
/// finishes the work in a new batch.
public enum IngestBatches {
    /// How long a batch may go without progress before it is taken for dead. A chunk of 50,000 events takes
    /// seconds; the longest step without a progress mark, reference data of a large force, takes about a minute.
    public static let staleSeconds: Int64 = 30 * 60

    public struct Batch: Sendable, Equatable {
        public var id: Int64
        public var channel: String
        public var source: String
        public var status: String
        public var startedAt: Int64
        public var finishedAt: Int64?
        public var accepted: Int64
        public var duplicates: Int64
        public var quarantined: Int64
    }

    /// Marks `interrupted` every running batch that has made no progress for `staleSeconds`; returns how many.
    @discardableResult
    public static func markInterrupted(staleSeconds: Int64 = staleSeconds, now: Int64? = nil,
                                       in database: StoreDatabase) async throws -> Int {
        let now = now ?? Clock.epochSeconds()
        let rows = try await database.sql.raw("""
            UPDATE ingest_batches SET status = 'interrupted', finished_at = progress_at \
            WHERE status = 'running' AND COALESCE(progress_at, started_at) < \(bind: now - staleSeconds) \
            RETURNING batch_id
            """).all()
        return rows.count
    }

    static func recordProgress(_ batch: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw(
            "UPDATE ingest_batches SET progress_at = \(bind: Clock.epochSeconds()) WHERE batch_id = \(bind: batch)").run()
    }

    /// The newest batches first, after marking dead ones `interrupted`.
    public static func recent(limit: Int, in database: StoreDatabase) async throws -> [Batch] {
        try await markInterrupted(in: database)
        return try await database.sql.raw("""
            SELECT batch_id, channel, source, status, started_at, finished_at, accepted, duplicates, quarantined \
            FROM ingest_batches ORDER BY batch_id DESC LIMIT \(unsafeRaw: String(max(0, limit)))
            """).all().map { row in
            Batch(id: try row.decode(column: "batch_id", as: Int64.self),
                  channel: try row.decode(column: "channel", as: String.self),
                  source: try row.decode(column: "source", as: String.self),
                  status: try row.decode(column: "status", as: String.self),
                  startedAt: try row.decode(column: "started_at", as: Int64.self),
                  finishedAt: try row.decode(column: "finished_at", as: Int64?.self),
                  accepted: try row.decode(column: "accepted", as: Int64.self),
                  duplicates: try row.decode(column: "duplicates", as: Int64.self),
                  quarantined: try row.decode(column: "quarantined", as: Int64.self))
        }
    }
}
