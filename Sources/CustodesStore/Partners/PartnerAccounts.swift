import SQLKit

/// Accounts for support workers at partner organisations, who sign in to the portal (never to the unit's
/// application) with a password and a second factor. The unit issues an organisation a one-time invitation; the
/// worker who redeems it makes an account tied to that organisation, which the unit can disable. Secrets appear
/// only hashed (password, invitation code, session token) or sealed (the TOTP secret, the report key).
public enum PartnerAccounts {
    public struct Invitation: Sendable, Equatable {
        public var invitationID: Int64
        public var organisationID: Int64
        public var issuedBy: String
        public var issuedAt: Int64
        public var expiresAt: Int64
        public var redeemedAt: Int64?
        public var accountID: Int64?
        public var withdrawnAt: Int64?
        public var withdrawnBy: String?

        /// Whether the invitation can still be redeemed at `at`.
        public func isOpen(at: Int64) -> Bool { redeemedAt == nil && withdrawnAt == nil && expiresAt > at }
    }

    public struct Account: Sendable, Equatable {
        public var accountID: Int64
        public var organisationID: Int64
        public var username: String
        public var displayName: String
        public var passwordHash: String
        public var sealedTOTPSecret: String
        /// The last TOTP step accepted; nil until the worker has confirmed their authenticator (enrolment).
        public var totpLastStep: Int64?
        public var failedAttempts: Int
        public var lockedUntil: Int64?
        public var publicKey: String
        public var sealedPrivateKey: String
        public var createdAt: Int64
        public var lastSignInAt: Int64?
        public var disabledAt: Int64?
        public var disabledBy: String?

        public var isEnrolled: Bool { totpLastStep != nil }
        public var isDisabled: Bool { disabledAt != nil }
    }

    public struct NewAccount: Sendable {
        public var username: String
        public var displayName: String
        public var passwordHash: String
        public var sealedTOTPSecret: String
        public var publicKey: String
        public var sealedPrivateKey: String

        public init(username: String, displayName: String, passwordHash: String, sealedTOTPSecret: String,
                    publicKey: String, sealedPrivateKey: String) {
            self.username = username
            self.displayName = displayName
            self.passwordHash = passwordHash
            self.sealedTOTPSecret = sealedTOTPSecret
            self.publicKey = publicKey
            self.sealedPrivateKey = sealedPrivateKey
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case usernameTaken
        case invitationClosed

        public var description: String {
            switch self {
            case .usernameTaken: "That username is taken: choose another"
            case .invitationClosed: "That invitation code has been used, withdrawn or has expired: ask the unit for a new one"
            }
        }
    }

    // MARK: Invitations

    @discardableResult
    public static func issue(organisationID: Int64, codeHash: String, by username: String, at: Int64, expiresAt: Int64,
                             in database: StoreDatabase) async throws -> Int64 {
        guard let row = try await database.sql.raw("""
            INSERT INTO partner_invitations (organisation_id, code_hash, issued_by, issued_at, expires_at) VALUES \
            (\(bind: organisationID), \(bind: codeHash), \(bind: username), \(bind: at), \(bind: expiresAt)) \
            RETURNING invitation_id
            """).first() else { throw StoreError.query("no invitation returned") }
        return try row.decode(column: "invitation_id", as: Int64.self)
    }

    public static func invitations(of organisationID: Int64, in database: StoreDatabase) async throws -> [Invitation] {
        try await database.sql.raw("""
            SELECT * FROM partner_invitations WHERE organisation_id = \(bind: organisationID) ORDER BY invitation_id DESC
            """).all().map(decodeInvitation)
    }

    public static func invitation(codeHash: String, in database: StoreDatabase) async throws -> Invitation? {
        try await database.sql.raw("SELECT * FROM partner_invitations WHERE code_hash = \(bind: codeHash)").first()
            .map(decodeInvitation)
    }

    /// Withdraws an open invitation of the organisation; false if there was none to withdraw.
    public static func withdraw(_ invitationID: Int64, organisationID: Int64, by username: String, at: Int64,
                                in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("""
            UPDATE partner_invitations SET withdrawn_at = \(bind: at), withdrawn_by = \(bind: username) \
            WHERE invitation_id = \(bind: invitationID) AND organisation_id = \(bind: organisationID) \
            AND redeemed_at IS NULL AND withdrawn_at IS NULL RETURNING invitation_id
            """).first() != nil
    }

    /// Redeems an open invitation and makes the account, together: of two workers racing with one code, one gets
    /// the account and the other `invitationClosed`.
    public static func redeem(_ invitationID: Int64, account: NewAccount, at: Int64,
                              in database: StoreDatabase) async throws -> Account {
        try await database.transaction {
            guard let invitation = try await database.sql.raw("""
                UPDATE partner_invitations SET redeemed_at = \(bind: at) WHERE invitation_id = \(bind: invitationID) \
                AND redeemed_at IS NULL AND withdrawn_at IS NULL AND expires_at > \(bind: at) \
                RETURNING organisation_id
                """).first() else { throw Failure.invitationClosed }
            let organisationID = try invitation.decode(column: "organisation_id", as: Int64.self)
            // Partner usernames are a namespace of their own: checking the unit's would tell anyone with a code who
            // works in the unit.
            if try await Self.account(username: account.username, in: database) != nil { throw Failure.usernameTaken }
            guard let row = try await database.sql.raw("""
                INSERT INTO partner_accounts (organisation_id, username, display_name, password_hash, totp_secret, \
                failed_attempts, public_key, sealed_private_key, created_at) VALUES (\(bind: organisationID), \
                \(bind: account.username), \(bind: account.displayName), \(bind: account.passwordHash), \
                \(bind: account.sealedTOTPSecret), 0, \(bind: account.publicKey), \(bind: account.sealedPrivateKey), \
                \(bind: at)) RETURNING account_id
                """).first() else { throw StoreError.query("no account returned") }
            let accountID = try row.decode(column: "account_id", as: Int64.self)
            try await database.sql.raw("""
                UPDATE partner_invitations SET account_id = \(bind: accountID) WHERE invitation_id = \(bind: invitationID)
                """).run()
            guard let made = try await Self.account(id: accountID, in: database) else {
                throw StoreError.query("account not found after insert")
            }
            return made
        }
    }

    // MARK: Accounts

    public static func account(id: Int64, in database: StoreDatabase) async throws -> Account? {
        try await database.sql.raw("SELECT * FROM partner_accounts WHERE account_id = \(bind: id)").first()
            .map(decodeAccount)
    }

    public static func account(username: String, in database: StoreDatabase) async throws -> Account? {
        try await database.sql.raw("SELECT * FROM partner_accounts WHERE username = \(bind: username)").first()
            .map(decodeAccount)
    }

    public static func accounts(of organisationID: Int64, in database: StoreDatabase) async throws -> [Account] {
        try await database.sql.raw("""
            SELECT * FROM partner_accounts WHERE organisation_id = \(bind: organisationID) ORDER BY account_id
            """).all().map(decodeAccount)
    }

    /// Disables an account of the organisation and ends its sessions; false if it was not an enabled account there.
    public static func disable(_ accountID: Int64, organisationID: Int64, by username: String, at: Int64,
                               in database: StoreDatabase) async throws -> Bool {
        try await database.transaction {
            guard try await database.sql.raw("""
                UPDATE partner_accounts SET disabled_at = \(bind: at), disabled_by = \(bind: username) \
                WHERE account_id = \(bind: accountID) AND organisation_id = \(bind: organisationID) \
                AND disabled_at IS NULL RETURNING account_id
                """).first() != nil else { return false }
            try await database.sql.raw("""
                UPDATE partner_sessions SET ended_at = \(bind: at) WHERE account_id = \(bind: accountID) AND ended_at IS NULL
                """).run()
            return true
        }
    }

    /// Counts an attempt before a factor is checked, so guesses sent together cannot all be checked; false when the
    /// account is locked or its allowance is spent (then it is locked until `lockUntil`).
    public static func beginAttempt(_ accountID: Int64, limit: Int, at: Int64, lockUntil: Int64,
                                    in database: StoreDatabase) async throws -> Bool {
        if try await database.sql.raw("""
            UPDATE partner_accounts SET failed_attempts = failed_attempts + 1 WHERE account_id = \(bind: accountID) \
            AND (locked_until IS NULL OR locked_until <= \(bind: at)) AND failed_attempts < \(bind: limit) \
            RETURNING account_id
            """).first() != nil { return true }
        try await database.sql.raw("""
            UPDATE partner_accounts SET locked_until = \(bind: lockUntil), failed_attempts = 0 \
            WHERE account_id = \(bind: accountID) AND (locked_until IS NULL OR locked_until <= \(bind: at))
            """).run()
        return false
    }

    /// The password was right: its own attempt is given back, and only that (failed second-factor codes still
    /// count, so knowing the password does not buy endless guesses at the code).
    public static func refundAttempt(_ accountID: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE partner_accounts SET failed_attempts = failed_attempts - 1 \
            WHERE account_id = \(bind: accountID) AND failed_attempts > 0
            """).run()
    }

    /// Both factors were right: the count starts again (a lock still running is never lifted here).
    public static func attemptSucceeded(_ accountID: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE partner_accounts SET failed_attempts = 0 WHERE account_id = \(bind: accountID)
            """).run()
    }

    /// Accepts a TOTP step once: false if it (or a later one) was used already.
    public static func acceptTOTPStep(_ accountID: Int64, step: Int64, at: Int64,
                                      in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("""
            UPDATE partner_accounts SET totp_last_step = \(bind: step), last_sign_in_at = \(bind: at) \
            WHERE account_id = \(bind: accountID) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) \
            RETURNING account_id
            """).first() != nil
    }

    // MARK: Sessions

    public struct Session: Sendable, Equatable {
        public var accountID: Int64
        public var secondFactor: Bool
        public var sealedReportKey: String?
        public var createdAt: Int64
        public var lastSeenAt: Int64
    }

    public static func createSession(tokenHash: String, accountID: Int64, sealedReportKey: String?, at: Int64,
                                     in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO partner_sessions (session_hash, account_id, second_factor, sealed_report_key, created_at, \
            last_seen_at) VALUES (\(bind: tokenHash), \(bind: accountID), 0, \(bind: sealedReportKey), \(bind: at), \(bind: at))
            """).run()
    }

    /// The session if live at `at` (and its account enabled), touched; an expired one is ended.
    public static func liveSession(tokenHash: String, at: Int64, idle: Int64, absolute: Int64,
                                   in database: StoreDatabase) async throws -> (Session, Account)? {
        guard let row = try await database.sql.raw("""
            SELECT * FROM partner_sessions WHERE session_hash = \(bind: tokenHash) AND ended_at IS NULL
            """).first() else { return nil }
        let session = Session(accountID: try row.decode(column: "account_id", as: Int64.self),
                              secondFactor: try row.decode(column: "second_factor", as: Int64.self) != 0,
                              sealedReportKey: try row.decode(column: "sealed_report_key", as: String?.self),
                              createdAt: try row.decode(column: "created_at", as: Int64.self),
                              lastSeenAt: try row.decode(column: "last_seen_at", as: Int64.self))
        guard at - session.lastSeenAt <= idle, at - session.createdAt <= absolute,
              let account = try await account(id: session.accountID, in: database), !account.isDisabled else {
            try await endSession(tokenHash: tokenHash, at: at, in: database)
            return nil
        }
        try await database.sql.raw(
            "UPDATE partner_sessions SET last_seen_at = \(bind: at) WHERE session_hash = \(bind: tokenHash)").run()
        return (session, account)
    }

    /// Both factors given: the session moves to a new token (one seen before is then worth nothing), with the
    /// report key resealed for it.
    public static func completeSession(tokenHash: String, newTokenHash: String, sealedReportKey: String?,
                                       in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE partner_sessions SET second_factor = 1, session_hash = \(bind: newTokenHash), \
            sealed_report_key = \(bind: sealedReportKey) WHERE session_hash = \(bind: tokenHash) AND ended_at IS NULL
            """).run()
    }

    public static func endSession(tokenHash: String, at: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE partner_sessions SET ended_at = \(bind: at) WHERE session_hash = \(bind: tokenHash) AND ended_at IS NULL
            """).run()
    }

    // MARK: Rows

    static func decodeInvitation(_ row: any SQLRow) throws -> Invitation {
        Invitation(invitationID: try row.decode(column: "invitation_id", as: Int64.self),
                   organisationID: try row.decode(column: "organisation_id", as: Int64.self),
                   issuedBy: try row.decode(column: "issued_by", as: String.self),
                   issuedAt: try row.decode(column: "issued_at", as: Int64.self),
                   expiresAt: try row.decode(column: "expires_at", as: Int64.self),
                   redeemedAt: try row.decode(column: "redeemed_at", as: Int64?.self),
                   accountID: try row.decode(column: "account_id", as: Int64?.self),
                   withdrawnAt: try row.decode(column: "withdrawn_at", as: Int64?.self),
                   withdrawnBy: try row.decode(column: "withdrawn_by", as: String?.self))
    }

    static func decodeAccount(_ row: any SQLRow) throws -> Account {
        Account(accountID: try row.decode(column: "account_id", as: Int64.self),
                organisationID: try row.decode(column: "organisation_id", as: Int64.self),
                username: try row.decode(column: "username", as: String.self),
                displayName: try row.decode(column: "display_name", as: String.self),
                passwordHash: try row.decode(column: "password_hash", as: String.self),
                sealedTOTPSecret: try row.decode(column: "totp_secret", as: String.self),
                totpLastStep: try row.decode(column: "totp_last_step", as: Int64?.self),
                failedAttempts: Int(try row.decode(column: "failed_attempts", as: Int64.self)),
                lockedUntil: try row.decode(column: "locked_until", as: Int64?.self),
                publicKey: try row.decode(column: "public_key", as: String.self),
                sealedPrivateKey: try row.decode(column: "sealed_private_key", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self),
                lastSignInAt: try row.decode(column: "last_sign_in_at", as: Int64?.self),
                disabledAt: try row.decode(column: "disabled_at", as: Int64?.self),
                disabledBy: try row.decode(column: "disabled_by", as: String?.self))
    }
}
