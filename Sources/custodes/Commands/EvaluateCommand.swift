import ArgumentParser
import CustodesBundle
import CustodesDetection
import CustodesModel
import CustodesStore
import Foundation

/// `custodes evaluate BUNDLE --alerts alerts.jsonl` or `--db URL`: detection measured against a simulated bundle's
/// ground truth; with a store, its standing alerts are measured and the result is kept for `custodes capability`.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure alerts against a simulated bundle's truth.csv: recall, precision, days to detect.",
        discussion: """
            Staff-level measures, at the budget the alerts were capped to (alerts marked over budget count as not \
            raised) and uncapped: recall, precision, median and worst days from the first misconduct event to the \
            first alert, recall per scenario, and the false alerts by benign look-alike. With --db, the store's \
            standing alerts are measured instead of a file, and the result is recorded in the store, where the \
            capability report reads the unit's recall at its capacity.
            """
    )

    @Argument(help: "The bundle folder (it must contain truth.csv).")
    var bundle: String

    @Option(help: "The alerts written by `custodes detect`.")
    var alerts: String = "alerts.jsonl"

    /// With --db, the store's standing alerts are measured instead of a file, and the result recorded there.
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let reader = try BundleReader(directory: bundle, quarantine: QuarantineCollector())
        guard reader.hasTruth else {
            throw ValidationError("\(bundle) has no truth.csv; only simulated bundles can be evaluated.")
        }
        var report = BundleReport()
        let staffOnly = try reader.loadReference(report: &report)
        let truth = try reader.loadTruth(reference: staffOnly, report: &report)
        guard let store = database.url else {
            guard FileManager.default.fileExists(atPath: alerts) else {
                throw ValidationError("No alerts file at \(alerts): write one with `custodes detect \(bundle) --out "
                                      + "\(alerts)`, or measure a store's alerts with --db.")
            }
            print(EvaluationText.render(Evaluation(truth: truth, alerts: try AlertFile.parse(try String(contentsOfFile: alerts, encoding: .utf8), path: alerts))))
            return
        }
        let evaluation = try await self.database.withStore { database in
            let evaluation = Evaluation(truth: truth, alerts: try await StoredEvaluations.alertRecords(in: database))
            try await StoredEvaluations.record(evaluation, bundle: (bundle as NSString).lastPathComponent,
                                               at: Int64(Date().timeIntervalSince1970), in: database)
            return evaluation
        }
        print(EvaluationText.render(evaluation))
        print("\nrecorded in \(store); `custodes capability` reports it")
    }
}

/// The evaluation as a readable report.
enum EvaluationText {
    static func render(_ e: Evaluation) -> String {
        func ratio(_ value: Double) -> String { String(Double(Int((value * 1000).rounded())) / 1000) }
        func days(_ value: Double?) -> String { value.map { String(Double(Int(($0 * 10).rounded())) / 10) } ?? "-" }
        var lines = [
            "Misconduct staff: \(e.misconductStaff)",
            "Alerts: \(e.alertsWithinBudget) within budget, \(e.alertsOverBudget) over budget",
            "Recall at budget: \(ratio(e.recall)) (\(e.detected) of \(e.misconductStaff)); uncapped: \(ratio(e.recallUncapped))",
            "Precision at budget: \(ratio(e.precision)) (\(e.alertedStaff - e.falselyAlertedStaff) of \(e.alertedStaff) alerted staff)",
            "Days from first misconduct event to alert: median \(days(e.medianDaysToDetect)), worst \(days(e.worstDaysToDetect))",
            "",
            "scenario                   staff  detected  recall  median days",
        ]
        for scenario in e.scenarios {
            lines.append(scenario.scenario.padding(26, left: false)
                         + String(scenario.staff).padding(6, left: true)
                         + String(scenario.detected).padding(10, left: true)
                         + ratio(scenario.recall).padding(8, left: true)
                         + days(Evaluation.medianOf(scenario.daysToDetect)).padding(13, left: true))
        }
        lines.append("")
        if e.falseAlertsByPattern.isEmpty {
            lines.append("False alerts: none")
        } else {
            lines.append("False alerts by pattern: " + e.falseAlertsByPattern.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
