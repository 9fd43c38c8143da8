import Crypto
import CustodesStore
import Hummingbird

/// Readers' report keys in the unit's application. At sign-in the password opens the reader's private key (or a
/// key pair is made, the first time); while they are signed in it is kept sealed by the session's token; a new
/// password reseals it. The head of unit makes the unit's recovery key and uses it when readers' keys are lost.
extension WebApplication {
    /// The reader's private key, opened with the password just checked; a new key pair when they have none or when
    /// the stored one no longer opens (an administrator reset the password, so the old one is lost). Nil for users
    /// who do not read reports.
    func unlockReportKey(_ user: UserAccount, password: String) async throws -> RecipientKey.PrivateKey? {
        guard ReportKeyring.readerRoles.contains(user.role) else { return nil }
        if let sealed = user.sealedReportKey, let key = try await RecipientKey.open(sealed, password: password) {
            return key
        }
        let key = RecipientKey.PrivateKey()
        try await UserAccounts.setReportKey(
            user.id, publicKey: RecipientKey.publicText(key),
            sealedPrivateKey: try await RecipientKey.seal(key, password: password,
                                                          rounds: RecipientKey.rounds(bcryptCost: settings.bcryptCost)),
            in: database)
        try await ReportKeys.removeAll(for: ReportKeys.user(user.id), in: database)
        try await audit("report_key_created", by: user.username,
                        detail: "reports are opened for this user once a colleague holding them signs in")
        return key
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
        throw WebError.conflict(privateKey == nil
            ? "Report \(report.reference) is sealed and your session holds no key to open it. Sign out and sign in again."
            : "Report \(report.reference) is sealed for the colleagues who held keys when it arrived. It opens for you "
              + "once one of them signs in, or the head of unit uses the unit's recovery key.")
    }

    func addReportKeyRoutes(to router: Router<WebContext>) {
        router.post("/reports/recovery-key") { request, context in try await createRecoveryKey(request, context) }
        router.post("/reports/recover") { request, context in try await useRecoveryKey(request, context) }
    }

    /// Makes the unit's recovery key: the public half is kept, the private half shown once for the head of unit to
    /// write down and lock away. Every report the head of unit holds is wrapped for it at once.
    func createRecoveryKey(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        _ = try await Form.read(request, context: context)
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
        guard let key = RecipientKey.recoveryKey(typed: form["recovery"]),
              try await UnitSettings.setting(UnitSettings.recoveryPublicKey, in: database)?.value
                == RecipientKey.publicText(key) else {
            try await audit("recovery_key_refused", by: user.username)
            return try await reportQueue(request, context, errors: [
                "recoveryError": "That is not the unit's current recovery key: check the 64 characters and try again",
            ])
        }
        let shared = try await keyring.share(holder: ReportKeys.recovery, privateKey: key)
        try await audit("recovery_key_used", by: user.username, detail: "\(shared) reports wrapped for current readers")
        return redirect("/reports?recovered=\(shared)")
    }
}
