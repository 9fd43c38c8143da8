import Crypto
import CustodesStore
import Hummingbird

/// Readers' report keys in the unit's application. At sign-in the password opens the reader's private key (or a
/// key pair is made, the first time, never under a temporary password an administrator knows); while they are
/// signed in it is kept sealed by the session's token; a new password reseals it. A key becomes a recipient of
/// reports only when the head of unit approves it (the first head of unit's, when the unit has no reader yet), so an
/// administrator who makes or resets an account cannot give it the reports. The head of unit makes the unit's
/// recovery key and uses it when readers' keys are lost.
extension WebApplication {
    /// The reader's private key, opened with the password just checked; a new key pair when they have none or when
    /// the stored one no longer opens (an administrator reset the password, so the old one is lost). Nil for users
    /// who do not read reports.
    func unlockReportKey(_ user: UserAccount, password: String,
                         temporary: Bool) async throws -> RecipientKey.PrivateKey? {
        guard ReportKeyring.readerRoles.contains(user.role), !temporary else { return nil }
        if let sealed = user.sealedReportKey, let key = try await RecipientKey.open(sealed, password: password) {
            return key
        }
        let key = RecipientKey.PrivateKey()
        let publicKey = RecipientKey.publicText(key)
        try await UserAccounts.setReportKey(
            user.id, publicKey: publicKey,
            sealedPrivateKey: try await RecipientKey.seal(key, password: password,
                                                          rounds: RecipientKey.rounds(bcryptCost: settings.bcryptCost)),
            in: database)
        try await ReportKeys.removeAll(for: ReportKeys.user(user.id), in: database)
        try await audit("report_key_created", by: user.username, detail: "key \(Self.fingerprint(publicKey))")
        // The unit's first reader: a head of unit when nobody holds an approved key, so there is someone to approve.
        if user.role == .headOfUnit,
           try await UserAccounts.reportRecipients(roles: ReportKeyring.readerRoles, in: database).isEmpty,
           try await UserAccounts.approveReportKey(user.id, publicKey: publicKey, by: "(first head of unit)",
                                                   at: settings.now(), in: database) {
            try await audit("report_key_approved", by: user.username, subject: user.username,
                            detail: "the unit's first reader, approved without a colleague")
        }
        return key
    }

    /// A short, checkable name for a public key: the first 16 hexadecimal digits of its SHA-256.
    static func fingerprint(_ publicKey: String) -> String {
        String(SHA256.hex(publicKey).prefix(16))
    }

    /// Keeps the reader's key in the session, sealed by the session's token.
    func keepReportKey(_ key: RecipientKey.PrivateKey?, token: String) async throws {
        guard let key else { return }
        try await Sessions.setReportKey(tokenHash: SessionCookie.hash(token),
                                        sealed: try RecipientKey.seal(key, sessionToken: token), in: database)
    }

    /// The signed-in reader's private key, from the session.
    func sessionReportKey(_ context: WebContext) async throws -> RecipientKey.PrivateKey? {
        guard let token = context.sessionToken, let hash = context.sessionTokenHash,
              let sealed = try await Sessions.reportKey(tokenHash: hash, in: database) else { return nil }
        return try? RecipientKey.open(sealed, sessionToken: token)
    }

    /// The report's key for the signed-in reader, or a page saying why it does not open for them yet.
    func reportKey(_ report: PortalReports.Stored, user: UserAccount, context: WebContext) async throws -> SymmetricKey {
        let privateKey = try await sessionReportKey(context)
        if let key = try await keyring.reportKey(report, recipient: ReportKeys.user(user.id), privateKey: privateKey) {
            return key
        }
        if privateKey == nil {
            throw WebError.conflict("Report \(report.reference) is sealed and your session holds no key to open it. "
                + (user.passwordIsTemporary ? "Choose your own password first, then sign in again."
                   : "Sign out and sign in again."))
        }
        if !user.isReportRecipient {
            throw WebError.conflict("Report \(report.reference) is sealed. Your key is waiting for the head of unit's "
                + "approval; once approved, reports are opened for you at the next sign-in of a colleague who holds them.")
        }
        throw WebError.conflict("Report \(report.reference) is sealed for the colleagues who held keys when it "
            + "arrived. It opens for you once one of them signs in, or the head of unit uses the unit's recovery key.")
    }

    func addReportKeyRoutes(to router: Router<WebContext>) {
        router.post("/reports/recovery-key") { request, context in try await createRecoveryKey(request, context) }
        router.post("/reports/recover") { request, context in try await useRecoveryKey(request, context) }
        router.post("/reports/readers/{id}/approve") { request, context in try await approveReader(request, context) }
    }

    /// The readers and their keys, for the head of unit's section of the report queue.
    func readerRows() async throws -> [[String: Any]] {
        try await UserAccounts.all(in: database).filter {
            ReportKeyring.readerRoles.contains($0.role) && !$0.isDisabled
        }.map { reader in
            let state: String
            if reader.reportPublicKey == nil { state = "No key yet (made when they next sign in with their own password)" }
            else if reader.isReportRecipient {
                state = "Approved by \(reader.reportKeyApprovedBy ?? ""), \(reader.reportKeyApprovedAt.map(displayTime) ?? "")"
            } else { state = "Waiting for approval" }
            return ["id": reader.id, "name": reader.displayName, "username": reader.username, "role": reader.role.title,
                    "fingerprint": reader.reportPublicKey.map(Self.fingerprint) ?? "", "state": state,
                    "waiting": reader.reportPublicKey != nil && !reader.isReportRecipient]
        }
    }

    /// The head of unit approves a reader's current key (named by its fingerprint on the page), and at once wraps
    /// every report the head holds for it. Only a head of unit whose own key is approved may approve.
    func approveReader(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        let form = try await Form.read(request, context: context)
        guard let id = context.parameters.get("id", as: Int64.self), let reader = try await UserAccounts.find(id: id, in: database),
              ReportKeyring.readerRoles.contains(reader.role), !reader.isDisabled, let publicKey = reader.reportPublicKey,
              !reader.isReportRecipient else { throw WebError.notFound }
        guard user.isReportRecipient, let own = try await sessionReportKey(context) else {
            throw WebError.conflict("Only a head of unit whose own key is approved can approve a reader's key.")
        }
        guard form.trimmed("fingerprint") == Self.fingerprint(publicKey),
              try await UserAccounts.approveReportKey(id, publicKey: publicKey, by: user.username, at: settings.now(),
                                                      in: database) else {
            throw WebError.conflict("That reader's key changed since the page was shown. Reload it and check again.")
        }
        try await audit("report_key_approved", by: user.username, subject: reader.username,
                        detail: "key \(Self.fingerprint(publicKey))")
        let shared = try await keyring.share(holder: ReportKeys.user(user.id), privateKey: own)
        if shared > 0 {
            try await audit("report_keys_shared", by: user.username, detail: "\(shared) reports wrapped for colleagues")
        }
        return redirect("/reports#recovery-section")
    }

    /// Makes the unit's recovery key: the public half is kept, the private half shown once for the head of unit to
    /// write down and lock away. Every report the head of unit holds is wrapped for it at once.
    func createRecoveryKey(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        let form = try await Form.read(request, context: context)
        if try await UnitSettings.setting(UnitSettings.recoveryPublicKey, in: database) != nil, form["replace"] != "yes" {
            return try await reportQueue(request, context, errors: [
                "replaceError": "Confirm that you are replacing the recovery key: the old one will not open new reports",
            ])
        }
        let key = RecipientKey.PrivateKey()
        try await UnitSettings.set(UnitSettings.recoveryPublicKey, to: RecipientKey.publicText(key), by: user.username,
                                   at: settings.now(), in: database)
        try await audit("recovery_key_created", by: user.username)
        if let own = try await sessionReportKey(context) {
            try await keyring.share(holder: ReportKeys.user(user.id), privateKey: own)
        }
        return page(.init(title: "The unit's recovery key", template: "recovery-key",
                          context: ["key": RecipientKey.recoveryText(key)]), request, context)
    }

    /// Opens every report through the recovery key and wraps it for each current reader.
    func useRecoveryKey(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        let form = try await Form.read(request, context: context)
        // The current recovery key, or an earlier one that still holds reports.
        let current = try await UnitSettings.setting(UnitSettings.recoveryPublicKey, in: database)?.value
        let typed = RecipientKey.recoveryKey(typed: form["recovery"])
        var known = typed.map { current == RecipientKey.publicText($0) } ?? false
        if !known, let typed {
            known = try await ReportKeys.holds(ReportKeys.recovery, publicKey: RecipientKey.publicText(typed), in: database)
        }
        guard let key = typed, known else {
            try await audit("recovery_key_refused", by: user.username)
            return try await reportQueue(request, context, errors: [
                "recoveryError": "That is not the unit's current recovery key: check the 64 characters and try again",
            ])
        }
        // Holding the recovery key is the head of unit's authority: their own current key is approved with it.
        if !user.isReportRecipient, let publicKey = user.reportPublicKey,
           try await UserAccounts.approveReportKey(user.id, publicKey: publicKey, by: "(recovery key)",
                                                   at: settings.now(), in: database) {
            try await audit("report_key_approved", by: user.username, subject: user.username,
                            detail: "key \(Self.fingerprint(publicKey)), with the recovery key")
        }
        let shared = try await keyring.share(holder: ReportKeys.recovery, privateKey: key)
        try await audit("recovery_key_used", by: user.username, detail: "\(shared) reports wrapped for current readers")
        return redirect("/reports?recovered=\(shared)")
    }
}
