import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// The partner register: the unit's relationships with organisations that support vulnerable people. The head of
/// unit and partnership officers keep it; analysts read it; everyone else (investigators, auditors, administrators)
/// has no page here, and auditors see its changes in the trail.
extension WebApplication {
    static let registerReaders: Set<Role> = [.analyst, .headOfUnit, .partnership]
    static let registerKeepers: Set<Role> = [.headOfUnit, .partnership]

    func addPartnerRoutes(to router: Router<WebContext>) {
        router.get("/partners") { request, context in try await partnerList(request, context, errors: [:]) }
        router.get("/partners/new") { request, context in try await newPartnerPage(request, context, form: nil, errors: [:]) }
        router.post("/partners") { request, context in try await addPartner(request, context) }
        router.post("/partners/kinds") { request, context in try await addPartnerKind(request, context) }
        router.post("/partners/settings") { request, context in try await changePartnerSettings(request, context) }
        router.get("/partners/{id}") { request, context in try await partnerPage(request, context, errors: [:]) }
        router.post("/partners/{id}") { request, context in try await updatePartner(request, context) }
        router.post("/partners/{id}/contacts") { request, context in try await addPartnerContact(request, context) }
        router.post("/partners/{id}/contacts/{contact}/remove") { request, context in
            try await removePartnerContact(request, context)
        }
        router.post("/partners/{id}/engagements") { request, context in try await recordEngagement(request, context) }
        addPartnerAccountRoutes(to: router)
    }

    /// Days since the last contact, and whether engagement is overdue (no contact for `overdueDays`, or never).
    func engagementStanding(_ organisation: PartnerRegister.Organisation, overdueDays: Int) -> [String: Any] {
        guard let last = organisation.lastContact else {
            return ["since": "No contact recorded", "overdue": organisation.status == .active]
        }
        let days = last.days(until: today)
        return ["since": days <= 0 ? "Today" : "\(days) day\(days == 1 ? "" : "s") ago (\(last))",
                "overdue": organisation.status == .active && days > overdueDays]
    }

    func partnerList(_ request: Request, _ context: WebContext, errors: [String: String],
                     form: Form? = nil) async throws -> Response {
        let user = try context.requireUser(Self.registerReaders)
        let organisations = try await PartnerRegister.organisations(in: database)
        let kinds = try await PartnerRegister.kinds(in: database)
        let titles = Dictionary(uniqueKeysWithValues: kinds.map { ($0.kind, $0.title) })
        let overdueDays = try await UnitSettings.overdueDays(in: database)
        let setting = try await UnitSettings.setting(UnitSettings.engagementOverdueDays, in: database)
        if errors.isEmpty { try await audit("view_partners", by: user.username) }
        var values: [String: Any] = [
            "mayKeep": Self.registerKeepers.contains(user.role),
            "rows": organisations.map { organisation in
                ["id": organisation.organisationID, "name": organisation.name,
                 "kind": titles[organisation.kind] ?? organisation.kind, "area": organisation.area,
                 "status": organisation.status.title, "liaison": organisation.liaison ?? "Nobody",
                 "intelligence": organisation.intelligence]
                    .merging(engagementStanding(organisation, overdueDays: overdueDays)) { a, _ in a } as [String: Any]
            },
            "hasRows": !organisations.isEmpty,
            "overdueCount": organisations.filter {
                (engagementStanding($0, overdueDays: overdueDays)["overdue"] as? Bool) == true
            }.count,
            "overdueDays": form?["overdue_days"] ?? String(overdueDays),
            "settingChanged": setting.map { "changed by \($0.changedBy), \(displayTime($0.changedAt))" } ?? "the default",
            "kinds": kinds.map { ["title": $0.title, "builtIn": $0.builtIn] as [String: Any] },
            "kindTitle": form?["title"] ?? "",
        ]
        addErrors(errors, fields: ["overdueError": "overdue_days", "kindError": "kind-title"], to: &values)
        return page(.init(title: "Partner organisations", template: "partners", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    // MARK: Adding and changing organisations

    func newPartnerPage(_ request: Request, _ context: WebContext, form: Form?,
                        errors: [String: String]) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        var values = try await organisationFormValues(form: form, organisation: nil, user: user)
        addErrors(errors, fields: Self.partnerErrorFields, to: &values)
        return page(.init(title: "Add an organisation", template: "partner-new", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    static let partnerErrorFields = ["nameError": "name", "kindError": "kind", "areaError": "area",
                                     "liaisonError": "liaison", "contactError": "contact-name",
                                     "engagementError": "engagement-summary", "dayError": "on_day",
                                     "invitationError": "accounts"]

    /// The choices and typed values of the organisation form, from what was typed or from the organisation.
    func organisationFormValues(form: Form?, organisation: PartnerRegister.Organisation?,
                                user: UserAccount) async throws -> [String: Any] {
        let kind = form?["kind"] ?? organisation?.kind ?? ""
        let liaison = form?["liaison"] ?? organisation?.liaison ?? user.username
        let status = form?["status"] ?? organisation?.status.rawValue ?? "active"
        var people: [UserAccount] = []
        for role in [Role.partnership, .headOfUnit, .analyst, .investigator] {
            people += try await UserAccounts.active(role: role, in: database)
        }
        return [
            "name": form?["name"] ?? organisation?.name ?? "", "area": form?["area"] ?? organisation?.area ?? "",
            "kinds": try await PartnerRegister.kinds(in: database).map {
                ["value": $0.kind, "label": $0.title, "selected": $0.kind == kind] as [String: Any]
            },
            "statuses": PartnerRegister.Status.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == status] as [String: Any]
            },
            "liaisons": people.map {
                ["username": $0.username, "displayName": $0.displayName, "roleTitle": $0.role.title,
                 "selected": $0.username == liaison] as [String: Any]
            },
        ]
    }

    /// Checks the organisation form; returns the errors and the values to store.
    func readOrganisationForm(_ form: Form) async throws
        -> (errors: [String: String], name: String, kind: String, area: String, liaison: String?) {
        var errors: [String: String] = [:]
        let name = form.trimmed("name")
        if let message = Self.lineError(name, name: "the organisation's name", maximum: 200) { errors["nameError"] = message }
        let kind = form["kind"]
        if try await !PartnerRegister.kinds(in: database).contains(where: { $0.kind == kind }) {
            errors["kindError"] = PartnerRegister.RegisterError.unknownKind.description
        }
        let area = form.trimmed("area")
        if let message = Self.lineError(area, name: "the area it covers", maximum: 200) { errors["areaError"] = message }
        let liaison = form.trimmed("liaison")
        if !liaison.isEmpty, try await UserAccounts.find(username: liaison, in: database) == nil {
            errors["liaisonError"] = "Select the unit's liaison from the list"
        }
        return (errors, name, kind, area, liaison.isEmpty ? nil : liaison)
    }

    func addPartner(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        let form = try await Form.read(request, context: context)
        let checked = try await readOrganisationForm(form)
        guard checked.errors.isEmpty else {
            return try await newPartnerPage(request, context, form: form, errors: checked.errors)
        }
        let id = try await PartnerRegister.add(name: checked.name, kind: checked.kind, area: checked.area,
                                               liaison: checked.liaison, by: user.username, at: settings.now(),
                                               in: database)
        try await audit("partner_add", by: user.username, subject: "organisation \(id)", detail: checked.kind)
        return redirect("/partners/\(id)")
    }

    func updatePartner(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        let form = try await Form.read(request, context: context)
        let organisation = try await visibleOrganisation(context)
        var checked = try await readOrganisationForm(form)
        let status = PartnerRegister.Status(rawValue: form["status"])
        if status == nil { checked.errors["nameError"] = "Select the relationship's status" }
        guard checked.errors.isEmpty, let status else {
            return try await partnerPage(request, context, errors: checked.errors, form: form)
        }
        try await PartnerRegister.update(organisation.organisationID, name: checked.name, kind: checked.kind,
                                         area: checked.area, status: status, liaison: checked.liaison,
                                         at: settings.now(), in: database)
        try await audit("partner_update", by: user.username, subject: "organisation \(organisation.organisationID)",
                        detail: "status \(status.rawValue), liaison \(checked.liaison ?? "nobody")")
        return redirect("/partners/\(organisation.organisationID)")
    }

    func addPartnerKind(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        let form = try await Form.read(request, context: context)
        let title = form.trimmed("title")
        if let message = Self.lineError(title, name: "the kind of organisation", maximum: 100) {
            return try await partnerList(request, context, errors: ["kindError": message], form: form)
        }
        do {
            let key = try await PartnerRegister.addKind(title: title, in: database)
            try await audit("partner_kind_add", by: user.username, detail: key)
        } catch let error as PartnerRegister.RegisterError {
            return try await partnerList(request, context, errors: ["kindError": error.description], form: form)
        }
        return redirect("/partners")
    }

    func changePartnerSettings(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        let form = try await Form.read(request, context: context)
        guard let days = Int(form.trimmed("overdue_days")), (7...730).contains(days) else {
            return try await partnerList(request, context,
                                         errors: ["overdueError": "Enter a whole number of days from 7 to 730"], form: form)
        }
        try await UnitSettings.set(UnitSettings.engagementOverdueDays, to: String(days), by: user.username,
                                   at: settings.now(), in: database)
        try await audit("setting_change", by: user.username, subject: UnitSettings.engagementOverdueDays,
                        detail: String(days))
        return redirect("/partners")
    }

    // MARK: One organisation

    func visibleOrganisation(_ context: WebContext) async throws -> PartnerRegister.Organisation {
        guard let id = context.parameters.get("id", as: Int64.self),
              let organisation = try await PartnerRegister.organisation(id, in: database) else { throw WebError.notFound }
        return organisation
    }

    func partnerPage(_ request: Request, _ context: WebContext, errors: [String: String],
                     form: Form? = nil) async throws -> Response {
        let user = try context.requireUser(Self.registerReaders)
        let organisation = try await visibleOrganisation(context)
        if errors.isEmpty {
            try await audit("view_partner", by: user.username, subject: "organisation \(organisation.organisationID)")
        }
        let kinds = try await PartnerRegister.kinds(in: database)
        let overdueDays = try await UnitSettings.overdueDays(in: database)
        var values = try await organisationFormValues(form: form, organisation: organisation, user: user)
        values.merge([
            "organisationID": organisation.organisationID, "title": organisation.name,
            "kindTitle": kinds.first { $0.kind == organisation.kind }?.title ?? organisation.kind,
            "areaText": organisation.area, "statusTitle": organisation.status.title,
            "liaisonName": organisation.liaison ?? "Nobody", "intelligence": organisation.intelligence,
            "overdueDays": overdueDays, "mayKeep": Self.registerKeepers.contains(user.role),
            "contacts": try await PartnerRegister.contacts(of: organisation.organisationID, in: database).map {
                ["id": $0.contactID, "name": $0.name, "role": $0.role, "reach": $0.reach,
                 "added": "\($0.addedBy), \(displayTime($0.addedAt))"] as [String: Any]
            },
            "engagements": try await PartnerRegister.engagements(of: organisation.organisationID, in: database).map {
                ["kind": $0.kind.title, "on": $0.onDay.iso, "summary": $0.summary,
                 "review": $0.reviewOn.map { day in ["day": day.iso, "due": day <= today] as [String: Any] } ?? false,
                 "by": $0.recordedBy] as [String: Any]
            },
            "engagementKinds": PartnerRegister.EngagementKind.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "selected": $0.rawValue == form?["engagement_kind"]] as [String: Any]
            },
            "form": form?.shown ?? ["on_day": today.iso],
        ]) { _, new in new }
        values.merge(engagementStanding(organisation, overdueDays: overdueDays)) { _, new in new }
        values.merge(try await partnerAccountValues(organisation)) { _, new in new }
        addErrors(errors, fields: Self.partnerErrorFields, to: &values)
        return page(.init(title: organisation.name, template: "partner", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    func addPartnerContact(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        let form = try await Form.read(request, context: context)
        let organisation = try await visibleOrganisation(context)
        let name = form.trimmed("contact_name"), role = form.trimmed("contact_role"), reach = form.trimmed("reach")
        for (value, label) in [(name, "the contact's name"), (role, "their role"), (reach, "how to reach them")] {
            if let message = Self.lineError(value, name: label, maximum: 200) {
                return try await partnerPage(request, context, errors: ["contactError": message], form: form)
            }
        }
        try await PartnerRegister.addContact(organisation.organisationID, name: name, role: role, reach: reach,
                                             by: user.username, at: settings.now(), in: database)
        try await audit("partner_contact_add", by: user.username, subject: "organisation \(organisation.organisationID)")
        return redirect("/partners/\(organisation.organisationID)#contacts")
    }

    func removePartnerContact(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        _ = try await Form.read(request, context: context)
        let organisation = try await visibleOrganisation(context)
        guard let contactID = context.parameters.get("contact", as: Int64.self) else { throw WebError.notFound }
        do {
            try await PartnerRegister.removeContact(organisation.organisationID, contactID: contactID,
                                                    at: settings.now(), in: database)
        } catch PartnerRegister.RegisterError.noSuchContact {
            throw WebError.notFound
        }
        try await audit("partner_contact_remove", by: user.username,
                        subject: "organisation \(organisation.organisationID)", detail: "contact \(contactID)")
        return redirect("/partners/\(organisation.organisationID)#contacts")
    }

    func recordEngagement(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        let form = try await Form.read(request, context: context)
        let organisation = try await visibleOrganisation(context)
        guard let kind = PartnerRegister.EngagementKind(rawValue: form["engagement_kind"]) else {
            return try await partnerPage(request, context, errors: ["engagementError": "Select what kind of contact it was"],
                                         form: form)
        }
        guard let day = CalendarDate(iso: form.trimmed("on_day")), day <= today else {
            return try await partnerPage(request, context,
                                         errors: ["dayError": "Enter the day of the contact as YYYY-MM-DD, not in the future"],
                                         form: form)
        }
        let summary = form.trimmed("summary")
        if let message = Self.textError(summary, name: "what happened", maximum: 4_000) {
            return try await partnerPage(request, context, errors: ["engagementError": message], form: form)
        }
        let reviewText = form.trimmed("review_on")
        let review = CalendarDate(iso: reviewText)
        if !reviewText.isEmpty && review == nil || kind == .agreement && review == nil {
            return try await partnerPage(request, context,
                                         errors: ["dayError": "Enter the agreement's review day as YYYY-MM-DD"], form: form)
        }
        try await PartnerRegister.recordEngagement(organisation.organisationID, kind: kind, on: day, summary: summary,
                                                   reviewOn: review, by: user.username, at: settings.now(),
                                                   in: database)
        try await audit("partner_engagement", by: user.username, subject: "organisation \(organisation.organisationID)",
                        detail: "\(kind.rawValue) on \(day.iso)")
        return redirect("/partners/\(organisation.organisationID)#engagement")
    }
}
