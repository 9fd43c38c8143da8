import SQLKit

/// Brings a database to the latest schema by running, in order and each in its own transaction, the migrations it
/// has not had. The versions applied are kept in `schema_migrations`.
public struct Migrator: Sendable {
    public let database: StoreDatabase
    public let migrations: [Migration]

    public init(database: StoreDatabase, migrations: [Migration] = Schema.migrations) {
        self.database = database
        self.migrations = migrations
    }

    /// The versions already applied, in order.
    public func appliedVersions() async throws -> [Int] {
        try await database.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (version \(ColumnTypes(engine: database.engine).integer) \
            PRIMARY KEY, name TEXT NOT NULL, applied_at \(ColumnTypes(engine: database.engine).integer) NOT NULL)
            """)
        return try await database.sql.raw("SELECT version FROM schema_migrations ORDER BY version").all()
            .map { try $0.decode(column: "version", as: Int.self) }
    }

    /// Applies what is missing, up to `target` (the latest by default); returns the migrations it ran.
    @discardableResult
    public func migrate(upTo target: Int? = nil) async throws -> [Migration] {
        // On PostgreSQL two processes starting at once would race; an advisory lock makes the second wait.
        let lock = "\(0x43_75_73_74)"  // "Cust"
        guard database.engine == .postgres else { return try await migrateUnlocked(upTo: target) }
        try await database.sql.raw("SELECT pg_advisory_lock(\(unsafeRaw: lock))").run()
        do {
            let ran = try await migrateUnlocked(upTo: target)
            try await database.sql.raw("SELECT pg_advisory_unlock(\(unsafeRaw: lock))").run()
            return ran
        } catch {
            try? await database.sql.raw("SELECT pg_advisory_unlock(\(unsafeRaw: lock))").run()
            throw error
        }
    }

    private func migrateUnlocked(upTo target: Int?) async throws -> [Migration] {
        let applied = Set(try await appliedVersions())
        if let newest = applied.max(), newest > (migrations.last?.version ?? 0) {
            throw StoreError.schemaTooNew(found: newest, known: migrations.last?.version ?? 0)
        }
        var ran: [Migration] = []
        for migration in migrations where !applied.contains(migration.version) {
            if let target, migration.version > target { break }
            try await database.transaction {
                for statement in migration.statements(database.engine) { try await database.execute(statement) }
                try await database.sql.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at) VALUES \
                    (\(bind: migration.version), \(bind: migration.name), \(bind: Clock.epochSeconds()))
                    """).run()
            }
            ran.append(migration)
        }
        return ran
    }
}
