import CustodesBundle
import CustodesDetection
import CustodesModel
import CustodesStore
import Foundation
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
            #expect(figures.intelligenceReceived == nil)
        }
    }
}
