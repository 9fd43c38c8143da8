public import CustodesModel
import SQLKit

/// Reports from the portal, as the store holds them: sealed text it cannot read, the receipt's slow hash, and the
/// unit's handling (acknowledged, assessed, linked to a member of staff and to alerts, recorded as intelligence).
/// Sealing and opening are the server's (`ReportSealer`); this type never sees a reporter's words in the clear.
public enum PortalReports {
    public enum Channel: String, Sendable, CaseIterable {
        /// Nothing about the reporter is asked or kept.
        case anonymous
        /// The reporter leaves contact details, which only the unit reads.
        case confidential
        /// A support worker signed in with their organisation's partner account: the unit knows who reported.
        case partner

        public var title: String {
            switch self {
            case .anonymous: "Anonymous"
            case .confidential: "Confidential (with contact details)"
            case .partner: "Partner organisation"
            }
        }
    }

    public struct Stored: Sendable, Equatable {
        public var reportID: Int64
        public var lookup: String
        public var receiptHash: String
        public var channel: Channel
        public var receivedAt: Int64
        public var sealedAnswers: String
        public var acknowledgeBy: CalendarDate
        public var assessBy: CalendarDate
        /// The partner account that sent it, and its organisation (partner channel only).
        public var partnerAccountID: Int64?
        public var organisationID: Int64?
        public var acknowledgedAt: Int64?
        public var acknowledgedBy: String?
        public var assessedAt: Int64?
        public var assessedBy: String?
        public var assessment: String?
        public var subjectStaffID: String?
        public var intelligenceItemID: Int64?
        public var closedAt: Int64?
        public var closedBy: String?

        /// The reference the unit quotes, from the report's number: nothing of the receipt's lookup, which the
        /// unit's pages and the trail must not narrow down.
        public var reference: String { PortalReports.reference(reportID) }
    }

    public static func reference(_ reportID: Int64) -> String {
        let digits = String(reportID)
        return "REP-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public struct Message: Sendable, Equatable {
        public var fromReporter: Bool
        public var username: String?
        public var at: Int64
        public var sealedBody: String
    }

    public struct NewReport: Sendable {
        public var lookup: String
        public var receiptHash: String
        public var channel: Channel
        public var receivedAt: Int64
        /// The report's key wrapped for each recipient (see `ReportKeys`).
        public var wraps: [ReportKeys.Wrap]
        public var sealedAnswers: String
        public var acknowledgeBy: CalendarDate
        public var assessBy: CalendarDate
        public var partnerAccountID: Int64?
        public var organisationID: Int64?

        public init(lookup: String, receiptHash: String, channel: Channel, receivedAt: Int64, wraps: [ReportKeys.Wrap],
                    sealedAnswers: String, acknowledgeBy: CalendarDate, assessBy: CalendarDate,
                    partnerAccountID: Int64? = nil, organisationID: Int64? = nil) {
            self.lookup = lookup
            self.receiptHash = receiptHash
            self.channel = channel
            self.receivedAt = receivedAt
            self.wraps = wraps
            self.partnerAccountID = partnerAccountID
            self.organisationID = organisationID
            self.sealedAnswers = sealedAnswers
            self.acknowledgeBy = acknowledgeBy
            self.assessBy = assessBy
        }
    }

    /// Adds a report with its key's wraps, together: a report nobody can open is never stored.
    @discardableResult
    public static func add(_ report: NewReport, in database: StoreDatabase) async throws -> Int64 {
        try await database.transaction {
            guard let row = try await database.sql.raw("""
                INSERT INTO portal_reports (lookup, receipt_hash, channel, received_at, wrapped_key, sealed_answers, \
                acknowledge_by, assess_by, partner_account_id, organisation_id) VALUES (\(bind: report.lookup), \
                \(bind: report.receiptHash), \(bind: report.channel.rawValue), \(bind: report.receivedAt), '', \
                \(bind: report.sealedAnswers), \(bind: report.acknowledgeBy.iso), \(bind: report.assessBy.iso), \
                \(bind: report.partnerAccountID), \(bind: report.organisationID)) RETURNING report_id
                """).first() else { throw StoreError.query("no report returned") }
            let reportID = try row.decode(column: "report_id", as: Int64.self)
            try await ReportKeys.put(reportID, report.wraps, in: database)
            return reportID
        }
    }

    /// The report a receipt's lookup part names, for checking the rest of the receipt against its hash.
    public static func report(lookup: String, in database: StoreDatabase) async throws -> Stored? {
        try await database.sql.raw("SELECT * FROM portal_reports WHERE lookup = \(bind: lookup)").first().map(decode)
    }

    /// The report if `visibility` admits it: the head of unit and analysts see reports; nobody sees one linked to
    /// themselves (or, through a linked alert, to a declared associate).
    public static func report(_ reportID: Int64, visibility: AlertQueue.Visibility,
                              in database: StoreDatabase) async throws -> Stored? {
        try await database.sql.raw("SELECT r.* FROM portal_reports r"
            + AlertQueue.whereClause(conditions(for: visibility) + ["r.report_id = \(bind: reportID)"])).first()
            .map(decode)
    }

    /// The reports a user may see, those awaiting the unit first, then newest first.
    public static func queue(visibility: AlertQueue.Visibility, in database: StoreDatabase) async throws -> [Stored] {
        try await database.sql.raw("SELECT r.* FROM portal_reports r" + AlertQueue.whereClause(conditions(for: visibility))
            + " ORDER BY CASE WHEN r.closed_at IS NOT NULL THEN 2 WHEN r.assessed_at IS NULL THEN 0 ELSE 1 END, "
            + "r.received_at DESC LIMIT 1000").all()
            .map(decode)
    }

    /// How many reports there are, how many became intelligence, and how many are past the unit's deadline to
    /// acknowledge or assess them on `today`: counted in the database, without opening a report.
    public static func counts(today: CalendarDate, in database: StoreDatabase) async throws
        -> (total: Int, toIntelligence: Int, overdue: Int) {
        guard let row = try await database.sql.raw("""
            SELECT COUNT(*) AS total, COUNT(intelligence_item_id) AS intelligence, \
            CAST(COALESCE(SUM(CASE WHEN assessed_at IS NULL AND ((acknowledged_at IS NULL \
            AND acknowledge_by < \(bind: today.iso)) OR (acknowledged_at IS NOT NULL AND assess_by < \(bind: today.iso))) \
            THEN 1 ELSE 0 END), 0) AS BIGINT) AS overdue \
            FROM portal_reports
            """).first() else { return (0, 0, 0) }
        return (try row.decode(column: "total", as: Int.self), try row.decode(column: "intelligence", as: Int.self),
                try row.decode(column: "overdue", as: Int.self))
    }

    /// Reports sent through partner accounts, per organisation: how many, and how many became intelligence.
    public static func countsByOrganisation(in database: StoreDatabase) async throws
        -> [Int64: (received: Int, toIntelligence: Int)] {
        var counts: [Int64: (received: Int, toIntelligence: Int)] = [:]
        for row in try await database.sql.raw("""
            SELECT organisation_id, COUNT(*) AS received, COUNT(intelligence_item_id) AS intelligence \
            FROM portal_reports WHERE organisation_id IS NOT NULL GROUP BY organisation_id
            """).all() {
            counts[try row.decode(column: "organisation_id", as: Int64.self)] =
                (try row.decode(column: "received", as: Int.self), try row.decode(column: "intelligence", as: Int.self))
        }
        return counts
    }

    /// The reports a partner account sent, newest first: what its worker sees when signed in to the portal.
    public static func sent(byPartner accountID: Int64, in database: StoreDatabase) async throws -> [Stored] {
        try await database.sql.raw("""
            SELECT * FROM portal_reports WHERE partner_account_id = \(bind: accountID) ORDER BY report_id DESC LIMIT 500
            """).all().map(decode)
    }

    public static func messages(of reportID: Int64, in database: StoreDatabase) async throws -> [Message] {
        try await database.sql.raw(
            "SELECT * FROM portal_messages WHERE report_id = \(bind: reportID) ORDER BY message_id").all().map {
            Message(fromReporter: try $0.decode(column: "from_reporter", as: Int64.self) != 0,
                    username: try $0.decode(column: "username", as: String?.self),
                    at: try $0.decode(column: "at", as: Int64.self),
                    sealedBody: try $0.decode(column: "sealed_body", as: String.self))
        }
    }

    public static func addMessage(_ reportID: Int64, fromReporter: Bool, username: String?, at: Int64,
                                  sealedBody: String, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO portal_messages (report_id, from_reporter, username, at, sealed_body) VALUES \
            (\(bind: reportID), \(bind: fromReporter ? 1 : 0), \(bind: username), \(bind: at), \(bind: sealedBody))
            """).run()
    }

    /// Marks the report acknowledged (once; a second acknowledgement changes nothing).
    public static func acknowledge(_ reportID: Int64, by username: String, at: Int64,
                                   in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE portal_reports SET acknowledged_at = \(bind: at), acknowledged_by = \(bind: username) \
            WHERE report_id = \(bind: reportID) AND acknowledged_at IS NULL
            """).run()
    }

    /// Records the assessment (acknowledging the report too, if nobody had).
    public static func assess(_ reportID: Int64, assessment: String, by username: String, at: Int64,
                              in database: StoreDatabase) async throws {
        try await acknowledge(reportID, by: username, at: at, in: database)
        try await database.sql.raw("""
            UPDATE portal_reports SET assessed_at = \(bind: at), assessed_by = \(bind: username), \
            assessment = \(bind: assessment) WHERE report_id = \(bind: reportID)
            """).run()
    }

    public enum ReportError: Error, Equatable, CustomStringConvertible {
        case notAssessed

        public var description: String { "Record the assessment before closing the report" }
    }

    /// Closes an assessed report: from then on the retention period runs (see `deleteClosed`).
    public static func close(_ reportID: Int64, by username: String, at: Int64, in database: StoreDatabase) async throws {
        try await database.transaction {
            guard let row = try await database.sql.raw(
                "SELECT assessed_at FROM portal_reports WHERE report_id = \(bind: reportID)").first(),
                  try row.decode(column: "assessed_at", as: Int64?.self) != nil else { throw ReportError.notAssessed }
            try await database.sql.raw("""
                UPDATE portal_reports SET closed_at = \(bind: at), closed_by = \(bind: username) \
                WHERE report_id = \(bind: reportID) AND closed_at IS NULL
                """).run()
        }
    }

    /// The references of reports closed before `cutoff` (epoch seconds): what retention would delete.
    public static func closed(before cutoff: Int64, in database: StoreDatabase) async throws -> [(id: Int64, reference: String, closedAt: Int64)] {
        try await database.sql.raw("""
            SELECT report_id, closed_at FROM portal_reports WHERE closed_at IS NOT NULL \
            AND closed_at < \(bind: cutoff) ORDER BY report_id
            """).all().map {
            let id = try $0.decode(column: "report_id", as: Int64.self)
            return (id, reference(id), try $0.decode(column: "closed_at", as: Int64.self))
        }
    }

    /// Deletes one report with its messages, attachments and links (intelligence recorded from it is the unit's
    /// record and stays).
    public static func delete(_ reportID: Int64, in database: StoreDatabase) async throws {
        try await database.transaction {
            for table in ["portal_messages", "portal_attachments", "portal_report_links", "portal_report_keys", "portal_reports"] {
                try await database.sql.raw("DELETE FROM \(unsafeRaw: table) WHERE report_id = \(bind: reportID)").run()
            }
        }
    }

    public static func setSubject(_ reportID: Int64, staffID: String?, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE portal_reports SET subject_staff_id = \(bind: staffID) WHERE report_id = \(bind: reportID)
            """).run()
    }

    public static func setIntelligence(_ reportID: Int64, itemID: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE portal_reports SET intelligence_item_id = \(bind: itemID) WHERE report_id = \(bind: reportID)
            """).run()
    }

    @discardableResult
    public static func linkAlert(_ reportID: Int64, alertID: Int64, by username: String, at: Int64,
                                 in database: StoreDatabase) async throws -> Bool {
        try await database.transaction {
            if try await database.sql.raw("""
                SELECT report_id FROM portal_report_links WHERE report_id = \(bind: reportID) AND alert_id = \(bind: alertID)
                """).first() != nil { return false }
            try await database.sql.raw("""
                INSERT INTO portal_report_links (report_id, alert_id, linked_by, linked_at) VALUES (\(bind: reportID), \
                \(bind: alertID), \(bind: username), \(bind: at))
                """).run()
            return true
        }
    }

    public static func linkedAlerts(of reportID: Int64, in database: StoreDatabase) async throws -> [Int64] {
        try await database.sql.raw(
            "SELECT alert_id FROM portal_report_links WHERE report_id = \(bind: reportID) ORDER BY alert_id").all()
            .map { try $0.decode(column: "alert_id", as: Int64.self) }
    }

    /// A file sent with a report: its kind (recognised by content) and size in the clear, its name and bytes sealed.
    public struct Attachment: Sendable, Equatable {
        public var attachmentID: Int64
        public var kind: String
        public var size: Int
        public var sealedName: String
    }

    public static func addAttachment(_ reportID: Int64, kind: String, size: Int, sealedName: String,
                                     sealedContent: String, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO portal_attachments (report_id, kind, size, sealed_name, sealed_content) VALUES \
            (\(bind: reportID), \(bind: kind), \(bind: size), \(bind: sealedName), \(bind: sealedContent))
            """).run()
    }

    public static func attachments(of reportID: Int64, in database: StoreDatabase) async throws -> [Attachment] {
        try await database.sql.raw("""
            SELECT attachment_id, kind, size, sealed_name FROM portal_attachments WHERE report_id = \(bind: reportID) \
            ORDER BY attachment_id
            """).all().map {
            Attachment(attachmentID: try $0.decode(column: "attachment_id", as: Int64.self),
                       kind: try $0.decode(column: "kind", as: String.self), size: try $0.decode(column: "size", as: Int.self),
                       sealedName: try $0.decode(column: "sealed_name", as: String.self))
        }
    }

    /// The sealed bytes of one of the report's attachments; nil when the report has no such attachment.
    public static func attachmentContent(_ reportID: Int64, attachmentID: Int64,
                                         in database: StoreDatabase) async throws -> String? {
        try await database.sql.raw("""
            SELECT sealed_content FROM portal_attachments WHERE report_id = \(bind: reportID) \
            AND attachment_id = \(bind: attachmentID)
            """).first()?.decode(column: "sealed_content", as: String.self)
    }

    // MARK: Need-to-know

    static func conditions(for visibility: AlertQueue.Visibility) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        for staff in visibility.hiddenStaff {
            conditions.append("(r.subject_staff_id IS NULL OR r.subject_staff_id <> \(bind: staff))")
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM portal_report_links l JOIN alerts a ON a.alert_id = l.alert_id \
                WHERE l.report_id = r.report_id AND a.staff_id = \(bind: staff))
                """)
        }
        if !visibility.hiddenPeople.isEmpty {
            let people = SQLList(visibility.hiddenPeople.map { SQLBind($0) })
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM portal_report_links l JOIN alerts a ON a.alert_id = l.alert_id \
                JOIN alert_people p ON p.alert_key = a.alert_key WHERE l.report_id = r.report_id \
                AND p.pseudonym IN (\(people)))
                """)
        }
        return conditions
    }

    static func decode(_ row: any SQLRow) throws -> Stored {
        Stored(reportID: try row.decode(column: "report_id", as: Int64.self),
               lookup: try row.decode(column: "lookup", as: String.self),
               receiptHash: try row.decode(column: "receipt_hash", as: String.self),
               channel: Channel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .anonymous,
               receivedAt: try row.decode(column: "received_at", as: Int64.self),
               sealedAnswers: try row.decode(column: "sealed_answers", as: String.self),
               acknowledgeBy: CalendarDate(iso: try row.decode(column: "acknowledge_by", as: String.self))!,
               assessBy: CalendarDate(iso: try row.decode(column: "assess_by", as: String.self))!,
               partnerAccountID: try row.decode(column: "partner_account_id", as: Int64?.self),
               organisationID: try row.decode(column: "organisation_id", as: Int64?.self),
               acknowledgedAt: try row.decode(column: "acknowledged_at", as: Int64?.self),
               acknowledgedBy: try row.decode(column: "acknowledged_by", as: String?.self),
               assessedAt: try row.decode(column: "assessed_at", as: Int64?.self),
               assessedBy: try row.decode(column: "assessed_by", as: String?.self),
               assessment: try row.decode(column: "assessment", as: String?.self),
               subjectStaffID: try row.decode(column: "subject_staff_id", as: String?.self),
               intelligenceItemID: try row.decode(column: "intelligence_item_id", as: Int64?.self),
               closedAt: try row.decode(column: "closed_at", as: Int64?.self),
               closedBy: try row.decode(column: "closed_by", as: String?.self))
    }
}
