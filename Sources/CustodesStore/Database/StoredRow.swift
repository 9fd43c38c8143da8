import Logging
import NIOCore
import PostgresNIO
import VaporCSQLite

/// One row of a store query, read by column position straight from the driver's bytes.
///
/// The store's bulk reads (reference data for detection, events) have fixed column lists, so they need no decoding
/// by name. Profiling detection over a PostgreSQL store put SQLKit's by-name `Decodable` path at 22% of the run for
/// reference data alone; this reads text and integers as they arrive.
struct StoredRow {
    private enum Storage {
        case sqlite(OpaquePointer)
        case postgres([PostgresCell])
    }

    private let storage: Storage

    init(sqlite statement: OpaquePointer) { storage = .sqlite(statement) }
    init(postgres cells: [PostgresCell]) { storage = .postgres(cells) }

    func optionalText(_ column: Int) throws -> String? {
        switch storage {
        case .sqlite(let statement):
            let index = Int32(column)
            guard sqlite_nio_sqlite3_column_type(statement, index) != SQLITE_NULL,
                  let text = sqlite_nio_sqlite3_column_text(statement, index) else { return nil }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
        case .postgres(let cells):
            let cell = cells[column]
            guard var bytes = cell.bytes else { return nil }
            switch (cell.dataType, cell.format) {
            case (.text, _), (.varchar, _), (_, .text):
                return bytes.readString(length: bytes.readableBytes)
            default:
                return try cell.decode(String.self)
            }
        }
    }

    func optionalInteger(_ column: Int) throws -> Int64? {
        switch storage {
        case .sqlite(let statement):
            let index = Int32(column)
            guard sqlite_nio_sqlite3_column_type(statement, index) != SQLITE_NULL else { return nil }
            return sqlite_nio_sqlite3_column_int64(statement, index)
        case .postgres(let cells):
            let cell = cells[column]
            guard let bytes = cell.bytes else { return nil }
            if cell.format == .binary {
                switch cell.dataType {
                case .int8: if let value = bytes.getInteger(at: bytes.readerIndex, as: Int64.self) { return value }
                case .int4: if let value = bytes.getInteger(at: bytes.readerIndex, as: Int32.self) { return Int64(value) }
                default: break
                }
            }
            return try cell.decode(Int64.self)
        }
    }

    func text(_ column: Int) throws -> String {
        guard let value = try optionalText(column) else { throw StoreError.query("column \(column) is null") }
        return value
    }

    func integer(_ column: Int) throws -> Int64 {
        guard let value = try optionalInteger(column) else { throw StoreError.query("column \(column) is null") }
        return value
    }
}

extension StoreDatabase {
    /// Runs a query that binds nothing and calls `body` with each row, in the order the query gives, one at a time,
    /// so memory does not grow with the rows. On SQLite the rows are read on a connection of their own
    /// (``SQLiteBulkConnection``); on PostgreSQL through the callback API, which has no demand signalling: the
    /// back-pressured row sequence that SQLKit's streaming uses was seen to trap inside the driver when the
    /// connection was cut mid-stream.
    func forEachRow(_ sql: String, _ body: @escaping (StoredRow) throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let connection = try SQLiteBulkConnection(path: url.path)
            let reader = UncheckedBody(body: body)
            try await connection.run { connection in try connection.forEachRow(sql, reader.body) }
        case .postgres(let connection):
            let reader = UncheckedBody(body: body)
            let done: EventLoopFuture<PostgresQueryMetadata> = connection.query(
                PostgresQuery(unsafeSQL: sql), logger: Logger(label: "custodes.store")) { row in
                try reader.body(StoredRow(postgres: Array(row)))
            }
            _ = try await done.get()
        case .closed:
            preconditionFailure("the store was used after it was closed")
        }
    }
}

/// Hands a non-Sendable row callback to the thread that reads the rows (the bulk connection's, or the event loop);
/// rows are delivered one after another and the caller waits for the last, so it never runs on two threads at once.
private struct UncheckedBody: @unchecked Sendable {
    let body: (StoredRow) throws -> Void
}
