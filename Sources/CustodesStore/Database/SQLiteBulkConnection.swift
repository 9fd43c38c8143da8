import NIOPosix
import VaporCSQLite

/// Bulk writes into a SQLite store through statements prepared once and reused for every row, and bulk reads of
/// whole tables through the C interface (see ``StoredRow``).
///
/// The general insert path (``StoreDatabase/insert(into:columns:rows:conflict:)``) builds a 500-row statement for
/// every 500 rows and binds each value through SQLiteNIO; profiling a bulk load put 10% of its time in parsing those
/// statements and 7% in binding, more than the B-tree inserts themselves. This writer holds its own connection to the
/// same file, so its transactions (`BEGIN IMMEDIATE`, as on the shared connection) take turns with other writers
/// through SQLite's own lock. Ingest uses it for reference data and for each chunk of audit events: a crash loses at
/// most the transaction in progress, and a rerun skips what was committed.
///
/// Calls block, so they run through ``run(_:)`` on a thread kept for bulk writers. Not on SQLiteNIO's shared pool:
/// a bulk writer waiting for the write lock there could occupy the threads the shared connection needs to finish
/// the transaction that holds it.
final class SQLiteBulkConnection: @unchecked Sendable {
    private let path: String
    private var handle: OpaquePointer?
    /// Prepared statements by their SQL, kept for the life of the writer.
    private var statements: [String: OpaquePointer] = [:]

    /// SQLite copies a value bound with this destructor before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String) throws {
        self.path = path
        guard sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nil) == SQLITE_OK
        else {
            let reason = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite_nio_sqlite3_close(handle)
            handle = nil
            throw StoreError.query("\(path): \(reason)")
        }
        do {
            // The same settings as the shared connection (see StoreDatabase.connectOnce).
            try execute("PRAGMA synchronous = NORMAL")
            try execute("PRAGMA busy_timeout = 60000")
            try execute("PRAGMA cache_size = -262144")
            try execute("PRAGMA temp_store = MEMORY")
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// The one thread every bulk writer of the process runs on; their transactions would take turns on SQLite's
    /// write lock anyway.
    private static let thread: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    /// Runs `body` on the bulk writers' thread, where blocking on SQLite is allowed.
    func run<T: Sendable>(_ body: @escaping @Sendable (SQLiteBulkConnection) throws -> T) async throws -> T {
        try await Self.thread.runIfActive { try body(self) }
    }

    /// Runs `body` in one transaction that takes the write lock at the start.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = sqlite_nio_sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    /// Inserts `rows` one statement execution each, and returns how many rows were written (inserted or, for an
    /// upsert, updated), as ``StoreDatabase/insert(into:columns:rows:conflict:)`` does.
    func insert(into table: String, columns: [String], rows: [[DatabaseValue]], conflict: ConflictAction) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        let rows = StoreDatabase.lastPerKey(rows, columns: columns, conflict: conflict)
        let statement = try prepared("""
            INSERT INTO \(table) (\(columns.joined(separator: ", "))) \
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", "))) \
            \(conflict.sql(table: table, engine: .sqlite))
            """)
        var written = 0
        for row in rows {
            for (offset, value) in row.enumerated() { try bind(statement, Int32(offset + 1), value) }
            written += try step(statement)
        }
        return written
    }

    /// Appends audit events, skipping those whose `event_id` is stored, and returns how many were new. Bound field
    /// by field, with no array of values built per row.
    func insert(_ events: [AuditEventRow], batch: Int64, receivedAt: Int64, sources: inout AuditSources) throws -> Int {
        let columns = AuditEventRow.columns
        let statement = try prepared("""
            INSERT INTO audit_events (\(columns.joined(separator: ", "))) \
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", "))) \
            ON CONFLICT (system, event_id) DO NOTHING
            """)
        var accepted = 0
        for event in events {
            try bind(statement, 1, event.eventID)
            bind(statement, 2, event.at)
            try bind(statement, 3, event.staffID)
            try bind(statement, 4, event.system)
            try bind(statement, 5, event.action)
            try bind(statement, 6, event.entityType)
            try bind(statement, 7, event.entityID)
            try bind(statement, 8, event.fields)
            try bind(statement, 9, event.workstation)
            try bind(statement, 10, event.reason)
            bind(statement, 11, batch)
            bind(statement, 12, receivedAt)
            if try step(statement) > 0 {
                accepted += 1
                sources.add(system: event.system, at: event.at)
            }
        }
        return accepted
    }

    /// Runs one statement with `values` bound in order, and returns the rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: [DatabaseValue]) throws -> Int {
        let statement = try prepared(sql)
        for (offset, value) in values.enumerated() { try bind(statement, Int32(offset + 1), value) }
        return try step(statement)
    }

    /// Runs a query that binds nothing and calls `body` with each row, read in place.
    func forEachRow(_ sql: String, _ body: (StoredRow) throws -> Void) throws {
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil), sql)
        guard let statement else { throw StoreError.query("\(path): \(sql): no statement") }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        while true {
            let result = sqlite_nio_sqlite3_step(statement)
            if result == SQLITE_DONE { return }
            guard result == SQLITE_ROW else { return try check(result, sql) }
            try body(StoredRow(sqlite: statement))
        }
    }

    /// Runs SQL that binds nothing and returns no rows (pragmas, DDL), unprepared.
    func execute(_ sql: String) throws {
        try check(sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil), sql)
    }

    // MARK: The C interface

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil),
                  sql)
        guard let statement else { throw StoreError.query("\(path): \(sql): no statement") }
        statements[sql] = statement
        return statement
    }

    private func bind(_ statement: OpaquePointer, _ index: Int32, _ value: DatabaseValue) throws {
        switch value {
        case .null: try check(sqlite_nio_sqlite3_bind_null(statement, index), "binding a value")
        case .integer(let number): bind(statement, index, number)
        case .real(let number): try check(sqlite_nio_sqlite3_bind_double(statement, index, number), "binding a value")
        case .text(let text): try bind(statement, index, text)
        }
    }

    private func bind(_ statement: OpaquePointer, _ index: Int32, _ value: Int64) {
        _ = sqlite_nio_sqlite3_bind_int64(statement, index, value)
    }

    private func bind(_ statement: OpaquePointer, _ index: Int32, _ value: String) throws {
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
    private func step(_ statement: OpaquePointer) throws -> Int {
        let result = sqlite_nio_sqlite3_step(statement)
        _ = sqlite_nio_sqlite3_reset(statement)
        guard result == SQLITE_DONE else { try check(result, "writing"); return 0 }
        return Int(sqlite_nio_sqlite3_changes(handle))
    }

    private func check(_ result: Int32, _ what: String) throws {
        guard result == SQLITE_OK || result == SQLITE_DONE || result == SQLITE_ROW else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "error \(result)"
            throw StoreError.query("\(path): \(what): \(message)")
        }
    }

    private func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        if handle != nil { sqlite_nio_sqlite3_close(handle) }
        handle = nil
    }
}
