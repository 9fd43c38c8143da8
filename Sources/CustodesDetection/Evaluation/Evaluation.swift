public import CustodesModel

/// Detection measured the way a counter-corruption unit experiences it: per member of staff, at the unit's triage
/// capacity, and by how long misconduct ran before the first alert. Event-level accuracy is not reported on purpose;
/// it rewards the wrong thing.
public struct Evaluation: Sendable, Equatable {
    public struct ScenarioResult: Sendable, Equatable {
        public var scenario: String
        public var staff: Int
        public var detected: Int
        public var daysToDetect: [Double]
        public var recall: Double { staff == 0 ? 0 : Double(detected) / Double(staff) }
    }

    public var misconductStaff: Int
    /// Among alerts within the budget.
    public var detected: Int
    public var alertedStaff: Int
    public var falselyAlertedStaff: Int
    /// Among all alerts, budget or not.
    public var detectedUncapped: Int
    public var alertedStaffUncapped: Int
    public var daysToDetect: [Double]
    public var scenarios: [ScenarioResult]
    /// Falsely alerted staff by benign look-alike (or "none" for staff in no scenario).
    public var falseAlertsByPattern: [String: Int]
    public var alertsWithinBudget: Int
    public var alertsOverBudget: Int

    public var recall: Double { misconductStaff == 0 ? 0 : Double(detected) / Double(misconductStaff) }
    public var precision: Double { alertedStaff == 0 ? 0 : Double(alertedStaff - falselyAlertedStaff) / Double(alertedStaff) }
    public var recallUncapped: Double {
        misconductStaff == 0 ? 0 : Double(detectedUncapped) / Double(misconductStaff)
    }
    public var medianDaysToDetect: Double? { Self.median(daysToDetect) }
    public var worstDaysToDetect: Double? { daysToDetect.max() }

    public init(truth: [TruthRecord], alerts: [AlertRecord]) {
        let misconduct = truth.filter { $0.kind == .misconduct }
        let benignByStaff = Dictionary(truth.filter { $0.kind == .benign }.map { ($0.staffID, $0.scenario) },
                                       uniquingKeysWith: { first, _ in first })
        let misconductByStaff = Dictionary(misconduct.map { ($0.staffID, $0) }, uniquingKeysWith: { first, _ in first })
        var firstAlert: [String: Timestamp] = [:]
        var firstAlertUncapped: [String: Timestamp] = [:]
        for alert in alerts {
            firstAlertUncapped[alert.staffID] = min(firstAlertUncapped[alert.staffID] ?? alert.openedAt, alert.openedAt)
            if !alert.overBudget {
                firstAlert[alert.staffID] = min(firstAlert[alert.staffID] ?? alert.openedAt, alert.openedAt)
            }
        }
        misconductStaff = misconductByStaff.count
        alertedStaff = firstAlert.count
        alertedStaffUncapped = firstAlertUncapped.count
        detectedUncapped = alerts.filter { alert in
            misconductByStaff[alert.staffID].map { alert.openedAt.seconds >= $0.firstAt.seconds - 86_400 } ?? false
        }.reduce(into: Set<String>()) { $0.insert($1.staffID) }.count
        alertsWithinBudget = alerts.filter { !$0.overBudget }.count
        alertsOverBudget = alerts.count - alertsWithinBudget
        var falseAlerts: [String: Int] = [:]
        for staff in firstAlert.keys where misconductByStaff[staff] == nil {
            falseAlerts[benignByStaff[staff] ?? "none", default: 0] += 1
        }
        falseAlertsByPattern = falseAlerts
        var days: [Double] = []
        var byScenario: [String: ScenarioResult] = [:]
        for record in misconductByStaff.values.sorted(by: { $0.staffID < $1.staffID }) {
            var result = byScenario[record.scenario] ?? ScenarioResult(scenario: record.scenario, staff: 0, detected: 0,
                                                                       daysToDetect: [])
            result.staff += 1
            // The first alert from a day before the misconduct began: an earlier alert was about something else.
            let from = record.firstAt.seconds - 86_400
            // Days count to when the unit's queue reached the alert, not merely to when it opened.
            if let opened = alerts.filter({ !$0.overBudget && $0.staffID == record.staffID && $0.openedAt.seconds >= from })
                .map(\.surfacedAt).min() {
                result.detected += 1
                let delay = max(0, Double(opened.seconds - record.firstAt.seconds) / 86_400)
                result.daysToDetect.append(delay)
                days.append(delay)
            }
            byScenario[record.scenario] = result
        }
        daysToDetect = days.sorted()
        detected = days.count
        falselyAlertedStaff = firstAlert.keys.filter { misconductByStaff[$0] == nil }.count
        scenarios = byScenario.values.sorted { $0.scenario < $1.scenario }
    }

    public static func medianOf(_ values: [Double]) -> Double? { median(values) }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
