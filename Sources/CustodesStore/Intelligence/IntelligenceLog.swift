import SQLKit

/// The unit's intelligence log in the store: items with their sanitised text, the originals kept apart, gradings
/// as history, links and disseminations. Every write here is rows only; the caller appends the matching audit-trail
/// entry, and only `original(of:)` reads an original, so the web application can record every such reading.
public enum IntelligenceLog {
    /// What a user records: the original as received and the sanitised version the log shows.
    public struct Draft: Sendable {
        public var sourceKind: IntelligenceSourceKind
        public var sourceDescription: String
        public var originalText: String
        public var sanitisedText: String
        public var subjectStaffID: String?
        public var links: [(kind: IntelligenceLinkKind, target: String)]

        public init(sourceKind: IntelligenceSourceKind, sourceDescription: String, originalText: String,
                    sanitisedText: String, subjectStaffID: String? = nil,
                    links: [(kind: IntelligenceLinkKind, target: String)] = []) {
            self.sourceKind = sourceKind
            self.sourceDescription = sourceDescription
            self.originalText = originalText
            self.sanitisedText = sanitisedText
            self.subjectStaffID = subjectStaffID
            self.links = links
        }
    }

    public struct GradingRecord: Sendable, Equatable {
        public var grading: Grading
        public var gradedBy: String
        public var gradedAt: Int64
        public var reason: String
    }

    public struct Link: Sendable, Equatable {
        public var kind: IntelligenceLinkKind
        public var target: String
        public var linkedBy: String
        public var linkedAt: Int64
    }

    public struct Dissemination: Sendable, Equatable {
        public var recipient: String
        public var purpose: String
        /// The grading's code when it was shared ("1A C"), and the conditions that travelled with it.
        public var grading: String
        public var conditions: String?
        public var by: String
        public var at: Int64
    }

    /// Records an item, its original and its links in one transaction; returns its id.
    public static func record(_ draft: Draft, by username: String, at: Int64,
                              in database: StoreDatabase) async throws -> Int64 {
        try await database.transaction {
            guard let row = try await database.sql.raw("""
                INSERT INTO intelligence_items (source_kind, source_description, sanitised_text, subject_staff_id, \
                recorded_by, recorded_at) VALUES (\(bind: draft.sourceKind.rawValue), \
                \(bind: draft.sourceDescription), \(bind: draft.sanitisedText), \(bind: draft.subjectStaffID), \
                \(bind: username), \(bind: at)) RETURNING item_id
                """).first() else { throw StoreError.query("no intelligence item returned") }
            let itemID = try row.decode(column: "item_id", as: Int64.self)
            try await database.sql.raw("""
                INSERT INTO intelligence_originals (item_id, original_text, recorded_by, recorded_at) VALUES \
                (\(bind: itemID), \(bind: draft.originalText), \(bind: username), \(bind: at))
                """).run()
            for link in draft.links {
                try await insertLink(itemID: itemID, kind: link.kind, target: link.target, by: username, at: at,
                                     in: database)
            }
            return itemID
        }
    }

    /// The item if `visibility` admits it; nil both when it does not exist and when the user may not see it, so that
    /// an item's existence does not leak.
    public static func item(_ itemID: Int64, visibility: AlertQueue.Visibility,
                            in database: StoreDatabase) async throws -> IntelligenceItem? {
        try await database.sql.raw("SELECT i.* FROM intelligence_items i"
            + AlertQueue.whereClause(conditions(for: visibility) + ["i.item_id = \(bind: itemID)"])).first()
            .map(decodeItem)
    }

    /// The items a user may see, newest first, optionally only those about one member of staff (as the subject or
    /// a link).
    public static func items(visibility: AlertQueue.Visibility, subjectStaffID: String? = nil, limit: Int = 50,
                             offset: Int = 0, in database: StoreDatabase) async throws -> (items: [IntelligenceItem], total: Int) {
        var filters = conditions(for: visibility)
        if let subjectStaffID {
            filters.append("""
                (i.subject_staff_id = \(bind: subjectStaffID) OR EXISTS (SELECT 1 FROM intelligence_links l \
                WHERE l.item_id = i.item_id AND l.kind = 'staff' AND l.target = \(bind: subjectStaffID)))
                """)
        }
        let size = max(1, min(limit, 500)), skip = max(0, min(offset, 500_000_000))
        let rows = try await database.sql.raw("SELECT i.* FROM intelligence_items i" + AlertQueue.whereClause(filters)
            + " ORDER BY i.item_id DESC LIMIT \(unsafeRaw: String(size)) OFFSET \(unsafeRaw: String(skip))").all()
        let total = try await database.sql.raw("SELECT COUNT(*) AS n FROM intelligence_items i"
            + AlertQueue.whereClause(filters)).first()?.decode(column: "n", as: Int.self) ?? 0
        return (try rows.map(decodeItem), total)
    }

    /// The original text as received. The only read of an original: callers must check the user may read it and
    /// record the reading in the trail.
    public static func original(of itemID: Int64, in database: StoreDatabase) async throws -> String? {
        try await database.sql.raw(
            "SELECT original_text FROM intelligence_originals WHERE item_id = \(bind: itemID)").first()?
            .decode(column: "original_text", as: String.self)
    }

    /// A change of grading must say why in at least this many characters.
    public static let regradeReasonMinimum = 10

    /// Grades (or regrades) an item and returns the grading it replaced, if any. A first grading needs no reason; a
    /// change does (decided inside the transaction, so two first gradings sent at once cannot both skip it), and
    /// the earlier grading stays in the history.
    @discardableResult
    public static func grade(_ itemID: Int64, _ grading: Grading, reason: String, by username: String, at: Int64,
                             in database: StoreDatabase) async throws -> Grading? {
        try await database.transaction {
            guard let row = try await database.sql.raw(
                "SELECT * FROM intelligence_items WHERE item_id = \(bind: itemID)").first() else {
                throw IntelligenceError.noSuchItem
            }
            let previous = try decodeGrading(row)
            let alreadyGraded = previous != nil
            if alreadyGraded && reason.count < regradeReasonMinimum { throw IntelligenceError.regradeNeedsReason }
            try await database.sql.raw("""
                INSERT INTO intelligence_gradings (item_id, source_evaluation, intelligence_assessment, handling_code, \
                handling_conditions, graded_by, graded_at, reason) VALUES (\(bind: itemID), \
                \(bind: grading.source.rawValue), \(bind: grading.assessment.rawValue), \
                \(bind: grading.handling.rawValue), \(bind: grading.conditions), \(bind: username), \(bind: at), \
                \(bind: alreadyGraded ? reason : (reason.isEmpty ? "first grading" : reason)))
                """).run()
            try await database.sql.raw("""
                UPDATE intelligence_items SET source_evaluation = \(bind: grading.source.rawValue), \
                intelligence_assessment = \(bind: grading.assessment.rawValue), \
                handling_code = \(bind: grading.handling.rawValue), handling_conditions = \(bind: grading.conditions), \
                graded_by = \(bind: username), graded_at = \(bind: at) WHERE item_id = \(bind: itemID)
                """).run()
            return previous
        }
    }

    /// Names the member of staff an item is about (when what it came from, a report, is linked to them later), so
    /// that the item is hidden from them as its source is.
    public static func setSubject(_ itemID: Int64, staffID: String, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE intelligence_items SET subject_staff_id = \(bind: staffID) WHERE item_id = \(bind: itemID)
            """).run()
    }

    public static func gradings(of itemID: Int64, in database: StoreDatabase) async throws -> [GradingRecord] {
        try await database.sql.raw("""
            SELECT * FROM intelligence_gradings WHERE item_id = \(bind: itemID) ORDER BY grading_id
            """).all().compactMap { row in
            guard let grading = try decodeGrading(row) else { return nil }
            return GradingRecord(grading: grading, gradedBy: try row.decode(column: "graded_by", as: String.self),
                                 gradedAt: try row.decode(column: "graded_at", as: Int64.self),
                                 reason: try row.decode(column: "reason", as: String.self))
        }
    }

    /// Links an item to something it is about. Members of staff, occurrences, alerts and items must exist; a link
    /// made twice is recorded once. Returns whether it was new.
    @discardableResult
    public static func link(_ itemID: Int64, kind: IntelligenceLinkKind, target: String, by username: String,
                            at: Int64, in database: StoreDatabase) async throws -> Bool {
        try await database.transaction {
            guard try await database.sql.raw(
                "SELECT item_id FROM intelligence_items WHERE item_id = \(bind: itemID)").first() != nil else {
                throw IntelligenceError.noSuchItem
            }
            if try await database.sql.raw("""
                SELECT item_id FROM intelligence_links WHERE item_id = \(bind: itemID) AND kind = \(bind: kind.rawValue) \
                AND target = \(bind: target)
                """).first() != nil { return false }
            try await insertLink(itemID: itemID, kind: kind, target: target, by: username, at: at, in: database)
            return true
        }
    }

    public static func links(of itemID: Int64, in database: StoreDatabase) async throws -> [Link] {
        try await database.sql.raw("""
            SELECT * FROM intelligence_links WHERE item_id = \(bind: itemID) ORDER BY linked_at, kind, target
            """).all().compactMap { row in
            guard let kind = IntelligenceLinkKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                return nil
            }
            return Link(kind: kind, target: try row.decode(column: "target", as: String.self),
                        linkedBy: try row.decode(column: "linked_by", as: String.self),
                        linkedAt: try row.decode(column: "linked_at", as: Int64.self))
        }
    }

    /// Records that the item was shared, under its current grading; refused while it is ungraded.
    public static func disseminate(_ itemID: Int64, to recipient: String, purpose: String, by username: String,
                                   at: Int64, in database: StoreDatabase) async throws -> Dissemination {
        try await database.transaction {
            guard let row = try await database.sql.raw(
                "SELECT * FROM intelligence_items WHERE item_id = \(bind: itemID)").first() else {
                throw IntelligenceError.noSuchItem
            }
            guard let grading = try decodeGrading(row) else { throw IntelligenceError.notGraded }
            try await database.sql.raw("""
                INSERT INTO intelligence_disseminations (item_id, recipient, purpose, grading, handling_conditions, \
                disseminated_by, disseminated_at) VALUES (\(bind: itemID), \(bind: recipient), \(bind: purpose), \
                \(bind: grading.code), \(bind: grading.conditions), \(bind: username), \(bind: at))
                """).run()
            return Dissemination(recipient: recipient, purpose: purpose, grading: grading.code,
                                 conditions: grading.conditions, by: username, at: at)
        }
    }

    public static func disseminations(of itemID: Int64, in database: StoreDatabase) async throws -> [Dissemination] {
        try await database.sql.raw("""
            SELECT * FROM intelligence_disseminations WHERE item_id = \(bind: itemID) ORDER BY dissemination_id
            """).all().map {
            Dissemination(recipient: try $0.decode(column: "recipient", as: String.self),
                          purpose: try $0.decode(column: "purpose", as: String.self),
                          grading: try $0.decode(column: "grading", as: String.self),
                          conditions: try $0.decode(column: "handling_conditions", as: String?.self),
                          by: try $0.decode(column: "disseminated_by", as: String.self),
                          at: try $0.decode(column: "disseminated_at", as: Int64.self))
        }
    }

    /// The items linked to an alert, newest first (for the alert's page), within what the user may see.
    public static func items(linkedToAlert alertID: Int64, visibility: AlertQueue.Visibility,
                             in database: StoreDatabase) async throws -> [IntelligenceItem] {
        try await database.sql.raw("SELECT i.* FROM intelligence_items i" + AlertQueue.whereClause(
            conditions(for: visibility) + ["""
                EXISTS (SELECT 1 FROM intelligence_links l WHERE l.item_id = i.item_id AND l.kind = 'alert' \
                AND l.target = \(bind: String(alertID)))
                """]) + " ORDER BY i.item_id DESC").all().map(decodeItem)
    }

    // MARK: Need-to-know

    /// The alert queue's rule, read for the log: the head of unit and analysts (the unit's intelligence function)
    /// see every item; an investigator sees the items they recorded and those linked to alerts assigned to them.
    /// Nobody sees an item about themselves (as its subject, or through a linked member of staff, alert or item), or
    /// one that names or links to an alert involving a declared associate.
    static func conditions(for visibility: AlertQueue.Visibility) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if case .assignedTo(let user) = visibility.scope {
            conditions.append("""
                (i.recorded_by = \(bind: user) OR EXISTS (SELECT 1 FROM intelligence_links l \
                JOIN alerts a ON CAST(a.alert_id AS TEXT) = l.target JOIN alert_triage t ON t.alert_key = a.alert_key \
                WHERE l.item_id = i.item_id AND l.kind = 'alert' AND t.assignee = \(bind: user)))
                """)
        }
        for staff in visibility.hiddenStaff {
            conditions.append("(i.subject_staff_id IS NULL OR i.subject_staff_id <> \(bind: staff))")
            // Nor through what it links to: the member of staff named, an alert about them, an item about them.
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM intelligence_links l WHERE l.item_id = i.item_id AND (\
                (l.kind = 'staff' AND l.target = \(bind: staff)) OR \
                (l.kind = 'alert' AND EXISTS (SELECT 1 FROM alerts a WHERE CAST(a.alert_id AS TEXT) = l.target \
                AND a.staff_id = \(bind: staff))) OR \
                (l.kind = 'item' AND EXISTS (SELECT 1 FROM intelligence_items o WHERE CAST(o.item_id AS TEXT) = l.target \
                AND o.subject_staff_id = \(bind: staff)))))
                """)
        }
        if !visibility.hiddenPeople.isEmpty {
            let people = SQLList(visibility.hiddenPeople.map { SQLBind($0) })
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM intelligence_links l WHERE l.item_id = i.item_id AND l.kind = 'person' \
                AND l.target IN (\(people)))
                """)
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM intelligence_links l JOIN alerts a ON CAST(a.alert_id AS TEXT) = l.target \
                JOIN alert_people p ON p.alert_key = a.alert_key WHERE l.item_id = i.item_id AND l.kind = 'alert' \
                AND p.pseudonym IN (\(people)))
                """)
        }
        return conditions
    }

    // MARK: Rows

    static func insertLink(itemID: Int64, kind: IntelligenceLinkKind, target: String, by username: String, at: Int64,
                           in database: StoreDatabase) async throws {
        try await checkTarget(kind, target, in: database)
        try await database.sql.raw("""
            INSERT INTO intelligence_links (item_id, kind, target, linked_by, linked_at) VALUES (\(bind: itemID), \
            \(bind: kind.rawValue), \(bind: target), \(bind: username), \(bind: at))
            """).run()
    }

    /// Refuses a link to a member of staff, occurrence, alert or item the store does not hold (a person's pseudonym
    /// cannot be checked without the key, and is kept as written).
    static func checkTarget(_ kind: IntelligenceLinkKind, _ target: String, in database: StoreDatabase) async throws {
        let query: SQLQueryString
        switch kind {
        case .person: return
        case .staff: query = "SELECT staff_id FROM staff WHERE staff_id = \(bind: target)"
        case .occurrence: query = "SELECT occurrence_id FROM occurrences WHERE occurrence_id = \(bind: target)"
        case .alert:
            guard let id = Int64(target) else { throw IntelligenceError.noSuchTarget(kind, target) }
            query = "SELECT alert_id FROM alerts WHERE alert_id = \(bind: id)"
        case .item:
            guard let id = Int64(target) else { throw IntelligenceError.noSuchTarget(kind, target) }
            query = "SELECT item_id FROM intelligence_items WHERE item_id = \(bind: id)"
        case .organisation:
            guard let id = Int64(target) else { throw IntelligenceError.noSuchTarget(kind, target) }
            query = "SELECT organisation_id FROM partner_organisations WHERE organisation_id = \(bind: id)"
        }
        if try await database.sql.raw(query).first() == nil { throw IntelligenceError.noSuchTarget(kind, target) }
    }

    static func decodeGrading(_ row: any SQLRow) throws -> Grading? {
        guard let source = try row.decode(column: "source_evaluation", as: String?.self).flatMap(SourceEvaluation.init),
              let assessment = try row.decode(column: "intelligence_assessment", as: String?.self)
                .flatMap(IntelligenceAssessment.init),
              let handling = try row.decode(column: "handling_code", as: String?.self).flatMap(HandlingCode.init)
        else { return nil }
        return try? Grading(source: source, assessment: assessment, handling: handling,
                            conditions: try row.decode(column: "handling_conditions", as: String?.self))
    }

    static func decodeItem(_ row: any SQLRow) throws -> IntelligenceItem {
        IntelligenceItem(itemID: try row.decode(column: "item_id", as: Int64.self),
                         sourceKind: IntelligenceSourceKind(rawValue: try row.decode(column: "source_kind", as: String.self))
                            ?? .internalReport,
                         sourceDescription: try row.decode(column: "source_description", as: String.self),
                         sanitisedText: try row.decode(column: "sanitised_text", as: String.self),
                         subjectStaffID: try row.decode(column: "subject_staff_id", as: String?.self),
                         recordedBy: try row.decode(column: "recorded_by", as: String.self),
                         recordedAt: try row.decode(column: "recorded_at", as: Int64.self),
                         grading: try decodeGrading(row),
                         gradedBy: try row.decode(column: "graded_by", as: String?.self),
                         gradedAt: try row.decode(column: "graded_at", as: Int64?.self))
    }
}
