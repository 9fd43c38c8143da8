import CustodesStore
import Hummingbird

/// Sign-in: password, then the second factor (enrolling it on first sign-in), then a new password if the current
/// one was set by an administrator. Failures of either factor count towards a temporary lock-out, and every
/// attempt, good or bad, is in the trail.
extension WebApplication {
    func addSignInRoutes(to router: Router<WebContext>) {
        router.get("/sign-in") { request, context in
            page(.init(title: "Sign in", template: "sign-in",
                       context: ["expired": QueryText.value("expired", in: request) == "1",
                                 "idleMinutes": settings.idleTimeout / 60]), request, context)
        }
        router.post("/sign-in") { request, context in try await signIn(request, context) }
        router.get("/sign-in/second-factor") { request, context in
            let (user, session) = try context.requirePartialSignIn()
            if session.secondFactor { return redirect(Pages.home(for: user.role)) }
            if !user.totpEnrolled { return redirect("/account/enrol") }
            return page(.init(title: "Security code", template: "second-factor"), request, context)
        }
        router.post("/sign-in/second-factor") { request, context in try await secondFactor(request, context) }
        router.get("/account/enrol") { request, context in try await enrolPage(request, context, error: nil) }
        router.post("/account/enrol") { request, context in try await enrol(request, context) }
        router.get("/account/password") { request, context in
            let user = try fullySignedIn(context)
            return page(.init(title: "Choose a new password", template: "password",
                              context: ["askCurrent": !user.passwordIsTemporary]), request, context)
        }
        router.post("/account/password") { request, context in try await changePassword(request, context) }
        router.post("/sign-out") { request, context in
            let form = try await Form.read(request, context: context)
            _ = form
            if let hash = context.sessionTokenHash, let user = context.user {
                try await Sessions.end(tokenHash: hash, at: settings.now(), in: database)
                try await audit("sign_out", by: user.username)
            }
            var response = redirect("/sign-in")
            response.headers[.setCookie] = SessionCookie.clearing(secure: settings.secureCookies)
            return response
        }
    }

    static let badCredentials = "Enter a correct username and password"

    func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        // There is no session yet, so no CSRF token to check; SameSite=Strict cookies keep other sites from riding
        // on a session once there is one.
        let form = try await Form.read(request, context: context, checkCSRF: false)
        let username = form.trimmed("username")
        let now = settings.now()
        func refuse() -> Response {
            page(.init(title: "Sign in", template: "sign-in", context: [
                "hasErrors": true, "errorText": Self.badCredentials, "username": username,
                "errors": [["field": "username", "message": Self.badCredentials]],
                "failuresBeforeLockout": settings.failuresBeforeLockout, "lockoutMinutes": settings.lockoutSeconds / 60,
            ]), request, context)
        }
        if let throttled = try await throttled(request, context, username: username, now: now, template: "sign-in") {
            return throttled
        }
        guard let user = try await UserAccounts.find(username: username, in: database), !user.isDisabled else {
            // The same work as a real check, so timing does not tell which usernames exist.
            _ = try await Passwords.verify(form["password"], hash: dummyHash)
            try await audit("sign_in_failed", by: username.isEmpty ? "(none)" : username, detail: "unknown or disabled account")
            return refuse()
        }
        // The attempt is counted before the password is checked, so guesses sent together cannot all be checked.
        guard case .admitted = try await UserAccounts.beginAttempt(user.id, limit: settings.failuresBeforeLockout,
                                                                   at: now, in: database) else {
            // A locked account looks and takes the same as a wrong password: the answer does not say it exists.
            _ = try await Passwords.verify(form["password"], hash: dummyHash)
            try await lockIfSpent(user, now: now)
            try await audit("sign_in_refused", by: user.username, detail: "account locked")
            return refuse()
        }
        guard try await Passwords.verify(form["password"], hash: user.passwordHash) else {
            try await attemptFailed(user, now: now, factor: "password")
            return refuse()
        }
        try await UserAccounts.refundAttempt(user.id, in: database)
        if let address = context.clientAddress { await throttle.forgive(address) }
        if let old = context.sessionTokenHash { try await Sessions.end(tokenHash: old, at: now, in: database) }
        let token = SessionCookie.newToken()
        try await Sessions.create(tokenHash: SessionCookie.hash(token), userID: user.id,
                                  csrfToken: SessionCookie.newToken(), at: now, in: database)
        try await keepReportKey(try await unlockReportKey(user, password: form["password"],
                                                          temporary: user.passwordIsTemporary), token: token)
        try await audit("password_accepted", by: user.username)
        var response = redirect(user.totpEnrolled ? "/sign-in/second-factor" : "/account/enrol")
        response.headers[.setCookie] = SessionCookie.setting(token, secure: settings.secureCookies)
        return response
    }

    /// The per-address throttle, asked before any factor is checked: a 429 page, or nil to go ahead.
    func throttled(_ request: Request, _ context: WebContext, username: String, now: Int64, template: String) async throws -> Response? {
        guard let address = context.clientAddress, let (wait, first) = await throttle.admit(address, at: now) else {
            return nil
        }
        if first {
            try await audit("sign_in_throttled", by: username.isEmpty ? "(none)" : username,
                            detail: "from \(address); later refusals until its next attempt are not recorded")
        }
        let message = "Too many failed sign-ins from this address. Wait \(wait) seconds and try again."
        var response = page(.init(title: template == "sign-in" ? "Sign in" : "Security code", template: template, context: [
            "hasErrors": true, "errorText": message, "username": username,
            "errors": [["field": template == "sign-in" ? "username" : "code", "message": message]],
        ]), request, context, status: .tooManyRequests)
        response.headers[.retryAfter] = String(wait)
        return response
    }

    func secondFactor(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, session) = try context.requirePartialSignIn()
        let form = try await Form.read(request, context: context)
        guard let hash = context.sessionTokenHash, let sealed = user.sealedTOTPSecret, user.totpEnrolled else {
            return redirect("/account/enrol")
        }
        if session.secondFactor { return redirect(Pages.home(for: user.role)) }
        let now = settings.now()
        if let throttled = try await throttled(request, context, username: user.username, now: now, template: "second-factor") {
            return throttled
        }
        // The lock is checked here too, and the attempt counted before the code is: a spare half-signed-in session
        // cannot finish signing in to a locked account, and codes sent together cannot all be tried.
        guard case .admitted = try await UserAccounts.beginAttempt(user.id, limit: settings.failuresBeforeLockout,
                                                                   at: now, in: database) else {
            return try await refuseLocked(user, sessionHash: hash, now: now)
        }
        let code = form.trimmed("code")
        var accepted = false
        if let step = SecondFactor.verify(code, secret: try secrets.open(sealed, userID: user.id), at: now) {
            accepted = try await UserAccounts.acceptTOTPStep(user.id, step: step, in: database)
        } else if code.count >= 10 {
            accepted = try await UserAccounts.useRecoveryCode(user.id, hash: SecondFactor.recoveryCodeHash(code),
                                                              at: now, in: database)
            if accepted { try await audit("recovery_code_used", by: user.username) }
        }
        guard accepted else {
            if try await attemptFailed(user, now: now, factor: "second factor") {
                try await Sessions.end(tokenHash: hash, at: now, in: database)
                return redirect("/sign-in")
            }
            let message = "Enter the current code from your authenticator app"
            return page(.init(title: "Security code", template: "second-factor", context: [
                "hasErrors": true, "errorText": message, "errors": [["field": "code", "message": message]],
            ]), request, context)
        }
        guard try await UserAccounts.completeAttempt(user.id, at: now, in: database) else {
            return try await refuseLocked(user, sessionHash: hash, now: now)
        }
        if let address = context.clientAddress { await throttle.forgive(address) }
        // Back to the page whose work the lapsed session interrupted, with what was typed; otherwise home.
        var destination = Pages.home(for: user.role)
        if let path = try await Drafts.pendingPath(userID: user.id, at: now, in: database) {
            destination = path + "?draft=1"
        }
        var response = redirect(user.passwordIsTemporary ? "/account/password" : destination)
        response.headers[.setCookie] = try await completeSignIn(user, context)
        return response
    }

    /// Marks the session signed in under a new token (a token seen before sign-in completed is then worth nothing)
    /// and records the sign-in; returns the cookie that carries the new token. The reader's report key moves to the
    /// new token, and the reports they hold are wrapped for colleagues who lack them.
    func completeSignIn(_ user: UserAccount, _ context: WebContext) async throws -> String {
        guard let sessionHash = context.sessionTokenHash else { throw WebError.signInRequired }
        let reportKey = try await sessionReportKey(context)
        let token = SessionCookie.newToken()
        try await Sessions.completeSecondFactor(tokenHash: sessionHash, newTokenHash: SessionCookie.hash(token),
                                                in: database)
        try await keepReportKey(reportKey, token: token)
        try await audit("sign_in", by: user.username)
        if let reportKey {
            let shared = try await keyring.share(holder: ReportKeys.user(user.id), privateKey: reportKey)
            if shared > 0 {
                try await audit("report_keys_shared", by: user.username, detail: "\(shared) reports wrapped for colleagues")
            }
        }
        return SessionCookie.setting(token, secure: settings.secureCookies)
    }

    /// A factor arrived for a locked account: the session ends and the factor is not checked.
    func refuseLocked(_ user: UserAccount, sessionHash: String, now: Int64) async throws -> Response {
        try await lockIfSpent(user, now: now)
        try await Sessions.end(tokenHash: sessionHash, at: now, in: database)
        try await audit("sign_in_refused", by: user.username, detail: "account locked")
        return redirect("/sign-in")
    }

    func enrolPage(_ request: Request, _ context: WebContext, error: String?) async throws -> Response {
        var (user, session) = try context.requirePartialSignIn()
        if user.totpEnrolled { return redirect(session.secondFactor ? Pages.home(for: user.role) : "/sign-in/second-factor") }
        if user.sealedTOTPSecret == nil {
            let sealed = try secrets.seal(SecondFactor.newSecret(), userID: user.id)
            try await UserAccounts.setTOTP(user.id, sealedSecret: sealed, in: database)
            user.sealedTOTPSecret = sealed
        }
        let secret = try secrets.open(user.sealedTOTPSecret!, userID: user.id)
        let uri = SecondFactor.enrolmentURI(secret: secret, username: user.username)
        var values: [String: Any] = [
            "uri": uri, "manualKey": SecondFactor.manualEntryKey(secret: secret),
            "qr": (try? QRCode(text: uri).svg(title: "QR code to add Custodes to an authenticator app")) ?? "",
        ]
        if let error {
            values["hasErrors"] = true
            values["errorText"] = error
            values["errors"] = [["field": "code", "message": error]]
        }
        return page(.init(title: "Set up your second factor", template: "enrol", context: values), request, context)
    }

    func enrol(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, _) = try context.requirePartialSignIn()
        let form = try await Form.read(request, context: context)
        guard !user.totpEnrolled, let sealed = user.sealedTOTPSecret, let hash = context.sessionTokenHash else {
            return redirect("/")
        }
        let now = settings.now()
        guard case .admitted = try await UserAccounts.beginAttempt(user.id, limit: settings.failuresBeforeLockout,
                                                                   at: now, in: database) else {
            return try await refuseLocked(user, sessionHash: hash, now: now)
        }
        guard let step = SecondFactor.verify(form.trimmed("code"), secret: try secrets.open(sealed, userID: user.id),
                                             at: now) else {
            if try await attemptFailed(user, now: now, factor: "enrolment code") {
                try await Sessions.end(tokenHash: hash, at: now, in: database)
                return redirect("/sign-in")
            }
            return try await enrolPage(request, context, error: "Enter the 6-digit code your authenticator app shows")
        }
        guard try await UserAccounts.completeAttempt(user.id, at: now, in: database) else {
            return try await refuseLocked(user, sessionHash: hash, now: now)
        }
        let codes = SecondFactor.newRecoveryCodes()
        try await UserAccounts.completeEnrolment(user.id, step: step, recoveryCodeHashes: codes.map(SecondFactor.recoveryCodeHash),
                                                 in: database)
        try await audit("second_factor_enrolled", by: user.username)
        var response = page(.init(title: "Your recovery codes", template: "recovery-codes", context: [
            "codes": codes, "next": user.passwordIsTemporary ? "/account/password" : Pages.home(for: user.role),
        ]), request, context)
        response.headers[.setCookie] = try await completeSignIn(user, context)
        return response
    }

    func changePassword(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try fullySignedIn(context)
        let form = try await Form.read(request, context: context)
        let password = form["password"]
        // Someone at an unattended session must not be able to take the account: a chosen password is changed only
        // by whoever knows it, and guesses at it count towards the lock-out like any other. (A temporary one was
        // given moments ago, at sign-in.)
        if !user.passwordIsTemporary {
            func refuse(_ message: String) -> Response {
                page(.init(title: "Choose a new password", template: "password", context: [
                    "askCurrent": true, "hasErrors": true, "errorText": message, "currentError": message,
                    "errors": [["field": "current", "message": message]],
                ]), request, context, status: .badRequest)
            }
            let now = settings.now()
            guard case .admitted = try await UserAccounts.beginAttempt(user.id, limit: settings.failuresBeforeLockout,
                                                                       at: now, in: database) else {
                try await lockIfSpent(user, now: now)
                return refuse("Your account is locked after repeated failed attempts. Try again in "
                              + "\(settings.lockoutSeconds / 60) minutes.")
            }
            guard try await Passwords.verify(form["current"], hash: user.passwordHash) else {
                try await attemptFailed(user, now: now, factor: "current password")
                return refuse("Enter your current password")
            }
            try await UserAccounts.refundAttempt(user.id, in: database)
        }
        var problem = Passwords.problem(with: password)
        if problem == nil, password != form["confirm"] { problem = "The passwords do not match" }
        if problem == nil, try await Passwords.verify(password, hash: user.passwordHash) {
            problem = "Choose a password different from the one you were given"
        }
        if let problem {
            return page(.init(title: "Choose a new password", template: "password", context: [
                "askCurrent": !user.passwordIsTemporary,
                "hasErrors": true, "errorText": problem, "errors": [["field": "password", "message": problem]],
            ]), request, context)
        }
        try await UserAccounts.setPassword(user.id, hash: try await Passwords.hash(password, cost: settings.bcryptCost),
                                           temporary: false, in: database)
        // The report key is resealed by the new password; without one in the session, a new pair is made.
        if let key = try await sessionReportKey(context) {
            try await UserAccounts.setReportKey(
                user.id, publicKey: RecipientKey.publicText(key),
                sealedPrivateKey: try await RecipientKey.seal(key, password: password,
                                                              rounds: RecipientKey.rounds(bcryptCost: settings.bcryptCost)),
                in: database)
        } else if let token = context.sessionToken,
                  let key = try await unlockReportKey(user, password: password, temporary: false) {
            // The first password of the user's own: their key pair is made now, never under the temporary one.
            try await keepReportKey(key, token: token)
            try await keyring.share(holder: ReportKeys.user(user.id), privateKey: key)
        }
        // Every other session of the account ends with the old password.
        if let hash = context.sessionTokenHash {
            try await Sessions.endAll(userID: user.id, except: hash, at: settings.now(), in: database)
        }
        try await audit("password_changed", by: user.username)
        return redirect(Pages.home(for: user.role))
    }

    /// Both factors given; a temporary password is allowed (this is where it gets changed).
    func fullySignedIn(_ context: WebContext) throws -> UserAccount {
        guard let user = context.user, context.session?.secondFactor == true else { throw WebError.signInRequired }
        return user
    }

    /// Records a wrong factor, whose attempt was counted before it was checked, and locks the account when its
    /// allowance is spent; true when it is now locked.
    @discardableResult
    func attemptFailed(_ user: UserAccount, now: Int64, factor: String) async throws -> Bool {
        try await audit("sign_in_failed", by: user.username, detail: "wrong \(factor)")
        return try await lockIfSpent(user, now: now)
    }

    /// Locks the account if its allowance of failures is spent and it is not locked yet (exactly one of several
    /// concurrent failures does it). Its half-signed-in sessions end with the lock, so none can finish later.
    @discardableResult
    func lockIfSpent(_ user: UserAccount, now: Int64) async throws -> Bool {
        guard try await UserAccounts.failAttempt(user.id, limit: settings.failuresBeforeLockout,
                                                 lockUntil: now + settings.lockoutSeconds, in: database) else {
            return false
        }
        try await Sessions.endPartial(userID: user.id, at: now, in: database)
        try await audit("account_locked", by: user.username,
                        detail: "\(settings.failuresBeforeLockout) failed attempts; locked for \(settings.lockoutSeconds / 60) minutes")
        return true
    }
}
