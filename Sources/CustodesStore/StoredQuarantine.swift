public import CustodesBundle
import SQLKit

/// The rows ingest set aside, as kept in the store: what a data owner reads to fix an export.
public enum StoredQuarantine {
    public struct Row: Sendable, Equatable {
        public var batchID: Int64
        public var entry: QuarantineEntry
    }

    /// The most recent quarantined rows first, optionally for one batch.
    public static func list(in database: StoreDatabase, batch: Int64? = nil, limit: Int = 100) async throws -> [Row] {
        let filter: SQLQueryString = batch.map { "WHERE batch_id = \(bind: $0)" } ?? ""
        let rows = try await database.sql.raw("""
            SELECT batch_id, file, line, field, reason, detail, original FROM quarantine \(filter) \
            ORDER BY quarantine_id DESC LIMIT \(bind: limit)
            """).all()
        return try rows.map { row in
            let reasonText = try row.decode(column: "reason", as: String.self)
            guard let reason = QuarantineReason(rawValue: reasonText) else {
                throw StoreError.invalidRow(table: "quarantine", detail: "unknown reason '\(reasonText)'")
            }
            return Row(batchID: try row.decode(column: "batch_id", as: Int64.self),
                       entry: QuarantineEntry(file: try row.decode(column: "file", as: String.self),
                                              line: try row.decode(column: "line", as: Int.self),
                                              field: try row.decode(column: "field", as: String.self), reason: reason,
                                              detail: try row.decode(column: "detail", as: String.self),
                                              original: try row.decode(column: "original", as: String.self)))
        }
    }

    /// How many rows are quarantined per reason, over every batch.
    public static func countsByReason(in database: StoreDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await database.sql.raw(
            "SELECT reason, COUNT(*) AS n FROM quarantine GROUP BY reason").all() {
            counts[try row.decode(column: "reason", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
