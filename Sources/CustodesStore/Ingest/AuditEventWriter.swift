import Logging
import NIOCore
import PostgresNIO

/// Appends audit events to the store, skipping any whose `event_id` is already there, and says how many were new.
///
/// This is the hot path of ingest, so each engine gets its fastest measured route: SQLite takes multi-row INSERTs in
/// the caller's transaction; PostgreSQL takes COPY into a temporary table and one INSERT … SELECT from it, which is
/// several times faster than binding parameters.
enum AuditEventWriter {
    static func append(_ events: [AuditEventRow], batch: Int64, receivedAt: Int64,
                       to database: StoreDatabase) async throws -> Int {
        guard !events.isEmpty else { return 0 }
        switch database.backend {
        case .postgres(let connection):
            return try await copy(events, batch: batch, receivedAt: receivedAt, connection)
        case .sqlite, .closed:
            return try await database.insert(into: "audit_events", columns: AuditEventRow.columns,
                                             rows: events.map { $0.values(batch: batch, receivedAt: receivedAt) },
                                             conflict: .ignore(key: ["event_id"]))
        }
    }

    private static func copy(_ events: [AuditEventRow], batch: Int64, receivedAt: Int64,
                             _ connection: PostgresConnection) async throws -> Int {
        let logger = Logger(label: "custodes.store")
        let columns = AuditEventRow.columns.joined(separator: ", ")
        try await connection.query("""
            CREATE TEMPORARY TABLE IF NOT EXISTS incoming_audit_events (event_id TEXT, at BIGINT, staff_id TEXT,
                system TEXT, action TEXT, entity_type TEXT, entity_id TEXT, fields TEXT, workstation TEXT,
                reason TEXT, batch_id BIGINT, received_at BIGINT) ON COMMIT DELETE ROWS
            """, logger: logger)
        // A COPY whose socket is reset has been seen to wait forever rather than fail; 20 s is about 80 times what a
        // 50,000-event chunk takes.
        try await Deadline.run(.seconds(20), "COPY of \(events.count) audit events") {
        try await connection.copyFrom(table: "incoming_audit_events", columns: AuditEventRow.columns,
                                      format: .text(.init()), logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            let tail = "\t\(batch)\t\(receivedAt)\n"
            for event in events {
                CopyText.append(event.eventID, to: &buffer)
                buffer.writeStaticString("\t")
                buffer.writeString(String(event.at))
                for text in [event.staffID, event.system, event.action, event.entityType, event.entityID,
                             event.fields, event.workstation, event.reason] {
                    buffer.writeStaticString("\t")
                    CopyText.append(text, to: &buffer)
                }
                buffer.writeString(tail)
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
        }
        // Within one INSERT, a second copy of an event_id is also skipped by DO NOTHING.
        let insert: EventLoopFuture<PostgresQueryResult> = connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO audit_events (\(columns)) SELECT \(columns) FROM incoming_audit_events
            ORDER BY at, event_id ON CONFLICT (event_id) DO NOTHING
            """), logger: logger)
        let inserted = try await insert.get().metadata.rows ?? 0
        try await connection.query("TRUNCATE incoming_audit_events", logger: logger)
        return inserted
    }
}

/// PostgreSQL's COPY text format: tab-separated, with backslash, tab, newline and carriage return escaped.
enum CopyText {
    static func append(_ text: String, to buffer: inout ByteBuffer) {
        var needsEscape = false
        for byte in text.utf8 where byte == UInt8(ascii: "\\") || byte == 9 || byte == 10 || byte == 13 {
            needsEscape = true
            break
        }
        guard needsEscape else {
            buffer.writeString(text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case 9: buffer.writeStaticString("\\t")
            case 10: buffer.writeStaticString("\\n")
            case 13: buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}
