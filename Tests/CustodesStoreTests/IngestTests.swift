import CustodesBundle
import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// What reading the bundle on its own finds: the reference against which the store is checked.
struct BundleFacts {
    var distinctEvents = 0
    var quarantined: [QuarantineEntry] = []
    var reference = ReferenceData()

    static func read(_ directory: String) throws -> BundleFacts {
        let sink = QuarantineCollector()
        let reader = try BundleReader(directory: directory, quarantine: sink)
        var report = BundleReport()
        var facts = BundleFacts()
        facts.reference = try reader.loadReference(report: &report)
        try reader.auditEvents(reference: facts.reference).forEach(report: &report) { _ in facts.distinctEvents += 1 }
        facts.quarantined = sink.entries
        return facts
    }
}

@Suite("Ingest")
struct IngestTests {
    static let facts = try! BundleFacts.read(TestBundles.small)

    @Test("a bundle is stored whole: every distinct event once, every reference row, every bad row with its reason",
          arguments: TestStores.engines)
    func ingestsWholeBundle(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let report = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            let facts = Self.facts
            #expect(report.eventsAccepted == facts.distinctEvents)
            #expect(report.eventsDuplicate > 0, "the simulated export re-delivers some events")
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == facts.distinctEvents)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM staff") == facts.reference.staff.count)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM persons") == facts.reference.persons.count)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM rosters") == facts.reference.rosters.count)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM assignments")
                    == facts.reference.assignments.count)

            let kept = try await StoredQuarantine.list(in: database, limit: 1000).map(\.entry)
            #expect(Set(kept) == Set(facts.quarantined))
            #expect(!kept.isEmpty)
        }
    }

    @Test("a batch whose process died is marked interrupted once it has made no progress for a while; a live one is not",
          arguments: TestStores.engines)
    func killedBatchIsInterrupted(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let now = Int64(Date().timeIntervalSince1970)
            // Two batches left `running`: one by a process killed an hour ago, one by a process still at work.
            for (source, progress) in [("killed", now - 3_600), ("alive", now - 60)] {
                try await database.sql.raw("""
                    INSERT INTO ingest_batches (channel, source, started_at, progress_at, status) VALUES \
                    ('http', \(bind: source), \(bind: progress - 10), \(bind: progress), 'running')
                    """).run()
            }
            let report = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            let batches = try await IngestBatches.recent(limit: 10, in: database)
            #expect(batches.map(\.status) == ["complete", "running", "interrupted"])
            #expect(batches.first?.id == report.batchID)
            #expect(batches.last?.finishedAt == now - 3_600, "an interrupted batch ends when it last made progress")
        }
    }

    @Test("an event is identified by its system and event_id: another system's event with the same id is kept too",
          arguments: TestStores.engines)
    func identityIncludesTheSystem(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let ingest = BundleIngest(database: database)
            let reference = TestBundles.files(in: TestBundles.small).filter { !$0.hasPrefix("audit") && $0 != "truth.csv" }
            _ = try await ingest.ingest(directory: try TestBundles.subset(of: TestBundles.small, files: reference))
            let rows = try String(contentsOfFile: TestBundles.small + "/audit_rms.csv", encoding: .utf8)
                .split(separator: "\n").prefix(101).map(String.init)
            #expect(rows.dropFirst().allSatisfy { $0.contains(",rms,") })
            // The same identifiers, as another system's events: both systems' events are stored, neither shadows.
            let first = try TestBundles.subset(of: TestBundles.small, files: [])
            try (rows.joined(separator: "\n") + "\n").write(toFile: first + "/audit_a.csv", atomically: true, encoding: .utf8)
            let rms = try await ingest.ingest(directory: first).eventsAccepted
            #expect(rms > 50)
            let second = try TestBundles.subset(of: TestBundles.small, files: [])
            let other = [rows[0]] + rows.dropFirst().map { $0.replacingOccurrences(of: ",rms,", with: ",pnc,") }
            try (other.joined(separator: "\n") + "\n").write(toFile: second + "/audit_b.csv", atomically: true, encoding: .utf8)
            #expect(try await ingest.ingest(directory: second).eventsAccepted == rms)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events WHERE system = 'pnc'") == rms)
            // Sent again (other bytes, the same events), each is a duplicate of its own system's event.
            try (rows.joined(separator: "\n") + "\n\n").write(toFile: second + "/audit_c.csv", atomically: true, encoding: .utf8)
            #expect(try await ingest.ingest(directory: second).eventsAccepted == 0)
        }
    }

    @Test("ingesting the same bundle again adds nothing and changes nothing", arguments: TestStores.engines)
    func reingestIsHarmless(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let ingest = BundleIngest(database: database)
            _ = try await ingest.ingest(directory: TestBundles.small)
            let events = try await database.integer("SELECT COUNT(*) AS n FROM audit_events")
            let quarantined = try await database.integer("SELECT COUNT(*) AS n FROM quarantine")

            let again = try await ingest.ingest(directory: TestBundles.small)
            #expect(again.eventsAccepted == 0)
            #expect(again.referenceWritten == 0)
            #expect(again.audit.allSatisfy { $0.alreadyIngested })
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == events)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM quarantine") == quarantined)
            // Reference rows keep the batch that last changed them.
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM staff WHERE batch_id <> 1") == 0)
        }
    }

    @Test("a changed roster and a closed occurrence update the stored rows in place", arguments: TestStores.engines)
    func referenceUpserts(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let ingest = BundleIngest(database: database)
            _ = try await ingest.ingest(directory: TestBundles.small)
            let rosters = try await database.integer("SELECT COUNT(*) AS n FROM rosters")

            let shift = try #require(try await database.sql.raw(
                "SELECT staff_id, start_at, end_at, kind FROM rosters ORDER BY staff_id, start_at LIMIT 1").first())
            let staffID = try shift.decode(column: "staff_id", as: String.self)
            let start = try shift.decode(column: "start_at", as: Int64.self)
            let newEnd = try shift.decode(column: "end_at", as: Int64.self) + 3600
            let open = try #require(try await database.sql.raw("""
                SELECT occurrence_id, category, opened_at, station FROM occurrences WHERE closed_at IS NULL \
                ORDER BY occurrence_id LIMIT 1
                """).first())
            let occurrenceID = try open.decode(column: "occurrence_id", as: String.self)
            let closedAt = try open.decode(column: "opened_at", as: Int64.self) + 86_400

            // An update bundle: these two files only, naming staff and an occurrence the store already has.
            let update = NSTemporaryDirectory() + "custodes-update-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: update, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: update) }
            try """
                staff_id,start,end,kind
                \(staffID),\(Timestamp(seconds: start).iso8601),\(Timestamp(seconds: newEnd).iso8601),\
                \(try shift.decode(column: "kind", as: String.self))

                """.write(toFile: update + "/rosters.csv", atomically: true, encoding: .utf8)
            try """
                occurrence_id,category,opened_at,closed_at,station
                \(occurrenceID),\(try open.decode(column: "category", as: String.self)),\
                \(Timestamp(seconds: try open.decode(column: "opened_at", as: Int64.self)).iso8601),\
                \(Timestamp(seconds: closedAt).iso8601),\(try open.decode(column: "station", as: String.self))

                """.write(toFile: update + "/occurrences.csv", atomically: true, encoding: .utf8)

            let report = try await ingest.ingest(directory: update)
            #expect(report.quarantined == 0)
            #expect(report.reference.first { $0.file == "rosters.csv" }?.written == 1)
            #expect(report.reference.first { $0.file == "occurrences.csv" }?.written == 1)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM rosters") == rosters)
            #expect(try await database.integer("""
                SELECT end_at AS n FROM rosters WHERE staff_id = '\(staffID)' AND start_at = \(start)
                """) == Int(newEnd))
            #expect(try await database.integer(
                "SELECT closed_at AS n FROM occurrences WHERE occurrence_id = '\(occurrenceID)'") == Int(closedAt))
            // Staff copied in to resolve the roster row are identical, so they are not rewritten.
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM staff WHERE batch_id <> 1") == 0)
        }
    }

    @Test("a later bundle with only new audit files adds only their events", arguments: TestStores.engines)
    func onlyNewAuditFiles(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let ingest = BundleIngest(database: database)
            let all = TestBundles.files(in: TestBundles.small).filter { $0 != "truth.csv" }
            let first = try TestBundles.subset(of: TestBundles.small, files: all.filter { $0 != "audit_rms.csv" })
            let second = try TestBundles.subset(of: TestBundles.small, files: ["audit_rms.csv"])
            defer {
                try? FileManager.default.removeItem(atPath: first)
                try? FileManager.default.removeItem(atPath: second)
            }
            let before = try await ingest.ingest(directory: first)
            let later = try await ingest.ingest(directory: second)
            #expect(later.reference.isEmpty)
            #expect(later.audit.map(\.file) == ["audit_rms.csv"])
            #expect(later.eventsAccepted > 0)
            #expect(before.eventsAccepted + later.eventsAccepted == Self.facts.distinctEvents)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == Self.facts.distinctEvents)
        }
    }
}

extension IngestTests {
    @Test("events are numbered in the order their chunks commit, even when two chunks are copied at once",
          arguments: TestStores.engines)
    func numberedInCommitOrder(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            var ingest = BundleIngest(database: database)
            // Small chunks, so that PostgreSQL copies pairs of chunks, some of them from two files.
            ingest.chunkSize = 300
            _ = try await ingest.ingest(directory: TestBundles.small)
            // Each source system's events come from one file, and files are read one after another: every file's
            // numbers must lie above the previous file's, or a cursor could have passed events not yet committed.
            let rows = try await database.sql.raw("""
                SELECT system, MIN(seq) AS first, MAX(seq) AS last, COUNT(*) AS events FROM audit_events \
                GROUP BY system ORDER BY MIN(seq)
                """).all()
            let ranges = try rows.map { row in
                (system: try row.decode(column: "system", as: String.self),
                 first: try row.decode(column: "first", as: Int64.self),
                 last: try row.decode(column: "last", as: Int64.self))
            }
            #expect(ranges.count >= 5)
            for (earlier, later) in zip(ranges, ranges.dropFirst()) {
                #expect(earlier.last < later.first, "\(earlier.system) and \(later.system) overlap")
            }
        }
    }

    @Test("an audit file whose first rows are stored already, under another file, adds only its other events",
          arguments: TestStores.engines)
    func partlyStoredFile(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            var ingest = BundleIngest(database: database)
            // Small chunks, so the file spans chunks that are wholly stored, partly stored and new.
            ingest.chunkSize = 300
            let all = TestBundles.files(in: TestBundles.small).filter { $0 != "truth.csv" }
            let whole = try TestBundles.subset(of: TestBundles.small, files: all)
            let head = try TestBundles.subset(of: TestBundles.small, files: [])
            defer {
                try? FileManager.default.removeItem(atPath: whole)
                try? FileManager.default.removeItem(atPath: head)
            }
            let lines = try String(contentsOfFile: whole + "/audit_rms.csv", encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            try (lines.prefix(1000).joined(separator: "\n") + "\n")
                .write(toFile: head + "/audit_rms_first_rows.csv", atomically: true, encoding: .utf8)
            for file in all where !file.hasPrefix("audit_") {
                try FileManager.default.copyItem(atPath: whole + "/" + file, toPath: head + "/" + file)
            }

            let first = try await ingest.ingest(directory: head)
            #expect(first.eventsAccepted > 900)
            let second = try await ingest.ingest(directory: whole)
            #expect(second.audit.first { $0.file == "audit_rms.csv" }.map { $0.unchanged >= first.eventsAccepted }
                    == true, "the stored rows are counted as already stored")
            #expect(first.eventsAccepted + second.eventsAccepted == Self.facts.distinctEvents)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == Self.facts.distinctEvents)
            #expect(try await database.integer(
                "SELECT COUNT(*) AS n FROM (SELECT event_id FROM audit_events GROUP BY event_id HAVING COUNT(*) > 1) d")
                    == 0)
        }
    }
}

@Suite("Bulk loads")
struct BulkLoadTests {
    static func secondaryIndexes(_ database: StoreDatabase) async throws -> Int {
        try await database.integer(database.engine == .sqlite
            ? "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index' AND name LIKE 'audit_events_by_%'"
            : "SELECT COUNT(*) AS n FROM pg_indexes WHERE indexname LIKE 'audit_events_by_%'")
    }

    /// PostgreSQL only.
    static let primaryKeys =
        "SELECT COUNT(*) AS n FROM pg_constraint WHERE conrelid = 'audit_events'::regclass AND contype = 'p'"

    @Test("a bulk load (indexes dropped, then rebuilt) stores the same events and leaves every index in place",
          arguments: TestStores.engines)
    func bulkLoad(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            var ingest = BundleIngest(database: database)
            ingest.bulkThreshold = 1
            let report = try await ingest.ingest(directory: TestBundles.small)
            #expect(report.eventsAccepted == IngestTests.facts.distinctEvents)
            #expect(try await Self.secondaryIndexes(database) == 3)
            if engine == .postgres {
                // The primary key on `seq` is dropped for the load too, and must be back.
                #expect(try await database.integer(Self.primaryKeys) == 1)
            }
        }
    }

    @Test("a load killed between dropping the indexes and rebuilding them leaves nothing missing after the next run",
          arguments: TestStores.engines)
    func killedBetweenDropAndRebuild(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            var ingest = BundleIngest(database: database)
            ingest.bulkThreshold = 1
            _ = try await ingest.ingest(directory: TestBundles.small)
            // What a kill after the drop leaves: no secondary indexes and, on PostgreSQL, no primary key.
            for name in ["audit_events_by_time", "audit_events_by_staff", "audit_events_by_entity"] {
                try await database.execute("DROP INDEX \(name)")
            }
            if engine == .postgres {
                try await database.execute("ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey")
            }
            ingest.bulkThreshold = .max
            let again = try await ingest.ingest(directory: TestBundles.small)
            #expect(again.eventsAccepted == 0)
            #expect(try await Self.secondaryIndexes(database) == 3)
            if engine == .postgres {
                #expect(try await database.integer(Self.primaryKeys) == 1)
            }
        }
    }

    @Test("a load killed after building the key's index but before making it the key leaves the key in place after the next run",
          arguments: TestStores.engines.filter { $0 == .postgres })
    func killedBeforeKeyAttached(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            var ingest = BundleIngest(database: database)
            ingest.bulkThreshold = 1
            _ = try await ingest.ingest(directory: TestBundles.small)
            // The key's index is built beside the others and attached last; a kill in between leaves it bare.
            try await database.execute("ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey")
            try await database.execute("CREATE UNIQUE INDEX audit_events_pkey ON audit_events (seq)")
            #expect(try await database.integer(Self.primaryKeys) == 0)
            ingest.bulkThreshold = .max
            let again = try await ingest.ingest(directory: TestBundles.small)
            #expect(again.eventsAccepted == 0)
            #expect(try await database.integer(Self.primaryKeys) == 1)
            #expect(try await database.integer("""
                SELECT COUNT(*) AS n FROM pg_indexes WHERE tablename = 'audit_events' AND indexname LIKE '%pkey%'
                """) == 1)
        }
    }
}
