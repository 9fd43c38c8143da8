import SQLKit

/// Where detection got to: the last audit event (by arrival) its alerts reflect, under which rules and budget.
struct DetectionState: Sendable, Equatable {
    var cursor: Int64
    var events: Int
    var rulesVersion: Int64
    var budget: Int?
    var runID: Int64

    static func load(from database: StoreDatabase) async throws -> DetectionState? {
        guard let row = try await database.sql.raw(
            "SELECT cursor_seq, events, rules_version, budget, run_id FROM detection_state WHERE id = 1").first() else {
            return nil
        }
        return DetectionState(cursor: try row.decode(column: "cursor_seq", as: Int64.self),
                              events: try row.decode(column: "events", as: Int.self),
                              rulesVersion: try row.decode(column: "rules_version", as: Int64.self),
                              budget: try row.decode(column: "budget", as: Int?.self),
                              runID: try row.decode(column: "run_id", as: Int64.self))
    }
}
