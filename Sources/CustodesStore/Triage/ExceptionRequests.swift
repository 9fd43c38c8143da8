import SQLKit

/// Exceptions to the rules, asked for with a decision and approved by a second person: one click by one person once
/// excepted five rules for four months. A request waits until a head of unit other than the one who asked approves
/// it (and it enters the rules) or refuses it. The caller appends the trail entries.
public enum ExceptionRequests {
    public enum Status: String, Sendable {
        case pending, approved, refused
    }

    public struct Request: Sendable, Equatable {
        public var requestID: Int64
        public var alertID: Int64
        public var staffID: String
        public var indicators: [String]
        public var tasking: String?
        public var until: String
        public var rationale: String
        public var requestedBy: String
        public var requestedAt: Int64
        public var status: Status
        public var decidedBy: String?
        public var decidedAt: Int64?
        public var note: String?
        public var rulesVersion: Int64?
    }

    public enum RequestError: Error, Equatable, CustomStringConvertible {
        case noSuchRequest, alreadyDecided, sameApprover

        public var description: String {
            switch self {
            case .noSuchRequest: "There is no such exception request"
            case .alreadyDecided: "That request has already been decided"
            case .sameApprover: "Another head of unit must approve an exception you asked for"
            }
        }
    }

    @discardableResult
    public static func request(alertID: Int64, staffID: String, indicators: [String], tasking: String?, until: String,
                               rationale: String, by username: String, at: Int64,
                               in database: StoreDatabase) async throws -> Int64 {
        guard let row = try await database.sql.raw("""
            INSERT INTO exception_requests (alert_id, staff_id, indicators, tasking, until, rationale, requested_by, \
            requested_at, status) VALUES (\(bind: alertID), \(bind: staffID), \(bind: indicators.joined(separator: ";")), \
            \(bind: tasking), \(bind: until), \(bind: rationale), \(bind: username), \(bind: at), 'pending') \
            RETURNING request_id
            """).first() else { throw StoreError.query("no request returned") }
        return try row.decode(column: "request_id", as: Int64.self)
    }

    public static func request(_ requestID: Int64, in database: StoreDatabase) async throws -> Request? {
        try await database.sql.raw("SELECT * FROM exception_requests WHERE request_id = \(bind: requestID)").first()
            .map(decode)
    }

    /// Pending requests first, then the newest decided ones.
    public static func all(limit: Int = 200, in database: StoreDatabase) async throws -> [Request] {
        try await database.sql.raw("""
            SELECT * FROM exception_requests ORDER BY CASE WHEN status = 'pending' THEN 0 ELSE 1 END, \
            request_id DESC LIMIT \(unsafeRaw: String(max(1, min(limit, 1_000))))
            """).all().map(decode)
    }

    /// Marks a pending request decided, checking in one transaction that it is still pending and that the approver
    /// is not the one who asked; `apply` (run inside it) puts an approved exception into the rules and returns the
    /// rules version.
    public static func decide(_ requestID: Int64, approve: Bool, by username: String, note: String, at: Int64,
                              in database: StoreDatabase,
                              apply: (Request) async throws -> Int64?) async throws -> Request {
        try await database.transaction {
            guard var request = try await request(requestID, in: database) else { throw RequestError.noSuchRequest }
            guard request.status == .pending else { throw RequestError.alreadyDecided }
            if approve && request.requestedBy == username { throw RequestError.sameApprover }
            let version = approve ? try await apply(request) : nil
            request.status = approve ? .approved : .refused
            try await database.sql.raw("""
                UPDATE exception_requests SET status = \(bind: request.status.rawValue), decided_by = \(bind: username), \
                decided_at = \(bind: at), note = \(bind: note), rules_version = \(bind: version) \
                WHERE request_id = \(bind: requestID)
                """).run()
            request.decidedBy = username
            request.decidedAt = at
            request.note = note
            request.rulesVersion = version
            return request
        }
    }

    static func decode(_ row: any SQLRow) throws -> Request {
        Request(requestID: try row.decode(column: "request_id", as: Int64.self),
                alertID: try row.decode(column: "alert_id", as: Int64.self),
                staffID: try row.decode(column: "staff_id", as: String.self),
                indicators: try row.decode(column: "indicators", as: String.self).split(separator: ";").map(String.init),
                tasking: try row.decode(column: "tasking", as: String?.self),
                until: try row.decode(column: "until", as: String.self),
                rationale: try row.decode(column: "rationale", as: String.self),
                requestedBy: try row.decode(column: "requested_by", as: String.self),
                requestedAt: try row.decode(column: "requested_at", as: Int64.self),
                status: Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
                decidedBy: try row.decode(column: "decided_by", as: String?.self),
                decidedAt: try row.decode(column: "decided_at", as: Int64?.self),
                note: try row.decode(column: "note", as: String?.self),
                rulesVersion: try row.decode(column: "rules_version", as: Int64?.self))
    }
}
