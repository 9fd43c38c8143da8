import Crypto
import CustodesStore
import Foundation
import Hummingbird

/// Invitations and partner accounts on an organisation's page in the register. The head of unit and partnership
/// officers issue an organisation a one-time invitation code (shown once, valid for 14 days, kept only as a hash),
/// withdraw an unused one, and disable an account; analysts see the accounts and what came through them. Every
/// change is in the trail; the code itself never is.
extension WebApplication {
    /// Days an invitation stays open.
    static let invitationDays: Int64 = 14

    func addPartnerAccountRoutes(to router: Router<WebContext>) {
        router.post("/partners/{id}/invitations") { request, context in try await issueInvitation(request, context) }
        router.post("/partners/{id}/invitations/{invitation}/withdraw") { request, context in
            try await withdrawInvitation(request, context)
        }
        router.post("/partners/{id}/accounts/{account}/disable") { request, context in
            try await disablePartnerAccount(request, context)
        }
    }

    /// The organisation page's accounts, invitations and reports received through its accounts.
    func partnerAccountValues(_ organisation: PartnerRegister.Organisation) async throws -> [String: Any] {
        let now = settings.now()
        let accounts = try await PartnerAccounts.accounts(of: organisation.organisationID, in: database)
        let invitations = try await PartnerAccounts.invitations(of: organisation.organisationID, in: database)
        let counts = try await PortalReports.countsByOrganisation(in: database)[organisation.organisationID]
        return [
            "accounts": accounts.map { account in
                ["id": account.accountID, "name": account.displayName, "username": account.username,
                 "created": displayTime(account.createdAt),
                 "lastSignIn": account.lastSignInAt.map(displayTime) ?? "Never",
                 "state": account.disabledAt.map { "Disabled by \(account.disabledBy ?? ""), \(displayTime($0))" }
                    ?? (account.isEnrolled ? "Active" : "Second factor not set up"),
                 "enabled": !account.isDisabled] as [String: Any]
            },
            "hasAccounts": !accounts.isEmpty,
            "invitations": invitations.map { invitation in
                let state: String
                if let redeemed = invitation.redeemedAt { state = "Used \(displayTime(redeemed))" }
                else if let withdrawn = invitation.withdrawnAt { state = "Withdrawn by \(invitation.withdrawnBy ?? ""), \(displayTime(withdrawn))" }
                else if invitation.expiresAt <= now { state = "Expired \(displayTime(invitation.expiresAt))" }
                else { state = "Open until \(displayTime(invitation.expiresAt))" }
                return ["id": invitation.invitationID, "issued": "\(invitation.issuedBy), \(displayTime(invitation.issuedAt))",
                        "state": state, "open": invitation.isOpen(at: now)] as [String: Any]
            },
            "hasInvitations": !invitations.isEmpty,
            "portalReports": counts?.received ?? 0, "portalIntelligence": counts?.toIntelligence ?? 0,
        ]
    }

    /// A new invitation code: 24 characters (120 random bits) in groups of four.
    static func newInvitationCode() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<24).map { _ in alphabet.randomElement(using: &generator)! }
        return stride(from: 0, to: 24, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    func issueInvitation(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        _ = try await Form.read(request, context: context)
        let organisation = try await visibleOrganisation(context)
        guard organisation.status == .active else {
            return try await partnerPage(request, context, errors: [
                "invitationError": "Invite workers only while the organisation is active: change its status first",
            ])
        }
        let code = Self.newInvitationCode()
        let now = settings.now()
        let id = try await PartnerAccounts.issue(
            organisationID: organisation.organisationID,
            codeHash: SHA256.hex(PortalApplication.normalisedInvitation(code)), by: user.username, at: now,
            expiresAt: now + Self.invitationDays * 86_400, in: database)
        try await audit("partner_invitation_issued", by: user.username,
                        subject: "organisation \(organisation.organisationID)", detail: "invitation \(id)")
        return page(.init(title: "Invitation for \(organisation.name)", template: "partner-invitation-issued", context: [
            "code": code, "organisation": organisation.name, "organisationID": organisation.organisationID,
            "days": Self.invitationDays,
        ]), request, context)
    }

    func withdrawInvitation(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        _ = try await Form.read(request, context: context)
        let organisation = try await visibleOrganisation(context)
        guard let invitationID = context.parameters.get("invitation", as: Int64.self),
              try await PartnerAccounts.withdraw(invitationID, organisationID: organisation.organisationID,
                                                 by: user.username, at: settings.now(), in: database) else {
            throw WebError.notFound
        }
        try await audit("partner_invitation_withdrawn", by: user.username,
                        subject: "organisation \(organisation.organisationID)", detail: "invitation \(invitationID)")
        return redirect("/partners/\(organisation.organisationID)#accounts")
    }

    func disablePartnerAccount(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.registerKeepers)
        _ = try await Form.read(request, context: context)
        let organisation = try await visibleOrganisation(context)
        guard let accountID = context.parameters.get("account", as: Int64.self),
              try await PartnerAccounts.disable(accountID, organisationID: organisation.organisationID,
                                                by: user.username, at: settings.now(), in: database) else {
            throw WebError.notFound
        }
        try await audit("partner_account_disabled", by: user.username,
                        subject: "organisation \(organisation.organisationID)", detail: "partner account \(accountID)")
        return redirect("/partners/\(organisation.organisationID)#accounts")
    }
}
