import CustodesStore
import CustodesTestSupport
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
        // The previous release knew only version 1 and had stored audit events. They are written here with plain
        // SQL, as today's ingest also keeps version 8's counts by source system and so needs the latest schema.
        try await Migrator(database: database, migrations: Array(Schema.migrations.prefix(1))).migrate()
        try await database.execute("""
            INSERT INTO audit_events (event_id, at, staff_id, system, action, entity_type, entity_id, fields, \
            workstation, reason, batch_id, received_at) VALUES \
            ('RMS-1', 1000, 'S1', 'rms', 'view', 'person', 'P1', '', 'WS-1', '', 1, 5000), \
            ('RMS-2', 3000, 'S1', 'rms', 'view', 'person', 'P2', '', 'WS-1', '', 1, 5000), \
            ('PNC-1', 2000, 'S2', 'pnc', 'search', 'person', 'P1', '', 'WS-2', '', 1, 6000)
            """)
        await #expect(throws: (any Error).self) { try await database.integer("SELECT COUNT(*) AS n FROM alerts") }

        let ran = try await Migrator(database: database).migrate()
        #expect(ran.map(\.version) == Schema.migrations.dropFirst().map(\.version))
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == 3)
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM alerts") == 0)
        // Version 8 counted the stored events by system.
        #expect(try await database.integer("SELECT events AS n FROM audit_sources WHERE system = 'rms'") == 2)
        #expect(try await database.integer("SELECT latest_at AS n FROM audit_sources WHERE system = 'rms'") == 3000)
        #expect(try await database.integer("SELECT last_received_at AS n FROM audit_sources WHERE system = 'pnc'")
                == 6000)
        if engine == .postgres {
            // Version 9 put the identifiers of audit events in byte order.
            #expect(try await database.integer("""
                SELECT COUNT(*) AS n FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation \
                WHERE a.attrelid = 'audit_events'::regclass AND a.attname IN ('event_id', 'staff_id', 'entity_id') \
                AND c.collname = 'C'
                """) == 3)
            // Version 10 numbers events from a counter that starts above the stored ones, and dropped the identity.
            #expect(try await database.integer("SELECT last_seq AS n FROM audit_event_numbers") == 3)
            #expect(try await database.integer("""
                SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_name = 'audit_events' \
                AND column_name = 'seq' AND is_identity = 'YES'
                """) == 0)
        }
        // They still compare with identifiers in other tables, which keep the database's collation.
        try await database.execute("""
            INSERT INTO staff (staff_id, collar_number, display_name, role, team, station, start_date, batch_id) \
            VALUES ('S1', 'C1', 'Synthetic Officer', 'constable', 'T1', 'North', 0, 1)
            """)
        #expect(try await database.integer("""
            SELECT COUNT(*) AS n FROM audit_events e JOIN staff s ON s.staff_id = e.staff_id WHERE s.staff_id >= 'S1'
            """) == 2)
        #expect(try await database.integer(
            "SELECT COUNT(*) AS n FROM audit_events WHERE event_id > 'PNC-1' AND event_id < 'RMS-2'") == 1)
        // Events ingested after the upgrade are numbered above the old ones.
        // (The member of staff above was only for the join; ingest reads the stored staff back and checks them.)
        try await database.execute("DELETE FROM staff WHERE staff_id = 'S1'")
        let report = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
        #expect(report.eventsAccepted > 0)
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events WHERE seq <= 3") == 3)
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == 3 + report.eventsAccepted)
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
