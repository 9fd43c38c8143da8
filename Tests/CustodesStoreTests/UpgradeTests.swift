import CustodesSimulator
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// Upgrades: a store made at each earlier schema version, holding a force's reference data, events, ingest batches,
/// accounts, the unit's decisions and a trail, is brought up to date by today's `custodes migrate`, and must then
/// give the alerts a store made today gives and a trail that verifies to the same head. A store from a newer
/// Custodes is refused.
@Suite("Upgrades from every earlier schema")
struct UpgradeTests {
    static let key = [UInt8](repeating: 9, count: 32)
    static let seal = TrailSeal(deploymentKey: key)

    /// A small force (60 staff, 30 days) whose detection raises a few alerts: small, because every version of both
    /// engines takes a copy of it.
    static let bundle: String = {
        let directory = NSTemporaryDirectory() + "custodes-upgrade-bundle-" + UUID().uuidString
        _ = try! ForceSimulation(config: SimulationConfig(staff: 60, days: 30, seed: 5)).write(to: directory)
        return directory
    }()

    /// What is made by detection, recomputed after the upgrade rather than carried over, and the schema's own record.
    static let derived: Set<String> = ["alerts", "alert_people", "detection_state", "detection_runs", "schema_migrations"]

    /// A store made today with the data every version must carry, made once per engine and only read from.
    static let sources = SourceStores()

    actor SourceStores {
        private var made: [DatabaseURL.Engine: Task<TestStore, any Error>] = [:]

        /// The store of `engine`, opened on a connection of the caller's own.
        func open(_ engine: DatabaseURL.Engine) async throws -> StoreDatabase {
            let task = made[engine] ?? Task {
                let (database, store) = try await UpgradeTests.makeSource(engine)
                await database.close()
                return store
            }
            made[engine] = task
            return try await task.value.open()
        }
    }

    /// The small bundle, detection's alerts, accounts, a decision, a reveal and trail entries. (Its folder or database
    /// is left for the test process's temporary space, as the shared bundles are.)
    static func makeSource(_ engine: DatabaseURL.Engine) async throws -> (StoreDatabase, TestStore) {
        let store = try await TestStores.fresh(engine)
        let database = try await store.migrated()
        _ = try await BundleIngest(database: database).ingest(directory: bundle)
        _ = try await StoreDetection(database: database, pseudonymKey: key).run()
        let keys = try await AlertFingerprint.all(in: database).map(\.key)
        for (index, name) in ["analyst", "head"].enumerated() {
            try await UserAccounts.create(username: name, displayName: name.capitalized, role: index == 0 ? .analyst : .headOfUnit,
                                          passwordHash: "$2b$04$synthetic", staffID: nil, at: 1_000, in: database)
        }
        try await AlertCasework.decide(key: keys[0], by: "head", outcome: .noFurtherAction, rationale: "upgrade test",
                                       exceptionUntil: nil, rulesVersion: nil, at: 1_100, in: database)
        try await AlertCasework.reveal(key: keys[0], by: "head", reason: "upgrade test", at: 1_050, in: database)
        for (index, action) in ["sign_in", "view_alert", "reveal", "decide"].enumerated() {
            try await AuditTrail.append(action, by: "head", subject: keys[0], at: 1_000 + Int64(index), sealedWith: seal,
                                        in: database)
        }
        return (database, store)
    }

    static var earlierVersions: [Int] { Array(1..<Schema.latestVersion) }

    /// One case per engine, the versions in turn: forty cases at once would crowd out the rest of the suite's
    /// timing-sensitive tests on a two-core machine.
    @Test("each earlier schema, with data, upgrades to give the same alerts and a verifying trail",
          arguments: TestStores.engines)
    func upgrade(engine: DatabaseURL.Engine) async throws {
        for version in Self.earlierVersions {
            try await upgrade(engine: engine, from: version)
        }
    }

    func upgrade(engine: DatabaseURL.Engine, from version: Int) async throws {
        let source = try await Self.sources.open(engine)
        let target = try await TestStores.fresh(engine)
        do {
            let old = try await target.open()
            try await Migrator(database: old).migrate(upTo: version)
            #expect(try await Migrator(database: old).appliedVersions().last == version)
            let copied = try await LegacyCopy.copy(from: source, to: old, skipping: Self.derived)
            #expect(copied["audit_events"] ?? 0 > 0 && copied["staff"] ?? 0 > 0)
            await old.close()

            let migrate = try await CustodesProcess.runCapturing(["migrate", "--db", target.url.connectionString,
                                                                  "--retry-seconds", "0"])
            #expect(migrate.status == 0, "\(migrate.error)")
            #expect(migrate.output.contains("schema version \(Schema.latestVersion) (\(Schema.latestVersion - version) migrations applied now)")
                    || migrate.output.contains("(1 migration applied now)"), "\(migrate.output)")

            let upgraded = try await target.open()
            do {
                for table in ["staff", "persons", "audit_events", "ingest_batches"] {
                    #expect(try await upgraded.integer("SELECT COUNT(*) AS n FROM \(table)")
                            == source.integer("SELECT COUNT(*) AS n FROM \(table)"), "\(table) from version \(version)")
                }
                if version >= 5 {
                    // The trail came across (sealed or not, as the version kept it) and verifies to the same head.
                    _ = try await AuditTrail.sealEarlierEntries(with: Self.seal, in: upgraded)
                    #expect(try await AuditTrail.verify(sealedWith: Self.seal, in: upgraded)
                            == AuditTrail.verify(sealedWith: Self.seal, in: source))
                    #expect(try await upgraded.integer("SELECT COUNT(*) AS n FROM alert_decisions") == 1)
                }
                _ = try await StoreDetection(database: upgraded, pseudonymKey: Self.key).run()
                #expect(try await AlertFingerprint.all(in: upgraded) == AlertFingerprint.all(in: source),
                        "alerts after an upgrade from version \(version)")
            } catch {
                await upgraded.close()
                throw error
            }
            await upgraded.close()
        } catch {
            await source.close()
            await target.remove()
            throw error
        }
        await source.close()
        await target.remove()
    }

    @Test("a store from a newer Custodes is refused by migrate and by every command, with the versions named",
          arguments: TestStores.engines)
    func downgrade(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            try await database.sql.raw("""
                INSERT INTO schema_migrations (version, name, applied_at) VALUES \
                (\(bind: Schema.latestVersion + 1), 'from a newer Custodes', 0)
                """).run()
            for command in [["migrate"], ["quarantine"]] {
                let refused = try await CustodesProcess.runCapturing(command + ["--db", store.url.connectionString,
                                                                                "--retry-seconds", "0"])
                #expect(refused.status != 0)
                #expect(refused.error.contains("the database is at schema version \(Schema.latestVersion + 1), but this "
                                               + "Custodes knows only up to \(Schema.latestVersion); upgrade Custodes"),
                        "\(refused.error)")
            }
            #expect(try await Migrator(database: database).appliedVersions().last == Schema.latestVersion + 1)
        }
    }
}

/// Copies a store's rows into an older schema's tables, in the columns that version had: how an earlier Custodes
/// would have left the same data. Every value goes through text and back (`CAST`), so one routine serves every
/// table on both engines.
enum LegacyCopy {
    static let batch = 200

    /// Rows copied per table.
    static func copy(from source: StoreDatabase, to target: StoreDatabase,
                     skipping: Set<String>) async throws -> [String: Int] {
        var copied: [String: Int] = [:]
        let sourceTables = try await BackupCensus.take(in: source).tables
        for table in try await BackupCensus.take(in: target).tables.keys.sorted() where !skipping.contains(table) {
            guard sourceTables[table] != nil else { continue }
            let have = Set(try await columns(of: table, in: source).map(\.name))
            let shared = try await columns(of: table, in: target).filter { have.contains($0.name) }
            guard !shared.isEmpty else { continue }
            let select = shared.map { "CAST(\($0.name) AS TEXT) AS \($0.name)" }.joined(separator: ", ")
            let rows = try await source.sql.raw(SQLQueryString("SELECT \(select) FROM \(table)")).all()
            let values = try rows.map { row in try shared.map { try row.decode(column: $0.name, as: String?.self) } }
            // On a shared table a re-run leaves what the older migration already put there (as its seed rows).
            try await target.execute("DELETE FROM \(table)")
            for start in stride(from: 0, to: values.count, by: batch) {
                var query = SQLQueryString("INSERT INTO \(table) (\(shared.map(\.name).joined(separator: ", "))) ")
                if target.engine == .postgres { query = query + SQLQueryString("OVERRIDING SYSTEM VALUE ") }
                query = query + SQLQueryString("VALUES ")
                for (index, row) in values[start..<min(start + batch, values.count)].enumerated() {
                    query = query + SQLQueryString(index == 0 ? "(" : ", (")
                    for (column, value) in zip(shared, row) {
                        if column.name != shared[0].name { query = query + SQLQueryString(", ") }
                        query = query + "CAST(\(bind: value) AS \(unsafeRaw: column.type))"
                    }
                    query = query + SQLQueryString(")")
                }
                try await target.sql.raw(query).run()
            }
            copied[table] = values.count
            if target.engine == .postgres {
                for identity in try await target.sql.raw("""
                    SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() \
                    AND table_name = \(bind: table) AND is_identity = 'YES'
                    """).all().map({ try $0.decode(column: "column_name", as: String.self) }) {
                    try await target.execute("""
                        SELECT setval(pg_get_serial_sequence('\(table)', '\(identity)'), \
                        GREATEST((SELECT COALESCE(MAX(\(identity)), 0) FROM \(table)), 1))
                        """)
                }
            }
        }
        return copied
    }

    static func columns(of table: String, in database: StoreDatabase) async throws -> [(name: String, type: String)] {
        switch database.engine {
        case .sqlite:
            return try await database.sql.raw(SQLQueryString("PRAGMA table_info(\(table))")).all().map {
                (try $0.decode(column: "name", as: String.self), try $0.decode(column: "type", as: String.self))
            }
        case .postgres:
            return try await database.sql.raw("""
                SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() \
                AND table_name = \(bind: table) ORDER BY ordinal_position
                """).all().map {
                (try $0.decode(column: "column_name", as: String.self), try $0.decode(column: "data_type", as: String.self))
            }
        }
    }
}
