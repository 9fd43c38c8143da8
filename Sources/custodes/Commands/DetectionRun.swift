import CustodesBundle
import CustodesDetection
import CustodesModel
import Foundation

/// Reading a bundle and running detection over it: shared by `detect` and `rules test`.
struct DetectionRun {
    var alerts: [Alert]
    var summary: DetectionSummary
    var report: BundleReport
    var reference: ReferenceData
    /// How `staff.csv`'s teams were read (as working teams, or as stations).
    var teams: WorkingTeams
    /// The workstation name prefixes the rules take as at work, for the summary's count of sittings there.
    var atWorkPrefixes: [String]
    var referenceSeconds: Double
    /// Reading, parsing and validating audit rows.
    var readSeconds: Double
    /// Sorting by time (and spilling runs) plus merging runs; on several cores, merging only until the first event.
    var sortSeconds: Double
    /// Explaining and scoring in the detection engine; on several cores, from the first event to the end, which
    /// takes in the merge that runs alongside the parts (``mergesAlongside``).
    var detectSeconds: Double
    /// Whether the runs were merged while the parts worked, so that ``detectSeconds`` includes merging.
    var mergesAlongside: Bool

    /// Audit events per second through parsing, explaining and scoring: the event pass, without the sort that
    /// out-of-order exports need (on several cores, with the merge that runs alongside the parts).
    var eventPassRate: Double { Double(summary.events) / max(readSeconds + detectSeconds, 0.001) }

    /// Parts of a run split over threads, per thread: enough to balance the threads between barriers (eight parts on
    /// two threads explained and scored the 160-day benchmark bundle in 5.2 s against 5.8 to 6.0 s with two),
    /// few enough that each part's own tables stay small beside the force's (peak memory on the year 1.96 GB
    /// against 1.95 GB).
    static let partsPerThread = 4
    /// Each part keeps its own copy of the per-staff tables, so many threads get fewer parts each (and at least one).
    static let mostParts = 64

    /// Loads the bundle, streams its audit events through a detection engine, and returns the alerts.
    /// With `threads` above 1, explaining and scoring are split by member of staff (``PartitionedDetection``);
    /// `configure` is then not called, as there is no single engine.
    static func run(bundle: String, rules: RuleSet, key: [UInt8], quarantine: any QuarantineSink,
                    progress: Bool, threads: Int = 1,
                    configure: (DetectionEngine) -> Void = { _ in }) throws -> DetectionRun {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = try BundleReader(directory: bundle, quarantine: quarantine)
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        // With no member of staff, every access would be quarantined and nothing scored: that is no detection run.
        guard !reference.staff.isEmpty else {
            throw CommandFailure("\(bundle)/staff.csv has no member of staff that could be read (see the quarantine), so "
                + "no access can be scored")
        }
        let referenceLoaded = clock.now
        let context = DetectionContext(reference: reference, rules: rules)
        let pseudonymiser = Pseudonymiser(key: key)
        let engine: any Detector
        let parts: PartitionedDetection?
        if threads > 1 {
            // A whole number of parts per thread, so that a lane per thread (when lanes must be few) feeds whole
            // parts.
            parts = PartitionedDetection(context: context, pseudonymiser: pseudonymiser,
                                         parts: threads * max(1, min(Self.partsPerThread, Self.mostParts / threads)),
                                         threads: threads)
            engine = parts!
        } else {
            parts = nil
            let single = DetectionEngine(context: context, pseudonymiser: pseudonymiser)
            configure(single)
            engine = single
        }
        var stream = reader.auditEvents(reference: reference)
        stream.threads = threads
        if progress {
            stream.progress = { count in Progress.line("detect: \(count.formatted()) audit rows read") }
        }
        stream.onRead = { rows in engine.expect(events: rows) }
        var processed = 0
        var nextProgress = 2_000_000
        var detecting = Duration.zero
        var firstEvent: ContinuousClock.Instant?
        // One engine takes the stream's batches, each timed as a whole: between batches the stream is merging sorted
        // runs, which is sorting time, not detection time, and two clock reads around every event cost more than the
        // timing is worth (profiled at 6% of the event pass). Split over cores, the stream's runs are split by member
        // of staff into lanes (``AuditEventStream/lanes(forParts:)``) that the threads merge as they work through the
        // parts, so there everything from the first event on counts as explaining and scoring.
        let timings: AuditStreamTimings
        do {
            if let parts {
                timings = try stream.forEachLane(report: &report, lanes: stream.lanes(forParts: parts.parts)) {
                    lanes in
                    firstEvent = clock.now
                    try parts.run(lanes: lanes) { taken in
                        if progress { Progress.line("detect: \(taken.formatted()) events through detection") }
                    }
                }
            } else {
                timings = try stream.forEachBatch(report: &report) { batch in
                    let batchStart = clock.now
                    engine.process(batch)
                    detecting += clock.now - batchStart
                    processed += batch.count
                    if progress && processed >= nextProgress {
                        Progress.line("detect: \(processed.formatted()) events through detection")
                        nextProgress += 2_000_000
                    }
                }
            }
        } catch {
            // The pool's threads may be working through a run: they stop at the next part rather than finish it.
            engine.abandon()
            throw error
        }
        let finishing = clock.now
        let alerts = engine.finish()
        let finished = clock.now
        detecting += finished - finishing
        if progress { Progress.done() }
        // Merging, one core: the stream's delivery less the engine's time in it. Several: until the first event.
        var merging = timings.deliverSeconds - detecting.seconds + (finished - finishing).seconds
        if threads > 1, let firstEvent {
            detecting = finished - firstEvent
            merging = timings.deliverSeconds - (finishing - firstEvent).seconds
        }
        return DetectionRun(alerts: alerts, summary: engine.summary, report: report, reference: reference,
                            teams: context.workingTeams,
                            atWorkPrefixes: rules.explanation.atWorkWorkstationPrefixes,
                            referenceSeconds: (referenceLoaded - start).seconds,
                            readSeconds: timings.readSeconds,
                            sortSeconds: timings.sortSeconds + max(0, merging), detectSeconds: detecting.seconds,
                            mergesAlongside: threads > 1)
    }
}

/// One engine, or one split over cores: what a detection run drives.
protocol Detector: AnyObject {
    func expect(events: Int)
    func process(_ events: [AuditEvent])
    func finish() -> [Alert]
    /// Stops what is under way after a failure; the detector is not used again.
    func abandon()
    var summary: DetectionSummary { get }
}

extension DetectionEngine: Detector {
    func abandon() {}
}
extension PartitionedDetection: Detector {}
