import Foundation
public import CustodesModel

/// The fields of an alert that evaluation needs, read back from alerts.jsonl.
public struct AlertRecord: Sendable, Equatable {
    public var alertID: String
    public var staffID: String
    public var openedAt: Timestamp
    public var score: Double
    public var overBudget: Bool
    /// When a budgeted queue reached it; its opening time when the file has no budget.
    public var surfacedAt: Timestamp
    public var indicators: [String]
    /// The fingerprint of the bundle the alert was made from (its staff file's), when `detect` wrote one.
    public var bundle: String?

    public init(alertID: String, staffID: String, openedAt: Timestamp, score: Double, overBudget: Bool,
                surfacedAt: Timestamp, indicators: [String], bundle: String? = nil) {
        self.bundle = bundle
        self.alertID = alertID
        self.staffID = staffID
        self.openedAt = openedAt
        self.score = score
        self.overBudget = overBudget
        self.surfacedAt = surfacedAt
        self.indicators = indicators
    }
}

/// A line of alerts.jsonl that cannot be used.
public struct AlertFileError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}

public enum AlertFile {
    /// The alerts in the text of an alerts.jsonl file; `path` names the file in errors. The caller reads the file.
    public static func parse(_ text: String, path: String) throws -> [AlertRecord] {
        var records: [AlertRecord] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            func fail(_ message: String) -> AlertFileError { AlertFileError(file: path, line: index + 1, message: message) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw fail("not a JSON object")
            }
            guard let id = object["alert_id"] as? String else { throw fail("alert_id: missing") }
            guard let staff = object["staff_id"] as? String else { throw fail("staff_id: missing") }
            guard let opened = object["opened_at"] as? String, case .success(let at) = Timestamp.parseInstant(opened)
            else { throw fail("opened_at: missing or not an ISO 8601 time") }
            guard let score = object["score"] as? Double ?? (object["score"] as? Int).map(Double.init) else {
                throw fail("score: missing or not a number")
            }
            var surfaced = at
            if let text = object["surfaced_at"] as? String {
                guard case .success(let time) = Timestamp.parseInstant(text) else {
                    throw fail("surfaced_at: not an ISO 8601 time")
                }
                surfaced = time
            }
            records.append(AlertRecord(alertID: id, staffID: staff, openedAt: at, score: score,
                                       overBudget: object["over_budget"] as? Bool ?? false, surfacedAt: surfaced,
                                       indicators: object["indicators"] as? [String] ?? [],
                                       bundle: object["bundle"] as? String))
        }
        return records
    }
}
