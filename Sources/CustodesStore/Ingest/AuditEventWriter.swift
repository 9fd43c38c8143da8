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
    /// `fresh` in COPY text, each row up to the tab before its `seq`, which is known only when the chunk is written.
    var freshText: [UInt8]
    /// Where each row of `freshText` ends.
    var rowEnds: [Int]

    var count: Int { fresh.count + repeated.count }
}

/// Appends audit events to PostgreSQL, skipping any whose `event_id` is already stored, and says how many were new.
///
/// This is the hot path of ingest. Events this run has not seen before are copied straight into `audit_events` under
/// a savepoint: in a load of new events that is all the server does. Going through a staging table and
/// `INSERT … SELECT … ON CONFLICT` for every chunk made the server write each row twice and check each id first;
/// on the 2.3 million events of the simulated year the audit load went from 21.3 s to 10.7 s.
/// If one of them is already stored (a load killed part-way and run again), the savepoint is rolled back and the
/// chunk takes the staging route, as do re-deliveries within the run.
///
/// Every event is written with a `seq` the caller reserved (see ``reserve(_:on:)``), so that chunks copied at once on
/// two connections still number their events in the order they commit.
enum AuditEventWriter {
    /// What one chunk did: rows inserted, and whether its first sightings included events already stored.
    struct Outcome: Sendable {
        var inserted = 0
        var metStored = false
        /// What was inserted, by source system.
        var sources = AuditSources()
        /// Re-deliveries held back for the caller (`holdBackRepeats`).
        var heldBack: [AuditEventRow] = []
    }

    /// Splits and encodes a chunk; runs on the reading thread.
    static func prepare(_ chunk: AuditChunk, batch: Int64, repeats: RepeatedEventFilter) -> AuditCopy {
        let (fresh, repeated) = repeats.split(chunk.events)
        let (text, ends) = encode(fresh, batch: batch, receivedAt: chunk.receivedAt)
        return AuditCopy(fresh: fresh, repeated: repeated, freshText: text, rowEnds: ends)
    }

    /// Takes `count` numbers for `audit_events.seq` from the counter `audit_event_numbers`, in increasing order.
    /// Numbers taken later are larger, whoever takes them. Called outside a transaction, so that a number taken is
    /// never given out again and a chunk written again after a lost connection keeps its numbers.
    static func reserve(_ count: Int, on connection: PostgresConnection) async throws -> [Int64] {
        guard count > 0 else { return [] }
        // One statement for all of them: `nextval` once per number cost 30 to 55 ms for 100,000 (schema version 10).
        let rows = try await connection.query("""
            UPDATE audit_event_numbers SET last_seq = last_seq + \(Int64(count)) WHERE id = 1 RETURNING last_seq
            """, logger: logger)
        for try await last in rows.decode(Int64.self) {
            return Array((last - Int64(count) + 1)...last)
        }
        throw StoreError.query("the counter audit_event_numbers has no row")
    }

    /// Copies the chunk's first sightings straight into `audit_events` under a savepoint; false, with the savepoint
    /// rolled back, when one of them is already stored. `seqs` holds the chunk's reserved numbers.
    static func copyFresh(_ chunk: AuditCopy, seqs: [Int64], to connection: PostgresConnection) async throws -> Bool {
        guard !chunk.fresh.isEmpty else { return true }
        try await connection.query("SAVEPOINT direct_copy", logger: logger)
        do {
            try await copy(numbered(chunk, seqs: seqs), count: chunk.fresh.count, into: "audit_events", connection)
            try await connection.query("RELEASE SAVEPOINT direct_copy", logger: logger)
            return true
        } catch where StoreDatabase.isUniqueViolation(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT direct_copy", logger: logger)
            return false
        }
    }

    /// Writes what ``copyFresh(_:seqs:to:)`` did not: the first sightings when they were not copied straight in
    /// (`copied` false), then the re-deliveries, both through the staging route. With `attempted` false the direct
    /// copy was not tried: the caller's last chunk met stored events, so this one probably would too. With
    /// `holdBackRepeats` the re-deliveries are handed back instead: the staging route needs the unique index on
    /// `event_id`, which a first load builds only at its end (see ``AuditWriteLock``).
    static func finish(_ chunk: AuditCopy, seqs: [Int64], copied: Bool, attempted: Bool, holdBackRepeats: Bool,
                       batch: Int64, receivedAt: Int64, on connection: PostgresConnection) async throws -> Outcome {
        var outcome = Outcome()
        let fresh = chunk.fresh, repeated = chunk.repeated
        if copied {
            outcome.inserted += fresh.count
            for event in fresh { outcome.sources.add(system: event.system, at: event.at) }
        } else if !fresh.isEmpty {
            outcome.inserted += try await staged(fresh, seqs: seqs[0..<fresh.count], batch: batch,
                                                 receivedAt: receivedAt, connection, &outcome.sources)
            outcome.metStored = attempted || outcome.inserted < fresh.count
        }
        if holdBackRepeats {
            outcome.heldBack = repeated
        } else if !repeated.isEmpty {
            outcome.inserted += try await staged(repeated, seqs: seqs[fresh.count...], batch: batch,
                                                 receivedAt: receivedAt, connection, &outcome.sources)
        }
        return outcome
    }

    /// Writes re-deliveries a first load held back, once the unique index on `event_id` is built again, through the
    /// staging route (which skips every one already stored); numbers them now, inside the caller's transaction (a
    /// rollback gives the numbers back, and a retry takes new ones). Says how many were new.
    static func writeHeldBack(_ events: [AuditEventRow], batch: Int64, receivedAt: Int64,
                              on connection: PostgresConnection) async throws -> (inserted: Int, sources: AuditSources) {
        let seqs = try await reserve(events.count, on: connection)
        var sources = AuditSources()
        let inserted = try await staged(events, seqs: seqs[...], batch: batch, receivedAt: receivedAt, connection,
                                        &sources)
        return (inserted, sources)
    }

    private static let logger = Logger(label: "custodes.store")

    /// COPY into a temporary table, then one INSERT … SELECT that skips stored ids (and, within the statement, a
    /// second copy of an id).
    private static func staged(_ events: [AuditEventRow], seqs: ArraySlice<Int64>, batch: Int64, receivedAt: Int64,
                               _ connection: PostgresConnection, _ sources: inout AuditSources) async throws -> Int {
        let columns = (AuditEventRow.columns + ["seq"]).joined(separator: ", ")
        try await connection.query("""
            CREATE TEMPORARY TABLE IF NOT EXISTS incoming_audit_events (event_id TEXT, at BIGINT, staff_id TEXT,
                system TEXT, action TEXT, entity_type TEXT, entity_id TEXT, fields TEXT, workstation TEXT,
                reason TEXT, batch_id BIGINT, received_at BIGINT, seq BIGINT) ON COMMIT DELETE ROWS
            """, logger: logger)
        let (text, ends) = encode(events, batch: batch, receivedAt: receivedAt)
        let copy = AuditCopy(fresh: events, repeated: [], freshText: text, rowEnds: ends)
        try await self.copy(numbered(copy, seqs: Array(seqs)), count: events.count, into: "incoming_audit_events",
                            connection)
        let inserted = NIOLockedValueBox([(system: String, at: Int64)]())
        let done: EventLoopFuture<PostgresQueryMetadata> = connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO audit_events (\(columns)) OVERRIDING SYSTEM VALUE SELECT \(columns) \
            FROM incoming_audit_events ORDER BY seq ON CONFLICT (system, event_id) DO NOTHING RETURNING system, at
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
            try await connection.copyFrom(table: table, columns: AuditEventRow.columns + ["seq"],
                                          format: .text(.init()), logger: logger) { writer in
                for piece in text { try await writer.write(piece) }
            }
        }
    }

    /// The chunk's first sightings as COPY text with their numbers, in pieces of about a megabyte.
    private static func numbered(_ chunk: AuditCopy, seqs: [Int64]) -> [ByteBuffer] {
        var pieces: [ByteBuffer] = []
        var buffer = CopyTextBuffer()
        var start = 0
        chunk.freshText.withUnsafeBufferPointer { text in
            for (row, end) in chunk.rowEnds.enumerated() {
                buffer.append(bytes: UnsafeBufferPointer(rebasing: text[start..<end]))
                buffer.append(seqs[row])
                buffer.endRow()
                start = end
                if buffer.isFull { pieces.append(buffer.take()) }
            }
        }
        if !buffer.isEmpty { pieces.append(buffer.take()) }
        return pieces
    }

    /// Rows in COPY text up to the tab before `seq`, and where each ends.
    private static func encode(_ events: [AuditEventRow], batch: Int64, receivedAt: Int64) -> ([UInt8], [Int]) {
        var buffer = CopyTextBuffer(capacity: events.count * 128)
        var ends: [Int] = []
        ends.reserveCapacity(events.count)
        for event in events {
            buffer.field(event.eventID)
            buffer.field(event.at)
            buffer.field(event.staffID)
            buffer.field(event.system)
            buffer.field(event.action)
            buffer.field(event.entityType)
            buffer.field(event.entityID)
            buffer.field(event.fields)
            buffer.field(event.workstation)
            buffer.field(event.reason)
            buffer.field(batch)
            buffer.field(receivedAt)
            ends.append(buffer.bytes.count)
        }
        return (buffer.bytes, ends)
    }
}
