import SQLKit

/// Reveals an analyst asks for, for the head of unit to approve or refuse, when the unit has switched that on
/// (`UnitSettings.revealRequests`). An approved request becomes the analyst's own reveal, with their reason, so the
/// alert and the trail read as any other reveal, and the trail says who approved it.
public enum RevealRequests {
    public enum Status: String, Sendable { case pending, approved, refused }

    public struct Request: Sendable, Equatable {
        public var requestID: Int64
        public var alertID: Int64
        public var alertKey: String
        public var reason: String
        public var requestedBy: String
        public var requestedAt: Int64
        public var status: Status
        public var decidedBy: String?
        public var decidedAt: Int64?
    }

    public enum Failure: Error, Equatable { case alreadyDecided, ownRequest }

    @discardableResult
    public static func ask(alertID: Int64, alertKey: String, reason: String, by username: String, at: Int64,
                           in database: StoreDatabase) async throws -> Int64 {
        guard let row = try await database.sql.raw("""
            INSERT INTO reveal_requests (alert_id, alert_key, reason, requested_by, requested_at, status) VALUES \
            (\(bind: alertID), \(bind: alertKey), \(bind: reason), \(bind: username), \(bind: at), 'pending') \
            RETURNING request_id
            """).first() else { throw StoreError.query("no reveal request returned") }
        return try row.decode(column: "request_id", as: Int64.self)
    }

    public static func all(limit: Int = 200, in database: StoreDatabase) async throws -> [Request] {
        try await database.sql.raw("""
            SELECT * FROM reveal_requests ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, request_id DESC \
            LIMIT \(unsafeRaw: String(max(1, min(limit, 1_000))))
            """).all().map(decode)
    }

    public static func request(_ requestID: Int64, in database: StoreDatabase) async throws -> Request? {
        try await database.sql.raw("SELECT * FROM reveal_requests WHERE request_id = \(bind: requestID)").first().map(decode)
    }

    /// The user's pending request on an alert, if any.
    public static func pending(alertKey: String, by username: String, in database: StoreDatabase) async throws -> Request? {
        try await database.sql.raw("""
            SELECT * FROM reveal_requests WHERE alert_key = \(bind: alertKey) AND requested_by = \(bind: username) \
            AND status = 'pending'
            """).first().map(decode)
    }

    /// Decides a pending request (once; never one's own); an approval records the requester's reveal with their
    /// reason, in the same transaction.
    public static func decide(_ requestID: Int64, approve: Bool, by username: String, at: Int64,
                              in database: StoreDatabase) async throws -> Request {
        try await database.transaction {
            guard let request = try await request(requestID, in: database), request.status == .pending else {
                throw Failure.alreadyDecided
            }
            guard request.requestedBy != username else { throw Failure.ownRequest }
            try await database.sql.raw("""
                UPDATE reveal_requests SET status = \(bind: approve ? "approved" : "refused"), decided_by = \(bind: username), \
                decided_at = \(bind: at) WHERE request_id = \(bind: requestID) AND status = 'pending'
                """).run()
            if approve {
                try await AlertCasework.reveal(key: request.alertKey, by: request.requestedBy,
                                               reason: request.reason + " (approved by \(username))", at: at, in: database)
            }
            var decided = request
            decided.status = approve ? .approved : .refused
            decided.decidedBy = username
            decided.decidedAt = at
            return decided
        }
    }

    static func decode(_ row: any SQLRow) throws -> Request {
        Request(requestID: try row.decode(column: "request_id", as: Int64.self),
                alertID: try row.decode(column: "alert_id", as: Int64.self),
                alertKey: try row.decode(column: "alert_key", as: String.self),
                reason: try row.decode(column: "reason", as: String.self),
                requestedBy: try row.decode(column: "requested_by", as: String.self),
                requestedAt: try row.decode(column: "requested_at", as: Int64.self),
                status: Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
                decidedBy: try row.decode(column: "decided_by", as: String?.self),
                decidedAt: try row.decode(column: "decided_at", as: Int64?.self))
    }
}
