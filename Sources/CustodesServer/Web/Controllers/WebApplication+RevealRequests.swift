import CustodesStore
import Hummingbird

/// Reveals asked for by analysts and approved by the head of unit, when the unit switches this on (off by default:
/// then only the head of unit, and an investigator assigned the alert, reveal). The analyst gives the reason on the
/// alert; the head of unit, who may see the alert and is not the one asking, approves or refuses it on `/reveals`;
/// an approval is the analyst's reveal, with their reason, and both steps are in the trail.
extension WebApplication {
    func addRevealRequestRoutes(to router: Router<WebContext>) {
        router.post("/alerts/{id}/reveal-requests") { request, context in try await askToReveal(request, context) }
        router.get("/reveals") { request, context in try await revealRegister(request, context) }
        router.post("/reveals/settings") { request, context in try await changeRevealSetting(request, context) }
        router.post("/reveals/{id}/approve") { request, context in try await decideReveal(request, context, approve: true) }
        router.post("/reveals/{id}/refuse") { request, context in try await decideReveal(request, context, approve: false) }
    }

    func revealRequestsOn() async throws -> Bool {
        try await UnitSettings.setting(UnitSettings.revealRequests, in: database)?.value == "on"
    }

    func askToReveal(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.analyst])
        let form = try await Form.read(request, context: context)
        let record = try await visibleAlert(context, user: user)
        guard try await revealRequestsOn() else {
            throw WebError.badRequest("The unit has not switched on reveals asked for by analysts.")
        }
        let reason = form.trimmed("reason")
        if reason.count < 10 || reason.count > 2_000 || Form.hasControlCharacters(reason, multiline: true) {
            return try await alertPage(request, context, errors: [
                "revealError": "Enter the reason for asking to reveal who this is (10 to 2,000 characters, no control characters)",
            ], form: form)
        }
        if try await RevealRequests.pending(alertKey: record.key, by: user.username, in: database) == nil {
            let id = try await RevealRequests.ask(alertID: record.alertID, alertKey: record.key, reason: reason,
                                                  by: user.username, at: settings.now(), in: database)
            try await audit("reveal_requested", by: user.username, subject: "alert \(record.alertID)", detail: "request \(id)")
        }
        return redirect("/alerts/\(record.alertID)")
    }

    func revealRegister(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        try await audit("view_reveals", by: user.username)
        let visibility = try await needToKnow.visibility(for: user)
        var rows: [[String: Any]] = []
        for item in try await RevealRequests.all(in: database) {
            // Never a request about an alert the head of unit may not see (about themselves or an associate).
            guard try await AlertQueue.isVisible(key: item.alertKey, visibility: visibility, in: database) else { continue }
            rows.append(["id": item.requestID, "alertID": item.alertID, "by": item.requestedBy,
                         "at": displayTime(item.requestedAt), "reason": item.reason,
                         "pending": item.status == .pending, "mine": item.requestedBy == user.username,
                         "status": item.status.rawValue.capitalized,
                         "decided": item.decidedBy.map { "\($0), \(displayTime(item.decidedAt ?? 0))" } ?? ""])
        }
        let setting = try await UnitSettings.setting(UnitSettings.revealRequests, in: database)
        return page(.init(title: "Reveals asked for", template: "reveals", context: [
            "rows": rows, "hasRows": !rows.isEmpty, "on": setting?.value == "on",
            "changed": setting.map { "changed by \($0.changedBy), \(displayTime($0.changedAt))" } ?? "off, the default",
        ]), request, context)
    }

    func changeRevealSetting(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        let form = try await Form.read(request, context: context)
        guard ["on", "off"].contains(form["requests"]) else { throw WebError.badRequest("Choose on or off.") }
        if try await UnitSettings.setting(UnitSettings.revealRequests, in: database)?.value ?? "off" != form["requests"] {
            try await UnitSettings.set(UnitSettings.revealRequests, to: form["requests"], by: user.username,
                                       at: settings.now(), in: database)
            try await audit("setting_change", by: user.username, subject: UnitSettings.revealRequests, detail: form["requests"])
        }
        return redirect("/reveals")
    }

    func decideReveal(_ request: Request, _ context: WebContext, approve: Bool) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        _ = try await Form.read(request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self), let item = try await RevealRequests.request(id, in: database),
              try await AlertQueue.isVisible(key: item.alertKey, visibility: try await needToKnow.visibility(for: user),
                                             in: database) else { throw WebError.notFound }
        do {
            _ = try await RevealRequests.decide(id, approve: approve, by: user.username, at: settings.now(), in: database)
        } catch RevealRequests.Failure.alreadyDecided {
            throw WebError.badRequest("That request has already been decided.")
        } catch RevealRequests.Failure.ownRequest {
            throw WebError.badRequest("Another head of unit decides a request you made.")
        }
        try await audit(approve ? "reveal_approved" : "reveal_refused", by: user.username,
                        subject: "alert \(item.alertID)", detail: "request \(id) by \(item.requestedBy)")
        if approve {
            // The analyst's reveal, as the trail records any reveal; the reason stays on the alert.
            try await audit("reveal", by: item.requestedBy, subject: "alert \(item.alertID)", detail: "approved by \(user.username)")
        }
        return redirect("/reveals")
    }
}
