import CustodesDetection
import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// The exception register: every exception to the rules asked for with a decision, with who asked, who approved or
/// refused it and when, and the exceptions in force with their expiry. Only a head of unit approves, and never one
/// they asked for themselves: an exception stops detection watching a member of staff, so it takes two people.
extension WebApplication {
    func addExceptionRoutes(to router: Router<WebContext>) {
        router.get("/exceptions") { request, context in try await exceptionRegister(request, context, errors: [:]) }
        router.post("/exceptions/{id}/approve") { request, context in try await decideException(request, context, approve: true) }
        router.post("/exceptions/{id}/refuse") { request, context in try await decideException(request, context, approve: false) }
    }

    func exceptionRegister(_ request: Request, _ context: WebContext, errors: [String: String]) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        try await audit("view_exceptions", by: user.username)
        // Need-to-know as for alerts: nothing here about the reader or a declared associate.
        let visibility = try await needToKnow.visibility(for: user)
        var requests: [ExceptionRequests.Request] = []
        for asked in try await ExceptionRequests.all(in: database) {
            if let alert = try await AlertCasework.record(id: asked.alertID, in: database),
               try await AlertQueue.isVisible(key: alert.key, visibility: visibility, in: database) {
                requests.append(asked)
            }
        }
        let rules = try await StoredRules.current(in: database).rules
        let today = ReferralRule().day(at: settings.now()).iso
        var values: [String: Any] = [
            "requests": requests.map { request in
                ["id": request.requestID, "alertID": request.alertID,
                 "staff": needToKnow.pseudonymiser.staff(request.staffID), "rules": request.indicators.map(IndicatorName.title).joined(separator: "; "),
                 "tasking": request.tasking ?? false, "until": request.until, "rationale": request.rationale,
                 "requestedBy": request.requestedBy, "requestedAt": displayTime(request.requestedAt),
                 "pending": request.status == .pending, "status": request.status.rawValue.capitalized,
                 "decided": request.decidedBy.map { "\($0), \(displayTime(request.decidedAt ?? 0))" } ?? false,
                 "note": request.note.flatMap { $0.isEmpty ? nil : $0 } ?? false,
                 "mine": request.requestedBy == user.username] as [String: Any]
            },
            "hasRequests": !requests.isEmpty,
            "inForce": rules.exceptions.filter { $0.until >= today && ($0.staffID == nil || $0.staffID != user.staffID) }
                .map { exception in
                ["rule": exception.rule?.rawValue ?? "every rule",
                 "who": exception.staffID.map(needToKnow.pseudonymiser.staff) ?? (exception.personID.map { _ in "a person" } ?? "accesses with a tasking reference"),
                 "until": exception.until, "grantedBy": exception.grantedBy, "grantedOn": exception.grantedOn] as [String: Any]
            },
        ]
        addErrors(errors, fields: [:], to: &values)
        return page(.init(title: "Exceptions", template: "exceptions", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    func decideException(_ request: Request, _ context: WebContext, approve: Bool) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        let form = try await Form.read(request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw WebError.notFound }
        let note = form.trimmed("note")
        if note.count > 2_000 || Form.hasControlCharacters(note, multiline: true) {
            return try await exceptionRegister(request, context,
                                               errors: ["note": "Enter the note in 2,000 characters or fewer, without control characters"])
        }
        // Nobody approves or refuses an exception about themselves or a declared associate: the alert behind it must
        // be one they may see.
        guard let asked = try await ExceptionRequests.request(id, in: database) else { throw WebError.notFound }
        guard let alert = try await AlertCasework.record(id: asked.alertID, in: database),
              try await AlertQueue.isVisible(key: alert.key, visibility: try await needToKnow.visibility(for: user),
                                             in: database) else {
            return try await exceptionRegister(request, context,
                                               errors: ["main": "You cannot decide on an exception about yourself or a declared associate"])
        }
        let today = String(Timestamp(seconds: settings.now()).iso8601.prefix(10))
        let decided: ExceptionRequests.Request
        do {
            decided = try await ExceptionRequests.decide(id, approve: approve, by: user.username, note: note,
                                                         at: settings.now(), in: database) { asked in
                var current = try await StoredRules.current(in: database).rules
                // One exception per rule that fired, for this member of staff: the other rules still watch them.
                for indicator in asked.indicators.compactMap(IndicatorName.init) {
                    current.exceptions.append(RuleException(
                        rule: indicator, staffID: asked.staffID, reasonContains: asked.tasking, until: asked.until,
                        grantedBy: asked.requestedBy, grantedOn: today,
                        why: "alert \(asked.alertID): \(asked.rationale) (approved by \(user.username))"))
                }
                return try await StoredRules.record(current, by: user.username,
                                                    note: "exception from the decision on alert \(asked.alertID), asked by "
                                                        + "\(asked.requestedBy), approved by \(user.username)",
                                                    in: database)
            }
        } catch let error as ExceptionRequests.RequestError {
            if error == .noSuchRequest { throw WebError.notFound }
            return try await exceptionRegister(request, context, errors: ["main": error.description])
        }
        if approve {
            try await audit("rule_exception", by: user.username, subject: "alert \(decided.alertID)",
                            detail: "rules " + decided.indicators.joined(separator: ", ") + ", until \(decided.until)"
                                + (decided.rulesVersion.map { ", rules version \($0)" } ?? "")
                                + ", asked by \(decided.requestedBy)")
        } else {
            try await audit("exception_refused", by: user.username, subject: "alert \(decided.alertID)",
                            detail: "asked by \(decided.requestedBy)")
        }
        return redirect("/exceptions")
    }
}
