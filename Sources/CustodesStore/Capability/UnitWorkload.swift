import SQLKit

/// The unit's workload as the head of unit watches it: alerts raised and decided week by week, how long the alerts
/// still waiting have waited, who decided how many, and what the decisions were. Counted from the triage records,
/// the same ones the capability report reads.
public struct UnitWorkload: Sendable, Equatable {
    public struct Week: Sendable, Equatable {
        /// The Monday the week starts on (UTC), as epoch seconds.
        public var startsAt: Int64
        public var raised: Int
        public var decided: Int
    }

    public struct Person: Sendable, Equatable {
        public var username: String
        /// Decisions in the last 28 days, and ever.
        public var recent: Int
        public var total: Int
        /// Comments in the last 28 days.
        public var comments: Int
    }

    /// The last `weeks` weeks, oldest first, with weeks of nothing included.
    public var weeks: [Week]
    /// Alerts waiting for a decision, by how long they have waited: under a day, 1–7 days, 8–14, 15–28, over 28.
    public var waiting: [(label: String, count: Int)]
    public var medianWaitSeconds: Int64?
    public var people: [Person]
    /// Each decided alert's latest decision, by outcome.
    public var outcomes: [(outcome: String, count: Int)]

    public static func == (lhs: UnitWorkload, rhs: UnitWorkload) -> Bool {
        lhs.weeks == rhs.weeks && lhs.waiting.map(\.count) == rhs.waiting.map(\.count)
            && lhs.medianWaitSeconds == rhs.medianWaitSeconds && lhs.people == rhs.people
            && lhs.outcomes.map(\.outcome) == rhs.outcomes.map(\.outcome) && lhs.outcomes.map(\.count) == rhs.outcomes.map(\.count)
    }

    static let week: Int64 = 7 * 86_400
    /// Weeks start on Monday: 1970-01-01 was a Thursday.
    static func weekStart(_ seconds: Int64) -> Int64 { (seconds + 3 * 86_400) / week * week - 3 * 86_400 }

    /// Counted within `visibility`: a head of unit's figures leave out alerts about themselves or their declared
    /// associates, as their queue does, so the dashboard tells them nothing the queue would not.
    public static func gather(from database: StoreDatabase, now: Int64, weeks count: Int = 12,
                              visibility: AlertQueue.Visibility = .init(scope: .all)) async throws -> UnitWorkload {
        let sql = database.sql
        let thisWeek = weekStart(now)
        let firstWeek = thisWeek - Int64(count - 1) * week
        var weeks = (0..<count).map { Week(startsAt: firstWeek + Int64($0) * week, raised: 0, decided: 0) }
        var waits: [Int64] = []
        let conditions = AlertQueue.conditions(for: visibility)
        let andVisible: SQLQueryString = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
        for row in try await sql.raw("""
            SELECT r.finished_at AS raised, \
            (SELECT MIN(d.at) FROM alert_decisions d WHERE d.alert_key = a.alert_key) AS decided \
            FROM alerts a JOIN detection_runs r ON r.run_id = a.first_run \
            LEFT JOIN alert_triage t ON t.alert_key = a.alert_key WHERE (a.status = 'open' \
            OR EXISTS (SELECT 1 FROM alert_decisions d WHERE d.alert_key = a.alert_key))
            """ + andVisible).all() {
            let raised = try row.decode(column: "raised", as: Int64.self)
            let decided = try row.decode(column: "decided", as: Int64?.self)
            if let index = weekIndex(raised, first: firstWeek, count: count) { weeks[index].raised += 1 }
            if let decided {
                if let index = weekIndex(decided, first: firstWeek, count: count) { weeks[index].decided += 1 }
            } else {
                waits.append(max(0, now - raised))
            }
        }
        let bounds: [(String, Int64)] = [("Under a day", 86_400), ("1 to 7 days", 7 * 86_400), ("8 to 14 days", 14 * 86_400),
                                         ("15 to 28 days", 28 * 86_400), ("Over 28 days", .max)]
        var waiting = bounds.map { (label: $0.0, count: 0) }
        for wait in waits {
            if let index = bounds.firstIndex(where: { wait < $0.1 }) { waiting[index].count += 1 }
        }
        let since = now - 28 * 86_400
        var people: [String: Person] = [:]
        // Decisions, comments and outcomes on alerts within the same visibility.
        let visible: SQLQueryString = "alert_key IN (SELECT a.alert_key FROM alerts a LEFT JOIN alert_triage t ON t.alert_key = a.alert_key"
            + AlertQueue.whereClause(AlertQueue.conditions(for: visibility)) + ")"
        for row in try await sql.raw("""
            SELECT username, COUNT(*) AS total, \
            CAST(COALESCE(SUM(CASE WHEN at >= \(bind: since) THEN 1 ELSE 0 END), 0) AS BIGINT) AS recent \
            FROM alert_decisions WHERE
            """ + " " + visible + " GROUP BY username").all() {
            let username = try row.decode(column: "username", as: String.self)
            people[username] = Person(username: username, recent: try row.decode(column: "recent", as: Int.self),
                                      total: try row.decode(column: "total", as: Int.self), comments: 0)
        }
        for row in try await sql.raw("""
            SELECT username, COUNT(*) AS n FROM alert_comments WHERE at >= \(bind: since) AND
            """ + " " + visible + " GROUP BY username").all() {
            let username = try row.decode(column: "username", as: String.self)
            people[username, default: Person(username: username, recent: 0, total: 0, comments: 0)].comments =
                try row.decode(column: "n", as: Int.self)
        }
        let outcomes = try await sql.raw("""
            SELECT d.outcome, COUNT(*) AS n FROM alert_decisions d WHERE d.decision_id = \
            (SELECT MAX(l.decision_id) FROM alert_decisions l WHERE l.alert_key = d.alert_key) AND d.
            """ + visible + " GROUP BY d.outcome ORDER BY n DESC, d.outcome").all().map { (try $0.decode(column: "outcome", as: String.self), try $0.decode(column: "n", as: Int.self)) }
        return UnitWorkload(
            weeks: weeks, waiting: waiting,
            medianWaitSeconds: waits.isEmpty ? nil : waits.sorted()[(waits.count - 1) / 2],
            people: people.values.sorted { ($0.recent, $0.total, $1.username) > ($1.recent, $1.total, $0.username) },
            outcomes: outcomes)
    }

    static func weekIndex(_ seconds: Int64, first: Int64, count: Int) -> Int? {
        let index = Int((weekStart(seconds) - first) / week)
        return seconds >= first && index < count ? index : nil
    }
}
