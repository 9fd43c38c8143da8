import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// Kills ingest and detection part-way (SIGKILL), runs them again, and compares with uninterrupted runs.
@Suite("Faults", .serialized)
struct FaultTests {
    static let keyPath = NSTemporaryDirectory() + "custodes-fault-test.key"

    @Test("ingest killed part-way and run again stores exactly what an uninterrupted ingest stores",
          arguments: TestStores.engines)
    func killedIngest(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let ingest = ["ingest", TestBundles.small, "--db", store.url.connectionString, "--chunk-size", "300"]
            // Killed by SIGKILL straight after its third chunk of 300 events committed, in the first audit file.
            let victim = try CustodesProcess(ingest, fault: "ingest.after-chunk-3")
            #expect(await victim.wait() == nil, "the ingest should have been killed")
            let partial = try await database.integer("SELECT COUNT(*) AS n FROM audit_events")
            #expect(partial > 0 && partial <= 900, "three chunks of 300 rows stored before the kill, got \(partial)")

            let rerun = try await CustodesProcess.run(ingest)
            #expect(rerun.status == 0, "\(rerun.standardError)")
            try await expectSameAsUninterrupted(database, engine: engine)
        }
    }

    @Test("a first load killed part-way on PostgreSQL, without its unique index, and run again stores exactly what an uninterrupted ingest stores",
          arguments: TestStores.engines.filter { $0 == .postgres })
    func killedFirstLoad(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let ingest = ["ingest", TestBundles.small, "--db", store.url.connectionString, "--chunk-size", "300",
                          "--bulk-threshold", "1"]
            let victim = try CustodesProcess(ingest, fault: "ingest.after-chunk-3")
            #expect(await victim.wait() == nil, "the ingest should have been killed")
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") > 0)
            // Killed while copying without the unique index on event_id.
            #expect(try await database.integer("""
                SELECT COUNT(*) AS n FROM pg_indexes WHERE indexname = 'audit_events_identity'
                """) == 0)

            let rerun = try await CustodesProcess.run(ingest)
            #expect(rerun.status == 0, "\(rerun.standardError)")
            #expect(try await database.integer("""
                SELECT COUNT(*) AS n FROM pg_constraint WHERE conname = 'audit_events_identity'
                """) == 1)
            try await expectSameAsUninterrupted(database, engine: engine)
        }
    }

    @Test("detection killed part-way and run again gives exactly the alerts of an uninterrupted run",
          arguments: TestStores.engines)
    func killedDetection(engine: DatabaseURL.Engine) async throws {
        let store = try await TestStores.fresh(engine)
        let database = try await store.migrated()
        _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
        let detect = ["detect", "--db", store.url.connectionString, "--pseudonym-key", Self.keyPath]
        // Killed by SIGKILL after writing every alert, the run and the cursor, just before the commit.
        let victim = try CustodesProcess(detect, fault: "detect.before-commit")
        #expect(await victim.wait() == nil, "detection should have been killed")
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM detection_runs") == 0)
        #expect(try await database.integer("SELECT COUNT(*) AS n FROM alerts") == 0)

        let rerun = try await CustodesProcess.run(detect)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let resumed = try await AlertFingerprint.all(in: database)

        let reference = try await TestStores.fresh(engine)
        let uninterrupted = try await reference.migrated()
        _ = try await BundleIngest(database: uninterrupted).ingest(directory: TestBundles.small)
        let clean = try await CustodesProcess.run(["detect", "--db", reference.url.connectionString,
                                                   "--pseudonym-key", Self.keyPath])
        #expect(clean.status == 0)
        #expect(resumed == (try await AlertFingerprint.all(in: uninterrupted)))
        #expect(!resumed.isEmpty)
        await uninterrupted.close()
        await database.close()
        await reference.remove()
        await store.remove()
    }

    private func expectSameAsUninterrupted(_ database: StoreDatabase, engine: DatabaseURL.Engine) async throws {
        let reference = try await TestStores.fresh(engine)
        let clean = try await reference.migrated()
        _ = try await BundleIngest(database: clean).ingest(directory: TestBundles.small)
        for table in ["audit_events", "quarantine", "staff", "persons", "occurrences", "rosters", "assignments",
                      "ingested_files"] {
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM \(table)")
                    == (try await clean.integer("SELECT COUNT(*) AS n FROM \(table)")), "\(table)")
        }
        let columns = "event_id, at, staff_id, system, action, entity_type, entity_id, fields, workstation, reason"
        let query = "SELECT \(columns) FROM audit_events ORDER BY event_id"
        let mine = try await database.sql.raw(SQLQueryString(query)).all().map { try EventText($0) }
        let theirs = try await clean.sql.raw(SQLQueryString(query)).all().map { try EventText($0) }
        #expect(mine == theirs)
        await clean.close()
        await reference.remove()
    }
}

/// An audit event row as text, for comparing two stores.
struct EventText: Equatable {
    var values: [String]

    init(_ row: any SQLRow) throws {
        values = try ["event_id", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "workstation",
                      "reason"].map { try row.decode(column: $0, as: String.self) }
        values.append(String(try row.decode(column: "at", as: Int64.self)))
    }
}
