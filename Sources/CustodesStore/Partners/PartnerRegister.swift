public import CustodesModel
import SQLKit

/// The register of the unit's relationships with organisations that support vulnerable people: who they are, who
/// to speak to there, and every contact the unit has had with them. Every write is rows only; the caller appends
/// the audit-trail entry.
public enum PartnerRegister {
    public enum Status: String, Sendable, CaseIterable {
        case active, paused, ended

        public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    public enum EngagementKind: String, Sendable, CaseIterable {
        case meeting
        case training
        case awareness
        case agreement
        case other

        public var title: String {
            switch self {
            case .meeting: "Meeting"
            case .training: "Training given to their staff"
            case .awareness: "Awareness material"
            case .agreement: "Agreement (for example information sharing)"
            case .other: "Other contact"
            }
        }
    }

    public struct Kind: Sendable, Equatable {
        public var kind: String
        public var title: String
        public var builtIn: Bool
    }

    public struct Organisation: Sendable, Equatable {
        public var organisationID: Int64
        public var name: String
        public var kind: String
        public var area: String
        public var status: Status
        /// The unit's named liaison (a username), if any.
        public var liaison: String?
        public var createdBy: String
        public var createdAt: Int64
        /// The day of the newest engagement, if any.
        public var lastContact: CalendarDate?
        /// Intelligence items recorded from this organisation (linked to it).
        public var intelligence: Int
    }

    public struct Contact: Sendable, Equatable {
        public var contactID: Int64
        public var name: String
        public var role: String
        public var reach: String
        public var addedBy: String
        public var addedAt: Int64
    }

    public struct Engagement: Sendable, Equatable {
        public var kind: EngagementKind
        public var onDay: CalendarDate
        public var summary: String
        /// For an agreement: the day it is to be reviewed.
        public var reviewOn: CalendarDate?
        public var recordedBy: String
        public var recordedAt: Int64
    }

    public enum RegisterError: Error, Equatable, CustomStringConvertible {
        case noSuchOrganisation, noSuchContact, unknownKind, kindExists

        public var description: String {
            switch self {
            case .noSuchOrganisation: "There is no such organisation"
            case .noSuchContact: "There is no such contact"
            case .unknownKind: "Select a kind of organisation from the list"
            case .kindExists: "That kind of organisation is already in the list"
            }
        }
    }

    // MARK: Kinds

    public static func kinds(in database: StoreDatabase) async throws -> [Kind] {
        try await database.sql.raw("SELECT * FROM partner_kinds ORDER BY built_in DESC, title").all().map {
            Kind(kind: try $0.decode(column: "kind", as: String.self), title: try $0.decode(column: "title", as: String.self),
                 builtIn: try $0.decode(column: "built_in", as: Int64.self) != 0)
        }
    }

    /// Adds a kind of organisation to the vocabulary; its key is made from the title ("Veterans' charity" becomes
    /// `veterans_charity`).
    @discardableResult
    public static func addKind(title: String, in database: StoreDatabase) async throws -> String {
        let key = String(title.lowercased().unicodeScalars.map { scalar -> Character in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
        }).split(separator: "_").joined(separator: "_")
        guard !key.isEmpty else { throw RegisterError.unknownKind }
        return try await database.transaction {
            if try await database.sql.raw("SELECT kind FROM partner_kinds WHERE kind = \(bind: key)").first() != nil {
                throw RegisterError.kindExists
            }
            try await database.sql.raw(
                "INSERT INTO partner_kinds (kind, title, built_in) VALUES (\(bind: key), \(bind: title), 0)").run()
            return key
        }
    }

    // MARK: Organisations

    public static func add(name: String, kind: String, area: String, liaison: String?, by username: String, at: Int64,
                           in database: StoreDatabase) async throws -> Int64 {
        try await requireKind(kind, in: database)
        guard let row = try await database.sql.raw("""
            INSERT INTO partner_organisations (name, kind, area, status, liaison, created_by, created_at, updated_at) \
            VALUES (\(bind: name), \(bind: kind), \(bind: area), 'active', \(bind: liaison), \(bind: username), \
            \(bind: at), \(bind: at)) RETURNING organisation_id
            """).first() else { throw StoreError.query("no organisation returned") }
        return try row.decode(column: "organisation_id", as: Int64.self)
    }

    public static func update(_ organisationID: Int64, name: String, kind: String, area: String, status: Status,
                              liaison: String?, at: Int64, in database: StoreDatabase) async throws {
        try await requireKind(kind, in: database)
        try await requireOrganisation(organisationID, in: database)
        try await database.sql.raw("""
            UPDATE partner_organisations SET name = \(bind: name), kind = \(bind: kind), area = \(bind: area), \
            status = \(bind: status.rawValue), liaison = \(bind: liaison), updated_at = \(bind: at) \
            WHERE organisation_id = \(bind: organisationID)
            """).run()
    }

    /// Every organisation, with the day of its newest engagement and the intelligence recorded from it.
    public static func organisations(in database: StoreDatabase) async throws -> [Organisation] {
        try await database.sql.raw(query + " ORDER BY o.name, o.organisation_id").all().map(decode)
    }

    public static func organisation(_ organisationID: Int64, in database: StoreDatabase) async throws -> Organisation? {
        try await database.sql.raw(query + " WHERE o.organisation_id = \(bind: organisationID)").first().map(decode)
    }

    static let query: SQLQueryString = """
        SELECT o.*, (SELECT MAX(e.on_day) FROM partner_engagements e WHERE e.organisation_id = o.organisation_id) \
        AS last_contact, (SELECT COUNT(*) FROM intelligence_links l WHERE l.kind = 'organisation' \
        AND l.target = CAST(o.organisation_id AS TEXT)) AS intelligence FROM partner_organisations o
        """

    // MARK: Contacts and engagement

    @discardableResult
    public static func addContact(_ organisationID: Int64, name: String, role: String, reach: String,
                                  by username: String, at: Int64, in database: StoreDatabase) async throws -> Int64 {
        try await requireOrganisation(organisationID, in: database)
        guard let row = try await database.sql.raw("""
            INSERT INTO partner_contacts (organisation_id, name, role, reach, added_by, added_at) VALUES \
            (\(bind: organisationID), \(bind: name), \(bind: role), \(bind: reach), \(bind: username), \(bind: at)) \
            RETURNING contact_id
            """).first() else { throw StoreError.query("no contact returned") }
        return try row.decode(column: "contact_id", as: Int64.self)
    }

    /// Marks a contact as no longer there (they are kept, so the register's history still reads).
    public static func removeContact(_ organisationID: Int64, contactID: Int64, at: Int64,
                                     in database: StoreDatabase) async throws {
        try await database.transaction {
            guard try await database.sql.raw("""
                SELECT contact_id FROM partner_contacts WHERE contact_id = \(bind: contactID) \
                AND organisation_id = \(bind: organisationID) AND removed_at IS NULL
                """).first() != nil else { throw RegisterError.noSuchContact }
            try await database.sql.raw(
                "UPDATE partner_contacts SET removed_at = \(bind: at) WHERE contact_id = \(bind: contactID)").run()
        }
    }

    /// The organisation's current contacts.
    public static func contacts(of organisationID: Int64, in database: StoreDatabase) async throws -> [Contact] {
        try await database.sql.raw("""
            SELECT * FROM partner_contacts WHERE organisation_id = \(bind: organisationID) AND removed_at IS NULL \
            ORDER BY name, contact_id
            """).all().map {
            Contact(contactID: try $0.decode(column: "contact_id", as: Int64.self),
                    name: try $0.decode(column: "name", as: String.self),
                    role: try $0.decode(column: "role", as: String.self),
                    reach: try $0.decode(column: "reach", as: String.self),
                    addedBy: try $0.decode(column: "added_by", as: String.self),
                    addedAt: try $0.decode(column: "added_at", as: Int64.self))
        }
    }

    public static func recordEngagement(_ organisationID: Int64, kind: EngagementKind, on day: CalendarDate,
                                        summary: String, reviewOn: CalendarDate?, by username: String, at: Int64,
                                        in database: StoreDatabase) async throws {
        try await requireOrganisation(organisationID, in: database)
        try await database.sql.raw("""
            INSERT INTO partner_engagements (organisation_id, kind, on_day, summary, review_on, recorded_by, \
            recorded_at) VALUES (\(bind: organisationID), \(bind: kind.rawValue), \(bind: day.iso), \
            \(bind: summary), \(bind: reviewOn?.iso), \(bind: username), \(bind: at))
            """).run()
    }

    /// The engagement log, newest first.
    public static func engagements(of organisationID: Int64, in database: StoreDatabase) async throws -> [Engagement] {
        try await database.sql.raw("""
            SELECT * FROM partner_engagements WHERE organisation_id = \(bind: organisationID) \
            ORDER BY on_day DESC, engagement_id DESC
            """).all().compactMap {
            guard let kind = EngagementKind(rawValue: try $0.decode(column: "kind", as: String.self)),
                  let day = CalendarDate(iso: try $0.decode(column: "on_day", as: String.self)) else { return nil }
            return Engagement(kind: kind, onDay: day, summary: try $0.decode(column: "summary", as: String.self),
                              reviewOn: try $0.decode(column: "review_on", as: String?.self).flatMap { CalendarDate(iso: $0) },
                              recordedBy: try $0.decode(column: "recorded_by", as: String.self),
                              recordedAt: try $0.decode(column: "recorded_at", as: Int64.self))
        }
    }

    // MARK: Rows

    static func requireKind(_ kind: String, in database: StoreDatabase) async throws {
        guard try await database.sql.raw("SELECT kind FROM partner_kinds WHERE kind = \(bind: kind)").first() != nil
        else { throw RegisterError.unknownKind }
    }

    static func requireOrganisation(_ organisationID: Int64, in database: StoreDatabase) async throws {
        guard try await database.sql.raw(
            "SELECT organisation_id FROM partner_organisations WHERE organisation_id = \(bind: organisationID)").first()
            != nil else { throw RegisterError.noSuchOrganisation }
    }

    static func decode(_ row: any SQLRow) throws -> Organisation {
        Organisation(organisationID: try row.decode(column: "organisation_id", as: Int64.self),
                     name: try row.decode(column: "name", as: String.self),
                     kind: try row.decode(column: "kind", as: String.self),
                     area: try row.decode(column: "area", as: String.self),
                     status: Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .active,
                     liaison: try row.decode(column: "liaison", as: String?.self),
                     createdBy: try row.decode(column: "created_by", as: String.self),
                     createdAt: try row.decode(column: "created_at", as: Int64.self),
                     lastContact: try row.decode(column: "last_contact", as: String?.self).flatMap { CalendarDate(iso: $0) },
                     intelligence: try row.decode(column: "intelligence", as: Int.self))
    }
}
