import CustodesStore
import SQLKit
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("an empty database is brought to the latest schema, and a second run does nothing",
          arguments: TestStores.engines)
    func fromEmpty(engine: DatabaseURL.Engine) async throws {
        let store = try await TestStores.fresh(engine)
        let database = try await store.open()
        let migrator = Migrator(database: database)
        let ran = try await migrator.migrate()
        #expect(ran.map(\.version) == Schema.migrations.map(\.version))
        #expect(try await migrator.appliedVersions() == Schema.migrations.map(\.version))
        #expect(try await migrator.migrate().isEmpty)
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM alerts") == 0)
        await database.close()
        await store.remove()
    }

    @Test("a database made by the previous version upgrades in place and keeps its data",
          arguments: TestStores.engines)
    func fromPrevious(engine: DatabaseURL.Engine) async throws {
        let store = try await TestStores.fresh(engine)
        let database = try await store.open()
        // The previous release knew only version 1; it ingested a bundle.
        try await Migrator(database: database, migrations: Array(Schema.migrations.prefix(1))).migrate()
        let report = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
        #expect(report.eventsAccepted > 0)
        await #expect(throws: (any Error).self) { try await database.integer("SELECT COUNT(*) AS n FROM alerts") }

        let ran = try await Migrator(database: database).migrate()
        #expect(ran.map(\.version) == Schema.migrations.dropFirst().map(\.version))
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == report.eventsAccepted)
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM alerts") == 0)
        await database.close()
        await store.remove()
    }

    @Test("a database from a newer Custodes is refused, not altered", arguments: TestStores.engines)
    func tooNew(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            try await database.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)")
            await #expect(throws: StoreError.schemaTooNew(found: 99, known: Schema.latestVersion)) {
                try await Migrator(database: database).migrate()
            }
        }
    }
}
