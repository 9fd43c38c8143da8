import CustodesStore
import Foundation
import Hummingbird

/// Search, and the person-centred view. One box takes an alert number, a member of staff's pseudonym (STF-…), a
/// person's pseudonym (PSN-…), or the name or collar number of a member of staff the user has revealed (the head of
/// unit may give any collar number, as elsewhere). Every result is within the user's need-to-know; a name or
/// collar number is never written to the trail, only that one was searched for.
extension WebApplication {
    static let searchRoles: Set<Role> = [.analyst, .investigator, .headOfUnit]
    /// The person-centred view lists every member of staff who opened a person's record: for those who triage, not
    /// for investigators, who see only what they are assigned.
    static let personRoles: Set<Role> = [.analyst, .headOfUnit]

    func addSearchRoutes(to router: Router<WebContext>) {
        router.get("/search") { request, context in try await search(request, context) }
        router.get("/people/{pseudonym}") { request, context in try await personPage(request, context) }
    }

    func search(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.searchRoles)
        let typed = (QueryText.value("q", in: request) ?? "").trimmingCharacters(in: .whitespaces)
        var values: [String: Any] = ["q": Form(fields: ["q": typed]).shown["q"] ?? "", "searched": !typed.isEmpty]
        guard !typed.isEmpty else { return page(.init(title: "Search", template: "search", context: values), request, context) }
        if typed.count > 64 || Form.hasControlCharacters(typed, multiline: false) {
            addErrors(["qError": "Enter at most 64 characters on one line"], fields: ["qError": "q"], to: &values)
            return page(.init(title: "Search", template: "search", context: values), request, context, status: .badRequest)
        }
        let visibility = try await needToKnow.visibility(for: user)
        var results: [[String: Any]] = []
        var kind = "text"
        func alerts(_ query: AlertQueue.Query) async throws {
            var query = query
            query.includeWithdrawn = true
            query.pageSize = 100
            for row in try await AlertQueue.page(query, visibility: visibility, in: database).rows {
                results.append(["href": "/alerts/\(row.alertID)", "label": "Alert \(row.alertID)",
                                "detail": "\(row.pseudonym), risk \(String(format: "%.1f", row.score)), \(row.state.title.lowercased())"])
            }
        }
        let upper = typed.uppercased()
        let digits = upper.hasPrefix("ALERT") ? String(upper.dropFirst(5)).trimmingCharacters(in: .whitespaces)
            : upper.hasPrefix("#") ? String(upper.dropFirst()) : upper
        /// Members of staff by name or collar number: among those the user revealed; any collar number for the head.
        func staffByNameOrCollar() async throws -> [String] {
            var staff = try await StaffProfile.revealed(by: user.username, matching: typed, in: database)
            if user.role == .headOfUnit, let byCollar = try await StaffProfile.staffID(collarNumber: typed, in: database),
               !staff.contains(byCollar) {
                staff.append(byCollar)
            }
            return staff.filter { $0 != user.staffID }
        }
        if let id = Int64(digits), id > 0 {
            kind = "alert number"
            if let record = try await AlertCasework.record(id: id, in: database),
               try await AlertQueue.isVisible(key: record.key, visibility: visibility, in: database) {
                results.append(["href": "/alerts/\(id)", "label": "Alert \(id)", "detail": record.pseudonym])
            }
            // Collar numbers are numbers too.
            let staff = try await staffByNameOrCollar()
            if !staff.isEmpty { kind = "alert number or collar number" }
            for staffID in staff {
                var query = AlertQueue.Query()
                query.staffID = staffID
                try await alerts(query)
            }
        } else if upper.hasPrefix("STF-") {
            kind = "member of staff"
            if let staffID = try await resolveStaff(upper), staffID != user.staffID {
                var query = AlertQueue.Query()
                query.staffID = staffID
                try await alerts(query)
            }
        } else if upper.hasPrefix("PSN-") {
            kind = "person"
            if Self.isPseudonym(upper), !visibility.hiddenPeople.contains(upper),
               !(try await visibleAlerts(involving: upper, visibility: visibility)).isEmpty {
                if Self.personRoles.contains(user.role) {
                    results.append(["href": "/people/\(upper)", "label": upper,
                                    "detail": "who opened this person's record, and the alerts they appear in"])
                }
                var query = AlertQueue.Query()
                query.person = upper
                try await alerts(query)
            }
        } else {
            kind = "name or collar number"
            for staffID in try await staffByNameOrCollar() {
                var query = AlertQueue.Query()
                query.staffID = staffID
                try await alerts(query)
            }
        }
        // What was searched for is in the trail only when it names no one: a pseudonym as Custodes writes them, or an
        // alert number that is not also a collar number. Anything else is recorded by its kind alone.
        let namesSomeone = kind.contains("collar") || kind.contains("name")
        let recordable = !namesSomeone && (Self.isPseudonym(upper) || (kind == "alert number" && Int64(digits) != nil))
        try await audit("search", by: user.username, detail: recordable ? "\(kind) \(upper)" : kind)
        values["results"] = results
        values["hasResults"] = !results.isEmpty
        values["kind"] = kind
        values["trailLink"] = Self.trailRoles.contains(user.role) && recordable
        values["trailSubject"] = (kind == "alert number" ? "alert \(digits)" : upper)
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return page(.init(title: "Search", template: "search", context: values), request, context)
    }

    /// A pseudonym as Custodes writes them: `STF-` or `PSN-` and ten hexadecimal digits.
    static func isPseudonym(_ text: String) -> Bool {
        text.count == 14 && (text.hasPrefix("STF-") || text.hasPrefix("PSN-"))
            && text.dropFirst(4).allSatisfy { $0.isHexDigit && !$0.isLowercase }
    }

    /// The alerts a person appears in that the user may see: the person-centred view exists only through them.
    func visibleAlerts(involving pseudonym: String, visibility: AlertQueue.Visibility) async throws -> [AlertQueue.Row] {
        var query = AlertQueue.Query()
        query.person = pseudonym
        query.includeWithdrawn = true
        query.pageSize = 100
        return try await AlertQueue.page(query, visibility: visibility, in: database).rows
    }

    /// Everyone who opened one person's record, most often first, and the alerts the person appears in that the user
    /// may see. The person stays a pseudonym; never the user's own accesses, and never a declared associate's record.
    func personPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.personRoles)
        let pseudonym = (context.parameters.get("pseudonym") ?? "").uppercased()
        let visibility = try await needToKnow.visibility(for: user)
        // Only a person in an alert the user may see, and never a declared associate.
        guard Self.isPseudonym(pseudonym), pseudonym.hasPrefix("PSN-"), !visibility.hiddenPeople.contains(pseudonym)
        else { throw WebError.notFound }
        let alerts = try await visibleAlerts(involving: pseudonym, visibility: visibility)
        guard !alerts.isEmpty,
              let personID = try await people.personID(pseudonym: pseudonym, now: settings.now(), in: database) else {
            throw WebError.notFound
        }
        try await audit("view_person", by: user.username, subject: pseudonym)
        // The head of unit sees everyone who opened the record; others see those they may see alerts about, never
        // themselves.
        let (accessors, _) = try await PersonRecord.accessors(personID: personID, limit: 10_000, in: database)
        let seen: Set<String>? = user.role == .headOfUnit ? nil
            : try await AlertQueue.visibleStaff(visibility: visibility, in: database)
        let shown = accessors.filter { $0.staffID != user.staffID && (seen?.contains($0.staffID) ?? true) }
        let rows = shown.prefix(200).map { accessor -> [String: Any] in
            ["pseudonym": needToKnow.pseudonymiser.staff(accessor.staffID), "accesses": accessor.accesses,
             "first": displayTime(accessor.first), "last": displayTime(accessor.last)]
        }
        return page(.init(title: pseudonym, template: "person", context: [
            "pseudonym": pseudonym, "accessors": rows, "hasAccessors": !rows.isEmpty,
            "more": shown.count > rows.count ? shown.count - rows.count : false,
            "limited": seen != nil,
            "alerts": alerts.map {
                ["id": $0.alertID, "pseudonym": $0.pseudonym, "score": String(format: "%.1f", $0.score),
                 "state": $0.state.title] as [String: Any]
            }, "hasAlerts": !alerts.isEmpty,
        ]), request, context)
    }
}
