import CustodesModel
import CustodesStore
import Hummingbird

/// Administrators manage accounts, the source systems that push audit events, and see the rules' history (no case
/// content). Adding accounts and resetting passwords is at the console (`custodes user`), where the temporary
/// password is handed over in person.
extension WebApplication {
    /// The same account administration as the console's, so a change made here has the same consequences.
    var administration: UserAdministration {
        UserAdministration(database: database, trailSeal: trailSeal, bcryptCost: settings.bcryptCost, now: settings.now)
    }

    func addAdminRoutes(to router: Router<WebContext>) {
        router.get("/admin/users") { request, context in
            let user = try context.requireUser([.administrator])
            try await audit("view_users", by: user.username)
            let users = try await UserAccounts.all(in: database)
            return page(.init(title: "Users", template: "users", context: [
                "users": users.map {
                    ["id": $0.id, "username": $0.username, "displayName": $0.displayName, "roleTitle": $0.role.title,
                     "secondFactor": $0.totpEnrolled ? "Set up" : "Not set up",
                     "status": $0.isDisabled ? "Disabled" : ($0.lockedUntil ?? 0 > settings.now() ? "Locked" : "Active"),
                     "disabled": $0.isDisabled || $0.id == user.id, "mayEnable": $0.isDisabled] as [String: Any]
                },
            ]), request, context)
        }
        // Disabling asks first: the button leads to a page that says what follows, and only its "Yes" disables.
        router.post("/admin/users/{id}/disable") { request, context in
            let user = try context.requireUser([.administrator])
            let form = try await Form.read(request, context: context)
            let target = try await account(context)
            guard target.id != user.id else { throw WebError.badRequest("You cannot disable your own account.") }
            guard form["confirm"] == "yes" else {
                return page(.init(title: "Disable \(target.username)?", template: "user-disable", context: [
                    "id": target.id, "username": target.username, "displayName": target.displayName,
                    "readsReports": ReportKeyring.readerRoles.contains(target.role),
                ]), request, context)
            }
            try await administration.disable(username: target.username, by: user.username)
            return redirect("/admin/users")
        }
        router.post("/admin/users/{id}/enable") { request, context in
            let user = try context.requireUser([.administrator])
            _ = try await Form.read(request, context: context)
            let target = try await account(context)
            try await administration.enable(username: target.username, by: user.username)
            return redirect("/admin/users")
        }
        router.post("/admin/users/{id}/reset-second-factor") { request, context in
            let user = try context.requireUser([.administrator])
            _ = try await Form.read(request, context: context)
            let target = try await account(context)
            try await UserAccounts.setTOTP(target.id, sealedSecret: nil, in: database)
            try await Sessions.endAll(userID: target.id, at: settings.now(), in: database)
            try await audit("second_factor_reset", by: user.username, subject: target.username)
            return redirect("/admin/users")
        }
    }

    func account(_ context: WebContext) async throws -> UserAccount {
        guard let id = context.parameters.get("id", as: Int64.self),
              let account = try await UserAccounts.find(id: id, in: database) else { throw WebError.notFound }
        return account
    }
}

/// Source systems (API tokens for connectors) and the rules' history.
extension WebApplication {
    func addSourceAndRulesRoutes(to router: Router<WebContext>) {
        router.get("/admin/sources") { request, context in try await sourcesPage(request, context, newToken: nil) }
        router.post("/admin/sources") { request, context in
            let user = try context.requireUser([.administrator])
            let form = try await Form.read(request, context: context)
            let source = form.trimmed("source")
            // A token writes only its own system's events, so it is issued for a system Custodes knows.
            guard SourceSystem(rawValue: source) != nil else {
                return try await sourcesPage(request, context, newToken: nil,
                                             error: "Enter one of the source systems: "
                                                + SourceSystem.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let (id, secret) = try await APITokens.create(source: source, by: user.username, in: database)
            try await audit("source_token_added", by: user.username, subject: source, detail: "token \(id)")
            return try await sourcesPage(request, context, newToken: (source, secret))
        }
        router.post("/admin/sources/{id}/revoke") { request, context in
            let user = try context.requireUser([.administrator])
            _ = try await Form.read(request, context: context)
            guard let id = context.parameters.get("id", as: Int64.self),
                  try await APITokens.revoke(id: id, in: database) else { throw WebError.notFound }
            try await audit("source_token_revoked", by: user.username, subject: "token \(id)")
            return redirect("/admin/sources")
        }
        // The rules in force as the YAML file, to download (the page shows them as a table).
        router.get("/admin/rules.yaml") { request, context in
            let user = try context.requireUser([.administrator, .headOfUnit])
            try await audit("view_rules", by: user.username, detail: "download")
            var shown = try await StoredRules.current(in: database).rules
            shown.exceptions = []
            return Response(status: .ok, headers: [
                .contentType: "application/yaml; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"custodes-rules.yaml\"",
            ], body: .init(byteBuffer: ByteBuffer(string: shown.yaml)))
        }
        router.get("/admin/rules") { request, context in
            let user = try context.requireUser([.administrator, .headOfUnit])
            try await audit("view_rules", by: user.username)
            let current = try await StoredRules.current(in: database)
            let history = try await StoredRules.history(in: database)
            // Exceptions name members of staff and carry a decision's rationale: case content, which the
            // administrator may not see. The page says what each exception covers, not whom or why.
            var shown = current.rules
            shown.exceptions = []
            return page(.init(title: "Detection rules", template: "rules", context: [
                "version": current.version, "yaml": shown.yaml,
                "ruleRows": current.rules.rules.map { rule in
                    ["title": rule.name.title, "code": rule.name.rawValue, "weight": String(format: "%g", rule.weight),
                     "enabled": rule.enabled ? "Yes" : "No", "meaning": rule.name.rationale,
                     "parameters": rule.parameters.sorted { $0.key < $1.key }
                        .map { "\($0.key.replacingOccurrences(of: "_", with: " ")) \(String(format: "%g", $0.value))" }
                        .joined(separator: "; ")] as [String: Any]
                },
                "threshold": String(format: "%g", current.rules.risk.alertThreshold),
                "hasChanges": !history.isEmpty,
                "exceptions": current.rules.exceptions.count,
                "hasExceptions": !current.rules.exceptions.isEmpty,
                "exceptionRows": current.rules.exceptions.map { exception in
                    let covers = [exception.staffID.map { _ in "a member of staff" }, exception.personID.map { _ in "a person" },
                                  exception.reasonContains.map { _ in "accesses giving a tasking reference" }]
                    return ["rule": exception.rule?.rawValue ?? "every rule",
                            "covers": covers.compactMap { $0 }.joined(separator: ", "), "until": exception.until,
                            "grantedBy": exception.grantedBy, "grantedOn": exception.grantedOn] as [String: Any]
                },
                "changes": history.reversed().map {
                    ["version": $0.version, "by": $0.changedBy, "at": displayTime($0.changedAt), "note": $0.note]
                        as [String: Any]
                },
            ]), request, context)
        }
    }

    func sourcesPage(_ request: Request, _ context: WebContext, newToken: (source: String, secret: String)?,
                     error: String? = nil) async throws -> Response {
        let user = try context.requireUser([.administrator])
        if request.method == .get { try await audit("view_sources", by: user.username) }
        var values: [String: Any] = [
            "tokens": try await APITokens.list(in: database).map {
                ["id": $0.id, "source": $0.source, "by": $0.createdBy, "at": displayTime($0.createdAt),
                 "revoked": $0.revokedAt.map(displayTime) ?? false] as [String: Any]
            },
        ]
        if let newToken { values["newToken"] = ["source": newToken.source, "secret": newToken.secret] }
        if let error {
            values["hasErrors"] = true
            values["errorText"] = error
            values["errors"] = [["field": "source", "message": error]]
        }
        return page(.init(title: "Source systems", template: "sources", context: values), request, context,
                     status: error == nil ? .ok : .badRequest)
    }
}
