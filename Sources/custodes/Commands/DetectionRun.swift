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
    var readerSeconds: Double
    var referenceSeconds: Double
    var passSeconds: Double

    /// Loads the bundle, streams its audit events through a detection engine, and returns the alerts.
    static func run(bundle: String, rules: RuleSet, key: [UInt8], quarantine: any QuarantineSink,
                    progress: Bool, configure: (DetectionEngine) -> Void = { _ in }) throws -> DetectionRun {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = try BundleReader(directory: bundle, quarantine: quarantine)
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        let referenceLoaded = clock.now
        let engine = DetectionEngine(context: DetectionContext(reference: reference, rules: rules),
                                     pseudonymiser: Pseudonymiser(key: key))
        configure(engine)
        var stream = reader.auditEvents(reference: reference)
        if progress {
            stream.progress = { count in Progress.line("detect: \(count.formatted()) audit rows read and sorted") }
        }
        var firstEvent: ContinuousClock.Instant?
        var processed = 0
        try stream.forEach(report: &report) { event in
            if firstEvent == nil {
                firstEvent = clock.now
                if progress { Progress.done() }
            }
            engine.process(event)
            processed += 1
            if progress && processed % 2_000_000 == 0 {
                Progress.line("detect: \(processed.formatted()) events through detection")
            }
        }
        let alerts = engine.finish()
        let end = clock.now
        if progress { Progress.done() }
        return DetectionRun(alerts: alerts, summary: engine.summary, report: report, reference: reference,
                            readerSeconds: ((firstEvent ?? end) - referenceLoaded).seconds,
                            referenceSeconds: (referenceLoaded - start).seconds,
                            passSeconds: (end - (firstEvent ?? end)).seconds)
    }
}
