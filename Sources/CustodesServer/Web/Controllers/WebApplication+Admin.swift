import CustodesStore
import Hummingbird

/// Administrators manage accounts (no case content): list them, disable them, reset a lost second factor. Adding
/// accounts and resetting passwords is at the console (`custodes user`), where the temporary password is shown.
extension WebApplication {
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
                     "disabled": $0.isDisabled || $0.id == user.id] as [String: Any]
                },
            ]), request, context)
        }
        router.post("/admin/users/{id}/disable") { request, context in
            let user = try context.requireUser([.administrator])
            _ = try await Form.read(request, context: context)
            let target = try await account(context)
            guard target.id != user.id else { throw WebError.badRequest("You cannot disable your own account.") }
            try await UserAccounts.disable(target.id, at: settings.now(), in: database)
            try await audit("user_disabled", by: user.username, subject: target.username)
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
