import SQLKit

/// One alert and the unit's work on it: assignment, comments, decisions and reveals. Every write here is one row;
/// the caller appends the matching audit-trail entry.
public enum AlertCasework {
    public struct Record: Sendable {
        public var key: String
        public var alertID: Int64
        public var staffID: String
        public var pseudonym: String
        public var openedAt: Int64
        public var score: Double
        public var scoreAtOpen: Double
        public var status: String
        /// The detection engine's JSON for the alert: evidence, contributions, people and why it fired.
        public var detail: String
        public var state: TriageState
        public var assignee: String?
    }

    public struct Comment: Sendable, Equatable {
        public var username: String
        public var at: Int64
        public var body: String
    }

    public struct Decision: Sendable, Equatable {
        public var username: String
        public var at: Int64
        public var outcome: DecisionOutcome
        public var rationale: String
        public var exceptionUntil: String?
        public var rulesVersion: Int64?
    }

    public struct Reveal: Sendable, Equatable {
        public var username: String
        public var at: Int64
        public var reason: String
    }

    public static func record(id: Int64, in database: StoreDatabase) async throws -> Record? {
        guard let row = try await database.sql.raw("""
            SELECT a.*, COALESCE(t.state, 'new') AS state, t.assignee FROM alerts a \
            LEFT JOIN alert_triage t ON t.alert_key = a.alert_key WHERE a.alert_id = \(bind: id)
            """).first() else { return nil }
        return Record(key: try row.decode(column: "alert_key", as: String.self),
                      alertID: try row.decode(column: "alert_id", as: Int64.self),
                      staffID: try row.decode(column: "staff_id", as: String.self),
                      pseudonym: try row.decode(column: "staff_pseudonym", as: String.self),
                      openedAt: try row.decode(column: "opened_at", as: Int64.self),
                      score: try row.decode(column: "score", as: Double.self),
                      scoreAtOpen: try row.decode(column: "score_at_open", as: Double.self),
                      status: try row.decode(column: "status", as: String.self),
                      detail: try row.decode(column: "detail", as: String.self),
                      state: TriageState(rawValue: try row.decode(column: "state", as: String.self)) ?? .new,
                      assignee: try row.decode(column: "assignee", as: String?.self))
    }

    public static func comments(key: String, in database: StoreDatabase) async throws -> [Comment] {
        try await database.sql.raw("""
            SELECT username, at, body FROM alert_comments WHERE alert_key = \(bind: key) ORDER BY comment_id
            """).all().map {
            Comment(username: try $0.decode(column: "username", as: String.self),
                    at: try $0.decode(column: "at", as: Int64.self), body: try $0.decode(column: "body", as: String.self))
        }
    }

    public static func decisions(key: String, in database: StoreDatabase) async throws -> [Decision] {
        try await database.sql.raw("""
            SELECT * FROM alert_decisions WHERE alert_key = \(bind: key) ORDER BY decision_id
            """).all().map {
            Decision(username: try $0.decode(column: "username", as: String.self),
                     at: try $0.decode(column: "at", as: Int64.self),
                     outcome: DecisionOutcome(rawValue: try $0.decode(column: "outcome", as: String.self))
                        ?? .noFurtherAction,
                     rationale: try $0.decode(column: "rationale", as: String.self),
                     exceptionUntil: try $0.decode(column: "exception_until", as: String?.self),
                     rulesVersion: try $0.decode(column: "rules_version", as: Int64?.self))
        }
    }

    public static func reveals(key: String, in database: StoreDatabase) async throws -> [Reveal] {
        try await database.sql.raw("""
            SELECT username, at, reason FROM reveals WHERE alert_key = \(bind: key) ORDER BY reveal_id
            """).all().map {
            Reveal(username: try $0.decode(column: "username", as: String.self),
                   at: try $0.decode(column: "at", as: Int64.self),
                   reason: try $0.decode(column: "reason", as: String.self))
        }
    }

    /// Whether the user revealed this member of staff, on an alert about them or on a case about them.
    public static func hasRevealed(staffID: String, username: String, in database: StoreDatabase) async throws -> Bool {
        if try await database.sql.raw("""
            SELECT r.reveal_id FROM reveals r JOIN alerts a ON a.alert_key = r.alert_key \
            WHERE a.staff_id = \(bind: staffID) AND r.username = \(bind: username) LIMIT 1
            """).first() != nil { return true }
        return try await database.sql.raw("""
            SELECT r.reveal_id FROM case_reveals r JOIN cases c ON c.case_id = r.case_id \
            WHERE c.subject_staff_id = \(bind: staffID) AND r.username = \(bind: username) LIMIT 1
            """).first() != nil
    }

    public static func assign(key: String, to assignee: String?, at: Int64, in database: StoreDatabase) async throws {
        try await setTriage(key: key, assignee: .some(assignee), state: nil, at: at, in: database)
    }

    public static func comment(key: String, by username: String, body: String, at: Int64,
                               in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO alert_comments (alert_key, username, at, body) VALUES (\(bind: key), \(bind: username), \
            \(bind: at), \(bind: body))
            """).run()
        try await setTriage(key: key, assignee: nil, state: .inReview, onlyIfNew: true, at: at, in: database)
    }

    public static func decide(key: String, by username: String, outcome: DecisionOutcome, rationale: String,
                              exceptionUntil: String?, rulesVersion: Int64?, at: Int64,
                              in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO alert_decisions (alert_key, username, at, outcome, rationale, exception_until, rules_version) \
            VALUES (\(bind: key), \(bind: username), \(bind: at), \(bind: outcome.rawValue), \(bind: rationale), \
            \(bind: exceptionUntil), \(bind: rulesVersion))
            """).run()
        try await setTriage(key: key, assignee: nil, state: .decided, at: at, in: database)
    }

    public static func reveal(key: String, by username: String, reason: String, at: Int64,
                              in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO reveals (alert_key, username, at, reason) VALUES (\(bind: key), \(bind: username), \
            \(bind: at), \(bind: reason))
            """).run()
    }

    /// Sets the assignee (when `assignee` is non-nil; `.some(nil)` unassigns) and the state (when given).
    static func setTriage(key: String, assignee: String??, state: TriageState?, onlyIfNew: Bool = false, at: Int64,
                          in database: StoreDatabase) async throws {
        let existing = try await database.sql.raw(
            "SELECT assignee, state FROM alert_triage WHERE alert_key = \(bind: key)").first()
        if let existing {
            let currentState = try existing.decode(column: "state", as: String.self)
            let newState = onlyIfNew && currentState != TriageState.new.rawValue ? currentState
                : (state?.rawValue ?? (currentState == TriageState.new.rawValue ? TriageState.inReview.rawValue : currentState))
            let newAssignee = try assignee ?? existing.decode(column: "assignee", as: String?.self)
            try await database.sql.raw("""
                UPDATE alert_triage SET assignee = \(bind: newAssignee), state = \(bind: newState), \
                updated_at = \(bind: at) WHERE alert_key = \(bind: key)
                """).run()
        } else {
            try await database.sql.raw("""
                INSERT INTO alert_triage (alert_key, assignee, state, updated_at) VALUES (\(bind: key), \
                \(bind: assignee ?? nil), \(bind: (state ?? .inReview).rawValue), \(bind: at))
                """).run()
        }
    }
}
