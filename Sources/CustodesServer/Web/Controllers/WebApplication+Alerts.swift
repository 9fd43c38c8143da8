import CustodesDetection
import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// The triage queue and the alert page: the only places case content appears, for analysts, investigators and the
/// head of unit, each narrowed by need-to-know.
extension WebApplication {
    static let caseRoles: Set<Role> = [.analyst, .investigator, .headOfUnit]

    func addAlertRoutes(to router: Router<WebContext>) {
        router.get("/alerts") { request, context in try await queue(request, context) }
        router.get("/alerts/{id}") { request, context in try await alertPage(request, context, errors: [:]) }
        router.post("/alerts/{id}/reveal") { request, context in try await reveal(request, context) }
        router.post("/alerts/{id}/decisions") { request, context in try await decide(request, context) }
        router.post("/alerts/{id}/comments") { request, context in try await comment(request, context) }
        router.post("/alerts/{id}/assign") { request, context in try await assign(request, context) }
    }

    /// Reads the queue's query from the address, so every view of it can be bookmarked and is recorded as searched.
    static func queueQuery(_ request: Request) throws -> AlertQueue.Query {
        let parameters = request.uri.queryParameters
        var query = AlertQueue.Query()
        query.sort = parameters["sort"].flatMap { AlertQueue.Sort(rawValue: String($0)) } ?? .risk
        query.state = parameters["state"].flatMap { TriageState(rawValue: String($0)) }
        query.indicator = parameters["indicator"].map(String.init)
        query.station = parameters["station"].map(String.init)
        query.assignee = parameters["assignee"].map(String.init)
        query.includeWithdrawn = parameters["withdrawn"] == "1"
        query.page = try QueryNumber.page(request)
        // The queue opens on the user's open work; any filter, or "all", shows decided alerts too.
        query.openWork = (request.uri.query ?? "").isEmpty
        return query
    }

    func queue(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        var query = try Self.queueQuery(request)
        let visibility = try await needToKnow.visibility(for: user)
        var result = try await AlertQueue.page(query, visibility: visibility, in: database)
        // Counted before this view is recorded, so "since you last opened the queue" means the visit before.
        let notices = try await notifications(for: user)
        try await audit("view_queue", by: user.username, detail: request.uri.query ?? "")
        let choices = try await AlertQueue.filterChoices(in: database)
        let pages = max(1, (result.total + query.pageSize - 1) / query.pageSize)
        // A page past the end (an old link, the queue having shrunk) shows the last page, never "page 2 of 1".
        if query.page > pages {
            query.page = pages
            result = try await AlertQueue.page(query, visibility: visibility, in: database)
        }
        func link(page: Int) -> String {
            var items = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("page=") }.map(String.init)
            items.append("page=\(page)")
            return "/alerts?" + items.joined(separator: "&")
        }
        let sortLabels: [AlertQueue.Sort: String] = [.risk: "highest risk first", .age: "oldest first",
                                                     .state: "new first"]
        return page(.init(title: "Alerts", template: "queue", context: [
            "due": try await dueSafeguardingPanel(for: user),
            "counts": TriageState.allCases.map {
                ["label": $0.title, "count": result.counts[$0] ?? 0, "href": "/alerts?state=\($0.rawValue)"] as [String: Any]
            },
            "openWork": query.openWork,
            "notices": notices.isEmpty ? false : "\(notices.count) thing\(notices.count == 1 ? "" : "s") waiting for you",
            "assignees": try await UserAccounts.all(in: database).filter {
                Self.caseRoles.contains($0.role) && !$0.isDisabled
            }.map { ["username": $0.username, "displayName": $0.displayName, "selected": $0.username == query.assignee] as [String: Any] },
            "unassignedSelected": query.assignee == "unassigned",
            "sorts": AlertQueue.Sort.allCases.map {
                ["value": $0.rawValue, "label": sortLabels[$0]!.prefix(1).uppercased() + sortLabels[$0]!.dropFirst(),
                 "selected": $0 == query.sort] as [String: Any]
            },
            "sortLabel": sortLabels[query.sort]!,
            "states": TriageState.allCases.map { ["value": $0.rawValue, "label": $0.title, "selected": $0 == query.state] as [String: Any] },
            "indicators": choices.indicators.map {
                ["value": $0, "label": IndicatorName.title($0), "selected": $0 == query.indicator] as [String: Any]
            },
            "stations": choices.stations.map { ["value": $0, "selected": $0 == query.station] as [String: Any] },
            "assignee": query.assignee ?? "",
            "total": result.total, "single": result.total == 1, "page": query.page, "pages": pages,
            "hasRows": !result.rows.isEmpty,
            "backQuery": Self.backQuery(request.uri.query),
            "rows": result.rows.map { row in
                ["id": row.alertID, "pseudonym": row.pseudonym, "score": String(format: "%.1f", row.score),
                 "opened": displayTime(row.openedAt), "indicators": row.indicators.map(IndicatorName.title).joined(separator: "; "),
                 "station": row.station, "state": row.state.rawValue, "stateLabel": row.state.title,
                 "withdrawn": row.status == "withdrawn", "assignee": row.assignee ?? ""] as [String: Any]
            },
            "previous": query.page > 1 ? link(page: query.page - 1) : false,
            "next": query.page < pages ? link(page: query.page + 1) : false,
        ]), request, context)
    }

    /// The alert, if the user may see it at all; otherwise "not found", so that an alert's existence does not leak.
    func visibleAlert(_ context: WebContext, user: UserAccount) async throws -> AlertCasework.Record {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw WebError.notFound }
        return try await visibleAlert(id: id, user: user)
    }

    /// The name shown under an evidence row's pseudonym, or false. A person in the member of staff's own circle
    /// (their own record, a relative sharing their surname and home postcode, a declared associate) names the member
    /// of staff too, so that name waits until this user has revealed who they are.
    static func personName(_ entry: AlertDetail.Evidence, victims: [StaffProfile.EventKey: (personID: String, name: String)],
                           staffRevealed: Bool) -> Any {
        guard let person = victims[StaffProfile.EventKey(system: entry.system, eventID: entry.event_id)] else { return false }
        if !staffRevealed, entry.indicators.contains(IndicatorName.selfOrAssociate.rawValue) {
            return "name withheld until the member of staff is revealed: someone close to them"
        }
        return person.name
    }

    /// The alert's page; after a refused form, with the errors and what was typed (`form`), so nothing is lost.
    func alertPage(_ request: Request, _ context: WebContext, errors: [String: String],
                   form: Form? = nil) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let record = try await visibleAlert(context, user: user)
        let detail = try AlertDetail.decode(record.detail)
        // What was typed before the last session lapsed, chosen outcome included.
        let form = form ?? context.draft.map { Form(fields: $0) }
        let revealed = try await AlertCasework.hasRevealed(staffID: record.staffID, username: user.username, in: database)
        let seesVictims = needToKnow.seesVictims(user, alert: record)
        let victims = seesVictims
            ? try await StaffProfile.people(events: detail.evidence_detail.map {
                StaffProfile.EventKey(system: $0.system, eventID: $0.event_id)
            }, in: database) : [:]
        if errors.isEmpty { try await audit("view_alert", by: user.username, subject: "alert \(record.alertID)") }
        let shownRows = request.uri.queryParameters.get("show") == "all" ? Int.max : Self.collapsedRows
        var values: [String: Any] = [
            "back": Self.queueLink(request.uri.queryParameters.get("back")),
            "id": record.alertID, "why": detail.why, "pseudonym": record.pseudonym,
            "score": String(format: "%.1f", record.score), "scoreAtOpen": String(format: "%.1f", record.scoreAtOpen),
            "opened": displayTime(record.openedAt), "state": record.state.rawValue, "stateLabel": record.state.title,
            "assignee": record.assignee ?? false, "evidenceCount": detail.evidence_count,
            "withdrawn": record.status == "withdrawn",
            "mayReveal": needToKnow.mayReveal(user, alert: record),
            "mayAskReveal": user.role == .analyst ? try await revealRequestsOn() : false,
            "revealAsked": user.role == .analyst
                ? try await RevealRequests.pending(alertKey: record.key, by: user.username, in: database) != nil : false,
            "mayAssign": user.role == .headOfUnit,
            "mayExcept": user.role == .headOfUnit || user.role == .investigator,
            "contributions": detail.contributions.map {
                ["indicator": IndicatorName.title($0.indicator), "code": $0.indicator, "hits": $0.hits, "weight": String(format: "%.1f", $0.weight),
                 "points": String(format: "%.1f", $0.points), "examples": $0.examples] as [String: Any]
            },
            "timeline": detail.evidence_detail.prefix(shownRows).enumerated().map { index, entry in
                ["at": entry.at.replacingOccurrences(of: "T", with: " "), "system": entry.system, "action": entry.action,
                 "entityType": entry.entity_type, "person": entry.person ?? "",
                 "victim": Self.personName(entry, victims: victims, staffRevealed: revealed),
                 "duty": entry.on_duty ? "On duty" : "Off duty", "indicators": entry.indicators.map(IndicatorName.title).joined(separator: "; "),
                 "explanations": !entry.explanations_tried.isEmpty ? entry.explanations_tried.joined(separator: "; ")
                    : index < Alert.tracedEvidence ? "None applied"
                    : "Not recorded (explanations are kept for the first \(Alert.tracedEvidence) accesses)"] as [String: Any]
            },
            "people": detail.people.prefix(shownRows).map {
                ["pseudonym": $0.pseudonym, "markers": $0.markers.map(PersonMarker.title).joined(separator: "; "),
                 "accesses": $0.accesses] as [String: Any]
            },
            "personLinks": Self.personRoles.contains(user.role),
            "outcomes": DecisionOutcome.allCases.map {
                ["value": $0.rawValue, "label": $0.title, "checked": $0.rawValue == form?["outcome"]] as [String: Any]
            },
            "form": form?.shown ?? [:],
            "decisions": try await AlertCasework.decisions(key: record.key, in: database).map {
                ["outcome": $0.outcome.title, "username": $0.username, "at": displayTime($0.at), "rationale": $0.rationale,
                 "exceptionUntil": $0.exceptionUntil ?? false] as [String: Any]
            },
            "comments": try await AlertCasework.comments(key: record.key, in: database).map {
                ["username": $0.username, "at": displayTime($0.at), "body": $0.body] as [String: Any]
            },
        ]
        values["timelineMore"] = Self.more(shown: shownRows, total: detail.evidence_detail.count, of: "events",
                                           href: "/alerts/\(record.alertID)?show=all#timeline")
        values["peopleMore"] = Self.more(shown: shownRows, total: detail.people.count, of: "people",
                                         href: "/alerts/\(record.alertID)?show=all#people")
        var intelligence: [[String: Any]] = []
        for item in try await IntelligenceLog.items(linkedToAlert: record.alertID,
                                                    visibility: try await needToKnow.visibility(for: user), in: database) {
            intelligence.append(try await itemSummary(item, for: user))
        }
        values["intelligence"] = intelligence
        values["cases"] = try await CaseStore.cases(linkedTo: .alert, target: String(record.alertID),
                                                    visibility: try await needToKnow.visibility(for: user), in: database)
            .map { ["id": $0.caseID, "reference": $0.reference, "title": $0.title, "status": $0.status.title] as [String: Any] }
        let reveals = try await AlertCasework.reveals(key: record.key, in: database)
        values["hasReveals"] = !reveals.isEmpty && (user.role == .headOfUnit || revealed)
        values["reveals"] = reveals.map { ["username": $0.username, "at": displayTime($0.at), "reason": $0.reason] }
        // The other alerts about the same member of staff that this user may see: one pattern is often several alerts.
        var related: [[String: Any]] = []
        let visibility = try await needToKnow.visibility(for: user)
        for point in try await StaffProfile.alerts(staffID: record.staffID, in: database) where point.alertID != record.alertID {
            if let other = try await AlertCasework.record(id: point.alertID, in: database),
               try await AlertQueue.isVisible(key: other.key, visibility: visibility, in: database) {
                related.append(["id": point.alertID, "opened": displayTime(point.openedAt),
                                "score": String(format: "%.1f", point.score), "state": other.state.title,
                                "withdrawn": point.status == "withdrawn"])
            }
        }
        values["related"] = related
        let details = try await StaffProfile.alertDetails(staffID: record.staffID, in: database)
        let series = RiskChart.series(details)
        values["chart"] = RiskChart.svg(series,
                                        title: "Risk of \(record.pseudonym) by day, from \(details.count) alert\(details.count == 1 ? "" : "s")",
                                        threshold: try await StoredRules.current(in: database).rules.risk.alertThreshold)
        values["riskRows"] = RiskChart.rows(series)
        if revealed, let identity = try await StaffProfile.identity(staffID: record.staffID, in: database) {
            values["identity"] = ["displayName": identity.displayName, "role": identity.role,
                                  "collarNumber": identity.collarNumber, "team": identity.team, "station": identity.station]
        }
        if user.role == .headOfUnit {
            var assignees = try await UserAccounts.active(role: .investigator, in: database)
            assignees += try await UserAccounts.active(role: .analyst, in: database)
            var eligible: [UserAccount] = []
            for account in assignees {
                var theirs = try await needToKnow.visibility(for: account)
                theirs.scope = .all
                if try await AlertQueue.isVisible(key: record.key, visibility: theirs, in: database) {
                    eligible.append(account)
                }
            }
            values["assignees"] = eligible.map {
                ["username": $0.username, "displayName": $0.displayName, "roleTitle": $0.role.title,
                 "selected": $0.username == record.assignee] as [String: Any]
            }
        }
        addErrors(errors, fields: Self.errorFields, to: &values)
        return page(.init(title: "Alert \(record.alertID)", template: "alert", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    /// The queue's own query, carried to an alert's page so its "Back to the alerts" keeps the filters, sort and
    /// page the user chose.
    static func backQuery(_ query: String?) -> String {
        guard let query, !query.isEmpty,
              let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else { return "" }
        return "?back=" + encoded
    }

    /// The queue with a query carried back from an alert's page; only a query, never another address.
    static func queueLink(_ back: String?) -> String {
        guard let back, !back.isEmpty, back.count <= 500,
              back.unicodeScalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace && $0 != "/" && $0 != "\\" }),
              !back.contains(":") else { return "/alerts" }
        return "/alerts?" + back
    }

    /// Rows of the evidence timeline and of the people list shown until the user asks for all: enough to decide on,
    /// and an alert about hundreds of people neither buries the decision form nor takes long to render.
    static let collapsedRows = 25

    /// The "showing the first N of M" note and its link, or false when everything is shown.
    static func more(shown: Int, total: Int, of noun: String, href: String) -> Any {
        guard total > shown else { return false }
        return ["shown": shown, "total": total, "noun": noun, "href": href] as [String: Any]
    }

    static let errorFields = ["revealError": "reason", "outcomeError": "outcome-no_further_action",
                              "rationaleError": "rationale", "exceptionError": "exception_until",
                              "commentError": "comment"]

    func reveal(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let form = try await Form.read(request, context: context)
        let record = try await visibleAlert(context, user: user)
        guard needToKnow.mayReveal(user, alert: record) else { throw WebError.forbidden }
        let reason = form.trimmed("reason")
        if reason.count < 10 {
            return try await alertPage(request, context,
                                       errors: ["revealError": "Enter the reason for revealing who this is (at least 10 characters)"],
                                       form: form)
        }
        if Form.hasControlCharacters(reason, multiline: true) {
            return try await alertPage(request, context, errors: ["revealError": "Remove the control characters from the reason"],
                                       form: form)
        }
        try await AlertCasework.reveal(key: record.key, by: user.username, reason: reason, at: settings.now(), in: database)
        // The trail says who revealed whom from which alert; the reason is on the alert, behind need-to-know.
        try await audit("reveal", by: user.username, subject: "alert \(record.alertID)")
        return redirect("/alerts/\(record.alertID)")
    }

    func decide(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let form = try await Form.read(request, context: context)
        let record = try await visibleAlert(context, user: user)
        var errors: [String: String] = [:]
        let outcome = DecisionOutcome(rawValue: form["outcome"])
        if outcome == nil { errors["outcomeError"] = "Select a decision" }
        let rationale = form.trimmed("rationale")
        if rationale.count < 20 { errors["rationaleError"] = "Enter the rationale for the decision (at least 20 characters)" }
        if Form.hasControlCharacters(rationale, multiline: true) {
            errors["rationaleError"] = "Remove the control characters from the rationale (they may have come with pasted text)"
        }
        let tasking = form.trimmed("tasking")
        if Form.hasControlCharacters(tasking, multiline: false) {
            errors["exceptionError"] = "Enter the tasking reference on one line, without control characters"
        }
        let until = form.trimmed("exception_until")
        let mayExcept = user.role == .headOfUnit || user.role == .investigator
        if !until.isEmpty {
            if !mayExcept {
                errors["exceptionError"] = "Only an investigator or the head of unit can except accesses from the rules"
            } else if !Self.isFutureDay(until, now: settings.now()) {
                errors["exceptionError"] = "Enter a date in the future as YYYY-MM-DD, like 2027-03-31"
            }
        }
        guard errors.isEmpty, let outcome else { return try await alertPage(request, context, errors: errors, form: form) }
        if !until.isEmpty {
            try await requestException(for: record, until: until, tasking: tasking, rationale: rationale, by: user)
        }
        try await AlertCasework.decide(key: record.key, by: user.username, outcome: outcome, rationale: rationale,
                                       exceptionUntil: until.isEmpty ? nil : until, rulesVersion: nil,
                                       at: settings.now(), in: database)
        try await audit("decision", by: user.username, subject: "alert \(record.alertID)")
        // A decision that starts the unit's own work goes straight to the form for it, filled in from the alert.
        switch outcome {
        case .recordAsIntelligence: return redirect("/intelligence/new?alert=\(record.alertID)")
        case .openInvestigation: return redirect("/cases/new?alert=\(record.alertID)")
        case .noFurtherAction, .managementAction:
            guard form["next"] == "1" else { return redirect("/alerts/\(record.alertID)") }
            return redirect(try await nextAlert(after: record.alertID, for: user).map { "/alerts/\($0)" } ?? "/alerts")
        }
    }

    /// A decision that the accesses were legitimate asks for an exception to each rule that fired, for this member
    /// of staff; it enters the rules only when a second person, a head of unit, approves it (`/exceptions`).
    func requestException(for record: AlertCasework.Record, until: String, tasking: String, rationale: String,
                          by user: UserAccount) async throws {
        let indicators = try AlertDetail.decode(record.detail).contributions.map(\.indicator)
        try await ExceptionRequests.request(alertID: record.alertID, staffID: record.staffID, indicators: indicators,
                                            tasking: tasking.isEmpty ? nil : tasking, until: until, rationale: rationale,
                                            by: user.username, at: settings.now(), in: database)
        try await audit("exception_requested", by: user.username, subject: "alert \(record.alertID)",
                        detail: "rules " + indicators.joined(separator: ", ") + ", until \(until)")
    }

    /// The highest-risk alert the user may see that nobody has decided yet, other than the one just decided.
    func nextAlert(after alertID: Int64, for user: UserAccount) async throws -> Int64? {
        var query = AlertQueue.Query()
        query.pageSize = 20
        let visibility = try await needToKnow.visibility(for: user)
        for state in [TriageState.new, .inReview] {
            query.state = state
            if let row = try await AlertQueue.page(query, visibility: visibility, in: database).rows
                .first(where: { $0.alertID != alertID }) { return row.alertID }
        }
        return nil
    }

    static func isFutureDay(_ text: String, now: Int64) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day), year < 3000 else { return false }
        return text > String(Timestamp(seconds: now).iso8601.prefix(10))
    }

    func comment(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let form = try await Form.read(request, context: context)
        let record = try await visibleAlert(context, user: user)
        let body = form.trimmed("body")
        if body.isEmpty { return try await alertPage(request, context, errors: ["commentError": "Enter a comment"], form: form) }
        if Form.hasControlCharacters(body, multiline: true) {
            return try await alertPage(request, context, errors: ["commentError": "Remove the control characters from the comment"],
                                       form: form)
        }
        try await AlertCasework.comment(key: record.key, by: user.username, body: body, at: settings.now(), in: database)
        try await audit("comment", by: user.username, subject: "alert \(record.alertID)")
        return redirect("/alerts/\(record.alertID)")
    }

    func assign(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        let form = try await Form.read(request, context: context)
        let record = try await visibleAlert(context, user: user)
        let assignee = form.trimmed("assignee")
        if !assignee.isEmpty {
            // The assignee must be allowed to see it once assigned: never about themselves or their associates.
            guard let account = try await UserAccounts.find(username: assignee, in: database), !account.isDisabled,
                  account.role.seesCaseContent else {
                throw WebError.badRequest("That user cannot be assigned this alert.")
            }
            var theirs = try await needToKnow.visibility(for: account)
            theirs.scope = .all
            guard try await AlertQueue.isVisible(key: record.key, visibility: theirs, in: database) else {
                throw WebError.badRequest("That user cannot be assigned this alert.")
            }
        }
        try await AlertCasework.assign(key: record.key, to: assignee.isEmpty ? nil : assignee, at: settings.now(),
                                       in: database)
        try await audit("assign", by: user.username, subject: "alert \(record.alertID)",
                        detail: assignee.isEmpty ? "unassigned" : "assigned to \(assignee)")
        return redirect("/alerts/\(record.alertID)")
    }
}
