import CustodesBundle
import CustodesDetection
import CustodesModel
import CustodesSimulator
import Foundation
import Testing

/// Detection over a small simulated force, read through the bundle reader as a real run would be.
@Suite("End to end on a simulated force", .serialized)
struct EndToEndTests {
    /// A seed never used while tuning the rules.
    static let config = SimulationConfig(staff: 700, days: 120, seed: 4242)

    /// The realistic profile at a seed never used while tuning (tuning used seeds 11 to 13).
    static let realistic = SimulationConfig(staff: 700, days: 120, seed: 4243, profile: .realistic)

    /// With `batch`, events reach the engine in batches of that many, as `custodes detect` hands them over; with
    /// `parts`, the run is split by member of staff over that many engines, run by `threads` at a time (as many as
    /// the parts when not given), as `custodes detect --threads` does, and taken one at a time unless `batch` is
    /// given.
    static func detect(_ directory: String, budget: Int?, batch: Int? = nil, parts: Int? = nil,
                       threads: Int? = nil, lanes: Int? = nil) throws
        -> ([Alert], [TruthRecord], DetectionSummary) {
        let reader = try BundleReader(directory: directory, quarantine: QuarantineCollector())
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        let context = DetectionContext(reference: reference, rules: .standard)
        let pseudonymiser = Pseudonymiser(key: Array("end-to-end test key".utf8))
        var alerts: [Alert]
        var summary: DetectionSummary
        /// Hands the stream's events over one at a time, or in batches of `batch`.
        func feed(_ stream: AuditEventStream, one: (AuditEvent) -> Void, many: ([AuditEvent]) -> Void) throws {
            var pending: [AuditEvent] = []
            try stream.forEach(report: &report) { event in
                guard let batch else { return one(event) }
                pending.append(event)
                if pending.count == batch {
                    many(pending)
                    pending.removeAll()
                }
            }
            many(pending)
        }
        if let parts {
            let split = PartitionedDetection(context: context, pseudonymiser: pseudonymiser, parts: parts,
                                             threads: threads)
            var stream = reader.auditEvents(reference: reference)
            stream.threads = parts
            // Each part makes room for its share of the pairs at its first batch, as `custodes detect` has it do.
            stream.onRead = { split.expect(events: $0) }
            // Taken from lanes (as `custodes detect` does), handed over one at a time, or in batches of `batch`.
            if let lanes {
                try stream.forEachLane(report: &report, lanes: lanes) { try split.run(lanes: $0) }
            } else {
                try feed(stream, one: { split.take($0) }, many: split.process)
            }
            alerts = split.finish()
            summary = split.summary
        } else {
            let engine = DetectionEngine(context: context, pseudonymiser: pseudonymiser)
            var stream = reader.auditEvents(reference: reference)
            if batch != nil { stream.onRead = { engine.expect(events: $0) } }
            try feed(stream, one: engine.process, many: engine.process)
            alerts = engine.finish()
            summary = engine.summary
        }
        if let budget { Budget.apply(&alerts, perWeek: budget, through: summary.lastEventAt) }
        let truth = try reader.loadTruth(reference: reference, report: &report)
        return (alerts, truth, summary)
    }

    /// The alerts measured against the simulation's truth, as `custodes evaluate` measures them.
    static func evaluate(_ alerts: [Alert], truth: [TruthRecord]) -> Evaluation {
        Evaluation(truth: truth, alerts: alerts.map {
            AlertRecord(alertID: $0.alertID, staffID: $0.staffID, openedAt: $0.openedAt, score: $0.score,
                        overBudget: $0.overBudget, surfacedAt: $0.surfacedAt ?? $0.openedAt,
                        indicators: $0.indicators.map(\.rawValue))
        })
    }

    @Test("recall, precision and explained share stay above their floors, and the same input gives the same alerts")
    func floors() throws {
        let directory = NSTemporaryDirectory() + "custodes-e2e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try ForceSimulation(config: Self.config).write(to: directory)
        // Two alerts a week per thousand staff, rounded up: the unit's capacity.
        let (alerts, truth, summary) = try Self.detect(directory, budget: 2)
        let evaluation = Self.evaluate(alerts, truth: truth)
        #expect(evaluation.misconductStaff >= 7)
        #expect(evaluation.recall >= 0.8, "recall \(evaluation.recall)")
        #expect(evaluation.precision >= 0.8, "precision \(evaluation.precision)")
        #expect(summary.explainedShare >= 0.9, "explained \(summary.explainedShare)")
        #expect(evaluation.falseAlertsByPattern.keys.allSatisfy { $0 != "heavy_case_access" && $0 != "tasked_analyst_sweep" })

        let (again, _, _) = try Self.detect(directory, budget: 2)
        #expect(again.map(AlertJSON.line) == alerts.map(AlertJSON.line), "detection is deterministic")
        // Batches let the engine fetch records ahead; the result must not change, whatever the batch size.
        for size in [1, 7, 4096] {
            let (batched, _, batchedSummary) = try Self.detect(directory, budget: 2, batch: size)
            #expect(batched.map(AlertJSON.line) == alerts.map(AlertJSON.line), "batches of \(size)")
            #expect(batchedSummary.explained == summary.explained)
        }
    }

    @Test("on the realistic profile, where a third of access has no link on record, detection still finds most and alerts on few")
    func realisticFloors() throws {
        let directory = NSTemporaryDirectory() + "custodes-e2e-realistic-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try ForceSimulation(config: Self.realistic).write(to: directory)
        let (alerts, truth, summary) = try Self.detect(directory, budget: 2)
        let evaluation = Self.evaluate(alerts, truth: truth)
        #expect(evaluation.misconductStaff >= 7)
        #expect(evaluation.recall >= 0.7, "recall \(evaluation.recall)")
        #expect(evaluation.precision >= 0.6, "precision \(evaluation.precision)")
        // The budget is a cap, not a quota: alerts follow the evidence, well under two a week here.
        #expect(alerts.count <= 2 * 18, "alerts \(alerts.count)")
        #expect((0.3...0.75).contains(summary.explainedShare), "explained \(summary.explainedShare)")

        // Misuse hides inside links that look legitimate: the inside-team-link offender's first look is explained by
        // a teammate's open case after their own attendance ended, and detection finds them all the same.
        let inside = try #require(truth.first { $0.scenario == "inside_team_link" })
        let reader = try BundleReader(directory: directory, quarantine: QuarantineCollector())
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        var first: AuditEvent?
        try reader.auditEvents(reference: reference).forEach(report: &report) {
            if $0.eventID == inside.firstEventID { first = $0 }
        }
        let look = try #require(first)
        let explained = Explainer(context: DetectionContext(reference: reference, rules: .standard)).explain(look, atWork: true)
        #expect(explained?.kind == .team)
        #expect(explained?.involvementRole == .attending)
        #expect(alerts.contains { $0.staffID == inside.staffID && !$0.overBudget })

        // Split by member of staff over two or three engines side by side, eight run two at a time from a lane each
        // as `custodes detect --threads 2` does (or from two lanes merged into their lists, as beyond four threads),
        // or four all run by the caller as each next run is ready, the events handed over one at a time or in
        // batches: byte for byte the same alerts and the same summary, peer rules and baselines included.
        let cases: [(parts: Int, threads: Int, batch: Int?, lanes: Int?)] = [
            (1, 1, 4096, nil), (2, 2, nil, nil), (3, 3, 4096, nil), (8, 2, nil, 8), (8, 2, nil, 2), (4, 1, nil, nil),
            (6, 3, nil, 3),
        ]
        for (parts, threads, batch, lanes) in cases {
            let (split, _, splitSummary) = try Self.detect(directory, budget: 2, batch: batch, parts: parts,
                                                           threads: threads, lanes: lanes)
            let label = "\(parts) parts on \(threads) threads, \(lanes ?? 0) lanes"
            #expect(split.map(AlertJSON.line) == alerts.map(AlertJSON.line), "\(label)")
            #expect(splitSummary == summary, "\(label)")
        }
    }
}
