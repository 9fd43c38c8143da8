import Foundation
import SQLKit

/// The accounts table. Accounts are disabled, never deleted, so every trail entry keeps naming a real account.
public enum UserAccounts {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case usernameTaken(String)
        case noSuchUser(String)

        public var description: String {
            switch self {
            case .usernameTaken(let name): "there is already a user called \(name)"
            case .noSuchUser(let name): "there is no user called \(name)"
            }
        }
    }

    @discardableResult
    public static func create(username: String, displayName: String, role: Role, passwordHash: String,
                              staffID: String?, at: Int64, in database: StoreDatabase) async throws -> UserAccount {
        if try await find(username: username, in: database) != nil { throw Failure.usernameTaken(username) }
        try await database.sql.raw("""
            INSERT INTO users (username, display_name, role, password_hash, password_is_temporary, totp_enrolled, \
            failed_attempts, staff_id, created_at) VALUES (\(bind: username), \(bind: displayName), \
            \(bind: role.rawValue), \(bind: passwordHash), 1, 0, 0, \(bind: staffID), \(bind: at))
            """).run()
        guard let account = try await find(username: username, in: database) else { throw Failure.noSuchUser(username) }
        return account
    }

    public static func find(username: String, in database: StoreDatabase) async throws -> UserAccount? {
        try await database.sql.raw("SELECT * FROM users WHERE username = \(bind: username)").first().map(decode)
    }

    public static func find(id: Int64, in database: StoreDatabase) async throws -> UserAccount? {
        try await database.sql.raw("SELECT * FROM users WHERE user_id = \(bind: id)").first().map(decode)
    }

    public static func all(in database: StoreDatabase) async throws -> [UserAccount] {
        try await database.sql.raw("SELECT * FROM users ORDER BY username").all().map(decode)
    }

    /// Live accounts with a role, for assignment lists.
    public static func active(role: Role, in database: StoreDatabase) async throws -> [UserAccount] {
        try await database.sql.raw("""
            SELECT * FROM users WHERE role = \(bind: role.rawValue) AND disabled_at IS NULL ORDER BY username
            """).all().map(decode)
    }

    public static func setPassword(_ id: Int64, hash: String, temporary: Bool, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE users SET password_hash = \(bind: hash), password_is_temporary = \(bind: temporary ? 1 : 0), \
            failed_attempts = 0, locked_until = NULL WHERE user_id = \(bind: id)
            """).run()
    }

    /// Stores a new (sealed) TOTP secret, not yet enrolled; nil clears the second factor so the next sign-in enrols.
    public static func setTOTP(_ id: Int64, sealedSecret: String?, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE users SET totp_secret = \(bind: sealedSecret), totp_enrolled = 0, totp_last_step = NULL \
            WHERE user_id = \(bind: id)
            """).run()
        if sealedSecret == nil {
            try await database.sql.raw("DELETE FROM recovery_codes WHERE user_id = \(bind: id)").run()
        }
    }

    /// Marks the second factor enrolled and replaces the recovery codes (hashes only).
    public static func completeEnrolment(_ id: Int64, step: Int64, recoveryCodeHashes: [String],
                                         in database: StoreDatabase) async throws {
        try await database.transaction {
            try await database.sql.raw("""
                UPDATE users SET totp_enrolled = 1, totp_last_step = \(bind: step) WHERE user_id = \(bind: id)
                """).run()
            try await database.sql.raw("DELETE FROM recovery_codes WHERE user_id = \(bind: id)").run()
            for hash in recoveryCodeHashes {
                try await database.sql.raw(
                    "INSERT INTO recovery_codes (user_id, code_hash) VALUES (\(bind: id), \(bind: hash))").run()
            }
        }
    }

    /// Accepts a TOTP step only if it is later than the last one accepted: false means a replay. One statement, so
    /// two requests with the same code cannot both be accepted.
    public static func acceptTOTPStep(_ id: Int64, step: Int64, in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("""
            UPDATE users SET totp_last_step = \(bind: step) \
            WHERE user_id = \(bind: id) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING user_id
            """).first() != nil
    }

    /// Uses up a recovery code; false if it is unknown or was already used. One statement, so a code cannot be used
    /// twice by requests that arrive together.
    public static func useRecoveryCode(_ id: Int64, hash: String, at: Int64, in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("""
            UPDATE recovery_codes SET used_at = \(bind: at) \
            WHERE user_id = \(bind: id) AND code_hash = \(bind: hash) AND used_at IS NULL RETURNING user_id
            """).first() != nil
    }

    public static func remainingRecoveryCodes(_ id: Int64, in database: StoreDatabase) async throws -> Int {
        try await database.sql.raw("""
            SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = \(bind: id) AND used_at IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Disables an account and ends its sessions; the account stays on record.
    public static func disable(_ id: Int64, at: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("UPDATE users SET disabled_at = \(bind: at) WHERE user_id = \(bind: id)").run()
        try await Sessions.endAll(userID: id, at: at, in: database)
    }

    /// Stores (or, with nils, forgets) the user's report key pair: the public half and the private half sealed by
    /// their password.
    public static func setReportKey(_ id: Int64, publicKey: String?, sealedPrivateKey: String?,
                                    in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE users SET report_public_key = \(bind: publicKey), sealed_report_key = \(bind: sealedPrivateKey) \
            WHERE user_id = \(bind: id)
            """).run()
    }

    /// The active users of `roles` whose current report key the head of unit approved: those a report's key is
    /// wrapped for.
    public static func reportRecipients(roles: [Role], in database: StoreDatabase) async throws
        -> [(id: Int64, publicKey: String, staffID: String?)] {
        let names = roles.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try await database.sql.raw(SQLQueryString("""
            SELECT user_id, report_public_key, staff_id FROM users WHERE disabled_at IS NULL \
            AND report_public_key IS NOT NULL AND report_public_key = report_key_approved \
            AND role IN (\(names)) ORDER BY user_id
            """)).all().map {
            (try $0.decode(column: "user_id", as: Int64.self), try $0.decode(column: "report_public_key", as: String.self),
             try $0.decode(column: "staff_id", as: String?.self))
        }
    }

    /// Approves the user's report key, if it is still `publicKey` (a key replaced meanwhile is not approved).
    public static func approveReportKey(_ id: Int64, publicKey: String, by username: String, at: Int64,
                                        in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("""
            UPDATE users SET report_key_approved = \(bind: publicKey), report_key_approved_by = \(bind: username), \
            report_key_approved_at = \(bind: at) WHERE user_id = \(bind: id) AND report_public_key = \(bind: publicKey) \
            RETURNING user_id
            """).first() != nil
    }

    /// Enables a disabled account (its failed attempts forgotten).
    public static func enable(_ id: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE users SET disabled_at = NULL, failed_attempts = 0, locked_until = NULL WHERE user_id = \(bind: id)
            """).run()
    }

    static func decode(_ row: any SQLRow) throws -> UserAccount {
        let roleText = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleText) else { throw StoreError.query("unknown role \(roleText)") }
        return UserAccount(
            id: try row.decode(column: "user_id", as: Int64.self),
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self), role: role,
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            passwordIsTemporary: try row.decode(column: "password_is_temporary", as: Int64.self) != 0,
            sealedTOTPSecret: try row.decode(column: "totp_secret", as: String?.self),
            totpEnrolled: try row.decode(column: "totp_enrolled", as: Int64.self) != 0,
            totpLastStep: try row.decode(column: "totp_last_step", as: Int64?.self),
            failedAttempts: Int(try row.decode(column: "failed_attempts", as: Int64.self)),
            lockedUntil: try row.decode(column: "locked_until", as: Int64?.self),
            staffID: try row.decode(column: "staff_id", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            disabledAt: try row.decode(column: "disabled_at", as: Int64?.self),
            reportPublicKey: try row.decode(column: "report_public_key", as: String?.self),
            sealedReportKey: try row.decode(column: "sealed_report_key", as: String?.self),
            reportKeyApproved: try row.decode(column: "report_key_approved", as: String?.self),
            reportKeyApprovedBy: try row.decode(column: "report_key_approved_by", as: String?.self),
            reportKeyApprovedAt: try row.decode(column: "report_key_approved_at", as: Int64?.self))
    }
}
