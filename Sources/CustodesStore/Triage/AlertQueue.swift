import SQLKit

/// The triage queue: stored alerts with their triage state, filtered to what one user may see, sorted and paged in
/// the database so that a queue of 100,000 alerts costs one indexed page read and one count.
public enum AlertQueue {
    public enum Sort: String, Sendable, CaseIterable {
        /// Highest risk first.
        case risk
        /// Oldest first: what has waited longest.
        case age
        /// New before in review before decided, then by risk.
        case state
    }

    /// Which alerts a user may see at all, before any filter they choose.
    public struct Visibility: Sendable, Equatable {
        public enum Scope: Sendable, Equatable {
            /// Every alert (the head of unit).
            case all
            /// Unassigned alerts and those assigned to this user (analysts).
            case unassignedOrAssignedTo(String)
            /// Only alerts assigned to this user (investigators).
            case assignedTo(String)
        }
        public var scope: Scope
        /// Members of staff the user must never see alerts about: themselves.
        public var hiddenStaff: [String]
        /// Person pseudonyms the user must never see alerts involving: their declared associates.
        public var hiddenPeople: [String]

        public init(scope: Scope, hiddenStaff: [String] = [], hiddenPeople: [String] = []) {
            self.scope = scope
            self.hiddenStaff = hiddenStaff
            self.hiddenPeople = hiddenPeople
        }
    }

    public struct Query: Sendable, Equatable {
        public var sort: Sort = .risk
        public var indicator: String?
        public var station: String?
        /// A username, or "unassigned".
        public var assignee: String?
        public var state: TriageState?
        /// Only alerts about this member of staff (their staff id), or involving this person (their pseudonym).
        public var staffID: String?
        public var person: String?
        public var includeWithdrawn = false
        /// Only alerts not yet decided: the queue's first view, the user's open work.
        public var openWork = false
        /// Only alerts opened after this time (epoch seconds).
        public var openedAfter: Int64?
        public var page = 1
        public var pageSize = 50
        public init() {}
    }

    public struct Row: Sendable, Equatable {
        public var key: String
        public var alertID: Int64
        public var pseudonym: String
        public var openedAt: Int64
        public var score: Double
        public var indicators: [String]
        public var status: String
        public var state: TriageState
        public var assignee: String?
        public var station: String
        public var evidenceCount: Int
    }

    public struct Page: Sendable {
        public var rows: [Row]
        /// Alerts matching the query, over all pages.
        public var total: Int
        /// Alerts the user may see in each triage state, ignoring the query's filters.
        public var counts: [TriageState: Int]
    }

    public static func page(_ query: Query, visibility: Visibility, in database: StoreDatabase) async throws -> Page {
        let visible = conditions(for: visibility)
        var filtered = visible
        if !query.includeWithdrawn { filtered.append(standing) }
        if let indicator = query.indicator, !indicator.isEmpty {
            filtered.append("(';' || a.indicators || ';') LIKE \(bind: "%;" + indicator + ";%")")
        }
        if let station = query.station, !station.isEmpty { filtered.append("s.station = \(bind: station)") }
        if let assignee = query.assignee, !assignee.isEmpty {
            filtered.append(assignee == "unassigned" ? "t.assignee IS NULL" : "t.assignee = \(bind: assignee)")
        }
        if let state = query.state { filtered.append("COALESCE(t.state, 'new') = \(bind: state.rawValue)") }
        if let staffID = query.staffID { filtered.append("a.staff_id = \(bind: staffID)") }
        if query.openWork { filtered.append("COALESCE(t.state, 'new') <> 'decided'") }
        if let after = query.openedAfter { filtered.append("a.opened_at > \(bind: after)") }
        if let person = query.person {
            filtered.append("EXISTS (SELECT 1 FROM alert_people q WHERE q.alert_key = a.alert_key AND q.pseudonym = \(bind: person))")
        }

        let from: SQLQueryString = """
             FROM alerts a LEFT JOIN alert_triage t ON t.alert_key = a.alert_key \
            LEFT JOIN staff s ON s.staff_id = a.staff_id
            """
        let order: SQLQueryString = switch query.sort {
        case .risk: " ORDER BY a.score DESC, a.alert_id"
        case .age: " ORDER BY a.opened_at, a.alert_id"
        case .state: " ORDER BY CASE COALESCE(t.state, 'new') WHEN 'new' THEN 0 WHEN 'in_review' THEN 1 ELSE 2 END, a.score DESC, a.alert_id"
        }
        let size = max(1, min(query.pageSize, 500))
        // Pages are checked where they arrive; the bound here keeps the product from overflowing whatever the caller.
        let offset = (min(max(query.page, 1), 1_000_000) - 1) * size
        // The page's ids first, from the covering index, then their rows: skipping to a late page then reads index
        // entries, not the alerts' evidence.
        let rows = try await database.sql.raw("""
            SELECT a.alert_key, a.alert_id, a.staff_pseudonym, a.opened_at, a.score, a.indicators, a.status, \
            a.evidence_count, COALESCE(t.state, 'new') AS state, t.assignee, COALESCE(s.station, '') AS station
            """ + from + " WHERE a.alert_id IN (SELECT a.alert_id" + from + whereClause(filtered) + order
            + " LIMIT \(unsafeRaw: String(size)) OFFSET \(unsafeRaw: String(offset)))" + order).all()
        let total = try await database.sql.raw("SELECT COUNT(*) AS n" + from + whereClause(filtered)).first()?
            .decode(column: "n", as: Int.self) ?? 0
        var counts: [TriageState: Int] = [:]
        for row in try await database.sql.raw("SELECT COALESCE(t.state, 'new') AS state, COUNT(*) AS n" + from
            + whereClause(visible + [standing]) + " GROUP BY COALESCE(t.state, 'new')").all() {
            if let state = TriageState(rawValue: try row.decode(column: "state", as: String.self)) {
                counts[state] = try row.decode(column: "n", as: Int.self)
            }
        }
        return Page(rows: try rows.map(decodeRow), total: total, counts: counts)
    }

    /// Alerts that stand: open ones, and decided ones whatever detection later made of them. A decision is the
    /// unit's history: an alert withdrawn after it was decided (its accesses excepted, or the rules changed) stays in
    /// the queue under "Decided" and in the counts, marked withdrawn.
    static let standing: SQLQueryString = "(a.status = 'open' OR COALESCE(t.state, 'new') = 'decided')"

    /// Whether one alert is within what a user may see: the same rule the queue applies, for the alert's own page.
    public static func isVisible(key: String, visibility: Visibility, in database: StoreDatabase) async throws -> Bool {
        let from: SQLQueryString = " FROM alerts a LEFT JOIN alert_triage t ON t.alert_key = a.alert_key"
        return try await database.sql.raw("SELECT a.alert_key" + from
            + whereClause(conditions(for: visibility) + ["a.alert_key = \(bind: key)"])).first() != nil
    }

    /// The distinct stations and indicators among open alerts, for the queue's filter lists.
    public static func filterChoices(in database: StoreDatabase) async throws -> (stations: [String], indicators: [String]) {
        let stations = try await database.sql.raw("""
            SELECT DISTINCT s.station FROM alerts a JOIN staff s ON s.staff_id = a.staff_id ORDER BY s.station
            """).all().map { try $0.decode(column: "station", as: String.self) }
        var indicators = Set<String>()
        for row in try await database.sql.raw("SELECT DISTINCT indicators FROM alerts").all() {
            for name in try row.decode(column: "indicators", as: String.self).split(separator: ";") {
                indicators.insert(String(name))
            }
        }
        return (stations, indicators.sorted())
    }

    static func conditions(for visibility: Visibility) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        switch visibility.scope {
        case .all: break
        case .unassignedOrAssignedTo(let user): conditions.append("(t.assignee IS NULL OR t.assignee = \(bind: user))")
        case .assignedTo(let user): conditions.append("t.assignee = \(bind: user)")
        }
        for staff in visibility.hiddenStaff { conditions.append("a.staff_id <> \(bind: staff)") }
        if !visibility.hiddenPeople.isEmpty {
            let people = SQLList(visibility.hiddenPeople.map { SQLBind($0) })
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM alert_people p WHERE p.alert_key = a.alert_key AND p.pseudonym IN (\(people)))
                """)
        }
        return conditions
    }

    static func whereClause(_ conditions: [SQLQueryString]) -> SQLQueryString {
        conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }

    static func decodeRow(_ row: any SQLRow) throws -> Row {
        Row(key: try row.decode(column: "alert_key", as: String.self),
            alertID: try row.decode(column: "alert_id", as: Int64.self),
            pseudonym: try row.decode(column: "staff_pseudonym", as: String.self),
            openedAt: try row.decode(column: "opened_at", as: Int64.self),
            score: try row.decode(column: "score", as: Double.self),
            indicators: try row.decode(column: "indicators", as: String.self).split(separator: ";").map(String.init),
            status: try row.decode(column: "status", as: String.self),
            state: TriageState(rawValue: try row.decode(column: "state", as: String.self)) ?? .new,
            assignee: try row.decode(column: "assignee", as: String?.self),
            station: try row.decode(column: "station", as: String.self),
            evidenceCount: Int(try row.decode(column: "evidence_count", as: Int64.self)))
    }

    /// The members of staff the user may see at least one alert about.
    public static func visibleStaff(visibility: Visibility, in database: StoreDatabase) async throws -> Set<String> {
        Set(try await database.sql.raw("SELECT DISTINCT a.staff_id FROM alerts a LEFT JOIN alert_triage t ON t.alert_key = a.alert_key"
            + whereClause(conditions(for: visibility))).all().map { try $0.decode(column: "staff_id", as: String.self) })
    }

    /// How many alerts the store holds, in any state: whether a store has been scored at all.
    public static func storedCount(in database: StoreDatabase) async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM alerts").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
