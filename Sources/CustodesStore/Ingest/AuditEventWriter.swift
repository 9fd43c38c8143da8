import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

/// A chunk made ready for PostgreSQL on the reading thread: split into first sightings and re-deliveries (see
/// ``RepeatedEventFilter``), and the first sightings already written out as COPY text, so that between two chunks the
/// writer only sends bytes. Done in the writer, the split and the encoding left one of the two cores idle for about
/// a third of the load.
struct AuditCopy: Sendable {
    var fresh: [AuditEventRow]
    var repeated: [AuditEventRow]
    /// `fresh` in COPY text, in pieces of about a megabyte.
    var freshText: [ByteBuffer]
}

/// Appends audit events to PostgreSQL, skipping any whose `event_id` is already stored, and says how many were new.
///
/// This is the hot path of ingest. Events this run has not seen before are copied straight into `audit_events` under
/// a savepoint: in a load of new events that is all the server does. Going through a staging table and
/// `INSERT … SELECT … ON CONFLICT` for every chunk made the server write each row twice and check each id first;
/// on the 2.3 million events of the simulated year the audit load went from 21.3 s to 10.7 s.
/// If one of them is already stored (a load killed part-way and run again), the savepoint is rolled back and the
/// chunk takes the staging route, as do re-deliveries within the run.
enum AuditEventWriter {
    /// What one chunk did: rows inserted, and whether its first sightings included events already stored.
    struct Outcome: Sendable {
        var inserted = 0
        var metStored = false
        /// What was inserted, by source system.
        var sources = AuditSources()
    }

    /// Splits and encodes a chunk; runs on the reading thread.
    static func prepare(_ chunk: AuditChunk, batch: Int64, repeats: RepeatedEventFilter) -> AuditCopy {
        let (fresh, repeated) = repeats.split(chunk.events)
        return AuditCopy(fresh: fresh, repeated: repeated,
                         freshText: encode(fresh, batch: batch, receivedAt: chunk.receivedAt))
    }

    /// Appends the chunk's first sightings in this run, then its re-deliveries. With `direct` false, the first
    /// sightings go straight to the staging route: the caller's last chunk met stored events, so this one probably
    /// will too.
    static func append(_ chunk: AuditCopy, direct: Bool, batch: Int64, receivedAt: Int64,
                       to connection: PostgresConnection) async throws -> Outcome {
        var outcome = Outcome()
        let fresh = chunk.fresh, repeated = chunk.repeated
        if !fresh.isEmpty {
            if direct {
                try await connection.query("SAVEPOINT direct_copy", logger: logger)
                do {
                    try await copy(chunk.freshText, count: fresh.count, into: "audit_events", connection)
                    try await connection.query("RELEASE SAVEPOINT direct_copy", logger: logger)
                    outcome.inserted += fresh.count
                    for event in fresh { outcome.sources.add(system: event.system, at: event.at) }
                } catch where StoreDatabase.isUniqueViolation(error) {
                    try await connection.query("ROLLBACK TO SAVEPOINT direct_copy", logger: logger)
                    outcome.metStored = true
                    outcome.inserted += try await staged(fresh, batch: batch, receivedAt: receivedAt, connection,
                                                         &outcome.sources)
                }
            } else {
                outcome.inserted += try await staged(fresh, batch: batch, receivedAt: receivedAt, connection,
                                                     &outcome.sources)
                outcome.metStored = outcome.inserted < fresh.count
            }
        }
        if !repeated.isEmpty {
            outcome.inserted += try await staged(repeated, batch: batch, receivedAt: receivedAt, connection,
                                                 &outcome.sources)
        }
        return outcome
    }

    private static let logger = Logger(label: "custodes.store")

    /// COPY into a temporary table, then one INSERT … SELECT that skips stored ids (and, within the statement, a
    /// second copy of an id).
    private static func staged(_ events: [AuditEventRow], batch: Int64, receivedAt: Int64,
                               _ connection: PostgresConnection, _ sources: inout AuditSources) async throws -> Int {
        let columns = AuditEventRow.columns.joined(separator: ", ")
        try await connection.query("""
            CREATE TEMPORARY TABLE IF NOT EXISTS incoming_audit_events (event_id TEXT, at BIGINT, staff_id TEXT,
                system TEXT, action TEXT, entity_type TEXT, entity_id TEXT, fields TEXT, workstation TEXT,
                reason TEXT, batch_id BIGINT, received_at BIGINT) ON COMMIT DELETE ROWS
            """, logger: logger)
        try await copy(encode(events, batch: batch, receivedAt: receivedAt), count: events.count,
                       into: "incoming_audit_events", connection)
        let inserted = NIOLockedValueBox([(system: String, at: Int64)]())
        let done: EventLoopFuture<PostgresQueryMetadata> = connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO audit_events (\(columns)) SELECT \(columns) FROM incoming_audit_events
            ORDER BY at, event_id ON CONFLICT (event_id) DO NOTHING RETURNING system, at
            """), logger: logger) { row in
            let (system, at) = try row.decode((String, Int64).self)
            inserted.withLockedValue { $0.append((system, at)) }
        }
        _ = try await done.get()
        try await connection.query("TRUNCATE incoming_audit_events", logger: logger)
        let rows = inserted.withLockedValue { $0 }
        for row in rows { sources.add(system: row.system, at: row.at) }
        return rows.count
    }

    private static func copy(_ text: [ByteBuffer], count: Int, into table: String,
                             _ connection: PostgresConnection) async throws {
        // A COPY whose socket is reset has been seen to wait forever rather than fail; 20 s is about 80 times what a
        // 50,000-event chunk takes.
        try await Deadline.run(.seconds(20), "COPY of \(count) audit events") {
            try await connection.copyFrom(table: table, columns: AuditEventRow.columns,
                                          format: .text(.init()), logger: logger) { writer in
                for piece in text { try await writer.write(piece) }
            }
        }
    }

    private static func encode(_ events: [AuditEventRow], batch: Int64, receivedAt: Int64) -> [ByteBuffer] {
        var pieces: [ByteBuffer] = []
        var buffer = CopyTextBuffer()
        for event in events {
            buffer.append(event.eventID)
            buffer.tab()
            buffer.append(event.at)
            buffer.tab()
            buffer.append(event.staffID)
            buffer.tab()
            buffer.append(event.system)
            buffer.tab()
            buffer.append(event.action)
            buffer.tab()
            buffer.append(event.entityType)
            buffer.tab()
            buffer.append(event.entityID)
            buffer.tab()
            buffer.append(event.fields)
            buffer.tab()
            buffer.append(event.workstation)
            buffer.tab()
            buffer.append(event.reason)
            buffer.tab()
            buffer.append(batch)
            buffer.tab()
            buffer.append(receivedAt)
            buffer.endRow()
            if buffer.isFull { pieces.append(buffer.take()) }
        }
        if !buffer.isEmpty { pieces.append(buffer.take()) }
        return pieces
    }
}
