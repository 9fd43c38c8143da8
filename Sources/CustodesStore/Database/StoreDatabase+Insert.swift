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
        let rows = Self.lastPerKey(rows, columns: columns, conflict: conflict)
        switch backend {
        case .sqlite(let connection):
            return try await Self.insertSQLite(connection, table, columns, rows, conflict)
        case .postgres(let connection):
            // Past a few thousand rows, COPY into a temporary table and one INSERT … SELECT beats binding
            // parameters (measured: 1.4 million reference rows took 16 s through parameters).
            if rows.count >= 5_000 {
                return try await Self.copyPostgres(connection, table, columns, rows, conflict)
            }
            return try await Self.insertPostgres(connection, table, columns, rows, conflict)
        case .closed:
            preconditionFailure("the store was used after it was closed")
        }
    }

    /// For an upsert, keeps only the last row of each key: PostgreSQL refuses to update one row twice in a statement,
    /// and SQLite would apply them in order anyway, so the last one is what both would store.
    static func lastPerKey(_ rows: [[DatabaseValue]], columns: [String], conflict: ConflictAction) -> [[DatabaseValue]] {
        guard case .update(let key, _, _) = conflict else { return rows }
        let positions = key.compactMap { columns.firstIndex(of: $0) }
        // Nearly always every key is distinct: show that with one hash per row before building a dictionary keyed by
        // arrays, which allocated for every row (profiled at 15% of a reference load).
        var hashes = Set<Int>(minimumCapacity: rows.count)
        for row in rows {
            var hasher = Hasher()
            for position in positions { hasher.combine(row[position]) }
            hashes.insert(hasher.finalize())
        }
        guard hashes.count < rows.count else { return rows }
        var last: [[DatabaseValue]: Int] = [:]
        for (index, row) in rows.enumerated() { last[positions.map { row[$0] }] = index }
        guard last.count < rows.count else { return rows }
        return rows.enumerated().filter { item in
            last[positions.map { item.element[$0] }] == item.offset
        }.map(\.element)
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
                for value in row { binds.append(value) }
            }
            // The future-returning overload reports the rows affected (the command tag); the async one does not.
            let result: EventLoopFuture<PostgresQueryResult> =
                connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            written += try await result.get().metadata.rows ?? 0
            start = end
        }
        return written
    }

    /// Into an empty table (the first load of a force) rows are copied straight in, under a savepoint in case another
    /// writer got there first; otherwise, or then, they are copied into a temporary table and upserted from it in one
    /// statement. Measured on the simulated year's 1.4 million reference rows: see docs/performance.md.
    private static func copyPostgres(_ connection: PostgresConnection, _ table: String, _ columns: [String],
                                     _ rows: [[DatabaseValue]], _ conflict: ConflictAction) async throws -> Int {
        let logger = Logger(label: "custodes.store")
        if TransactionGate.held, try await isEmpty(table, connection) {
            try await connection.query("SAVEPOINT direct_copy", logger: logger)
            do {
                try await copyRows(connection, table, columns, rows)
                try await connection.query("RELEASE SAVEPOINT direct_copy", logger: logger)
                return rows.count
            } catch where isUniqueViolation(error) {
                try await connection.query("ROLLBACK TO SAVEPOINT direct_copy", logger: logger)
            }
        }
        let staging = "incoming_" + table
        let list = columns.joined(separator: ", ")
        try await connection.query(PostgresQuery(unsafeSQL: """
            CREATE TEMPORARY TABLE IF NOT EXISTS \(staging) ON COMMIT DELETE ROWS AS \
            SELECT \(list) FROM \(table) WITH NO DATA
            """), logger: logger)
        try await copyRows(connection, staging, columns, rows)
        let insert: EventLoopFuture<PostgresQueryResult> = connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(staging) \(conflict.sql(table: table, engine: .postgres))
            """), logger: logger)
        let written = try await insert.get().metadata.rows ?? 0
        try await connection.query(PostgresQuery(unsafeSQL: "TRUNCATE \(staging)"), logger: logger)
        return written
    }

    private static func isEmpty(_ table: String, _ connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(table)) AS found"),
                                              logger: Logger(label: "custodes.store"))
        for try await found in rows.decode(Bool.self) { return !found }
        return false
    }

    private static func copyRows(_ connection: PostgresConnection, _ table: String, _ columns: [String],
                                 _ rows: [[DatabaseValue]]) async throws {
        try await Deadline.run(.seconds(120), "COPY of \(rows.count) rows into \(table)") {
            try await connection.copyFrom(table: table, columns: columns, format: .text(.init()),
                                          logger: Logger(label: "custodes.store")) { writer in
                var buffer = CopyTextBuffer()
                for row in rows {
                    for (index, value) in row.enumerated() {
                        if index > 0 { buffer.tab() }
                        switch value {
                        case .null: buffer.appendNull()
                        case .integer(let number): buffer.append(number)
                        case .real(let number): buffer.append(real: number)
                        case .text(let text): buffer.append(text)
                        }
                    }
                    buffer.endRow()
                    if buffer.isFull { try await writer.write(buffer.take()) }
                }
                if !buffer.isEmpty { try await writer.write(buffer.take()) }
            }
        }
    }
}

extension PostgresBindings {
    /// Binds a store value as the PostgreSQL type its case names.
    mutating func append(_ value: DatabaseValue) {
        switch value {
        case .null: appendNull()
        case .integer(let number): append(number)
        case .real(let number): append(number)
        case .text(let text): append(text)
        }
    }
}
