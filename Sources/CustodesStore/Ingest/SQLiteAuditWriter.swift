import CustodesBundle
import NIOPosix
import VaporCSQLite

/// Writes chunks of audit events into a SQLite store through statements prepared once and reused for every row.
///
/// The general insert path builds a 500-row statement for every 500 events and binds each value through SQLiteNIO;
/// profiling a bulk load put 10% of its time in parsing those statements and 7% in binding, more than the B-tree
/// inserts themselves. This writer holds its own connection to the same file, so a chunk (its events, its quarantined
/// rows and the batch's counters) is one `BEGIN IMMEDIATE` transaction on that connection, as on the shared one:
/// a crash loses at most the chunk in progress, and a rerun skips what was committed by `event_id`.
///
/// Calls block, so they run on NIO's thread pool. One writer serves one ingest at a time.
final class SQLiteAuditWriter: @unchecked Sendable {
    private let path: String
    private var handle: OpaquePointer?
    private var insertEvent: OpaquePointer?
    private var insertQuarantine: OpaquePointer?
    private var updateBatch: OpaquePointer?

    /// SQLite copies a value bound with this destructor before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String) throws {
        self.path = path
        guard sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nil) == SQLITE_OK
        else {
            let reason = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite_nio_sqlite3_close(handle)
            throw StoreError.query("\(path): \(reason)")
        }
        do {
            // The same settings as the shared connection (see StoreDatabase.connectOnce).
            try execute("PRAGMA synchronous = NORMAL")
            try execute("PRAGMA busy_timeout = 60000")
            try execute("PRAGMA cache_size = -262144")
            try execute("PRAGMA temp_store = MEMORY")
            let columns = AuditEventRow.columns
            insertEvent = try prepare("""
                INSERT INTO audit_events (\(columns.joined(separator: ", "))) \
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", "))) \
                ON CONFLICT (event_id) DO NOTHING
                """)
            insertQuarantine = try prepare("""
                INSERT INTO quarantine (batch_id, file_digest, file, line, field, reason, detail, original) \
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (file_digest, line) DO NOTHING
                """)
            updateBatch = try prepare("""
                UPDATE ingest_batches SET accepted = accepted + ?, duplicates = duplicates + ?, \
                quarantined = quarantined + ? WHERE batch_id = ?
                """)
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Stores one chunk in one transaction and returns how many events were new and how many quarantined rows
    /// were stored (a row already stored from the same file bytes and line is not stored twice).
    func write(_ events: [AuditEventRow], quarantined: [QuarantineEntry], batch: Int64, fileDigest: String,
               receivedAt: Int64) async throws -> (accepted: Int, quarantined: Int) {
        try await NIOThreadPool.singleton.runIfActive {
            try self.writeBlocking(events, quarantined: quarantined, batch: batch, fileDigest: fileDigest,
                                   receivedAt: receivedAt)
        }
    }

    private func writeBlocking(_ events: [AuditEventRow], quarantined: [QuarantineEntry], batch: Int64,
                               fileDigest: String, receivedAt: Int64) throws -> (accepted: Int, quarantined: Int) {
        try execute("BEGIN IMMEDIATE")
        do {
            var accepted = 0
            for event in events {
                try bind(insertEvent, 1, event.eventID)
                bind(insertEvent, 2, event.at)
                try bind(insertEvent, 3, event.staffID)
                try bind(insertEvent, 4, event.system)
                try bind(insertEvent, 5, event.action)
                try bind(insertEvent, 6, event.entityType)
                try bind(insertEvent, 7, event.entityID)
                try bind(insertEvent, 8, event.fields)
                try bind(insertEvent, 9, event.workstation)
                try bind(insertEvent, 10, event.reason)
                bind(insertEvent, 11, batch)
                bind(insertEvent, 12, receivedAt)
                accepted += try step(insertEvent)
            }
            var stored = 0
            for entry in quarantined {
                bind(insertQuarantine, 1, batch)
                try bind(insertQuarantine, 2, fileDigest)
                try bind(insertQuarantine, 3, entry.file)
                bind(insertQuarantine, 4, Int64(entry.line))
                try bind(insertQuarantine, 5, entry.field)
                try bind(insertQuarantine, 6, entry.reason.rawValue)
                try bind(insertQuarantine, 7, entry.detail)
                try bind(insertQuarantine, 8, entry.original)
                stored += try step(insertQuarantine)
            }
            bind(updateBatch, 1, Int64(accepted))
            bind(updateBatch, 2, Int64(events.count - accepted))
            bind(updateBatch, 3, Int64(stored))
            bind(updateBatch, 4, batch)
            _ = try step(updateBatch)
            try execute("COMMIT")
            return (accepted, stored)
        } catch {
            _ = sqlite_nio_sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    // MARK: The C interface

    private func execute(_ sql: String) throws {
        try check(sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil), sql)
    }

    private func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil),
                  sql)
        return statement
    }

    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ value: Int64) {
        _ = sqlite_nio_sqlite3_bind_int64(statement, index, value)
    }

    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ value: String) throws {
        var text = value
        let result = text.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite_nio_sqlite3_bind_text(statement, index, "", 0, Self.transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite_nio_sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
            }
        }
        try check(result, "binding a value")
    }

    /// Runs a prepared statement to completion, resets it, and returns the rows it changed.
    private func step(_ statement: OpaquePointer?) throws -> Int {
        let result = sqlite_nio_sqlite3_step(statement)
        _ = sqlite_nio_sqlite3_reset(statement)
        guard result == SQLITE_DONE else { try check(result, "writing audit events"); return 0 }
        return Int(sqlite_nio_sqlite3_changes(handle))
    }

    private func check(_ result: Int32, _ what: String) throws {
        guard result == SQLITE_OK || result == SQLITE_DONE || result == SQLITE_ROW else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "error \(result)"
            throw StoreError.query("\(path): \(what): \(message)")
        }
    }

    private func close() {
        for statement in [insertEvent, insertQuarantine, updateBatch] where statement != nil {
            sqlite_nio_sqlite3_finalize(statement)
        }
        insertEvent = nil
        insertQuarantine = nil
        updateBatch = nil
        if handle != nil { sqlite_nio_sqlite3_close(handle) }
        handle = nil
    }
}
