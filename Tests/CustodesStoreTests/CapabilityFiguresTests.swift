import CustodesBundle
import CustodesDetection
import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Capability figures")
struct CapabilityFiguresTests {
    @Test("every figure matches the simulated force it was loaded from", arguments: TestStores.engines)
    func figuresMatchTheData(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let empty = try await CapabilityFigures.gather(from: database, asOf: 0)
            #expect(empty.sources.isEmpty && empty.accessesInScope == nil && empty.alerts == 0)

            _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            _ = try await StoreDetection(database: database, pseudonymKey: StoreDetectionTests.key).run()

            // The same facts computed from the bundle directly.
            let reader = try BundleReader(directory: TestBundles.small, quarantine: QuarantineCollector())
            var report = BundleReport()
            let reference = try reader.loadReference(report: &report)
            var bySystem: [String: Int] = [:]
            var seen = Set<StaffIndex>()
            var latest: Int64 = 0
            let engine = DetectionEngine(context: DetectionContext(reference: reference, rules: .standard),
                                         pseudonymiser: Pseudonymiser(key: StoreDetectionTests.key))
            try reader.auditEvents(reference: reference).forEach(report: &report) { event in
                bySystem[event.system.rawValue, default: 0] += 1
                seen.insert(event.staff)
                latest = max(latest, event.at.seconds)
                engine.process(event)
            }
            let alerts = engine.finish()
            let asOf = latest
            let inPost = reference.staff.indices.filter { index in
                let member = reference.staff[index]
                return member.startDate.seconds <= asOf && (member.endDate.map { $0.seconds >= asOf } ?? true)
            }

            let figures = try await CapabilityFigures.gather(from: database, asOf: asOf)
            #expect(Dictionary(uniqueKeysWithValues: figures.sources.map { ($0.system, $0.events) }) == bySystem)
            #expect(figures.sources.map(\.latestEventAt).max() == latest)
            #expect(figures.staffInPost == inPost.count)
            #expect(figures.staffSeen == inPost.filter { seen.contains(StaffIndex($0)) }.count)
            #expect(figures.accessesInScope == engine.summary.inScope)
            #expect(figures.accessesExplained == engine.summary.explained)
            #expect(figures.alerts == alerts.count)
            #expect(figures.alertsPerWeek.map(\.count).reduce(0, +) == alerts.count)
            // Nothing recorded yet: zero, now that the intelligence log exists to count in.
            #expect(figures.intelligenceReceived == 0 && figures.casework.cases == 0)
        }
    }

    @Test("events by source system stay equal to a count of the stored events through small chunks and retention",
          arguments: TestStores.engines)
    func sourcesFollowTheEvents(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            var ingest = BundleIngest(database: database)
            ingest.chunkSize = 300
            _ = try await ingest.ingest(directory: TestBundles.small)
            let counted = try await Self.countedBySystem(database)
            #expect(counted.values.map { Int($0[0]) }.reduce(0, +) == IngestTests.facts.distinctEvents)
            #expect(try await Self.keptBySystem(database) == counted)

            let middle = try await database.integer("SELECT (MIN(at) + MAX(at)) / 2 AS n FROM audit_events")
            let deleted = try await Retention.delete(olderThan: Int64(middle), in: database)
            #expect(deleted > 0)
            let after = try await Self.countedBySystem(database)
            #expect(after.values.map { Int($0[0]) }.reduce(0, +) == IngestTests.facts.distinctEvents - deleted)
            #expect(try await Self.keptBySystem(database) == after)
        }
    }

    private static func countedBySystem(_ database: StoreDatabase) async throws -> [String: [Int64]] {
        try await rows(database, """
            SELECT system, COUNT(*) AS events, MAX(at) AS latest, MAX(received_at) AS delivered FROM audit_events \
            GROUP BY system
            """)
    }

    private static func keptBySystem(_ database: StoreDatabase) async throws -> [String: [Int64]] {
        try await rows(database, """
            SELECT system, events, latest_at AS latest, last_received_at AS delivered FROM audit_sources WHERE events > 0
            """)
    }

    private static func rows(_ database: StoreDatabase, _ sql: String) async throws -> [String: [Int64]] {
        var result: [String: [Int64]] = [:]
        for row in try await database.sql.raw(SQLQueryString(sql)).all() {
            result[try row.decode(column: "system", as: String.self)] = [
                try row.decode(column: "events", as: Int64.self), try row.decode(column: "latest", as: Int64.self),
                try row.decode(column: "delivered", as: Int64.self),
            ]
        }
        return result
    }

    @Test("triage figures count decisions and the backlog from the unit's records", arguments: TestStores.engines)
    func triageFigures(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            _ = try await StoreDetection(database: database, pseudonymKey: StoreDetectionTests.key).run()
            var query = AlertQueue.Query()
            query.sort = .age
            let alerts = try await AlertQueue.page(query, visibility: .init(scope: .all), in: database).rows
            try #require(alerts.count >= 2)
            let raised = try #require(try await database.sql.raw(
                "SELECT MAX(finished_at) AS t FROM detection_runs").first()?.decode(column: "t", as: Int64.self))
            let before = try await CapabilityFigures.gather(from: database, asOf: raised, now: raised + 86_400)
            #expect(before.triage.decided == 0 && before.triage.outstanding == alerts.count)
            #expect(before.triage.oldestOutstandingSeconds == 86_400)
            #expect(before.triage.medianSecondsToFirstTriage == nil)

            // One alert commented on after an hour and decided after two; the rest wait.
            try await AlertCasework.comment(key: alerts[0].key, by: "alex", body: "looking", at: raised + 3_600,
                                            in: database)
            try await AlertCasework.decide(key: alerts[0].key, by: "harper", outcome: .noFurtherAction,
                                           rationale: "explained by a tasking", exceptionUntil: nil, rulesVersion: nil,
                                           at: raised + 7_200, in: database)
            let after = try await CapabilityFigures.gather(from: database, asOf: raised, now: raised + 3 * 86_400)
            #expect(after.triage.decided == 1 && after.triage.outstanding == alerts.count - 1)
            #expect(after.triage.decidedPerWeek.map(\.count) == [1])
            #expect(after.triage.oldestOutstandingSeconds == Int64(3 * 86_400))
            #expect(after.triage.medianSecondsToFirstTriage == 3_600)

            // An evaluation of the stored alerts against the bundle's truth is what the report states as recall.
            #expect(after.latestEvaluation == nil)
            let reader = try BundleReader(directory: TestBundles.small, quarantine: QuarantineCollector())
            var report = BundleReport()
            let truth = try reader.loadTruth(reference: try reader.loadReference(report: &report), report: &report)
            let evaluation = Evaluation(truth: truth, alerts: try await StoredEvaluations.alertRecords(in: database))
            try await StoredEvaluations.record(evaluation, bundle: "small", at: raised, in: database)
            let evaluated = try #require(try await CapabilityFigures.gather(from: database, asOf: raised).latestEvaluation)
            #expect(evaluated.bundle == "small" && evaluated.at == raised)
            #expect(evaluated.recall == evaluation.recall && evaluated.precision == evaluation.precision)
            #expect(evaluated.detected == evaluation.detected && evaluated.misconductStaff == evaluation.misconductStaff)
        }
    }
}
