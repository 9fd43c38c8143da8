import Crypto
import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// Partner accounts on the portal. A support worker redeems the invitation code the unit gave their organisation,
/// chooses a password and sets up a second factor; signed in, they send reports on the partner channel (the unit
/// knows who sent them) and read and answer the unit's replies without a receipt. Their report key is made at
/// redemption, sealed by their password, and kept sealed by the session's token while they are signed in.
extension PortalApplication {
    func addPartnerRoutes(to router: Router<BasicRequestContext>) {
        router.get("/partner") { request, _ in try await partnerHome(request) }
        router.get("/partner/invitation") { _, _ in invitationPage([:], errors: [:]) }
        router.post("/partner/invitation") { request, _ in try await redeemInvitation(request) }
        router.get("/partner/enrol") { request, _ in try await enrolPage(request, error: nil) }
        router.post("/partner/enrol") { request, _ in try await enrol(request) }
        router.get("/partner/sign-in") { _, _ in page("Sign in", "partner-sign-in", [:]) }
        router.post("/partner/sign-in") { request, _ in try await partnerSignIn(request) }
        router.get("/partner/second-factor") { request, _ in
            guard let signedIn = try await partnerSession(request, full: false) else { return redirect("/partner/sign-in") }
            if !signedIn.account.isEnrolled { return redirect("/partner/enrol") }
            return page("Security code", "partner-second-factor", [:])
        }
        router.post("/partner/second-factor") { request, _ in try await partnerSecondFactor(request) }
        router.post("/partner/sign-out") { request, _ in try await partnerSignOut(request) }
        router.get("/partner/report") { request, _ in
            guard try await partnerSession(request, full: true) != nil else { return redirect("/partner/sign-in") }
            return reportForm(.partner, answers: [:], errors: [:])
        }
        router.post("/partner/report") { request, _ in
            guard CrossSiteRequestMiddleware.isSameSite(request) else { return forbidden() }
            guard let signedIn = try await partnerSession(request, full: true) else { return redirect("/partner/sign-in") }
            // The unit's relationship with the organisation is what the account rests on.
            guard try await PartnerRegister.organisation(signedIn.account.organisationID, in: database)?.status == .active else {
                return page("Not sent", "portal-message", [
                    "message": "Your organisation's partnership with the unit is paused or ended, so this channel is closed. "
                        + "You can still report anonymously or confidentially.",
                ], status: .forbidden)
            }
            return try await submit(request, channel: .partner, partner: signedIn.account)
        }
        router.get("/partner/reports/{id}") { request, context in
            try await partnerReport(request, context, adding: false)
        }
        router.post("/partner/reports/{id}/messages") { request, context in
            try await partnerReport(request, context, adding: true)
        }
    }

    /// How a partner account is named in the trail: not a unit user, and never confused with one.
    static func trailName(_ account: PartnerAccounts.Account) -> String { "partner:" + account.username }

    /// A signed-in partner: the account, its session and the report key the session holds.
    struct PartnerSignIn {
        var account: PartnerAccounts.Account
        var session: PartnerAccounts.Session
        var token: String
        var tokenHash: String
        var reportKey: RecipientKey.PrivateKey? {
            session.sealedReportKey.flatMap { try? RecipientKey.open($0, sessionToken: token) }
        }
    }

    /// The partner signed in by this request's cookie; with `full`, only once both factors were given.
    func partnerSession(_ request: Request, full: Bool) async throws -> PartnerSignIn? {
        guard let token = request.cookies[PartnerCookie.name(secure: settings.secureCookies)]?.value, !token.isEmpty
        else { return nil }
        let hash = SessionCookie.hash(token)
        guard let (session, account) = try await PartnerAccounts.liveSession(
            tokenHash: hash, at: settings.now(), idle: settings.idleTimeout, absolute: settings.absoluteTimeout,
            in: database), !full || session.secondFactor else { return nil }
        return PartnerSignIn(account: account, session: session, token: token, tokenHash: hash)
    }

    func trail(_ action: String, _ account: PartnerAccounts.Account, subject: String = "", detail: String = "") async throws {
        try await AuditTrail.append(action, by: Self.trailName(account), subject: subject, detail: detail,
                                    at: settings.now(), sealedWith: TrailSeal(deploymentKey: settings.deploymentKey),
                                    in: database)
        metrics?.trailAppended(action)
    }

    // MARK: Invitation

    func invitationPage(_ form: [String: String], errors: [String: String],
                        status: HTTPResponse.Status = .ok) -> Response {
        var values: [String: Any] = ["form": form]
        addErrors(errors, order: ["code", "name", "username", "password", "confirm", "form"], to: &values)
        return page("Make your partner account", "partner-invitation", values, status: status)
    }

    func addErrors(_ errors: [String: String], order: [String], to values: inout [String: Any]) {
        guard !errors.isEmpty else { return }
        values["hasErrors"] = true
        values["errors"] = order.compactMap { field in errors[field].map { ["field": field, "message": $0] } }
        for (field, message) in errors { values[field + "Error"] = message }
    }

    static func normalisedInvitation(_ typed: String) -> String {
        typed.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    func redeemInvitation(_ request: Request) async throws -> Response {
        guard CrossSiteRequestMiddleware.isSameSite(request) else { return forbidden() }
        let form = try await Self.readForm(request)
        let typed = ["code": form.trimmed("code"), "name": form.trimmed("name"), "username": form.trimmed("username")]
        var errors: [String: String] = [:]
        let code = Self.normalisedInvitation(typed["code"] ?? "")
        if code.isEmpty { errors["code"] = "Enter the invitation code the unit gave you" }
        let name = typed["name"] ?? ""
        if let problem = WebApplication.textError(name, name: "your name", maximum: 100) { errors["name"] = problem }
        else if Form.hasControlCharacters(name, multiline: false) { errors["name"] = "Enter your name on one line" }
        let username = (typed["username"] ?? "").lowercased()
        if username.count < 3 || username.count > 40
            || !username.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" || $0 == "_" }) {
            errors["username"] = "Choose a username of 3 to 40 letters, digits, dots, dashes or underscores"
        }
        let password = form["password"]
        if let problem = Passwords.problem(with: password) { errors["password"] = problem }
        if errors["password"] == nil, password != form["confirm"] { errors["confirm"] = "The passwords do not match" }
        guard errors.isEmpty else { return invitationPage(typed, errors: errors, status: .badRequest) }
        let now = settings.now()
        guard let invitation = try await PartnerAccounts.invitation(codeHash: SHA256.hex(code), in: database),
              invitation.isOpen(at: now) else {
            return invitationPage(typed, errors: ["code": PartnerAccounts.Failure.invitationClosed.description],
                                  status: .badRequest)
        }
        let secret = SecondFactor.newSecret()
        let key = RecipientKey.PrivateKey()
        guard let (passwordHash, sealedKey) = try await gate.run({ [cost = settings.bcryptCost] in
            (try await Passwords.hash(password, cost: cost),
             try await RecipientKey.seal(key, password: password, rounds: RecipientKey.rounds(bcryptCost: cost)))
        }) else {
            return invitationPage(typed, errors: ["form": "The portal is busy. Please try again in a minute."],
                                  status: .serviceUnavailable)
        }
        let account: PartnerAccounts.Account
        do {
            account = try await PartnerAccounts.redeem(invitation.invitationID, account: .init(
                username: username, displayName: name, passwordHash: passwordHash,
                sealedTOTPSecret: try secrets.seal(secret, binding: "partner:" + username),
                publicKey: RecipientKey.publicText(key), sealedPrivateKey: sealedKey), at: now, in: database)
        } catch let failure as PartnerAccounts.Failure {
            return invitationPage(typed, errors: [failure == .usernameTaken ? "username" : "code": failure.description],
                                  status: .badRequest)
        }
        try await trail("partner_account_created", account, subject: "organisation \(account.organisationID)",
                        detail: "invitation \(invitation.invitationID)")
        var response = redirect("/partner/enrol")
        response.headers[.setCookie] = try await startSession(account, key: key)
        return response
    }

    /// A session that has the password (and so the report key) but not yet the second factor.
    func startSession(_ account: PartnerAccounts.Account, key: RecipientKey.PrivateKey?) async throws -> String {
        let token = SessionCookie.newToken()
        try await PartnerAccounts.createSession(tokenHash: SessionCookie.hash(token), accountID: account.accountID,
                                                sealedReportKey: try key.map { try RecipientKey.seal($0, sessionToken: token) },
                                                at: settings.now(), in: database)
        return PartnerCookie.setting(token, secure: settings.secureCookies)
    }

    /// Both factors given: the session moves to a new token, with the report key resealed for it.
    func completeSession(_ signedIn: PartnerSignIn) async throws -> String {
        let token = SessionCookie.newToken()
        try await PartnerAccounts.completeSession(
            tokenHash: signedIn.tokenHash, newTokenHash: SessionCookie.hash(token),
            sealedReportKey: try signedIn.reportKey.map { try RecipientKey.seal($0, sessionToken: token) }, in: database)
        try await trail("partner_sign_in", signedIn.account)
        return PartnerCookie.setting(token, secure: settings.secureCookies)
    }

    // MARK: Second factor

    func enrolPage(_ request: Request, error: String?) async throws -> Response {
        guard let signedIn = try await partnerSession(request, full: false) else { return redirect("/partner/sign-in") }
        if signedIn.account.isEnrolled { return redirect(signedIn.session.secondFactor ? "/partner" : "/partner/second-factor") }
        let secret = try secrets.open(signedIn.account.sealedTOTPSecret, binding: "partner:" + signedIn.account.username)
        let uri = SecondFactor.enrolmentURI(secret: secret, username: signedIn.account.username)
        var values: [String: Any] = [
            "manualKey": SecondFactor.manualEntryKey(secret: secret),
            "qr": (try? QRCode(text: uri).svg(title: "QR code to add the portal to an authenticator app")) ?? "",
        ]
        if let error { addErrors(["code": error], order: ["code"], to: &values) }
        return page("Set up your second factor", "partner-enrol", values, status: error == nil ? .ok : .badRequest)
    }

    func enrol(_ request: Request) async throws -> Response {
        guard CrossSiteRequestMiddleware.isSameSite(request) else { return forbidden() }
        guard let signedIn = try await partnerSession(request, full: false) else { return redirect("/partner/sign-in") }
        if signedIn.account.isEnrolled { return redirect("/partner/second-factor") }
        return try await checkCode(request, signedIn, onWrong: { try await enrolPage(request, error: $0) })
    }

    func partnerSecondFactor(_ request: Request) async throws -> Response {
        guard CrossSiteRequestMiddleware.isSameSite(request) else { return forbidden() }
        guard let signedIn = try await partnerSession(request, full: false) else { return redirect("/partner/sign-in") }
        if !signedIn.account.isEnrolled { return redirect("/partner/enrol") }
        if signedIn.session.secondFactor { return redirect("/partner") }
        return try await checkCode(request, signedIn, onWrong: { message in
            var values: [String: Any] = [:]
            addErrors(["code": message], order: ["code"], to: &values)
            return page("Security code", "partner-second-factor", values, status: .badRequest)
        })
    }

    /// Checks a TOTP code (counted before it is checked, towards the account's lock-out) and completes sign-in.
    func checkCode(_ request: Request, _ signedIn: PartnerSignIn,
                   onWrong: (String) async throws -> Response) async throws -> Response {
        let form = try await Self.readForm(request)
        let now = settings.now()
        guard try await PartnerAccounts.beginAttempt(signedIn.account.accountID, limit: settings.failuresBeforeLockout,
                                                     at: now, lockUntil: now + settings.lockoutSeconds, in: database) else {
            try await PartnerAccounts.endSession(tokenHash: signedIn.tokenHash, at: now, in: database)
            try await trail("partner_sign_in_refused", signedIn.account, detail: "account locked")
            return page("Sign in", "partner-sign-in", lockedValues(), status: .tooManyRequests)
        }
        let secret = try secrets.open(signedIn.account.sealedTOTPSecret, binding: "partner:" + signedIn.account.username)
        guard let step = SecondFactor.verify(form.trimmed("code"), secret: secret, at: now),
              try await PartnerAccounts.acceptTOTPStep(signedIn.account.accountID, step: step, at: now, in: database) else {
            try await trail("partner_sign_in_failed", signedIn.account, detail: "wrong security code")
            return try await onWrong("Enter the current 6-digit code from your authenticator app")
        }
        try await PartnerAccounts.attemptSucceeded(signedIn.account.accountID, in: database)
        var response = redirect("/partner")
        response.headers[.setCookie] = try await completeSession(signedIn)
        return response
    }

    func lockedValues() -> [String: Any] {
        var values: [String: Any] = [:]
        addErrors(["username": "Too many failed attempts. Wait \(settings.lockoutSeconds / 60) minutes and sign in again."],
                  order: ["username"], to: &values)
        return values
    }

    // MARK: Sign-in and out

    func partnerSignIn(_ request: Request) async throws -> Response {
        guard CrossSiteRequestMiddleware.isSameSite(request) else { return forbidden() }
        let form = try await Self.readForm(request)
        let username = form.trimmed("username").lowercased()
        let refused: [String: Any] = {
            var values: [String: Any] = ["username": username]
            addErrors(["username": "Enter a correct username and password"], order: ["username"], to: &values)
            return values
        }()
        let now = settings.now()
        let busy = page("Sign in", "partner-sign-in", ["busy": true], status: .serviceUnavailable)
        guard let account = try await PartnerAccounts.account(username: username, in: database), !account.isDisabled else {
            // The same slow work as a real check, and the same answer when busy, so neither the timing nor the
            // answer says which usernames exist.
            guard try await gate.run({ [dummyHash] in try await Passwords.verify(form["password"], hash: dummyHash) })
                != nil else { return busy }
            return page("Sign in", "partner-sign-in", refused, status: .badRequest)
        }
        guard try await PartnerAccounts.beginAttempt(account.accountID, limit: settings.failuresBeforeLockout, at: now,
                                                     lockUntil: now + settings.lockoutSeconds, in: database) else {
            guard try await gate.run({ [dummyHash] in try await Passwords.verify(form["password"], hash: dummyHash) })
                != nil else { return busy }
            try await trail("partner_sign_in_refused", account, detail: "account locked")
            return page("Sign in", "partner-sign-in", refused, status: .badRequest)
        }
        let password = form["password"]
        guard let matches = try await gate.run({ try await Passwords.verify(password, hash: account.passwordHash) }) else {
            return busy
        }
        guard matches else {
            try await trail("partner_sign_in_failed", account, detail: "wrong password")
            return page("Sign in", "partner-sign-in", refused, status: .badRequest)
        }
        try await PartnerAccounts.refundAttempt(account.accountID, in: database)
        let key = try await RecipientKey.open(account.sealedPrivateKey, password: password)
        var response = redirect(account.isEnrolled ? "/partner/second-factor" : "/partner/enrol")
        response.headers[.setCookie] = try await startSession(account, key: key)
        return response
    }

    func partnerSignOut(_ request: Request) async throws -> Response {
        guard CrossSiteRequestMiddleware.isSameSite(request) else { return forbidden() }
        if let signedIn = try await partnerSession(request, full: false) {
            try await PartnerAccounts.endSession(tokenHash: signedIn.tokenHash, at: settings.now(), in: database)
            try await trail("partner_sign_out", signedIn.account)
        }
        var response = redirect("/partner/sign-in")
        response.headers[.setCookie] = PartnerCookie.clearing(secure: settings.secureCookies)
        return response
    }

    // MARK: The partner's reports

    func partnerHome(_ request: Request) async throws -> Response {
        guard let signedIn = try await partnerSession(request, full: true) else { return redirect("/partner/sign-in") }
        let organisation = try await PartnerRegister.organisation(signedIn.account.organisationID, in: database)
        let rows = try await PortalReports.sent(byPartner: signedIn.account.accountID, in: database).map { report in
            ["id": report.reportID, "reference": report.reference, "received": displayTime(report.receivedAt),
             "state": report.assessedAt != nil ? "Assessed by the unit"
                : report.acknowledgedAt != nil ? "Received by the unit" : "Not yet acknowledged"] as [String: Any]
        }
        return page("Your organisation's channel", "partner-home", [
            "name": signedIn.account.displayName, "organisation": organisation?.name ?? "",
            "reports": rows, "hasReports": !rows.isEmpty,
        ])
    }

    func partnerReport(_ request: Request, _ context: BasicRequestContext, adding: Bool) async throws -> Response {
        if adding, !CrossSiteRequestMiddleware.isSameSite(request) { return forbidden() }
        guard let signedIn = try await partnerSession(request, full: true) else { return redirect("/partner/sign-in") }
        // Only the account's own reports: another worker's, or a report number guessed, is not found.
        guard let id = context.parameters.get("id", as: Int64.self),
              let report = try await PortalReports.sent(byPartner: signedIn.account.accountID, in: database)
                .first(where: { $0.reportID == id }) else { return notFound() }
        guard let key = try await keyring.reportKey(report, recipient: ReportKeys.partner(signedIn.account.accountID),
                                                    privateKey: signedIn.reportKey) else {
            return page("Sign in again", "portal-message",
                        ["message": "Sign out and sign in again to open your report"], status: .conflict)
        }
        var messageError: String?
        var typed = ""
        if adding {
            let form = try await Self.readForm(request)
            typed = form.trimmed("message")
            if let problem = WebApplication.textError(typed, name: "what you want to add", maximum: 10_000) {
                messageError = problem
            } else {
                try await PortalReports.addMessage(report.reportID, fromReporter: true, username: nil,
                                                   at: Self.toTheHour(settings.now()),
                                                   sealedBody: try sealer.seal(typed, with: key, lookup: report.lookup),
                                                   in: database)
                // The trail says a partner wrote, not which worker: auditors read the trail but not the reports.
                try await AuditTrail.append("portal_message", by: "portal", subject: report.reference,
                                            detail: "from a partner account", at: Self.toTheHour(settings.now()),
                                            sealedWith: TrailSeal(deploymentKey: settings.deploymentKey), in: database)
                return redirect("/partner/reports/\(report.reportID)#messages")
            }
        }
        let answers = (try JSONSerialization.jsonObject(
            with: Data(try sealer.open(report.sealedAnswers, with: key, lookup: report.lookup).utf8)) as? [[String: String]]) ?? []
        var messages: [[String: Any]] = []
        for message in try await PortalReports.messages(of: report.reportID, in: database) {
            messages.append(["fromReporter": message.fromReporter, "at": displayTime(message.at),
                             "body": try sealer.open(message.sealedBody, with: key, lookup: report.lookup)])
        }
        var values: [String: Any] = [
            "id": report.reportID, "reference": report.reference, "received": displayTime(report.receivedAt),
            "sent": request.uri.queryParameters.get("sent") != nil,
            "acknowledged": report.acknowledgedAt != nil, "assessed": report.assessedAt != nil,
            "answers": answers.map { ["label": $0["label"] ?? "", "answer": $0["answer"] ?? ""] },
            "messages": messages, "hasMessages": !messages.isEmpty, "message": typed,
        ]
        if let messageError { addErrors(["message": messageError], order: ["message"], to: &values) }
        return page("Report \(report.reference)", "partner-report", values,
                    status: messageError == nil ? .ok : .badRequest)
    }

    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// The partner session's cookie: a name of its own, so it is never taken for the unit's session cookie (cookies do
/// not keep to a port), HttpOnly and SameSite=Strict, and `__Host-` and Secure behind TLS.
enum PartnerCookie {
    static func name(secure: Bool) -> String { secure ? "__Host-custodes_partner" : "custodes_partner" }

    static func setting(_ token: String, secure: Bool) -> String {
        SessionCookie.setting(token, named: name(secure: secure), secure: secure)
    }

    static func clearing(secure: Bool) -> String { SessionCookie.clearing(named: name(secure: secure), secure: secure) }
}
