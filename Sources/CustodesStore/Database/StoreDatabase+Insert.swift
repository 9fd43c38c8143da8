import Logging
import NIOCore
import PostgresNIO
import SQLiteNIO

extension StoreDatabase {
    /// Inserts many rows with as few statements as the engine allows, and returns how many rows were written
    /// (inserted or, for an upsert, updated); rows skipped by `ConflictAction.ignore` are not counted.
    ///
    /// Batching decides throughput (one statement per row is ten times slower), so rows go in multi-row VALUES
    /// statements sized to each engine's limit on bound parameters. Call inside ``transaction(_:)`` for speed and
    /// atomicity.
    public func insert(into table: String, columns: [String], rows: [[DatabaseValue]],
                       conflict: ConflictAction) async throws -> Int {
        guard !rows.isEmpty else { return 0 }
        switch backend {
        case .sqlite(let connection):
            return try await Self.insertSQLite(connection, table, columns, rows, conflict)
        case .postgres(let connection):
            return try await Self.insertPostgres(connection, table, columns, rows, conflict)
        case .closed:
            preconditionFailure("the store was used after it was closed")
        }
    }

    private static func statement(_ table: String, _ columns: [String], rowCount: Int, conflict: ConflictAction,
                                  engine: DatabaseURL.Engine, placeholder: (Int) -> String) -> String {
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        sql.reserveCapacity(64 + rowCount * columns.count * 4)
        var parameter = 0
        for row in 0..<rowCount {
            sql += row == 0 ? "(" : ", ("
            for column in 0..<columns.count {
                parameter += 1
                if column > 0 { sql += ", " }
                sql += placeholder(parameter)
            }
            sql += ")"
        }
        return sql + " " + conflict.sql(table: table, engine: engine)
    }

    // SQLite refuses more than 32,766 parameters in one statement; 500 rows is past the point of diminishing returns.
    private static func insertSQLite(_ connection: SQLiteConnection, _ table: String, _ columns: [String],
                                     _ rows: [[DatabaseValue]], _ conflict: ConflictAction) async throws -> Int {
        let perStatement = max(1, min(500, 32_766 / columns.count))
        let before = try await totalChanges(connection)
        var fullStatement: String?
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let sql: String
            if end - start == perStatement {
                if fullStatement == nil {
                    fullStatement = statement(table, columns, rowCount: perStatement, conflict: conflict, engine: .sqlite) { _ in "?" }
                }
                sql = fullStatement!
            } else {
                sql = statement(table, columns, rowCount: end - start, conflict: conflict, engine: .sqlite) { _ in "?" }
            }
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * columns.count)
            for row in rows[start..<end] {
                for value in row {
                    switch value {
                    case .null: binds.append(.null)
                    case .integer(let number): binds.append(.integer(Int(number)))
                    case .real(let number): binds.append(.float(number))
                    case .text(let text): binds.append(.text(text))
                    }
                }
            }
            _ = try await connection.query(sql, binds)
            start = end
        }
        return try await totalChanges(connection) - before
    }

    private static func totalChanges(_ connection: SQLiteConnection) async throws -> Int {
        let rows = try await connection.query("SELECT total_changes()")
        return rows.first?.column("total_changes()")?.integer ?? 0
    }

    // PostgreSQL takes at most 65,535 parameters a statement.
    private static func insertPostgres(_ connection: PostgresConnection, _ table: String, _ columns: [String],
                                       _ rows: [[DatabaseValue]], _ conflict: ConflictAction) async throws -> Int {
        let perStatement = max(1, min(1000, 65_535 / columns.count))
        let logger = Logger(label: "custodes.store")
        var written = 0
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let sql = statement(table, columns, rowCount: end - start, conflict: conflict, engine: .postgres) { "$\($0)" }
            var binds = PostgresBindings(capacity: (end - start) * columns.count)
            for row in rows[start..<end] {
                for value in row {
                    switch value {
                    case .null: binds.appendNull()
                    case .integer(let number): binds.append(number)
                    case .real(let number): binds.append(number)
                    case .text(let text): binds.append(text)
                    }
                }
            }
            // The future-returning overload reports the rows affected (the command tag); the async one does not.
            let result: EventLoopFuture<PostgresQueryResult> =
                connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            written += try await result.get().metadata.rows ?? 0
            start = end
        }
        return written
    }
}
