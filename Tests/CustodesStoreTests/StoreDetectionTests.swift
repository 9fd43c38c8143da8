import CustodesBundle
import CustodesDetection
import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import NIOConcurrencyHelpers
import Testing

/// A stored alert reduced to what must agree between runs.
struct AlertFingerprint: Hashable, Comparable {
    var key: String
    var score: Double
    var status: String
    var digest: String

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.key < rhs.key }

    static func all(in database: StoreDatabase) async throws -> [AlertFingerprint] {
        try await database.sql.raw("SELECT alert_key, score, status, digest FROM alerts ORDER BY alert_key").all().map {
            AlertFingerprint(key: try $0.decode(column: "alert_key", as: String.self),
                             score: try $0.decode(column: "score", as: Double.self),
                             status: try $0.decode(column: "status", as: String.self),
                             digest: try $0.decode(column: "digest", as: String.self))
        }
    }
}

@Suite("Detection over the store")
struct StoreDetectionTests {
    static let key = [UInt8](repeating: 7, count: 32)

    /// The alerts detection gives when it reads the bundle folder directly.
    static let folderAlerts: [Alert] = {
        let reader = try! BundleReader(directory: TestBundles.small, quarantine: QuarantineCollector())
        var report = BundleReport()
        let reference = try! reader.loadReference(report: &report)
        let engine = DetectionEngine(context: DetectionContext(reference: reference, rules: .standard),
                                     pseudonymiser: Pseudonymiser(key: key))
        try! reader.auditEvents(reference: reference).forEach(report: &report) { engine.process($0) }
        return engine.finish()
    }()

    @Test("detection over stored events gives the alerts detection over the folder gives, and a second run is a no-op",
          arguments: TestStores.engines)
    func sameAsFolder(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            let detection = StoreDetection(database: database, pseudonymKey: Self.key)
            let outcome = try await detection.run()
            #expect(outcome.ran)
            #expect(outcome.unresolvedEvents == 0)
            #expect(outcome.opened == Self.folderAlerts.count)
            #expect(!Self.folderAlerts.isEmpty)
            // The 30-day bundle's learning weeks end in it, as in detection over the folder.
            #expect(outcome.learningWeeks == 3 && outcome.learningEndedAt != nil)
            #expect(outcome.staffWithoutRoster == 0, "every simulated member of staff has shifts")
            let stored = try await AlertFingerprint.all(in: database)
            #expect(Set(stored.map(\.key)) == Set(Self.folderAlerts.map { $0.staffID + "/" + $0.openingEventID }))
            for alert in Self.folderAlerts {
                let match = stored.first { $0.key == alert.staffID + "/" + alert.openingEventID }
                #expect(match.map { abs($0.score - alert.score) < 1e-9 } == true)
            }

            let again = try await detection.run()
            #expect(!again.ran)
            #expect(try await AlertFingerprint.all(in: database) == stored)
        }
    }

    @Test("a run cancelled part-way (the server shutting down) stops between batches and writes nothing",
          arguments: TestStores.engines)
    func cancelled(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            var detection = StoreDetection(database: database, pseudonymKey: Self.key)
            // Cancelled as soon as it starts reading events, so it can only stop at a batch boundary.
            let handle = NIOLockedValueBox<Task<StoreDetection.Outcome, any Error>?>(nil)
            let reading = NIOLockedValueBox(false)
            detection.progress = { message in
                if message.hasPrefix("detect: reading events") {
                    reading.withLockedValue { $0 = true }
                    handle.withLockedValue { $0?.cancel() }
                }
            }
            let frozen = detection
            let task = Task { try await frozen.run(force: true) }
            handle.withLockedValue { $0 = task }
            if reading.withLockedValue({ $0 }) { task.cancel() }
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM detection_runs") == 0)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM alerts") == 0)
            // The next run does the work again and reaches the whole result.
            let outcome = try await StoreDetection(database: database, pseudonymKey: Self.key).run()
            #expect(outcome.ran && outcome.opened == Self.folderAlerts.count)
        }
    }

    @Test("a rule set stored before exceptions were escaped, with a control character in it, is still read and run",
          arguments: TestStores.engines)
    func legacyUnescapedRules(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            var rules = RuleSet.standard
            rules.exceptions = [RuleException(rule: .offDuty, staffID: "S1", reasonContains: "PP\u{7}1", until: "2030-01-01",
                                              grantedBy: "head", grantedOn: "2026-01-01", why: "alert 3: typed\u{1}here")]
            // Written as earlier versions wrote it: the control characters raw inside the quotes.
            let legacy = rules.yaml.replacingOccurrences(of: "\\u0001", with: "\u{1}")
                .replacingOccurrences(of: "\\u0007", with: "\u{7}")
            #expect(legacy.unicodeScalars.contains("\u{1}"))
            #expect((try? RuleSet.parse(legacy, file: "legacy")) == nil, "the legacy text should not parse as it is")
            try await database.sql.raw("""
                INSERT INTO rule_sets (digest, yaml, changed_by, changed_at, note) VALUES \
                ('legacy', \(bind: legacy), 'head', 1, 'exception from the decision on alert 3')
                """).run()
            let current = try await StoredRules.current(in: database)
            #expect(current.rules == rules)
            #expect(try await StoreDetection(database: database, pseudonymKey: Self.key).run().ran)
        }
    }

    @Test("late events (older than the cursor) are weighed as if on time: the result equals one run over everything",
          arguments: TestStores.engines)
    func lateEvents(engine: DatabaseURL.Engine) async throws {
        let whole = try await TestStores.fresh(engine)
        let wholeDatabase = try await whole.migrated()
        _ = try await BundleIngest(database: wholeDatabase).ingest(directory: TestBundles.small)
        _ = try await StoreDetection(database: wholeDatabase, pseudonymKey: Self.key).run()
        let expected = try await AlertFingerprint.all(in: wholeDatabase)

        // The RMS audit file (most accesses to people) arrives after detection has run over the rest.
        let staged = try await TestStores.fresh(engine)
        let database = try await staged.migrated()
        let all = TestBundles.files(in: TestBundles.small).filter { $0 != "truth.csv" }
        let first = try TestBundles.subset(of: TestBundles.small, files: all.filter { $0 != "audit_rms.csv" })
        let late = try TestBundles.subset(of: TestBundles.small, files: ["audit_rms.csv"])
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: late)
        }
        let ingest = BundleIngest(database: database)
        let detection = StoreDetection(database: database, pseudonymKey: Self.key)
        _ = try await ingest.ingest(directory: first)
        let early = try await detection.run()
        _ = try await ingest.ingest(directory: late)
        let caughtUp = try await detection.run()
        #expect(caughtUp.ran)
        #expect(caughtUp.cursor > early.cursor)
        let final = try await AlertFingerprint.all(in: database)
        #expect(final.filter { $0.status == "open" } == expected)
        await database.close()
        await wholeDatabase.close()
        await staged.remove()
        await whole.remove()
    }

    @Test("a rule change is recorded with who and why, and the next run applies it without a restart",
          arguments: TestStores.engines)
    func ruleChange(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            let detection = StoreDetection(database: database, pseudonymKey: Self.key)
            let before = try await detection.run()
            #expect(before.rulesVersion == 0)

            var stricter = RuleSet.standard
            for index in stricter.rules.indices { stricter.rules[index].enabled = false }
            let version = try await StoredRules.record(stricter, by: "head.of.unit", note: "test: every rule off",
                                                       in: database)
            #expect(version == 1)
            #expect(try await StoredRules.record(stricter, by: "head.of.unit", note: "same again", in: database) == nil)
            let history = try await StoredRules.history(in: database)
            #expect(history.map(\.changedBy) == ["head.of.unit"])
            #expect(history.first?.note == "test: every rule off")

            let after = try await detection.run()
            #expect(after.ran)
            #expect(after.rulesVersion == 1)
            #expect(after.withdrawn == before.alerts)
            let statuses = Set(try await AlertFingerprint.all(in: database).map(\.status))
            #expect(statuses == ["withdrawn"])
        }
    }
}
