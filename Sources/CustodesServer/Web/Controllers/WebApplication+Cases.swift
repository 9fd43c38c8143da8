import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// Cases: opened from an alert or an intelligence item, worked by an investigator under a supervisor, with the
/// people at risk and their safeguarding first on every page that lists work. The head of unit sees every case;
/// anyone else the cases they investigate, supervise or opened (see `CaseStore.conditions`).
extension WebApplication {
    func addCaseRoutes(to router: Router<WebContext>) {
        router.get("/cases") { request, context in try await caseList(request, context) }
        router.get("/cases/new") { request, context in try await newCasePage(request, context, form: nil, errors: [:]) }
        router.post("/cases") { request, context in try await openCase(request, context) }
        router.get("/cases/{id}") { request, context in try await casePage(request, context, errors: [:]) }
        router.get("/cases/{id}/file") { request, context in try await caseFile(request, context) }
        addCaseWorkRoutes(to: router)
    }

    /// The force's calendar day now, by the referral rule's clock.
    var today: CalendarDate { ReferralRule().day(at: settings.now()) }

    /// Safeguarding due by tomorrow or overdue on the cases this user may see: shown above everything else on the
    /// alert queue and the case list.
    func dueSafeguardingPanel(for user: UserAccount) async throws -> Any {
        let due = try await CaseStore.dueSafeguarding(visibility: try await needToKnow.visibility(for: user),
                                                      today: today, in: database)
        guard !due.isEmpty else { return false }
        return ["count": due.count, "single": due.count == 1, "actions": due.map {
            ["caseID": $0.action.caseID, "caseReference": $0.caseReference, "description": $0.action.description,
             "owner": $0.action.owner, "due": $0.action.dueOn.description, "overdue": $0.overdue] as [String: Any]
        }] as [String: Any]
    }

    func caseList(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let visibility = try await needToKnow.visibility(for: user)
        let cases = try await CaseStore.list(visibility: visibility, in: database)
        try await audit("view_cases", by: user.username)
        var rows: [[String: Any]] = []
        for record in cases {
            rows.append(["id": record.caseID, "reference": record.reference, "title": record.title,
                         "status": record.status.rawValue, "statusLabel": record.status.title,
                         "subject": try await subjectLabel(record.subjectStaffID, for: user),
                         "investigator": record.investigator ?? "Nobody", "opened": displayTime(record.openedAt),
                         "referral": try await referralLabel(record)])
        }
        return page(.init(title: "Cases", template: "cases", context: [
            "due": try await dueSafeguardingPanel(for: user), "rows": rows, "hasRows": !rows.isEmpty,
        ]), request, context)
    }

    /// Where a case stands against the referral rule, in words and with a tag colour.
    func referralLabel(_ record: CaseRecord) async throws -> [String: Any] {
        let sent = try await CaseStore.referralSentOn(record.caseID, in: database)
        let rule = ReferralRule()
        switch rule.standing(mandatory: rule.isMandatory(abuseOfPositionForSexualPurpose: record.apsp),
                             becameClear: record.becameClearOn, sentOn: sent, today: today) {
        case .notRequired:
            return ["text": record.apsp ? "Mandatory: record when it became clear" : "Not mandatory", "tag": "grey",
                    "overdue": false]
        case .due(let last): return ["text": "Due by the end of \(last)", "tag": "new", "overdue": false]
        case .overdue(let last): return ["text": "Overdue: was due by the end of \(last)", "tag": "new", "overdue": true]
        case .sentOnTime(let day): return ["text": "Referred on \(day), on time", "tag": "decided", "overdue": false]
        case .sentLate(let day, let last):
            return ["text": "Referred on \(day), late (due by the end of \(last))", "tag": "in", "overdue": false]
        }
    }

    // MARK: Opening

    func newCasePage(_ request: Request, _ context: WebContext, form: Form?,
                     errors: [String: String]) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        var values = form?.shown ?? [:]
        if form == nil {
            if let alertID = request.uri.queryParameters.get("alert", as: Int64.self) {
                let record = try await visibleAlert(id: alertID, user: user)
                values["alert"] = String(record.alertID)
                values["subject"] = record.pseudonym
                values["title"] = "Alert \(record.alertID): access to records without a business reason"
            }
            if let itemID = request.uri.queryParameters.get("intelligence", as: Int64.self) {
                guard let item = try await IntelligenceLog.item(itemID, visibility: try await needToKnow.visibility(for: user),
                                                                in: database) else { throw WebError.notFound }
                values["intelligence"] = String(item.itemID)
                values["subject"] = item.subjectStaffID.map(needToKnow.pseudonymiser.staff) ?? ""
                values["title"] = "From intelligence \(item.reference)"
            }
            values["became_clear_on"] = today.description
        }
        var page: [String: Any] = [
            "alert": values["alert"].flatMap { $0.isEmpty ? nil : $0 } ?? false,
            "intelligence": values["intelligence"].flatMap { $0.isEmpty ? nil : $0 } ?? false,
            "title": values["title"] ?? "", "subject": values["subject"] ?? "",
            "apspYes": values["apsp"] == "yes", "apspNo": values["apsp"] == "no",
            "becameClearOn": values["became_clear_on"] ?? "",
            "mayAssign": user.role == .headOfUnit,
            "investigators": try await eligibleCaseWorkers(selected: values["investigator"]),
        ]
        addErrors(errors, fields: Self.caseErrorFields, to: &page)
        return self.page(.init(title: "Open a case", template: "case-new", context: page), request, context,
                         status: errors.isEmpty ? .ok : .badRequest)
    }

    static let caseErrorFields = ["titleError": "title", "subjectError": "subject", "apspError": "apsp-yes",
                                  "becameClearError": "became_clear_on", "investigatorError": "investigator"]

    /// Investigators and the head of unit, for the investigator and supervisor lists.
    func eligibleCaseWorkers(selected: String?) async throws -> [[String: Any]] {
        var accounts = try await UserAccounts.active(role: .investigator, in: database)
        accounts += try await UserAccounts.active(role: .headOfUnit, in: database)
        return accounts.map {
            ["username": $0.username, "displayName": $0.displayName, "roleTitle": $0.role.title,
             "selected": $0.username == selected] as [String: Any]
        }
    }

    func openCase(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let form = try await Form.read(request, context: context)
        var errors: [String: String] = [:]
        let title = form.trimmed("title")
        if let message = Self.lineError(title, name: "a title for the case", maximum: 200) { errors["titleError"] = message }
        var links: [(kind: CaseStore.CaseLinkKind, target: String)] = []
        var subjectStaffID: String?
        if let alertID = Int64(form.trimmed("alert")) {
            let record = try await visibleAlert(id: alertID, user: user)
            links.append((.alert, String(record.alertID)))
            subjectStaffID = record.staffID
        }
        if let itemID = Int64(form.trimmed("intelligence")) {
            guard let item = try await IntelligenceLog.item(itemID, visibility: try await needToKnow.visibility(for: user),
                                                            in: database) else { throw WebError.notFound }
            links.append((.intelligence, String(item.itemID)))
            subjectStaffID = subjectStaffID ?? item.subjectStaffID
        }
        if subjectStaffID == nil {
            let subject = form.trimmed("subject")
            subjectStaffID = subject.isEmpty ? nil : try await resolveStaff(subject, byCollarNumber: user.role == .headOfUnit)
            if subjectStaffID == nil { errors["subjectError"] = Self.unknownStaff(user) }
        }
        if let subjectStaffID, subjectStaffID == user.staffID {
            errors["subjectError"] = "You cannot open a case about yourself: ask the head of unit"
        }
        let apsp = form["apsp"]
        if apsp != "yes" && apsp != "no" {
            errors["apspError"] = "Select whether the matter is abuse of position for a sexual purpose"
        }
        let clearText = form.trimmed("became_clear_on")
        let becameClear = CalendarDate(iso: clearText)
        if apsp == "yes" && becameClear == nil {
            errors["becameClearError"] = "Enter the day it became clear the matter must be referred, as YYYY-MM-DD, like 2027-03-31"
        } else if !clearText.isEmpty && becameClear == nil {
            errors["becameClearError"] = "Enter a real date as YYYY-MM-DD, like 2027-03-31"
        } else if let becameClear, becameClear > today {
            errors["becameClearError"] = "The day it became clear cannot be in the future"
        }
        // Only the head of unit names who works a case (and so who may reveal its member of staff); anyone else's
        // case waits for the head of unit to assign it.
        let investigator = user.role == .headOfUnit ? form.trimmed("investigator") : ""
        if !investigator.isEmpty, let subjectStaffID,
           try await !mayWorkCase(investigator, subjectStaffID: subjectStaffID, links: links) {
            errors["investigatorError"] = "That user cannot work this case: choose another investigator"
        }
        guard errors.isEmpty, let subjectStaffID else {
            return try await newCasePage(request, context, form: form, errors: errors)
        }
        let opening = CaseStore.Opening(title: title, subjectStaffID: subjectStaffID, apsp: apsp == "yes",
                                        becameClearOn: becameClear, investigator: investigator.isEmpty ? nil : investigator,
                                        supervisor: user.role == .headOfUnit ? user.username : nil, links: links)
        let caseID = try await CaseStore.open(opening, by: user.username, at: settings.now(), in: database)
        try await audit("open_case", by: user.username, subject: CaseRecord.reference(caseID),
                        detail: (apsp == "yes" ? "abuse of position for a sexual purpose; " : "")
                            + links.map { "from \($0.kind.rawValue) \($0.target)" }.joined(separator: ", "))
        return redirect("/cases/\(caseID)")
    }

    // MARK: The case page

    /// The case, if the user may see it; otherwise "not found", so that a case's existence does not leak.
    func visibleCase(_ context: WebContext, user: UserAccount) async throws -> CaseRecord {
        guard let id = context.parameters.get("id", as: Int64.self),
              let record = try await CaseStore.record(id, visibility: try await needToKnow.visibility(for: user),
                                                      in: database) else {
            throw WebError.notFound
        }
        return record
    }

    func casePage(_ request: Request, _ context: WebContext, errors: [String: String],
                  form: Form? = nil) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let record = try await visibleCase(context, user: user)
        if errors.isEmpty { try await audit("view_case", by: user.username, subject: record.reference) }
        let fields = form?.shown ?? [:]
        let victims = try await CaseStore.victims(of: record.caseID, in: database)
        let actions = try await CaseStore.actions(of: record.caseID, in: database)
        let victimNames = Dictionary(uniqueKeysWithValues: victims.map { ($0.victimID, $0.person) })
        func actionRows(_ kind: ActionKind) -> [[String: Any]] {
            actions.filter { $0.kind == kind }.map { action in
                ["id": action.actionID, "description": action.description, "owner": action.owner,
                 "due": action.dueOn.description, "open": action.status == .open,
                 "overdue": action.status == .open && action.dueOn < today, "status": action.status.title,
                 "for": action.victimID.flatMap { victimNames[$0] } ?? false,
                 "finished": action.finishedBy.map { "\($0), \(displayTime(action.finishedAt ?? 0))" } ?? false,
                 "note": action.finishNote ?? ""] as [String: Any]
            }
        }
        var values: [String: Any] = [
            "caseID": record.caseID, "reference": record.reference, "title": record.title,
            "status": record.status.rawValue, "statusLabel": record.status.title, "apsp": record.apsp,
            "becameClearOn": record.becameClearOn?.description ?? false,
            "investigator": record.investigator ?? false, "supervisor": record.supervisor ?? false,
            "opened": "\(displayTime(record.openedAt)) by \(record.openedBy)",
            "subject": try await subjectLabel(record.subjectStaffID, for: user),
            "mayReveal": try await !AlertCasework.hasRevealed(staffID: record.subjectStaffID, username: user.username,
                                                              in: database) && mayRevealCase(user, record),
            "referral": try await referralLabel(record),
            "victims": victims.map { victim in
                let open = actions.filter { $0.victimID == victim.victimID && $0.kind == .safeguarding && $0.status == .open }
                return ["id": victim.victimID, "person": victim.person, "description": victim.description,
                        "risk": victim.riskLevel.title,
                        "organisation": victim.organisation.isEmpty ? "None recorded" : victim.organisation,
                        "organisationValue": victim.organisation, "consent": victim.consent.title,
                        "plan": open.isEmpty ? "No open actions"
                            : "Active: \(open.count) open action\(open.count == 1 ? "" : "s")"
                            + (open.contains { $0.dueOn < today } ? ", overdue" : ""),
                        "riskChoices": RiskLevel.allCases.map {
                            ["value": $0.rawValue, "label": $0.title, "selected": $0 == victim.riskLevel] as [String: Any]
                        },
                        "consentChoices": ContactConsent.allCases.map {
                            ["value": $0.rawValue, "label": $0.title, "selected": $0 == victim.consent] as [String: Any]
                        }] as [String: Any]
            },
            "hasVictims": !victims.isEmpty,
            "safeguarding": actionRows(.safeguarding), "tasks": actionRows(.task),
            "hasSafeguarding": actions.contains { $0.kind == .safeguarding }, "hasTasks": actions.contains { $0.kind == .task },
            "timeline": try await CaseStore.timeline(of: record, visibility: try await needToKnow.visibility(for: user), in: database).map {
                ["at": displayTime($0.at), "what": $0.what, "by": $0.by] as [String: Any]
            },
            "assessments": try await CaseStore.assessments(of: record.caseID, in: database).map {
                ["severity": $0.severity.title, "proceedings": $0.proceedings.title, "rationale": $0.rationale,
                 "by": $0.username, "at": displayTime($0.at)] as [String: Any]
            },
            "measures": try await CaseStore.measures(of: record.caseID, in: database).map {
                ["id": $0.measureID, "kind": $0.kind.title, "started": $0.startedOn.description,
                 "review": $0.reviewOn.description, "ended": $0.endedOn?.description ?? false,
                 "reviewDue": $0.endedOn == nil && $0.reviewOn <= today, "rationale": $0.rationale] as [String: Any]
            },
            "referrals": try await CaseStore.referrals(of: record.caseID, in: database).map {
                ["decision": $0.decision.title, "sent": $0.sentOn?.description ?? false,
                 "reference": $0.iopcReference ?? false, "mode": $0.iopcMode?.title ?? false,
                 "decidedOn": $0.iopcDecidedOn?.description ?? false, "rationale": $0.rationale, "by": $0.username,
                 "at": displayTime($0.at)] as [String: Any]
            },
            "outcome": record.outcome.map { outcome in
                ["title": outcome.title, "on": record.outcomeOn?.description ?? "",
                 "rationale": record.outcomeRationale ?? ""] as [String: Any]
            } ?? false,
            "closeReason": record.closeReason ?? false,
            "mayAssign": user.role == .headOfUnit,
            "workers": try await eligibleCaseWorkers(selected: record.investigator),
            "supervisors": try await eligibleCaseWorkers(selected: record.supervisor),
            // Choices for the forms, with what was typed kept when a form is refused.
            "statuses": CaseStatus.allCases.filter { $0 != record.status }.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == fields["status"]] as [String: Any]
            },
            "riskLevels": RiskLevel.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == fields["risk_level"]] as [String: Any]
            },
            "consents": ContactConsent.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == fields["consent"]] as [String: Any]
            },
            "actionKinds": ActionKind.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == (fields["kind"] ?? "safeguarding")] as [String: Any]
            },
            "victimChoices": victims.map {
                ["value": String($0.victimID), "label": $0.person, "selected": String($0.victimID) == fields["victim"]] as [String: Any]
            },
            "severities": SeverityAssessment.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == fields["severity"]] as [String: Any]
            },
            "proceedingsChoices": Proceedings.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == fields["proceedings"]] as [String: Any]
            },
            "measureKinds": InterimMeasure.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == fields["measure"]] as [String: Any]
            },
            "referralDecisions": ReferralDecision.allCases.filter { !(record.apsp && $0 == .notRequired) }.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == fields["decision"]] as [String: Any]
            },
            "iopcModes": IOPCMode.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == fields["mode"]] as [String: Any]
            },
            "outcomes": CaseOutcome.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == fields["outcome"]] as [String: Any]
            },
            "hasReferral": !(try await CaseStore.referrals(of: record.caseID, in: database)).isEmpty,
            "form": fields, "today": today.description,
        ]
        var notes: [[String: Any]] = []
        for note in try await CaseStore.notes(of: record.caseID, in: database) {
            notes.append(["by": note.username, "at": displayTime(note.at), "body": note.body])
        }
        values["notes"] = notes
        addErrors(errors, fields: Self.casePageErrorFields, to: &values)
        return page(.init(title: "Case \(record.reference)", template: "case", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    static let casePageErrorFields = [
        "statusError": "status-rationale", "closeReasonError": "close_reason", "personError": "person",
        "victimError": "victim-description", "actionError": "action-description", "ownerError": "owner",
        "dueError": "due_on", "noteError": "note", "assessmentError": "severity-no_case_to_answer",
        "assessmentRationaleError": "assessment-rationale", "measureError": "measure-started",
        "referralError": "decision-referred", "referralDateError": "sent_on", "referralRationaleError": "referral-rationale",
        "iopcError": "iopc-decided", "outcomeError": "outcome", "outcomeDateError": "outcome_on",
        "outcomeRationaleError": "outcome-rationale", "revealError": "reveal-reason", "assignError": "case-investigator",
        "finishError": "main", "linkError": "case-link",
    ]

    /// Whether `username` may be named to work a case about `subjectStaffID` grown from `links`: an active
    /// investigator or head of unit, not the member of staff, and not declared an associate of anyone in it.
    func mayWorkCase(_ username: String, subjectStaffID: String,
                     links: [(kind: CaseStore.CaseLinkKind, target: String)]) async throws -> Bool {
        guard let account = try await UserAccounts.find(username: username, in: database), !account.isDisabled,
              account.role == .investigator || account.role == .headOfUnit, account.staffID != subjectStaffID
        else { return false }
        var theirs = try await needToKnow.visibility(for: account)
        theirs.scope = .all
        for link in links where link.kind == .alert {
            guard let id = Int64(link.target), let alert = try await AlertCasework.record(id: id, in: database),
                  try await AlertQueue.isVisible(key: alert.key, visibility: theirs, in: database) else { return false }
        }
        for link in links where link.kind == .intelligence {
            guard let id = Int64(link.target),
                  try await IntelligenceLog.item(id, visibility: theirs, in: database) != nil else { return false }
        }
        return true
    }

    /// Who may reveal the member of staff on a case: the head of unit, and the investigator or supervisor the head
    /// of unit named (only the head of unit names them).
    func mayRevealCase(_ user: UserAccount, _ record: CaseRecord) -> Bool {
        user.role == .headOfUnit || record.investigator == user.username || record.supervisor == user.username
    }
}
