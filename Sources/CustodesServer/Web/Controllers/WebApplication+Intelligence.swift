import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// The intelligence log: record what the unit learns (from an alert or any other source) as an item with a
/// sanitised text, grade it 3x5x2, link it, share it, and export it. Originals are read only by the head of unit and
/// the person who recorded them, each reading in the trail; everyone else in the unit reads the sanitised text.
extension WebApplication {
    /// Those who may grade, disseminate and export: the unit's intelligence function and its head.
    static let gradingRoles: Set<Role> = [.analyst, .headOfUnit]

    func addIntelligenceRoutes(to router: Router<WebContext>) {
        router.get("/intelligence") { request, context in try await intelligenceLog(request, context) }
        router.get("/intelligence/new") { request, context in
            try await newItemPage(request, context, form: nil, errors: [:])
        }
        router.post("/intelligence") { request, context in try await recordItem(request, context) }
        router.get("/intelligence.json") { request, context in try await exportItems(request, context) }
        router.get("/intelligence/{id}") { request, context in try await itemPage(request, context, errors: [:]) }
        router.post("/intelligence/{id}/original") { request, context in try await readOriginal(request, context) }
        router.post("/intelligence/{id}/grading") { request, context in try await gradeItem(request, context) }
        router.post("/intelligence/{id}/links") { request, context in try await linkItem(request, context) }
        router.post("/intelligence/{id}/disseminations") { request, context in
            try await disseminateItem(request, context)
        }
    }

    // MARK: The log

    func intelligenceLog(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        var page = try QueryNumber.page(request)
        let size = 50
        let visibility = try await needToKnow.visibility(for: user)
        var result = try await IntelligenceLog.items(visibility: visibility, limit: size, offset: (page - 1) * size,
                                                     in: database)
        try await audit("view_intelligence_log", by: user.username, detail: request.uri.query ?? "")
        let pages = max(1, (result.total + size - 1) / size)
        // A page past the end shows the last page.
        if page > pages {
            page = pages
            result = try await IntelligenceLog.items(visibility: visibility, limit: size, offset: (page - 1) * size,
                                                     in: database)
        }
        var rows: [[String: Any]] = []
        for item in result.items { rows.append(try await itemSummary(item, for: user)) }
        return self.page(.init(title: "Intelligence", template: "intelligence-log", context: [
            "rows": rows, "hasRows": !rows.isEmpty, "total": result.total, "single": result.total == 1,
            "page": page, "pages": pages, "mayExport": Self.gradingRoles.contains(user.role),
            "previous": page > 1 ? "/intelligence?page=\(page - 1)" : false,
            "next": page < pages ? "/intelligence?page=\(page + 1)" : false,
        ]), request, context)
    }

    func itemSummary(_ item: IntelligenceItem, for user: UserAccount) async throws -> [String: Any] {
        let text = item.sanitisedText
        return ["id": item.itemID, "reference": item.reference, "recorded": displayTime(item.recordedAt),
                "source": item.sourceKind.title, "grading": item.grading?.code ?? false,
                "subject": try await subjectLabel(item.subjectStaffID, for: user),
                "excerpt": text.count > 140 ? String(text.prefix(140)) + "…" : text]
    }

    /// A member of staff as this user may know them: their name once this user revealed them, else the pseudonym.
    func subjectLabel(_ staffID: String?, for user: UserAccount) async throws -> Any {
        guard let staffID else { return false }
        let pseudonym = needToKnow.pseudonymiser.staff(staffID)
        if try await AlertCasework.hasRevealed(staffID: staffID, username: user.username, in: database),
           let identity = try await StaffProfile.identity(staffID: staffID, in: database) {
            return ["pseudonym": pseudonym, "name": "\(identity.displayName), collar \(identity.collarNumber)"]
        }
        return ["pseudonym": pseudonym, "name": false] as [String: Any]
    }

    // MARK: Recording

    func newItemPage(_ request: Request, _ context: WebContext, form: Form?,
                     errors: [String: String]) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        var values: [String: String] = form?.shown ?? [:]
        if form == nil, let alertID = request.uri.queryParameters.get("alert", as: Int64.self) {
            let record = try await visibleAlert(id: alertID, user: user)
            values["alert"] = String(record.alertID)
            values["source_kind"] = IntelligenceSourceKind.alert.rawValue
            values["source_description"] = "Monitoring alert \(record.alertID)"
            values["subject"] = record.pseudonym
        }
        let chosen = values["source_kind"] ?? ""
        var context_: [String: Any] = [
            "sourceKinds": IntelligenceSourceKind.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == chosen] as [String: Any]
            },
            "alert": values["alert"].flatMap { $0.isEmpty ? nil : $0 } ?? false,
            "sourceDescription": values["source_description"] ?? "", "original": values["original"] ?? "",
            "sanitised": values["sanitised"] ?? "", "subject": values["subject"] ?? "",
            "organisations": try await PartnerRegister.organisations(in: database).filter { $0.status != .ended }.map {
                ["id": $0.organisationID, "name": $0.name, "selected": String($0.organisationID) == values["organisation"]]
                    as [String: Any]
            },
        ]
        addErrors(errors, fields: Self.itemErrorFields, to: &context_)
        return page(.init(title: "Record intelligence", template: "intelligence-new", context: context_), request,
                    context, status: errors.isEmpty ? .ok : .badRequest)
    }

    static let itemErrorFields = ["sourceKindError": "source_kind-\(IntelligenceSourceKind.allCases[0].rawValue)",
                                  "sourceDescriptionError": "source_description", "originalError": "original",
                                  "sanitisedError": "sanitised", "subjectError": "subject"]

    func recordItem(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let form = try await Form.read(request, context: context)
        var errors: [String: String] = [:]
        let kind = IntelligenceSourceKind(rawValue: form["source_kind"])
        if kind == nil { errors["sourceKindError"] = "Select where the intelligence came from" }
        let description = form.trimmed("source_description")
        if let message = Self.lineError(description, name: "who or what the source is", maximum: 200) {
            errors["sourceDescriptionError"] = message
        }
        let original = form.trimmed("original")
        if let message = Self.textError(original, name: "the intelligence as received", maximum: 20_000) {
            errors["originalError"] = message
        }
        let sanitised = form.trimmed("sanitised")
        if let message = Self.textError(sanitised, name: "the sanitised version", maximum: 5_000) {
            errors["sanitisedError"] = message
        } else if sanitised == original {
            errors["sanitisedError"] = "Write a sanitised version that differs from the original: remove anything that could identify the source"
        }
        var links: [(kind: IntelligenceLinkKind, target: String)] = []
        var subjectStaffID: String?
        if let alertID = Int64(form.trimmed("alert")) {
            let record = try await visibleAlert(id: alertID, user: user)
            links.append((.alert, String(record.alertID)))
            subjectStaffID = record.staffID
        }
        let subject = form.trimmed("subject")
        if subjectStaffID == nil, !subject.isEmpty {
            subjectStaffID = try await resolveStaff(subject, byCollarNumber: user.role == .headOfUnit)
            if subjectStaffID == nil { errors["subjectError"] = Self.unknownStaff(user) + ", or leave it empty" }
        }
        if let subjectStaffID, subjectStaffID == user.staffID {
            errors["subjectError"] = "You cannot record intelligence about yourself: ask the head of unit"
        }
        if let organisationID = Int64(form.trimmed("organisation")) {
            guard try await PartnerRegister.organisation(organisationID, in: database) != nil else {
                throw WebError.badRequest("There is no such organisation in the partner register.")
            }
            links.append((.organisation, String(organisationID)))
        }
        guard errors.isEmpty, let kind else { return try await newItemPage(request, context, form: form, errors: errors) }
        let draft = IntelligenceLog.Draft(sourceKind: kind, sourceDescription: description, originalText: original,
                                          sanitisedText: sanitised, subjectStaffID: subjectStaffID, links: links)
        let itemID = try await IntelligenceLog.record(draft, by: user.username, at: settings.now(), in: database)
        // The trail links the item to the original kept apart from it; never the text of either.
        try await audit("record_intelligence", by: user.username, subject: IntelligenceItem.reference(itemID),
                        detail: "source \(kind.rawValue); original kept apart"
                            + (links.first.map { ", from alert \($0.target)" } ?? ""))
        return redirect("/intelligence/\(itemID)")
    }

    /// A member of staff from what the unit knows them by: a pseudonym as alerts show it, or (for the head of unit
    /// only, `byCollarNumber`) a collar number. Anyone else who could type a collar number and see the pseudonym it
    /// gives would learn who is behind every alert with that pseudonym without a reveal.
    func resolveStaff(_ text: String, byCollarNumber: Bool = false) async throws -> String? {
        guard text.count <= 64, !Form.hasControlCharacters(text, multiline: false) else { return nil }
        if text.hasPrefix("STF-") {
            if let staffID = try await StaffProfile.staffID(pseudonym: text, in: database) { return staffID }
            return try await StaffProfile.allStaffIDs(in: database).first { needToKnow.pseudonymiser.staff($0) == text }
        }
        return byCollarNumber ? try await StaffProfile.staffID(collarNumber: text, in: database) : nil
    }

    /// What to say when a member of staff typed by `user` is not found.
    static func unknownStaff(_ user: UserAccount) -> String {
        user.role == .headOfUnit
            ? "Enter a member of staff's pseudonym (STF-…) or collar number that the force's records hold"
            : "Enter a member of staff's pseudonym (STF-…) as alerts show it; only the head of unit can record one by collar number"
    }

    // MARK: One item

    /// The item, if the user may see it; otherwise "not found", so that an item's existence does not leak.
    func visibleItem(_ context: WebContext, user: UserAccount) async throws -> IntelligenceItem {
        guard let id = context.parameters.get("id", as: Int64.self),
              let item = try await IntelligenceLog.item(id, visibility: try await needToKnow.visibility(for: user),
                                                        in: database) else {
            throw WebError.notFound
        }
        return item
    }

    /// Whether the user may read what the source actually said: the head of unit, and whoever wrote it down.
    static func mayReadOriginal(_ user: UserAccount, _ item: IntelligenceItem) -> Bool {
        user.role == .headOfUnit || item.recordedBy == user.username
    }

    func itemPage(_ request: Request, _ context: WebContext, errors: [String: String], form: Form? = nil,
                  original: String? = nil) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let item = try await visibleItem(context, user: user)
        if errors.isEmpty && original == nil {
            try await audit("view_intelligence", by: user.username, subject: item.reference)
        }
        let visibility = try await needToKnow.visibility(for: user)
        var links: [[String: Any]] = []
        for link in try await IntelligenceLog.links(of: item.itemID, in: database) {
            links.append(try await linkRow(link, for: user, visibility: visibility))
        }
        let mayGrade = Self.gradingRoles.contains(user.role)
        let fields = form?.shown ?? [:]
        let grading = item.grading
        let chosenSource = fields["source_evaluation"] ?? grading?.source.rawValue ?? ""
        let chosenAssessment = fields["intelligence_assessment"] ?? grading?.assessment.rawValue ?? ""
        let chosenHandling = fields["handling_code"] ?? grading?.handling.rawValue ?? ""
        var values: [String: Any] = [
            "id": item.itemID, "reference": item.reference, "source": item.sourceKind.title,
            "sourceDescription": item.sourceDescription, "sanitised": item.sanitisedText,
            "recordedBy": item.recordedBy, "recorded": displayTime(item.recordedAt),
            "subject": try await subjectLabel(item.subjectStaffID, for: user),
            "grading": grading.map { grading in
                ["code": grading.code, "source": grading.source.title, "assessment": grading.assessment.title,
                 "handling": grading.handling.title, "conditions": grading.conditions ?? false,
                 "admiralty": grading.admiralty, "tlp": grading.tlp, "by": item.gradedBy ?? "",
                 "at": item.gradedAt.map(displayTime) ?? ""] as [String: Any]
            } ?? false,
            "regrade": grading != nil,
            "mayGrade": mayGrade, "mayDisseminate": mayGrade && grading != nil,
            "mayReadOriginal": Self.mayReadOriginal(user, item) && original == nil,
            "original": original ?? false,
            "sourceEvaluations": SourceEvaluation.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == chosenSource] as [String: Any]
            },
            "assessments": IntelligenceAssessment.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == chosenAssessment] as [String: Any]
            },
            "handlingCodes": HandlingCode.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == chosenHandling] as [String: Any]
            },
            "conditions": fields["conditions"] ?? grading?.conditions ?? "",
            "gradeReason": fields["reason"] ?? "",
            "gradings": try await IntelligenceLog.gradings(of: item.itemID, in: database).map {
                ["code": $0.grading.code, "by": $0.gradedBy, "at": displayTime($0.gradedAt), "reason": $0.reason,
                 "conditions": $0.grading.conditions ?? false] as [String: Any]
            },
            "links": links, "hasLinks": !links.isEmpty,
            "linkKinds": IntelligenceLinkKind.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == fields["kind"]] as [String: Any]
            },
            "linkTarget": fields["target"] ?? "",
            "disseminations": try await IntelligenceLog.disseminations(of: item.itemID, in: database).map {
                ["recipient": $0.recipient, "purpose": $0.purpose, "grading": $0.grading, "by": $0.by,
                 "at": displayTime($0.at), "conditions": $0.conditions ?? false] as [String: Any]
            },
            "recipient": fields["recipient"] ?? "", "purpose": fields["purpose"] ?? "",
        ]
        addErrors(errors, fields: Self.itemPageErrorFields, to: &values)
        var headers: HTTPFields = [:]
        if original != nil { headers[.cacheControl] = "no-store" }
        return pages.response(.init(title: "Intelligence \(item.reference)", template: "intelligence-item",
                                    context: values),
                              user: context.user, session: context.session, path: request.uri.path,
                              status: errors.isEmpty ? .ok : .badRequest, headers: headers)
    }

    static let itemPageErrorFields = ["sourceEvaluationError": "source_evaluation-1",
                                      "assessmentError": "intelligence_assessment-A", "handlingError": "handling_code-P",
                                      "conditionsError": "conditions", "reasonError": "reason",
                                      "linkError": "target", "recipientError": "recipient", "purposeError": "purpose",
                                      "disseminateError": "recipient"]

    func linkRow(_ link: IntelligenceLog.Link, for user: UserAccount,
                 visibility: AlertQueue.Visibility) async throws -> [String: Any] {
        var row: [String: Any] = ["kind": link.kind.title, "by": link.linkedBy, "at": displayTime(link.linkedAt),
                                  "href": false]
        switch link.kind {
        case .staff:
            let label = try await subjectLabel(link.target, for: user) as? [String: Any]
            row["label"] = (label?["name"] as? String) ?? (label?["pseudonym"] as? String) ?? ""
        case .person, .occurrence:
            row["label"] = link.target
        case .alert:
            row["label"] = "Alert \(link.target)"
            if let id = Int64(link.target), let record = try await AlertCasework.record(id: id, in: database),
               try await AlertQueue.isVisible(key: record.key, visibility: visibility, in: database) {
                row["href"] = "/alerts/\(id)"
            } else {
                row["label"] = "An alert you cannot see"
            }
        case .organisation:
            var name: String?
            if let id = Int64(link.target) { name = try await PartnerRegister.organisation(id, in: database)?.name }
            row["label"] = name ?? "Organisation \(link.target)"
            if Self.registerReaders.contains(user.role) { row["href"] = "/partners/\(link.target)" }
        case .item:
            let reference = Int64(link.target).map(IntelligenceItem.reference) ?? link.target
            if let id = Int64(link.target),
               try await IntelligenceLog.item(id, visibility: visibility, in: database) != nil {
                row["label"] = reference
                row["href"] = "/intelligence/\(id)"
            } else {
                row["label"] = "An item you cannot see"
            }
        }
        return row
    }

    func readOriginal(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        _ = try await Form.read(request, context: context)
        let item = try await visibleItem(context, user: user)
        guard Self.mayReadOriginal(user, item) else { throw WebError.forbidden }
        guard let original = try await IntelligenceLog.original(of: item.itemID, in: database) else {
            throw WebError.notFound
        }
        try await audit("read_original", by: user.username, subject: item.reference)
        return try await itemPage(request, context, errors: [:], original: original)
    }

    func gradeItem(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.gradingRoles)
        let form = try await Form.read(request, context: context)
        let item = try await visibleItem(context, user: user)
        var errors: [String: String] = [:]
        let source = SourceEvaluation(rawValue: form["source_evaluation"])
        if source == nil { errors["sourceEvaluationError"] = "Select the source evaluation (1, 2 or 3)" }
        let assessment = IntelligenceAssessment(rawValue: form["intelligence_assessment"])
        if assessment == nil { errors["assessmentError"] = "Select the intelligence assessment (A to E)" }
        let handling = HandlingCode(rawValue: form["handling_code"])
        if handling == nil { errors["handlingError"] = "Select the handling code (P or C)" }
        let conditions = form.trimmed("conditions")
        if Form.hasControlCharacters(conditions, multiline: true) {
            errors["conditionsError"] = "Remove the control characters from the conditions"
        }
        let reason = form.trimmed("reason")
        if item.grading != nil, reason.count < IntelligenceLog.regradeReasonMinimum {
            errors["reasonError"] = "Enter why the grading is changing (at least 10 characters)"
        } else if reason.count > 1_000 || Form.hasControlCharacters(reason, multiline: true) {
            errors["reasonError"] = "Enter the reason in 1,000 characters or fewer, without control characters"
        }
        var grading: Grading?
        if let source, let assessment, let handling, errors["conditionsError"] == nil {
            do {
                grading = try Grading(source: source, assessment: assessment, handling: handling,
                                      conditions: conditions.isEmpty ? nil : conditions)
            } catch {
                errors["conditionsError"] = error.description
            }
        }
        guard errors.isEmpty, let grading else { return try await itemPage(request, context, errors: errors, form: form) }
        let previous: Grading?
        do {
            previous = try await IntelligenceLog.grade(item.itemID, grading, reason: reason, by: user.username,
                                                       at: settings.now(), in: database)
        } catch let error as IntelligenceError {
            return try await itemPage(request, context, errors: ["reasonError": error.description], form: form)
        }
        try await audit("grade_intelligence", by: user.username, subject: item.reference,
                        detail: previous.map { "regraded from \($0.code) to \(grading.code)" } ?? "graded \(grading.code)")
        return redirect("/intelligence/\(item.itemID)")
    }

    func linkItem(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let form = try await Form.read(request, context: context)
        let item = try await visibleItem(context, user: user)
        let target = form.trimmed("target")
        guard let kind = IntelligenceLinkKind(rawValue: form["kind"]) else {
            return try await itemPage(request, context, errors: ["linkError": "Select what to link the item to"], form: form)
        }
        if target.isEmpty || target.count > 64 || Form.hasControlCharacters(target, multiline: false) {
            return try await itemPage(request, context, errors: ["linkError": "Enter the reference to link, on one line (64 characters at most)"],
                                      form: form)
        }
        var stored = target
        switch kind {
        case .staff:
            guard let staffID = try await resolveStaff(target, byCollarNumber: user.role == .headOfUnit),
                  staffID != user.staffID else {
                return try await itemPage(request, context, errors: ["linkError": Self.unknownStaff(user)], form: form)
            }
            stored = staffID
        case .alert:
            // Only an alert this user may see can be linked; otherwise the same answer as an alert that does not exist.
            let id = Int64(target.replacingOccurrences(of: "Alert ", with: "", options: .caseInsensitive))
            guard let id, (try? await visibleAlert(id: id, user: user)) != nil else {
                return try await itemPage(request, context, errors: ["linkError": "There is no alert \(target) that you can see"], form: form)
            }
            stored = String(id)
        case .item:
            let digits = target.uppercased().replacingOccurrences(of: "INT-", with: "")
            guard let id = Int64(digits), id != item.itemID,
                  try await IntelligenceLog.item(id, visibility: try await needToKnow.visibility(for: user),
                                                 in: database) != nil else {
                return try await itemPage(request, context, errors: ["linkError": "There is no other intelligence item \(target) that you can see"],
                                          form: form)
            }
            stored = String(id)
        case .person:
            guard target.hasPrefix("PSN-") else {
                return try await itemPage(request, context, errors: ["linkError": "Enter the person's pseudonym as alerts show it (PSN-…)"],
                                          form: form)
            }
        case .organisation:
            guard let id = Int64(target), try await PartnerRegister.organisation(id, in: database) != nil else {
                return try await itemPage(request, context, errors: ["linkError": "Enter the number of an organisation in the partner register"],
                                          form: form)
            }
            stored = String(id)
        case .occurrence: break
        }
        do {
            if try await IntelligenceLog.link(item.itemID, kind: kind, target: stored, by: user.username,
                                              at: settings.now(), in: database) {
                try await audit("link_intelligence", by: user.username, subject: item.reference,
                                detail: "\(kind.rawValue) " + (kind == .staff ? needToKnow.pseudonymiser.staff(stored) : stored))
            }
        } catch let error as IntelligenceError {
            return try await itemPage(request, context, errors: ["linkError": error.description], form: form)
        }
        return redirect("/intelligence/\(item.itemID)")
    }

    func disseminateItem(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.gradingRoles)
        let form = try await Form.read(request, context: context)
        let item = try await visibleItem(context, user: user)
        var errors: [String: String] = [:]
        let recipient = form.trimmed("recipient")
        if let message = Self.lineError(recipient, name: "who the item is shared with", maximum: 200) {
            errors["recipientError"] = message
        }
        let purpose = form.trimmed("purpose")
        if let message = Self.textError(purpose, name: "the purpose of sharing", maximum: 1_000) {
            errors["purposeError"] = message
        }
        if item.grading == nil { errors["disseminateError"] = IntelligenceError.notGraded.description }
        guard errors.isEmpty else { return try await itemPage(request, context, errors: errors, form: form) }
        let shared = try await IntelligenceLog.disseminate(item.itemID, to: recipient, purpose: purpose,
                                                           by: user.username, at: settings.now(), in: database)
        try await audit("disseminate_intelligence", by: user.username, subject: item.reference,
                        detail: "to \(recipient) under \(shared.grading)")
        return redirect("/intelligence/\(item.itemID)")
    }

    // MARK: Export

    func exportItems(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.gradingRoles)
        let visibility = try await needToKnow.visibility(for: user)
        var items: [(item: IntelligenceItem, links: [IntelligenceLog.Link])] = []
        var offset = 0
        while true {
            let page = try await IntelligenceLog.items(visibility: visibility, limit: 500, offset: offset, in: database)
            for item in page.items { items.append((item, try await IntelligenceLog.links(of: item.itemID, in: database))) }
            offset += page.items.count
            if page.items.isEmpty || offset >= page.total { break }
        }
        let pseudonymiser = needToKnow.pseudonymiser
        let document = IntelligenceExport.document(items: items, by: user.username, at: settings.now(),
                                                   staffPseudonym: { pseudonymiser.staff($0) })
        try await audit("export_intelligence", by: user.username,
                        detail: "\(document.items.count) graded items, sanitised")
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"intelligence.json\"",
                                               .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(data: try IntelligenceExport.json(document))))
    }

    // MARK: Alerts the user may see

    /// The alert by id if the user may see it; "not found" otherwise, as on the alert's own page.
    func visibleAlert(id: Int64, user: UserAccount) async throws -> AlertCasework.Record {
        guard let record = try await AlertCasework.record(id: id, in: database),
              try await AlertQueue.isVisible(key: record.key, visibility: try await needToKnow.visibility(for: user),
                                             in: database) else {
            throw WebError.notFound
        }
        return record
    }
}
