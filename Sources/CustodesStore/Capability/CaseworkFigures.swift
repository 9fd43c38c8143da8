public import CustodesModel
import SQLKit

/// What the unit did with what it found: intelligence recorded and graded, cases and where they began, how long
/// the steps took, safeguarding kept up, referrals made on time, and outcomes. These are the figures the
/// inspectorate asked about when it looked at a counter-corruption unit's capability and capacity.
public struct CaseworkFigures: Sendable, Equatable {
    public var intelligenceItems: Int
    public var intelligenceGraded: Int
    /// Items recorded from organisations that support vulnerable people (or members of the public).
    public var partnerIntelligence: Int
    public var cases: Int
    public var openCases: Int
    /// Cases that began with proactive monitoring (an alert, or intelligence from one), with partners, or otherwise
    /// (a colleague's report, an open source, another force).
    public var fromMonitoring: Int
    public var fromPartners: Int
    public var fromOtherSources: Int
    /// Medians in days: from an alert being raised to intelligence recorded from it, from intelligence to a case
    /// opened from it, from an alert to a case opened from it.
    public var medianDaysAlertToIntelligence: Double?
    public var medianDaysIntelligenceToCase: Double?
    public var medianDaysAlertToCase: Double?
    public var safeguardingOpen: Int
    public var safeguardingOverdue: Int
    /// Cases that must be referred to the IOPC (with the day it became clear), and how their referrals stand.
    public var referralsRequired: Int
    public var referralsOnTime: Int
    public var referralsLate: Int
    public var referralsOverdue: Int
    public var outcomes: [CaseOutcome: Int]

    /// Reads the figures; `today` is the force's calendar day, for what is overdue.
    public static func gather(from database: StoreDatabase, today: CalendarDate) async throws -> CaseworkFigures {
        let sql = database.sql
        func count(_ query: SQLQueryString) async throws -> Int {
            try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        var figures = CaseworkFigures(
            intelligenceItems: try await count("SELECT COUNT(*) AS n FROM intelligence_items"),
            intelligenceGraded: try await count("SELECT COUNT(*) AS n FROM intelligence_items WHERE handling_code IS NOT NULL"),
            partnerIntelligence: try await count(
                "SELECT COUNT(*) AS n FROM intelligence_items WHERE source_kind = 'partner_report'"),
            cases: try await count("SELECT COUNT(*) AS n FROM cases"),
            openCases: try await count("SELECT COUNT(*) AS n FROM cases WHERE status <> 'closed'"),
            fromMonitoring: 0, fromPartners: 0, fromOtherSources: 0,
            safeguardingOpen: try await count(
                "SELECT COUNT(*) AS n FROM case_actions WHERE kind = 'safeguarding' AND status = 'open'"),
            safeguardingOverdue: try await count("""
                SELECT COUNT(*) AS n FROM case_actions WHERE kind = 'safeguarding' AND status = 'open' \
                AND due_on < \(bind: today.description)
                """),
            referralsRequired: 0, referralsOnTime: 0, referralsLate: 0, referralsOverdue: 0, outcomes: [:])

        // Where each case began: its links, and the sources of the intelligence among them.
        let origins = try await sql.raw("""
            SELECT c.case_id, l.kind, COALESCE(i.source_kind, '') AS source FROM cases c \
            LEFT JOIN case_links l ON l.case_id = c.case_id \
            LEFT JOIN intelligence_items i ON l.kind = 'intelligence' AND CAST(i.item_id AS TEXT) = l.target
            """).all()
        var begin: [Int64: Set<String>] = [:]
        for row in origins {
            let caseID = try row.decode(column: "case_id", as: Int64.self)
            let kind = try row.decode(column: "kind", as: String?.self)
            let source = try row.decode(column: "source", as: String.self)
            begin[caseID, default: []].insert(kind == "alert" || source == "alert" ? "monitoring"
                : source == "partner_report" ? "partner" : "other")
        }
        for kinds in begin.values {
            if kinds.contains("monitoring") { figures.fromMonitoring += 1 }
            else if kinds.contains("partner") { figures.fromPartners += 1 }
            else { figures.fromOtherSources += 1 }
        }

        figures.medianDaysAlertToIntelligence = try await medianDays(sql, """
            SELECT i.recorded_at - r.finished_at AS seconds FROM intelligence_links l \
            JOIN intelligence_items i ON i.item_id = l.item_id \
            JOIN alerts a ON CAST(a.alert_id AS TEXT) = l.target JOIN detection_runs r ON r.run_id = a.first_run \
            WHERE l.kind = 'alert'
            """)
        figures.medianDaysIntelligenceToCase = try await medianDays(sql, """
            SELECT c.opened_at - i.recorded_at AS seconds FROM case_links l JOIN cases c ON c.case_id = l.case_id \
            JOIN intelligence_items i ON CAST(i.item_id AS TEXT) = l.target WHERE l.kind = 'intelligence'
            """)
        figures.medianDaysAlertToCase = try await medianDays(sql, """
            SELECT c.opened_at - r.finished_at AS seconds FROM case_links l JOIN cases c ON c.case_id = l.case_id \
            JOIN alerts a ON CAST(a.alert_id AS TEXT) = l.target JOIN detection_runs r ON r.run_id = a.first_run \
            WHERE l.kind = 'alert'
            """)

        let rule = ReferralRule()
        for row in try await sql.raw("""
            SELECT c.case_id, c.became_clear_on, (SELECT MIN(r.sent_on) FROM case_referrals r \
            WHERE r.case_id = c.case_id AND r.decision = 'referred') AS sent FROM cases c WHERE c.apsp = 1
            """).all() {
            let standing = rule.standing(
                mandatory: true, becameClear: try row.decode(column: "became_clear_on", as: String?.self).flatMap { CalendarDate(iso: $0) },
                sentOn: try row.decode(column: "sent", as: String?.self).flatMap { CalendarDate(iso: $0) }, today: today)
            switch standing {
            case .notRequired: continue
            case .due: break
            case .overdue: figures.referralsOverdue += 1
            case .sentOnTime: figures.referralsOnTime += 1
            case .sentLate: figures.referralsLate += 1
            }
            figures.referralsRequired += 1
        }
        for row in try await sql.raw(
            "SELECT outcome, COUNT(*) AS n FROM cases WHERE outcome IS NOT NULL GROUP BY outcome").all() {
            if let outcome = CaseOutcome(rawValue: try row.decode(column: "outcome", as: String.self)) {
                figures.outcomes[outcome] = try row.decode(column: "n", as: Int.self)
            }
        }
        return figures
    }

    static func medianDays(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> Double? {
        let values = try await sql.raw(query).all().map { max(0, try $0.decode(column: "seconds", as: Int64.self)) }.sorted()
        guard !values.isEmpty else { return nil }
        return Double(values[(values.count - 1) / 2]) / 86_400
    }
}
