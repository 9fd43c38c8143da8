public import CustodesModel
import SQLKit

/// Cases in the store: opening one from an alert or intelligence, its people at risk and their safeguarding, tasks,
/// notes, status with the rules that guard it (the IOPC referral, the outcome, open safeguarding), severity,
/// interim measures, referral and outcome. Every write is rows only; the caller appends the audit-trail entry.
public enum CaseStore {
    public struct Opening: Sendable {
        public var title: String
        public var subjectStaffID: String
        public var apsp: Bool
        public var becameClearOn: CalendarDate?
        public var investigator: String?
        public var supervisor: String?
        /// What the case grew from: alerts and intelligence items.
        public var links: [(kind: CaseLinkKind, target: String)]

        public init(title: String, subjectStaffID: String, apsp: Bool, becameClearOn: CalendarDate?,
                    investigator: String? = nil, supervisor: String? = nil,
                    links: [(kind: CaseLinkKind, target: String)] = []) {
            self.title = title
            self.subjectStaffID = subjectStaffID
            self.apsp = apsp
            self.becameClearOn = becameClearOn
            self.investigator = investigator
            self.supervisor = supervisor
            self.links = links
        }
    }

    public enum CaseLinkKind: String, Sendable, CaseIterable {
        case alert, intelligence
    }

    public static func open(_ opening: Opening, by username: String, at: Int64,
                            in database: StoreDatabase) async throws -> Int64 {
        try await database.transaction {
            guard let row = try await database.sql.raw("""
                INSERT INTO cases (title, subject_staff_id, apsp, became_clear_on, status, investigator, supervisor, \
                opened_by, opened_at) VALUES (\(bind: opening.title), \(bind: opening.subjectStaffID), \
                \(bind: opening.apsp ? 1 : 0), \(bind: opening.becameClearOn?.description), \
                \(bind: CaseStatus.assessment.rawValue), \(bind: opening.investigator), \(bind: opening.supervisor), \
                \(bind: username), \(bind: at)) RETURNING case_id
                """).first() else { throw StoreError.query("no case returned") }
            let caseID = try row.decode(column: "case_id", as: Int64.self)
            for link in opening.links {
                try await database.sql.raw("""
                    INSERT INTO case_links (case_id, kind, target, linked_by, linked_at) VALUES (\(bind: caseID), \
                    \(bind: link.kind.rawValue), \(bind: link.target), \(bind: username), \(bind: at))
                    """).run()
            }
            return caseID
        }
    }

    // MARK: Reading

    /// The case if `visibility` admits it; nil both when it does not exist and when the user may not see it.
    public static func record(_ caseID: Int64, visibility: AlertQueue.Visibility,
                              in database: StoreDatabase) async throws -> CaseRecord? {
        try await database.sql.raw("SELECT c.* FROM cases c"
            + AlertQueue.whereClause(conditions(for: visibility) + ["c.case_id = \(bind: caseID)"])).first()
            .map(decodeCase)
    }

    /// The cases a user may see, open ones first, then newest first; optionally only those about one member of
    /// staff.
    public static func list(visibility: AlertQueue.Visibility, subjectStaffID: String? = nil,
                            in database: StoreDatabase) async throws -> [CaseRecord] {
        var filters = conditions(for: visibility)
        if let subjectStaffID { filters.append("c.subject_staff_id = \(bind: subjectStaffID)") }
        return try await database.sql.raw("SELECT c.* FROM cases c" + AlertQueue.whereClause(filters)
            + " ORDER BY CASE WHEN c.status = 'closed' THEN 1 ELSE 0 END, c.case_id DESC LIMIT 1000").all()
            .map(decodeCase)
    }

    public static func links(of caseID: Int64,
                             in database: StoreDatabase) async throws -> [(kind: CaseLinkKind, target: String)] {
        try await database.sql.raw("""
            SELECT kind, target FROM case_links WHERE case_id = \(bind: caseID) ORDER BY linked_at, kind, target
            """).all().compactMap { row in
            guard let kind = CaseLinkKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return (kind, try row.decode(column: "target", as: String.self))
        }
    }

    /// The cases a user may see that grew from an alert or an item.
    public static func cases(linkedTo kind: CaseLinkKind, target: String, visibility: AlertQueue.Visibility,
                             in database: StoreDatabase) async throws -> [CaseRecord] {
        try await database.sql.raw("SELECT c.* FROM cases c" + AlertQueue.whereClause(conditions(for: visibility) + ["""
            EXISTS (SELECT 1 FROM case_links l WHERE l.case_id = c.case_id AND l.kind = \(bind: kind.rawValue) \
            AND l.target = \(bind: target))
            """]) + " ORDER BY c.case_id").all().map(decodeCase)
    }

    public static func victims(of caseID: Int64, in database: StoreDatabase) async throws -> [CaseVictim] {
        try await database.sql.raw(
            "SELECT * FROM case_victims WHERE case_id = \(bind: caseID) ORDER BY victim_id").all().map { row in
            CaseVictim(victimID: try row.decode(column: "victim_id", as: Int64.self),
                       person: try row.decode(column: "person", as: String.self),
                       description: try row.decode(column: "description", as: String.self),
                       riskLevel: RiskLevel(rawValue: try row.decode(column: "risk_level", as: String.self)) ?? .high,
                       organisation: try row.decode(column: "organisation", as: String.self),
                       consent: ContactConsent(rawValue: try row.decode(column: "consent", as: String.self)) ?? .notAsked,
                       addedBy: try row.decode(column: "added_by", as: String.self),
                       addedAt: try row.decode(column: "added_at", as: Int64.self))
        }
    }

    public static func actions(of caseID: Int64, in database: StoreDatabase) async throws -> [CaseAction] {
        try await database.sql.raw(
            "SELECT * FROM case_actions WHERE case_id = \(bind: caseID) ORDER BY due_on, action_id").all()
            .compactMap(decodeAction)
    }

    public static func notes(of caseID: Int64, in database: StoreDatabase) async throws -> [CaseNote] {
        try await database.sql.raw(
            "SELECT * FROM case_notes WHERE case_id = \(bind: caseID) ORDER BY note_id").all().map {
            CaseNote(username: try $0.decode(column: "username", as: String.self),
                     at: try $0.decode(column: "at", as: Int64.self), body: try $0.decode(column: "body", as: String.self))
        }
    }

    public static func statusChanges(of caseID: Int64, in database: StoreDatabase) async throws -> [CaseStatusChange] {
        try await database.sql.raw(
            "SELECT * FROM case_status_changes WHERE case_id = \(bind: caseID) ORDER BY change_id").all().compactMap {
            guard let from = CaseStatus(rawValue: try $0.decode(column: "from_status", as: String.self)),
                  let to = CaseStatus(rawValue: try $0.decode(column: "to_status", as: String.self)) else { return nil }
            return CaseStatusChange(from: from, to: to, rationale: try $0.decode(column: "rationale", as: String.self),
                                    username: try $0.decode(column: "username", as: String.self),
                                    at: try $0.decode(column: "at", as: Int64.self))
        }
    }

    public static func assessments(of caseID: Int64, in database: StoreDatabase) async throws -> [CaseAssessment] {
        try await database.sql.raw(
            "SELECT * FROM case_assessments WHERE case_id = \(bind: caseID) ORDER BY assessment_id").all().compactMap {
            guard let severity = SeverityAssessment(rawValue: try $0.decode(column: "severity", as: String.self)),
                  let proceedings = Proceedings(rawValue: try $0.decode(column: "proceedings", as: String.self))
            else { return nil }
            return CaseAssessment(severity: severity, proceedings: proceedings,
                                  rationale: try $0.decode(column: "rationale", as: String.self),
                                  username: try $0.decode(column: "username", as: String.self),
                                  at: try $0.decode(column: "at", as: Int64.self))
        }
    }

    public static func measures(of caseID: Int64, in database: StoreDatabase) async throws -> [CaseMeasure] {
        try await database.sql.raw(
            "SELECT * FROM case_measures WHERE case_id = \(bind: caseID) ORDER BY measure_id").all().compactMap {
            guard let kind = InterimMeasure(rawValue: try $0.decode(column: "kind", as: String.self)),
                  let started = CalendarDate(iso: try $0.decode(column: "started_on", as: String.self)),
                  let review = CalendarDate(iso: try $0.decode(column: "review_on", as: String.self)) else { return nil }
            return CaseMeasure(measureID: try $0.decode(column: "measure_id", as: Int64.self), kind: kind,
                               startedOn: started, reviewOn: review,
                               endedOn: try $0.decode(column: "ended_on", as: String?.self).flatMap { CalendarDate(iso: $0) },
                               rationale: try $0.decode(column: "rationale", as: String.self),
                               username: try $0.decode(column: "username", as: String.self),
                               at: try $0.decode(column: "at", as: Int64.self))
        }
    }

    public static func referrals(of caseID: Int64, in database: StoreDatabase) async throws -> [CaseReferral] {
        try await database.sql.raw(
            "SELECT * FROM case_referrals WHERE case_id = \(bind: caseID) ORDER BY referral_id").all().compactMap {
            guard let decision = ReferralDecision(rawValue: try $0.decode(column: "decision", as: String.self)) else {
                return nil
            }
            return CaseReferral(decision: decision, rationale: try $0.decode(column: "rationale", as: String.self),
                                sentOn: try $0.decode(column: "sent_on", as: String?.self).flatMap { CalendarDate(iso: $0) },
                                iopcReference: try $0.decode(column: "iopc_reference", as: String?.self),
                                iopcMode: try $0.decode(column: "iopc_mode", as: String?.self).flatMap(IOPCMode.init),
                                iopcDecidedOn: try $0.decode(column: "iopc_decided_on", as: String?.self)
                                    .flatMap { CalendarDate(iso: $0) },
                                username: try $0.decode(column: "username", as: String.self),
                                at: try $0.decode(column: "at", as: Int64.self))
        }
    }

    /// The first day a referral was recorded as sent, if any: what the rule measures.
    public static func referralSentOn(_ caseID: Int64, in database: StoreDatabase) async throws -> CalendarDate? {
        try await referrals(of: caseID, in: database).compactMap { $0.decision == .referred ? $0.sentOn : nil }.min()
    }

    // MARK: Writing

    public static func assign(_ caseID: Int64, investigator: String?, supervisor: String?,
                              in database: StoreDatabase) async throws {
        try await requireCase(caseID, in: database)
        try await database.sql.raw("""
            UPDATE cases SET investigator = \(bind: investigator), supervisor = \(bind: supervisor) \
            WHERE case_id = \(bind: caseID)
            """).run()
    }

    public static func link(_ caseID: Int64, kind: CaseLinkKind, target: String, by username: String, at: Int64,
                            in database: StoreDatabase) async throws -> Bool {
        try await database.transaction {
            try await requireCase(caseID, in: database)
            if try await database.sql.raw("""
                SELECT case_id FROM case_links WHERE case_id = \(bind: caseID) AND kind = \(bind: kind.rawValue) \
                AND target = \(bind: target)
                """).first() != nil { return false }
            try await database.sql.raw("""
                INSERT INTO case_links (case_id, kind, target, linked_by, linked_at) VALUES (\(bind: caseID), \
                \(bind: kind.rawValue), \(bind: target), \(bind: username), \(bind: at))
                """).run()
            return true
        }
    }

    @discardableResult
    public static func addVictim(_ caseID: Int64, person: String, description: String, riskLevel: RiskLevel,
                                 organisation: String, consent: ContactConsent, by username: String, at: Int64,
                                 in database: StoreDatabase) async throws -> Int64 {
        try await requireOpenCase(caseID, in: database)
        guard let row = try await database.sql.raw("""
            INSERT INTO case_victims (case_id, person, description, risk_level, organisation, consent, added_by, \
            added_at) VALUES (\(bind: caseID), \(bind: person), \(bind: description), \(bind: riskLevel.rawValue), \
            \(bind: organisation), \(bind: consent.rawValue), \(bind: username), \(bind: at)) RETURNING victim_id
            """).first() else { throw StoreError.query("no victim returned") }
        return try row.decode(column: "victim_id", as: Int64.self)
    }

    /// Changes a person at risk's safeguarding plan (risk level, consent to contact, supporting organisation) and
    /// returns a sentence saying what changed, for the case's notes; nil when nothing did.
    public static func updateVictim(_ caseID: Int64, victimID: Int64, riskLevel: RiskLevel, consent: ContactConsent,
                                    organisation: String, in database: StoreDatabase) async throws -> String? {
        try await database.transaction {
            try await requireOpenCase(caseID, in: database)
            guard let victim = try await victims(of: caseID, in: database).first(where: { $0.victimID == victimID })
            else { throw CaseError.noSuchVictim }
            var changes: [String] = []
            if victim.riskLevel != riskLevel {
                changes.append("risk \(victim.riskLevel.title.lowercased()) to \(riskLevel.title.lowercased())")
            }
            if victim.consent != consent {
                changes.append("contact \(victim.consent.title.lowercased()) to \(consent.title.lowercased())")
            }
            if victim.organisation != organisation {
                changes.append("supported by " + (organisation.isEmpty ? "nobody recorded" : organisation))
            }
            guard !changes.isEmpty else { return nil }
            try await database.sql.raw("""
                UPDATE case_victims SET risk_level = \(bind: riskLevel.rawValue), consent = \(bind: consent.rawValue), \
                organisation = \(bind: organisation) WHERE victim_id = \(bind: victimID)
                """).run()
            return "Safeguarding plan for \(victim.person): " + changes.joined(separator: "; ")
        }
    }

    @discardableResult
    public static func addAction(_ caseID: Int64, victimID: Int64?, kind: ActionKind, description: String,
                                 owner: String, dueOn: CalendarDate, by username: String, at: Int64,
                                 in database: StoreDatabase) async throws -> Int64 {
        try await requireOpenCase(caseID, in: database)
        if let victimID, try await database.sql.raw("""
            SELECT victim_id FROM case_victims WHERE victim_id = \(bind: victimID) AND case_id = \(bind: caseID)
            """).first() == nil { throw CaseError.noSuchVictim }
        guard let row = try await database.sql.raw("""
            INSERT INTO case_actions (case_id, victim_id, kind, description, owner, due_on, status, created_by, \
            created_at) VALUES (\(bind: caseID), \(bind: victimID), \(bind: kind.rawValue), \(bind: description), \
            \(bind: owner), \(bind: dueOn.description), 'open', \(bind: username), \(bind: at)) RETURNING action_id
            """).first() else { throw StoreError.query("no action returned") }
        return try row.decode(column: "action_id", as: Int64.self)
    }

    /// Marks an open action done or cancelled, with a note.
    public static func finishAction(_ caseID: Int64, actionID: Int64, status: ActionStatus, note: String,
                                    by username: String, at: Int64, in database: StoreDatabase) async throws {
        precondition(status != .open, "an action is finished as done or cancelled")
        try await database.transaction {
            guard try await database.sql.raw("""
                SELECT action_id FROM case_actions WHERE action_id = \(bind: actionID) AND case_id = \(bind: caseID) \
                AND status = 'open'
                """).first() != nil else { throw CaseError.noSuchAction }
            try await database.sql.raw("""
                UPDATE case_actions SET status = \(bind: status.rawValue), finished_by = \(bind: username), \
                finished_at = \(bind: at), finish_note = \(bind: note) WHERE action_id = \(bind: actionID)
                """).run()
        }
    }

    public static func addNote(_ caseID: Int64, body: String, by username: String, at: Int64,
                               in database: StoreDatabase) async throws {
        try await requireCase(caseID, in: database)
        try await database.sql.raw("""
            INSERT INTO case_notes (case_id, username, at, body) VALUES (\(bind: caseID), \(bind: username), \
            \(bind: at), \(bind: body))
            """).run()
    }

    public static func assess(_ caseID: Int64, severity: SeverityAssessment, proceedings: Proceedings,
                              rationale: String, by username: String, at: Int64,
                              in database: StoreDatabase) async throws {
        try await requireOpenCase(caseID, in: database)
        try await database.sql.raw("""
            INSERT INTO case_assessments (case_id, severity, proceedings, rationale, username, at) VALUES \
            (\(bind: caseID), \(bind: severity.rawValue), \(bind: proceedings.rawValue), \(bind: rationale), \
            \(bind: username), \(bind: at))
            """).run()
    }

    public static func addMeasure(_ caseID: Int64, kind: InterimMeasure, startedOn: CalendarDate, reviewOn: CalendarDate,
                                  rationale: String, by username: String, at: Int64,
                                  in database: StoreDatabase) async throws {
        try await requireOpenCase(caseID, in: database)
        try await database.sql.raw("""
            INSERT INTO case_measures (case_id, kind, started_on, review_on, rationale, username, at) VALUES \
            (\(bind: caseID), \(bind: kind.rawValue), \(bind: startedOn.description), \(bind: reviewOn.description), \
            \(bind: rationale), \(bind: username), \(bind: at))
            """).run()
    }

    public static func endMeasure(_ caseID: Int64, measureID: Int64, on day: CalendarDate,
                                  in database: StoreDatabase) async throws {
        try await database.transaction {
            guard try await database.sql.raw("""
                SELECT measure_id FROM case_measures WHERE measure_id = \(bind: measureID) AND case_id = \(bind: caseID) \
                AND ended_on IS NULL
                """).first() != nil else { throw CaseError.noSuchAction }
            try await database.sql.raw("""
                UPDATE case_measures SET ended_on = \(bind: day.description) WHERE measure_id = \(bind: measureID)
                """).run()
        }
    }

    /// Records the referral decision. "Not required" is refused for a mandatory category; a referral is sent on a day.
    public static func recordReferral(_ caseID: Int64, decision: ReferralDecision, rationale: String,
                                      sentOn: CalendarDate?, iopcReference: String?, by username: String, at: Int64,
                                      in database: StoreDatabase) async throws {
        guard let record = try await record(caseID, visibility: .init(scope: .all), in: database) else {
            throw CaseError.noSuchCase
        }
        if record.status == .closed { throw CaseError.closed }
        if decision == .notRequired && ReferralRule().isMandatory(abuseOfPositionForSexualPurpose: record.apsp) {
            throw CaseError.referralMandatory
        }
        try await database.sql.raw("""
            INSERT INTO case_referrals (case_id, decision, rationale, sent_on, iopc_reference, username, at) VALUES \
            (\(bind: caseID), \(bind: decision.rawValue), \(bind: rationale), \(bind: sentOn?.description), \
            \(bind: iopcReference), \(bind: username), \(bind: at))
            """).run()
    }

    /// Records the IOPC's decision on the mode of investigation against the latest referral.
    public static func recordIOPCDecision(_ caseID: Int64, mode: IOPCMode, decidedOn: CalendarDate,
                                          in database: StoreDatabase) async throws {
        guard let row = try await database.sql.raw("""
            SELECT referral_id FROM case_referrals WHERE case_id = \(bind: caseID) AND decision = 'referred' \
            ORDER BY referral_id DESC LIMIT 1
            """).first() else { throw CaseError.referralRequired }
        try await database.sql.raw("""
            UPDATE case_referrals SET iopc_mode = \(bind: mode.rawValue), iopc_decided_on = \(bind: decidedOn.description) \
            WHERE referral_id = \(bind: try row.decode(column: "referral_id", as: Int64.self))
            """).run()
    }

    public static func recordOutcome(_ caseID: Int64, outcome: CaseOutcome, on day: CalendarDate, rationale: String,
                                     in database: StoreDatabase) async throws {
        try await requireOpenCase(caseID, in: database)
        try await database.sql.raw("""
            UPDATE cases SET outcome = \(bind: outcome.rawValue), outcome_on = \(bind: day.description), \
            outcome_rationale = \(bind: rationale) WHERE case_id = \(bind: caseID)
            """).run()
    }

    /// Moves a case to another status, under the rules: a mandatory referral sent before it leaves assessment; an
    /// outcome before it closes; and a reason to close with safeguarding actions still open.
    public static func changeStatus(_ caseID: Int64, to status: CaseStatus, rationale: String,
                                    closeReason: String? = nil, by username: String, at: Int64,
                                    in database: StoreDatabase) async throws {
        try await database.transaction {
            guard let record = try await record(caseID, visibility: .init(scope: .all), in: database) else {
                throw CaseError.noSuchCase
            }
            guard record.status != status else { throw CaseError.sameStatus }
            if status != .assessment, ReferralRule().isMandatory(abuseOfPositionForSexualPurpose: record.apsp),
               try await referralSentOn(caseID, in: database) == nil {
                throw CaseError.referralRequired
            }
            var reason: String?
            if status == .closed {
                guard record.outcome != nil else { throw CaseError.outcomeRequired }
                let open = try await actions(of: caseID, in: database)
                    .filter { $0.kind == .safeguarding && $0.status == .open }.count
                reason = closeReason?.isEmpty == false ? closeReason : nil
                if open > 0 && reason == nil { throw CaseError.openSafeguardingNeedsReason(open: open) }
            }
            try await database.sql.raw("""
                INSERT INTO case_status_changes (case_id, from_status, to_status, rationale, username, at) VALUES \
                (\(bind: caseID), \(bind: record.status.rawValue), \(bind: status.rawValue), \(bind: rationale), \
                \(bind: username), \(bind: at))
                """).run()
            try await database.sql.raw("""
                UPDATE cases SET status = \(bind: status.rawValue), \
                closed_at = \(bind: status == .closed ? at : nil), close_reason = \(bind: reason) \
                WHERE case_id = \(bind: caseID)
                """).run()
        }
    }

    /// Records that the user revealed who the case is about, with their reason.
    public static func reveal(_ caseID: Int64, by username: String, reason: String, at: Int64,
                              in database: StoreDatabase) async throws {
        try await requireCase(caseID, in: database)
        try await database.sql.raw("""
            INSERT INTO case_reveals (case_id, username, at, reason) VALUES (\(bind: caseID), \(bind: username), \
            \(bind: at), \(bind: reason))
            """).run()
    }

    // MARK: The dashboard

    /// Open safeguarding actions due by `today` + 1 (or overdue) on cases the user may see, most overdue first.
    public static func dueSafeguarding(visibility: AlertQueue.Visibility, today: CalendarDate,
                                       in database: StoreDatabase) async throws -> [DueSafeguarding] {
        let horizon = today.adding(days: 1).description
        return try await database.sql.raw("SELECT a.* FROM case_actions a JOIN cases c ON c.case_id = a.case_id"
            + AlertQueue.whereClause(conditions(for: visibility) + [
                "a.kind = 'safeguarding'", "a.status = 'open'", "a.due_on <= \(bind: horizon)",
            ]) + " ORDER BY a.due_on, a.action_id").all().compactMap(decodeAction).map {
            DueSafeguarding(action: $0, caseReference: CaseRecord.reference($0.caseID), overdue: $0.dueOn < today)
        }
    }

    // MARK: Need-to-know

    /// The head of unit sees every case; anyone else the cases they investigate, supervise or opened. Nobody sees
    /// a case about themselves, or one with a declared associate among its people at risk or its alerts.
    static func conditions(for visibility: AlertQueue.Visibility) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        switch visibility.scope {
        case .all: break
        case .unassignedOrAssignedTo(let user), .assignedTo(let user):
            conditions.append("""
                (c.investigator = \(bind: user) OR c.supervisor = \(bind: user) OR c.opened_by = \(bind: user))
                """)
        }
        for staff in visibility.hiddenStaff {
            conditions.append("c.subject_staff_id <> \(bind: staff)")
            // Nor through an alert about them or an item about them that the case grew from.
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM case_links l WHERE l.case_id = c.case_id AND (\
                (l.kind = 'alert' AND EXISTS (SELECT 1 FROM alerts a WHERE CAST(a.alert_id AS TEXT) = l.target \
                AND a.staff_id = \(bind: staff))) OR \
                (l.kind = 'intelligence' AND EXISTS (SELECT 1 FROM intelligence_items i \
                WHERE CAST(i.item_id AS TEXT) = l.target AND i.subject_staff_id = \(bind: staff)))))
                """)
        }
        if !visibility.hiddenPeople.isEmpty {
            let people = SQLList(visibility.hiddenPeople.map { SQLBind($0) })
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM case_victims v WHERE v.case_id = c.case_id AND v.person IN (\(people)))
                """)
            conditions.append("""
                NOT EXISTS (SELECT 1 FROM case_links l JOIN alerts a ON CAST(a.alert_id AS TEXT) = l.target \
                JOIN alert_people p ON p.alert_key = a.alert_key WHERE l.case_id = c.case_id AND l.kind = 'alert' \
                AND p.pseudonym IN (\(people)))
                """)
        }
        return conditions
    }

    // MARK: Rows

    static func requireCase(_ caseID: Int64, in database: StoreDatabase) async throws {
        guard try await database.sql.raw("SELECT case_id FROM cases WHERE case_id = \(bind: caseID)").first() != nil
        else { throw CaseError.noSuchCase }
    }

    /// A closed case takes notes, the finishing of its actions and measures, and the IOPC's answer; anything that
    /// would change what it was closed on (people at risk, new actions, severity, measures, referral decisions, the
    /// outcome) needs it reopened first, with a rationale.
    static func requireOpenCase(_ caseID: Int64, in database: StoreDatabase) async throws {
        guard let row = try await database.sql.raw(
            "SELECT status FROM cases WHERE case_id = \(bind: caseID)").first() else { throw CaseError.noSuchCase }
        if try row.decode(column: "status", as: String.self) == CaseStatus.closed.rawValue { throw CaseError.closed }
    }

    static func decodeCase(_ row: any SQLRow) throws -> CaseRecord {
        CaseRecord(caseID: try row.decode(column: "case_id", as: Int64.self),
                   title: try row.decode(column: "title", as: String.self),
                   subjectStaffID: try row.decode(column: "subject_staff_id", as: String.self),
                   apsp: try row.decode(column: "apsp", as: Int64.self) != 0,
                   becameClearOn: try row.decode(column: "became_clear_on", as: String?.self).flatMap { CalendarDate(iso: $0) },
                   status: CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .assessment,
                   investigator: try row.decode(column: "investigator", as: String?.self),
                   supervisor: try row.decode(column: "supervisor", as: String?.self),
                   openedBy: try row.decode(column: "opened_by", as: String.self),
                   openedAt: try row.decode(column: "opened_at", as: Int64.self),
                   outcome: try row.decode(column: "outcome", as: String?.self).flatMap(CaseOutcome.init),
                   outcomeOn: try row.decode(column: "outcome_on", as: String?.self).flatMap { CalendarDate(iso: $0) },
                   outcomeRationale: try row.decode(column: "outcome_rationale", as: String?.self),
                   closedAt: try row.decode(column: "closed_at", as: Int64?.self),
                   closeReason: try row.decode(column: "close_reason", as: String?.self))
    }

    static func decodeAction(_ row: any SQLRow) throws -> CaseAction? {
        guard let kind = ActionKind(rawValue: try row.decode(column: "kind", as: String.self)),
              let status = ActionStatus(rawValue: try row.decode(column: "status", as: String.self)),
              let due = CalendarDate(iso: try row.decode(column: "due_on", as: String.self)) else { return nil }
        return CaseAction(actionID: try row.decode(column: "action_id", as: Int64.self),
                          caseID: try row.decode(column: "case_id", as: Int64.self),
                          victimID: try row.decode(column: "victim_id", as: Int64?.self), kind: kind,
                          description: try row.decode(column: "description", as: String.self),
                          owner: try row.decode(column: "owner", as: String.self), dueOn: due, status: status,
                          createdBy: try row.decode(column: "created_by", as: String.self),
                          createdAt: try row.decode(column: "created_at", as: Int64.self),
                          finishedBy: try row.decode(column: "finished_by", as: String?.self),
                          finishedAt: try row.decode(column: "finished_at", as: Int64?.self),
                          finishNote: try row.decode(column: "finish_note", as: String?.self))
    }
}
