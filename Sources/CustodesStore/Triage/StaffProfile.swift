import SQLKit

/// What the unit may learn about a member of staff once their identity is revealed, and the history of alerts about
/// them, which draws their risk over time.
public enum StaffProfile {
    public struct Identity: Sendable, Equatable {
        public var staffID: String
        public var collarNumber: String
        public var displayName: String
        public var role: String
        public var team: String
        public var station: String
    }

    /// One alert about the member of staff: the risk when it opened and the highest it reached.
    public struct AlertPoint: Sendable, Equatable {
        public var alertID: Int64
        public var openedAt: Int64
        public var lastEvidenceAt: Int64
        public var scoreAtOpen: Double
        public var score: Double
        public var indicators: [String]
        public var status: String
    }

    public static func identity(staffID: String, in database: StoreDatabase) async throws -> Identity? {
        guard let row = try await database.sql.raw("""
            SELECT staff_id, collar_number, display_name, role, team, station FROM staff \
            WHERE staff_id = \(bind: staffID)
            """).first() else { return nil }
        return Identity(staffID: try row.decode(column: "staff_id", as: String.self),
                        collarNumber: try row.decode(column: "collar_number", as: String.self),
                        displayName: try row.decode(column: "display_name", as: String.self),
                        role: try row.decode(column: "role", as: String.self),
                        team: try row.decode(column: "team", as: String.self),
                        station: try row.decode(column: "station", as: String.self))
    }

    /// One stored alert's member of staff and pseudonym, so a deployment key can be checked against the key the
    /// store's pseudonyms were made with; nil when no alert is stored.
    public static func anyPseudonym(in database: StoreDatabase) async throws -> (staffID: String, pseudonym: String)? {
        guard let row = try await database.sql.raw(
            "SELECT staff_id, staff_pseudonym FROM alerts ORDER BY alert_id LIMIT 1").first() else { return nil }
        return (try row.decode(column: "staff_id", as: String.self),
                try row.decode(column: "staff_pseudonym", as: String.self))
    }

    /// The member of staff behind a pseudonym, if any alert names them.
    public static func staffID(pseudonym: String, in database: StoreDatabase) async throws -> String? {
        try await database.sql.raw(
            "SELECT staff_id FROM alerts WHERE staff_pseudonym = \(bind: pseudonym) LIMIT 1").first()?
            .decode(column: "staff_id", as: String.self)
    }

    /// The member of staff with a collar number, as a colleague reporting them would know them.
    public static func staffID(collarNumber: String, in database: StoreDatabase) async throws -> String? {
        try await database.sql.raw(
            "SELECT staff_id FROM staff WHERE collar_number = \(bind: collarNumber) LIMIT 1").first()?
            .decode(column: "staff_id", as: String.self)
    }

    /// Every member of staff's id: to find one by a pseudonym no alert carries yet (pseudonyms are keyed hashes, so
    /// the only way back is to hash each id; a force's staff list is thousands, not millions).
    public static func allStaffIDs(in database: StoreDatabase) async throws -> [String] {
        try await database.sql.raw("SELECT staff_id FROM staff ORDER BY staff_id").all()
            .map { try $0.decode(column: "staff_id", as: String.self) }
    }

    public static func alerts(staffID: String, in database: StoreDatabase) async throws -> [AlertPoint] {
        try await database.sql.raw("""
            SELECT alert_id, opened_at, last_evidence_at, score_at_open, score, indicators, status FROM alerts \
            WHERE staff_id = \(bind: staffID) ORDER BY opened_at
            """).all().map {
            AlertPoint(alertID: try $0.decode(column: "alert_id", as: Int64.self),
                       openedAt: try $0.decode(column: "opened_at", as: Int64.self),
                       lastEvidenceAt: try $0.decode(column: "last_evidence_at", as: Int64.self),
                       scoreAtOpen: try $0.decode(column: "score_at_open", as: Double.self),
                       score: try $0.decode(column: "score", as: Double.self),
                       indicators: try $0.decode(column: "indicators", as: String.self).split(separator: ";").map(String.init),
                       status: try $0.decode(column: "status", as: String.self))
        }
    }

    /// The stored detail (the detection engine's JSON) of every alert about the member of staff, oldest first: their
    /// risk by day is in it.
    public static func alertDetails(staffID: String, in database: StoreDatabase) async throws -> [String] {
        try await database.sql.raw(
            "SELECT detail FROM alerts WHERE staff_id = \(bind: staffID) ORDER BY opened_at").all()
            .map { try $0.decode(column: "detail", as: String.self) }
    }

    /// The person identifiers a user who is a member of staff has declared as associates.
    public static func declaredAssociates(staffID: String, in database: StoreDatabase) async throws -> [String] {
        try await database.sql.raw("""
            SELECT person_id FROM declared_associations WHERE staff_id = \(bind: staffID) ORDER BY person_id
            """).all().map { try $0.decode(column: "person_id", as: String.self) }
    }

    /// An audit event's identity: its system and the system's event id (schema version 11).
    public struct EventKey: Hashable, Sendable {
        public var system: String
        public var eventID: String
        public init(system: String, eventID: String) {
            self.system = system
            self.eventID = eventID
        }
    }

    /// The people the evidence events opened, by event: for roles that need to know who the victims are. Looked up
    /// by system and event id together, which is what the unique index holds.
    public static func people(events: [EventKey], in database: StoreDatabase) async throws
        -> [EventKey: (personID: String, name: String)] {
        guard !events.isEmpty else { return [:] }
        var result: [EventKey: (personID: String, name: String)] = [:]
        for start in stride(from: 0, to: events.count, by: 250) {
            let chunk = events[start..<min(start + 250, events.count)]
            let values: SQLQueryString = chunk.map { key -> SQLQueryString in
                "(\(bind: key.system), \(bind: key.eventID))"
            }.joined(separator: ", ")
            // The keys as a joined table: both engines then look each one up in the unique index (a row-value IN
            // list made SQLite scan every event).
            for row in try await database.sql.raw("SELECT e.system, e.event_id, p.person_id, p.given_name, p.family_name "
                + "FROM (VALUES " + values + ") AS k JOIN audit_events e ON e.system = k.column1 AND e.event_id = k.column2 "
                + "JOIN persons p ON p.person_id = e.entity_id").all() {
                let key = EventKey(system: try row.decode(column: "system", as: String.self),
                                   eventID: try row.decode(column: "event_id", as: String.self))
                result[key] = (try row.decode(column: "person_id", as: String.self),
                               try row.decode(column: "given_name", as: String.self) + " "
                                   + (try row.decode(column: "family_name", as: String.self)))
            }
        }
        return result
    }
}

extension StaffProfile {
    /// The members of staff `username` has revealed (with a recorded reason) whose name or collar number matches
    /// `text` (a name in part, case aside; a collar number whole): search by name never reaches past a reveal.
    public static func revealed(by username: String, matching text: String,
                                in database: StoreDatabase) async throws -> [String] {
        // What was typed is matched as text: its own % and _ are not wildcards.
        let pattern = "%" + text.lowercased().replacingOccurrences(of: "!", with: "!!")
            .replacingOccurrences(of: "%", with: "!%").replacingOccurrences(of: "_", with: "!_") + "%"
        return try await database.sql.raw("""
            SELECT DISTINCT s.staff_id FROM reveals r JOIN alerts a ON a.alert_key = r.alert_key \
            JOIN staff s ON s.staff_id = a.staff_id WHERE r.username = \(bind: username) \
            AND (LOWER(s.display_name) LIKE \(bind: pattern) ESCAPE '!' OR s.collar_number = \(bind: text)) \
            ORDER BY s.staff_id LIMIT 50
            """).all().map { try $0.decode(column: "staff_id", as: String.self) }
    }
}
