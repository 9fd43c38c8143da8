import SQLKit

/// What a store holds, counted: the figures a backup's manifest records and a restore must reproduce.
public struct BackupCensus: Sendable, Equatable {
    public var schemaVersion: Int
    public var tables: [String: Int]
    public var trailEntries: Int
    public var trailHead: String

    /// Counts every table of the store. On PostgreSQL call it inside the transaction whose snapshot is being dumped,
    /// so the counts describe exactly what the dump holds.
    public static func take(in database: StoreDatabase) async throws -> BackupCensus {
        let listing: String = switch database.engine {
        case .sqlite:
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        case .postgres:
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name"
        }
        let names = try await database.sql.raw(SQLQueryString(listing)).all()
            .map { try $0.decode(column: "name", as: String.self) }
        var tables: [String: Int] = [:]
        for name in names {
            // Names come from the catalogue, and are quoted besides.
            let row = try await database.sql.raw("SELECT COUNT(*) AS n FROM \(ident: name)").first()
            tables[name] = try row?.decode(column: "n", as: Int.self) ?? 0
        }
        var version = 0, entries = 0, head = AuditTrail.genesis
        if tables["schema_migrations"] != nil {
            version = try await database.sql.raw("SELECT COALESCE(MAX(version), 0) AS n FROM schema_migrations")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        if let count = tables["audit_trail"] {
            entries = count
            head = try await database.sql.raw("SELECT entry_hash FROM audit_trail ORDER BY seq DESC LIMIT 1").first()?
                .decode(column: "entry_hash", as: String.self) ?? AuditTrail.genesis
        }
        return BackupCensus(schemaVersion: version, tables: tables, trailEntries: entries, trailHead: head)
    }

    /// Whether the store holds nothing at all: the only kind a restore may write into.
    public var isEmpty: Bool { tables.isEmpty }
}
