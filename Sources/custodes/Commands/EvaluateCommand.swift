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

    @Flag(help: "Print the measures as one JSON object (for scripts such as benchmarks/quality.sh).")
    var json = false

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
            let records = try AlertFile.parse(try String(contentsOfFile: alerts, encoding: .utf8), path: alerts)
            try Self.checkSameForce(records.map(\.staffID), staff: staffOnly, alerts: alerts, bundle: bundle)
            // Alerts `detect` wrote carry their bundle's fingerprint: another force's, even with the same staff
            // identifiers, is told apart.
            let fingerprint = try Self.fingerprint(bundle: bundle)
            if let other = records.compactMap(\.bundle).first(where: { $0 != fingerprint }) {
                throw CommandFailure("\(alerts) was made from another bundle (fingerprint \(other), not \(fingerprint) "
                    + "for \(bundle)). Run `custodes detect \(bundle) --out FILE` and evaluate that.")
            }
            let evaluation = Evaluation(truth: truth, alerts: records)
            print(json ? try EvaluationJSON.render(evaluation) : EvaluationText.render(evaluation))
            return
        }
        let evaluation = try await self.database.withStore { database in
            let records = try await StoredEvaluations.alertRecords(in: database)
            try Self.checkSameForce(records.map(\.staffID), staff: staffOnly, alerts: "the store's alerts", bundle: bundle)
            let evaluation = Evaluation(truth: truth, alerts: records)
            try await StoredEvaluations.record(evaluation, bundle: (bundle as NSString).lastPathComponent,
                                               at: Int64(Date().timeIntervalSince1970), in: database)
            return evaluation
        }
        guard !json else { return print(try EvaluationJSON.render(evaluation)) }
        print(EvaluationText.render(evaluation))
        print("\nrecorded in \(store); `custodes capability` reports it")
    }
}

extension EvaluateCommand {
    /// A bundle's fingerprint: the first 16 hexadecimal digits of its staff file's SHA-256 (the staff differ between
    /// forces, and between simulated forces, even where their identifiers do not).
    static func fingerprint(bundle: String) throws -> String {
        String(try FileDigest.sha256(path: bundle + "/staff.csv").prefix(16))
    }

    /// Alerts measured against another force's truth give nonsense: when most alerted staff are not in the bundle,
    /// the alerts came from somewhere else, and the command says so instead of printing figures.
    static func checkSameForce(_ alertedStaff: [String], staff: ReferenceData, alerts: String, bundle: String) throws {
        let alerted = Set(alertedStaff)
        guard !alerted.isEmpty else { return }
        let known = Set(staff.staff.map(\.staffID))
        let strangers = alerted.subtracting(known).count
        if strangers * 2 > alerted.count {
            throw CommandFailure("\(strangers) of the \(alerted.count) members of staff in \(alerts) are not in \(bundle): "
                + "the alerts were made from another bundle. Run `custodes detect \(bundle) --out FILE` and evaluate that.")
        }
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

/// The evaluation as one JSON object, with the same measures as the readable report and the days of every detection.
enum EvaluationJSON {
    struct Scenario: Encodable {
        var scenario: String
        var staff: Int
        var detected: Int
        var recall: Double
        var median_days: Double?
        var days: [Double]
    }

    struct Report: Encodable {
        var misconduct_staff: Int
        var alerts_within_budget: Int
        var alerts_over_budget: Int
        var alerted_staff: Int
        var falsely_alerted_staff: Int
        var detected: Int
        var recall: Double
        var recall_uncapped: Double
        var precision: Double
        var median_days: Double?
        var worst_days: Double?
        var scenarios: [Scenario]
        var false_alerts_by_pattern: [String: Int]
    }

    static func render(_ e: Evaluation) throws -> String {
        let report = Report(
            misconduct_staff: e.misconductStaff, alerts_within_budget: e.alertsWithinBudget,
            alerts_over_budget: e.alertsOverBudget, alerted_staff: e.alertedStaff,
            falsely_alerted_staff: e.falselyAlertedStaff, detected: e.detected, recall: e.recall,
            recall_uncapped: e.recallUncapped, precision: e.precision, median_days: e.medianDaysToDetect,
            worst_days: e.worstDaysToDetect,
            scenarios: e.scenarios.map {
                Scenario(scenario: $0.scenario, staff: $0.staff, detected: $0.detected, recall: $0.recall,
                         median_days: Evaluation.medianOf($0.daysToDetect), days: $0.daysToDetect)
            },
            false_alerts_by_pattern: e.falseAlertsByPattern)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
