import CustodesTestSupport
@testable import CustodesStore
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing

/// A bulk load into an empty PostgreSQL store copies without the unique index on `event_id`, holding every other
/// audit writer off with `AuditWriteLock` (see its documentation); these tests check that nothing it promises is lost.
@Suite("First loads on PostgreSQL")
struct FirstLoadTests {
    static let uniqueIDs = """
        SELECT COUNT(*) AS n FROM pg_constraint WHERE conrelid = 'audit_events'::regclass AND contype = 'u' \
        AND conname = 'audit_events_identity'
        """
    static let repeatedIDs =
        "SELECT COUNT(*) AS n FROM (SELECT event_id FROM audit_events GROUP BY event_id HAVING COUNT(*) > 1) d"

    /// An ingest that treats any load as a bulk load, in chunks small enough that the small bundle makes several.
    static func bulkIngest(_ database: StoreDatabase) -> BundleIngest {
        var ingest = BundleIngest(database: database)
        ingest.bulkThreshold = 1
        ingest.chunkSize = 500
        return ingest
    }

    @Test("a first load stores each event once, counts re-deliveries, records its files and puts the unique index back",
          arguments: TestStores.engines.filter { $0 == .postgres })
    func firstLoad(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            var ingest = Self.bulkIngest(database)
            let notices = NIOLockedValueBox([String]())
            ingest.notice = { line in notices.withLockedValue { $0.append(line) } }
            let report = try await ingest.ingest(directory: TestBundles.small)
            #expect(notices.withLockedValue { $0 }.contains { $0.hasPrefix("first load into an empty audit table") })
            #expect(report.eventsAccepted == IngestTests.facts.distinctEvents)
            #expect(report.eventsDuplicate > 0, "the simulated export re-delivers some events")
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == report.eventsAccepted)
            #expect(try await database.integer(Self.repeatedIDs) == 0)
            #expect(try await database.integer(Self.uniqueIDs) == 1)
            #expect(try await database.integer("SELECT SUM(accepted)::bigint AS n FROM ingest_batches") == report.eventsAccepted)
            #expect(try await database.integer("SELECT SUM(duplicates)::bigint AS n FROM ingest_batches")
                    == report.eventsDuplicate)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM ingested_files WHERE accepted > 0")
                    == report.audit.filter { $0.written > 0 }.count)
            #expect(try await database.integer("SELECT SUM(accepted)::bigint AS n FROM ingested_files")
                    == report.eventsAccepted)

            // Only an empty table is loaded this way.
            notices.withLockedValue { $0.removeAll() }
            try await database.execute("DELETE FROM ingested_files")
            let again = try await ingest.ingest(directory: TestBundles.small)
            #expect(!notices.withLockedValue { $0 }.contains { $0.hasPrefix("first load") })
            #expect(again.eventsAccepted == 0)
            #expect(try await database.integer(Self.uniqueIDs) == 1)
        }
    }

    @Test("events a first load mistook for re-deliveries (hashes narrowed to collide) are written once its index is back",
          arguments: TestStores.engines.filter { $0 == .postgres })
    func heldBackEventsAreWritten(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            var ingest = Self.bulkIngest(database)
            ingest.repeatedEventHashBits = 8
            let report = try await ingest.ingest(directory: TestBundles.small)
            #expect(report.eventsAccepted == IngestTests.facts.distinctEvents)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == report.eventsAccepted)
            #expect(try await database.integer(Self.repeatedIDs) == 0)
            #expect(try await database.integer("SELECT SUM(accepted)::bigint AS n FROM ingest_batches")
                    == report.eventsAccepted)
            #expect(try await database.integer("SELECT SUM(accepted)::bigint AS n FROM ingested_files")
                    == report.eventsAccepted)
            // With 8 bits at most 255 events pass as first sightings; the rest were held back and written at the end.
            #expect(report.eventsAccepted > 255)
        }
    }

    @Test("a writer waits while a first load holds the lock, then rebuilds the unique index a killed first load left missing",
          arguments: TestStores.engines.filter { $0 == .postgres })
    func writerWaitsThenRepairs(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            // What a first load holds while it copies: the lock, exclusively, and no unique index on event_id.
            let firstLoad = try await store.open()
            try await AuditWriteLock.acquire(on: firstLoad)
            try await firstLoad.execute("ALTER TABLE audit_events DROP CONSTRAINT audit_events_identity")

            let writerDatabase = try await store.open()
            let writer = Task { try await BundleIngest(database: writerDatabase).ingest(directory: TestBundles.small) }
            // The writer's first audit transaction queues behind the lock, having written nothing.
            // Up to three minutes: on a loaded two-core machine running the whole suite, one minute ran out.
            let clock = ContinuousClock(), deadline = clock.now + .seconds(180)
            while try await database.integer("""
                SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                """) == 0 {
                guard clock.now < deadline else {
                    Issue.record("the writer never waited for the lock")
                    break
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == 0)

            // The first load is killed: its session ends, the lock goes with it, the index stays missing.
            await firstLoad.close()
            let result = await writer.result
            await writerDatabase.close()
            let report = try result.get()
            #expect(report.eventsAccepted == IngestTests.facts.distinctEvents)
            #expect(try await database.integer(Self.uniqueIDs) == 1)
            #expect(try await database.integer(Self.repeatedIDs) == 0)
        }
    }
}
