import ArgumentParser
import CustodesBundle
import CustodesDetection
import CustodesModel

/// `custodes evaluate BUNDLE --alerts alerts.jsonl`: detection measured against a simulated bundle's ground truth.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure alerts against a simulated bundle's truth.csv: recall, precision, days to detect.",
        discussion: """
            Staff-level measures, at the budget the alerts were capped to (alerts marked over budget count as not \
            raised) and uncapped: recall, precision, median and worst days from the first misconduct event to the \
            first alert, recall per scenario, and the false alerts by benign look-alike.
            """
    )

    @Argument(help: "The bundle folder (it must contain truth.csv).")
    var bundle: String

    @Option(help: "The alerts written by `custodes detect`.")
    var alerts: String = "alerts.jsonl"

    func run() throws {
        let reader = try BundleReader(directory: bundle, quarantine: QuarantineCollector())
        guard reader.hasTruth else {
            throw ValidationError("\(bundle) has no truth.csv; only simulated bundles can be evaluated.")
        }
        var report = BundleReport()
        let staffOnly = try reader.loadReference(report: &report)
        let truth = try reader.loadTruth(reference: staffOnly, report: &report)
        let records = try AlertFile.read(path: alerts)
        let evaluation = Evaluation(truth: truth, alerts: records)
        print(EvaluationText.render(evaluation))
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
