import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// The work on a case, one form each: status with its rationale, people at risk and their safeguarding, tasks,
/// notes, severity, interim measures, the IOPC referral and its answer, the outcome, assignment and reveal. Each
/// refused form comes back with what was typed and says why; each accepted one is in the trail.
extension WebApplication {
    func addCaseWorkRoutes(to router: Router<WebContext>) {
        router.post("/cases/{id}/status") { request, context in try await changeCaseStatus(request, context) }
        router.post("/cases/{id}/victims") { request, context in try await addVictim(request, context) }
        router.post("/cases/{id}/victims/{victim}") { request, context in try await updateVictim(request, context) }
        router.post("/cases/{id}/links") { request, context in try await linkCase(request, context) }
        router.post("/cases/{id}/actions") { request, context in try await addCaseAction(request, context) }
        router.post("/cases/{id}/actions/{action}/finish") { request, context in
            try await finishCaseAction(request, context)
        }
        router.post("/cases/{id}/notes") { request, context in try await addCaseNote(request, context) }
        router.post("/cases/{id}/assessments") { request, context in try await assessCase(request, context) }
        router.post("/cases/{id}/measures") { request, context in try await addMeasure(request, context) }
        router.post("/cases/{id}/measures/{measure}/end") { request, context in try await endMeasure(request, context) }
        router.post("/cases/{id}/referrals") { request, context in try await recordReferral(request, context) }
        router.post("/cases/{id}/iopc-decision") { request, context in try await recordIOPCDecision(request, context) }
        router.post("/cases/{id}/outcome") { request, context in try await recordOutcome(request, context) }
        router.post("/cases/{id}/assign") { request, context in try await assignCase(request, context) }
        router.post("/cases/{id}/reveal") { request, context in try await revealCase(request, context) }
    }

    /// Reads the form and the case the user may see, in the order every handler needs: role, CSRF, need-to-know.
    func caseForm(_ request: Request, _ context: WebContext,
                  roles: Set<Role> = WebApplication.caseRoles) async throws -> (UserAccount, Form, CaseRecord) {
        let user = try context.requireUser(roles)
        let form = try await Form.read(request, context: context)
        return (user, form, try await visibleCase(context, user: user))
    }

    func refused(_ request: Request, _ context: WebContext, _ form: Form,
                 _ errors: [String: String]) async throws -> Response {
        try await casePage(request, context, errors: errors, form: form)
    }

    func changeCaseStatus(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let status = CaseStatus(rawValue: form["status"]) else {
            return try await refused(request, context, form, ["statusError": "Select the new status"])
        }
        let rationale = form.trimmed("status_rationale")
        if let message = Self.textError(rationale, name: "the rationale for the change", maximum: 4_000) {
            return try await refused(request, context, form, ["statusError": message])
        }
        let closeReason = form.trimmed("close_reason")
        if closeReason.count > 2_000 || Form.hasControlCharacters(closeReason, multiline: true) {
            return try await refused(request, context, form,
                                     ["closeReasonError": "Enter the reason in 2,000 characters or fewer, without control characters"])
        }
        do {
            try await CaseStore.changeStatus(record.caseID, to: status, rationale: rationale,
                                             closeReason: closeReason.isEmpty ? nil : closeReason, by: user.username,
                                             at: settings.now(), in: database)
        } catch let error as CaseError {
            let key = if case .openSafeguardingNeedsReason = error { "closeReasonError" } else { "statusError" }
            return try await refused(request, context, form, [key: error.description])
        }
        try await audit("case_status", by: user.username, subject: record.reference,
                        detail: "\(record.status.rawValue) to \(status.rawValue)"
                            + (closeReason.isEmpty ? "" : "; closed with safeguarding open, reason recorded"))
        return redirect("/cases/\(record.caseID)")
    }

    func addVictim(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        var errors: [String: String] = [:]
        let person = form.trimmed("person")
        if let message = Self.lineError(person, name: "the person (a pseudonym from an alert, or how the case knows them)", maximum: 200) {
            errors["personError"] = message
        }
        let description = form.trimmed("victim_description")
        if description.count > 2_000 || Form.hasControlCharacters(description, multiline: true) {
            errors["victimError"] = "Enter the description in 2,000 characters or fewer, without control characters"
        }
        let organisation = form.trimmed("organisation")
        if organisation.count > 200 || Form.hasControlCharacters(organisation, multiline: false) {
            errors["victimError"] = "Enter the supporting organisation on one line, in 200 characters or fewer"
        }
        guard let risk = RiskLevel(rawValue: form["risk_level"]), let consent = ContactConsent(rawValue: form["consent"])
        else { return try await refused(request, context, form, ["victimError": "Select the risk level and consent"]) }
        guard errors.isEmpty else { return try await refused(request, context, form, errors) }
        try await CaseStore.addVictim(record.caseID, person: person, description: description, riskLevel: risk,
                                      organisation: organisation, consent: consent, by: user.username,
                                      at: settings.now(), in: database)
        try await audit("case_person_at_risk", by: user.username, subject: record.reference,
                        detail: "risk \(risk.rawValue), consent \(consent.rawValue)")
        return redirect("/cases/\(record.caseID)#safeguarding")
    }

    func updateVictim(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let victimID = context.parameters.get("victim", as: Int64.self) else { throw WebError.notFound }
        let organisation = form.trimmed("organisation")
        guard let risk = RiskLevel(rawValue: form["risk_level"]), let consent = ContactConsent(rawValue: form["consent"]),
              organisation.count <= 200, !Form.hasControlCharacters(organisation, multiline: false) else {
            return try await refused(request, context, form,
                                     ["victimError": "Select the risk level and consent, and give the organisation on one line"])
        }
        let change: String?
        do {
            change = try await CaseStore.updateVictim(record.caseID, victimID: victimID, riskLevel: risk,
                                                      consent: consent, organisation: organisation, in: database)
        } catch let error as CaseError {
            return try await refused(request, context, form, ["victimError": error.description])
        }
        if let change {
            try await CaseStore.addNote(record.caseID, body: change, by: user.username, at: settings.now(), in: database)
            try await audit("case_safeguarding_plan", by: user.username, subject: record.reference,
                            detail: "risk \(risk.rawValue), consent \(consent.rawValue)")
        }
        return redirect("/cases/\(record.caseID)#safeguarding")
    }

    /// Links another alert or intelligence item the user may see to the case.
    func linkCase(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        let target = form.trimmed("target").uppercased()
        var link: (kind: CaseStore.CaseLinkKind, target: String)?
        if target.hasPrefix("INT-"), let id = Int64(target.dropFirst(4)),
           let item = try await IntelligenceLog.item(id, visibility: try await needToKnow.visibility(for: user),
                                                     in: database) {
            link = (.intelligence, String(item.itemID))
        } else if let id = Int64(target.replacingOccurrences(of: "ALERT ", with: "")),
                  let alert = try? await visibleAlert(id: id, user: user) {
            link = (.alert, String(alert.alertID))
        }
        guard let link, target.count <= 64 else {
            return try await refused(request, context, form,
                                     ["linkError": "Enter an alert number or an intelligence reference (INT-…) that you can see"])
        }
        if try await CaseStore.link(record.caseID, kind: link.kind, target: link.target, by: user.username,
                                    at: settings.now(), in: database) {
            try await audit("case_link", by: user.username, subject: record.reference,
                            detail: "\(link.kind.rawValue) \(link.target)")
        }
        return redirect("/cases/\(record.caseID)#timeline")
    }

    func addCaseAction(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        var errors: [String: String] = [:]
        let kind = ActionKind(rawValue: form["kind"]) ?? .task
        let description = form.trimmed("action_description")
        if let message = Self.textError(description, name: "what is to be done", maximum: 2_000) {
            errors["actionError"] = message
        }
        let owner = form.trimmed("owner")
        if let message = Self.lineError(owner, name: "who owns the action", maximum: 100) { errors["ownerError"] = message }
        let due = CalendarDate(iso: form.trimmed("due_on"))
        if due == nil { errors["dueError"] = "Enter the due date as YYYY-MM-DD, like 2027-03-31" }
        let victim = Int64(form.trimmed("victim"))
        guard errors.isEmpty, let due else { return try await refused(request, context, form, errors) }
        do {
            try await CaseStore.addAction(record.caseID, victimID: victim, kind: kind, description: description,
                                          owner: owner, dueOn: due, by: user.username, at: settings.now(), in: database)
        } catch let error as CaseError {
            return try await refused(request, context, form, ["actionError": error.description])
        }
        try await audit("case_action", by: user.username, subject: record.reference,
                        detail: "\(kind.rawValue) for \(owner), due \(due)")
        return redirect("/cases/\(record.caseID)#" + (kind == .safeguarding ? "safeguarding" : "tasks"))
    }

    func finishCaseAction(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let actionID = context.parameters.get("action", as: Int64.self) else { throw WebError.notFound }
        let status: ActionStatus = form["finish_status"] == "cancelled" ? .cancelled : .done
        let note = form.trimmed("finish_note")
        if note.count > 2_000 || Form.hasControlCharacters(note, multiline: true) {
            return try await refused(request, context, form,
                                     ["finishError": "Enter the note in 2,000 characters or fewer, without control characters"])
        }
        do {
            try await CaseStore.finishAction(record.caseID, actionID: actionID, status: status, note: note,
                                             by: user.username, at: settings.now(), in: database)
        } catch CaseError.noSuchAction {
            return try await refused(request, context, form, ["finishError": "That action is already finished"])
        }
        try await audit("case_action_finished", by: user.username, subject: record.reference,
                        detail: "action \(actionID) \(status.rawValue)")
        return redirect("/cases/\(record.caseID)")
    }

    func addCaseNote(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        let body = form.trimmed("note_body")
        if let message = Self.textError(body, name: "the note", maximum: 10_000) {
            return try await refused(request, context, form, ["noteError": message])
        }
        try await CaseStore.addNote(record.caseID, body: body, by: user.username, at: settings.now(), in: database)
        try await audit("case_note", by: user.username, subject: record.reference)
        return redirect("/cases/\(record.caseID)#timeline")
    }

    func assessCase(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let severity = SeverityAssessment(rawValue: form["severity"]),
              let proceedings = Proceedings(rawValue: form["proceedings"]) else {
            return try await refused(request, context, form, ["assessmentError": "Select the severity and the proceedings"])
        }
        let rationale = form.trimmed("assessment_rationale")
        if let message = Self.textError(rationale, name: "the rationale for the assessment", maximum: 4_000) {
            return try await refused(request, context, form, ["assessmentRationaleError": message])
        }
        if severity == .noCaseToAnswer && proceedings != .none {
            return try await refused(request, context, form,
                                     ["assessmentError": "With no case to answer there are no proceedings: select \"No proceedings\""])
        }
        try await CaseStore.assess(record.caseID, severity: severity, proceedings: proceedings, rationale: rationale,
                                   by: user.username, at: settings.now(), in: database)
        try await audit("case_assessment", by: user.username, subject: record.reference,
                        detail: "\(severity.rawValue), \(proceedings.rawValue)")
        return redirect("/cases/\(record.caseID)")
    }

    func addMeasure(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let kind = InterimMeasure(rawValue: form["measure"]) else {
            return try await refused(request, context, form, ["measureError": "Select the interim measure"])
        }
        guard let started = CalendarDate(iso: form.trimmed("started_on")), let review = CalendarDate(iso: form.trimmed("review_on")),
              review >= started else {
            return try await refused(request, context, form,
                                     ["measureError": "Enter the start and review dates as YYYY-MM-DD, the review on or after the start"])
        }
        let rationale = form.trimmed("measure_rationale")
        if let message = Self.textError(rationale, name: "the rationale for the measure", maximum: 4_000) {
            return try await refused(request, context, form, ["measureError": message])
        }
        try await CaseStore.addMeasure(record.caseID, kind: kind, startedOn: started, reviewOn: review,
                                       rationale: rationale, by: user.username, at: settings.now(), in: database)
        try await audit("case_measure", by: user.username, subject: record.reference,
                        detail: "\(kind.rawValue) from \(started), review \(review)")
        return redirect("/cases/\(record.caseID)")
    }

    func endMeasure(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let measureID = context.parameters.get("measure", as: Int64.self) else { throw WebError.notFound }
        guard let ended = CalendarDate(iso: form.trimmed("ended_on")) else {
            return try await refused(request, context, form, ["measureError": "Enter the day the measure ended as YYYY-MM-DD"])
        }
        do {
            try await CaseStore.endMeasure(record.caseID, measureID: measureID, on: ended, in: database)
        } catch is CaseError {
            return try await refused(request, context, form, ["measureError": "That measure has already ended"])
        }
        try await audit("case_measure_ended", by: user.username, subject: record.reference,
                        detail: "measure \(measureID) ended \(ended)")
        return redirect("/cases/\(record.caseID)")
    }

    func recordReferral(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let decision = ReferralDecision(rawValue: form["decision"]) else {
            return try await refused(request, context, form, ["referralError": "Select the referral decision"])
        }
        let sentText = form.trimmed("sent_on")
        let sent = CalendarDate(iso: sentText)
        if decision == .referred && sent == nil {
            return try await refused(request, context, form,
                                     ["referralDateError": "Enter the day the referral was sent, as YYYY-MM-DD"])
        }
        if let sent, sent > today {
            return try await refused(request, context, form, ["referralDateError": "The day it was sent cannot be in the future"])
        }
        let reference = form.trimmed("iopc_reference")
        if reference.count > 100 || Form.hasControlCharacters(reference, multiline: false) {
            return try await refused(request, context, form,
                                     ["referralDateError": "Enter the IOPC reference on one line, in 100 characters or fewer"])
        }
        let rationale = form.trimmed("referral_rationale")
        if let message = Self.textError(rationale, name: "the rationale for the referral decision", maximum: 4_000) {
            return try await refused(request, context, form, ["referralRationaleError": message])
        }
        do {
            try await CaseStore.recordReferral(record.caseID, decision: decision, rationale: rationale,
                                               sentOn: decision == .referred ? sent : nil,
                                               iopcReference: reference.isEmpty ? nil : reference, by: user.username,
                                               at: settings.now(), in: database)
        } catch let error as CaseError {
            return try await refused(request, context, form, ["referralError": error.description])
        }
        try await audit("case_referral", by: user.username, subject: record.reference,
                        detail: decision.rawValue + (sent.map { ", sent \($0)" } ?? ""))
        return redirect("/cases/\(record.caseID)")
    }

    func recordIOPCDecision(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let mode = IOPCMode(rawValue: form["mode"]), let decided = CalendarDate(iso: form.trimmed("decided_on")) else {
            return try await refused(request, context, form,
                                     ["iopcError": "Select the IOPC's decision and enter its date as YYYY-MM-DD"])
        }
        do {
            try await CaseStore.recordIOPCDecision(record.caseID, mode: mode, decidedOn: decided, in: database)
        } catch let error as CaseError {
            return try await refused(request, context, form, ["iopcError": error.description])
        }
        try await audit("case_iopc_decision", by: user.username, subject: record.reference,
                        detail: "\(mode.rawValue), \(decided)")
        return redirect("/cases/\(record.caseID)")
    }

    func recordOutcome(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard let outcome = CaseOutcome(rawValue: form["outcome"]) else {
            return try await refused(request, context, form, ["outcomeError": "Select the outcome"])
        }
        guard let day = CalendarDate(iso: form.trimmed("outcome_on")), day <= today else {
            return try await refused(request, context, form,
                                     ["outcomeDateError": "Enter the day of the outcome as YYYY-MM-DD, not in the future"])
        }
        let rationale = form.trimmed("outcome_rationale")
        if let message = Self.textError(rationale, name: "the rationale for the outcome", maximum: 4_000) {
            return try await refused(request, context, form, ["outcomeRationaleError": message])
        }
        try await CaseStore.recordOutcome(record.caseID, outcome: outcome, on: day, rationale: rationale, in: database)
        try await audit("case_outcome", by: user.username, subject: record.reference, detail: "\(outcome.rawValue), \(day)")
        return redirect("/cases/\(record.caseID)")
    }

    func assignCase(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context, roles: [.headOfUnit])
        var chosen: [String?] = []
        for field in ["investigator", "supervisor"] {
            let name = form.trimmed(field)
            guard !name.isEmpty else { chosen.append(nil); continue }
            // Whoever is named must be allowed to see the case once named: never about themselves or an associate.
            guard try await mayWorkCase(name, subjectStaffID: record.subjectStaffID,
                                        links: try await CaseStore.links(of: record.caseID, in: database)),
                  let account = try await UserAccounts.find(username: name, in: database) else {
                return try await refused(request, context, form, ["assignError": "That user cannot work this case"])
            }
            var theirs = try await needToKnow.visibility(for: account)
            theirs.scope = .all
            guard try await CaseStore.record(record.caseID, visibility: theirs, in: database) != nil else {
                return try await refused(request, context, form, ["assignError": "That user cannot work this case"])
            }
            chosen.append(name)
        }
        try await CaseStore.assign(record.caseID, investigator: chosen[0], supervisor: chosen[1], in: database)
        try await audit("case_assign", by: user.username, subject: record.reference,
                        detail: "investigator \(chosen[0] ?? "nobody"), supervisor \(chosen[1] ?? "nobody")")
        return redirect("/cases/\(record.caseID)")
    }

    func revealCase(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, record) = try await caseForm(request, context)
        guard mayRevealCase(user, record) else { throw WebError.forbidden }
        let reason = form.trimmed("reveal_reason")
        if reason.count < 10 || reason.count > 2_000 || Form.hasControlCharacters(reason, multiline: true) {
            return try await refused(request, context, form,
                                     ["revealError": "Enter the reason for revealing who this is (10 to 2,000 characters, without control characters)"])
        }
        try await CaseStore.reveal(record.caseID, by: user.username, reason: reason, at: settings.now(), in: database)
        try await audit("reveal", by: user.username, subject: record.reference)
        return redirect("/cases/\(record.caseID)")
    }
}
