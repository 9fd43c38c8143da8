public import CustodesDetection
import CustodesModel
import SQLKit

/// Evaluations of the store's alerts against a simulated force's ground truth, kept so the capability report can
/// state the unit's recall at its capacity with the evaluation it came from, rather than a figure from memory.
public enum StoredEvaluations {
    public struct Stored: Sendable, Equatable {
        public var at: Int64
        /// The bundle whose truth.csv the alerts were measured against.
        public var bundle: String
        public var misconductStaff: Int
        public var detected: Int
        public var recall: Double
        public var precision: Double
        public var medianDaysToDetect: Double?
    }

    public static func record(_ evaluation: Evaluation, bundle: String, at: Int64,
                              in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO evaluations (at, bundle, misconduct_staff, detected, recall, precision, median_days) VALUES \
            (\(bind: at), \(bind: bundle), \(bind: evaluation.misconductStaff), \(bind: evaluation.detected), \
            \(bind: evaluation.recall), \(bind: evaluation.precision), \(bind: evaluation.medianDaysToDetect))
            """).run()
    }

    public static func latest(in database: StoreDatabase) async throws -> Stored? {
        guard let row = try await database.sql.raw(
            "SELECT * FROM evaluations ORDER BY evaluation_id DESC LIMIT 1").first() else { return nil }
        return Stored(at: try row.decode(column: "at", as: Int64.self),
                      bundle: try row.decode(column: "bundle", as: String.self),
                      misconductStaff: try row.decode(column: "misconduct_staff", as: Int.self),
                      detected: try row.decode(column: "detected", as: Int.self),
                      recall: try row.decode(column: "recall", as: Double.self),
                      precision: try row.decode(column: "precision", as: Double.self),
                      medianDaysToDetect: try row.decode(column: "median_days", as: Double?.self))
    }

    /// The store's standing alerts as evaluation reads them from an alerts file.
    public static func alertRecords(in database: StoreDatabase) async throws -> [AlertRecord] {
        try await database.sql.raw("""
            SELECT alert_key, staff_id, opened_at, score, over_budget, surfaced_at, indicators FROM alerts \
            WHERE status = 'open' ORDER BY opened_at, alert_key
            """).all().map { row in
            let opened = try row.decode(column: "opened_at", as: Int64.self)
            return AlertRecord(alertID: try row.decode(column: "alert_key", as: String.self),
                               staffID: try row.decode(column: "staff_id", as: String.self),
                               openedAt: Timestamp(seconds: opened),
                               score: try row.decode(column: "score", as: Double.self),
                               overBudget: try row.decode(column: "over_budget", as: Int64.self) != 0,
                               surfacedAt: Timestamp(seconds: try row.decode(column: "surfaced_at", as: Int64?.self) ?? opened),
                               indicators: try row.decode(column: "indicators", as: String.self)
                                   .split(separator: ";").map(String.init))
        }
    }
}
