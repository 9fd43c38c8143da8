public import CustodesStore
import Foundation

/// What an administrator does at the console: add an account with a temporary password (shown once; the user must
/// replace it and enrol a second factor at first sign-in), reset a password or a lost second factor, disable an
/// account. Each is recorded in the audit trail under the administrator's name.
public struct UserAdministration: Sendable {
    let database: StoreDatabase
    /// Seals what the administrator did into the trail, with the deployment's key.
    let trailSeal: TrailSeal
    let bcryptCost: UInt8
    let now: @Sendable () -> Int64

    public init(database: StoreDatabase, trailSeal: TrailSeal, bcryptCost: UInt8 = 12,
                now: (@Sendable () -> Int64)? = nil) {
        self.database = database
        self.trailSeal = trailSeal
        self.bcryptCost = bcryptCost
        self.now = now ?? { Int64(Date().timeIntervalSince1970) }
    }

    public enum Failure: Error, CustomStringConvertible {
        case invalidUsername(String)
        case unknownStaff(String)

        public var description: String {
            switch self {
            case .invalidUsername(let name):
                "'\(name)' is not a valid username: use 3 to 40 letters, digits, dots, hyphens or underscores"
            case .unknownStaff(let id): "no member of staff has the identifier \(id) in the store's staff records"
            }
        }
    }

    /// Adds an account and returns its temporary password.
    public func add(username: String, displayName: String, role: Role, staffID: String?,
                    by administrator: String) async throws -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard (3...40).contains(username.count), username.unicodeScalars.allSatisfy(allowed.contains) else {
            throw Failure.invalidUsername(username)
        }
        if let staffID, try await StaffProfile.identity(staffID: staffID, in: database) == nil {
            throw Failure.unknownStaff(staffID)
        }
        let password = Passwords.temporary()
        try await UserAccounts.create(username: username, displayName: displayName, role: role,
                                      passwordHash: try await Passwords.hash(password, cost: bcryptCost),
                                      staffID: staffID, at: now(), in: database)
        try await AuditTrail.append("user_added", by: administrator, subject: username,
                                    detail: "role \(role.rawValue)" + (staffID.map { ", member of staff \($0)" } ?? ""),
                                    at: now(), sealedWith: trailSeal, in: database)
        return password
    }

    /// Sets a new temporary password, ends the user's sessions and lifts any lock-out; returns the password. The
    /// user's report key, sealed by the old password, is lost with it: a new pair is made at their next sign-in and
    /// reports are wrapped for it by a colleague (or the recovery key), never by the administrator.
    public func resetPassword(username: String, by administrator: String) async throws -> String {
        let account = try await existing(username)
        let password = Passwords.temporary()
        try await UserAccounts.setPassword(account.id, hash: try await Passwords.hash(password, cost: bcryptCost),
                                           temporary: true, in: database)
        try await Sessions.endAll(userID: account.id, at: now(), in: database)
        try await forgetReportKey(account)
        try await AuditTrail.append("password_reset", by: administrator, subject: username, at: now(),
                                    sealedWith: trailSeal, in: database)
        return password
    }

    /// Clears the second factor and its recovery codes: the user enrols again at their next sign-in.
    public func resetSecondFactor(username: String, by administrator: String) async throws {
        let account = try await existing(username)
        try await UserAccounts.setTOTP(account.id, sealedSecret: nil, in: database)
        try await Sessions.endAll(userID: account.id, at: now(), in: database)
        try await AuditTrail.append("second_factor_reset", by: administrator, subject: username, at: now(),
                                    sealedWith: trailSeal, in: database)
    }

    public func disable(username: String, by administrator: String) async throws {
        let account = try await existing(username)
        try await UserAccounts.disable(account.id, at: now(), in: database)
        try await forgetReportKey(account)
        try await AuditTrail.append("user_disabled", by: administrator, subject: username, at: now(),
                                    sealedWith: trailSeal, in: database)
    }

    /// Enables a disabled account: the user signs in as before (with a new report key, which waits for approval).
    public func enable(username: String, by administrator: String) async throws {
        let account = try await existing(username)
        guard account.isDisabled else { return }
        try await UserAccounts.enable(account.id, in: database)
        try await AuditTrail.append("user_enabled", by: administrator, subject: username, at: now(),
                                    sealedWith: trailSeal, in: database)
    }

    /// Drops the account's report key and every report key wrapped for it, and any draft it left.
    func forgetReportKey(_ account: UserAccount) async throws {
        try await Drafts.discard(userID: account.id, in: database)
        try await UserAccounts.setReportKey(account.id, publicKey: nil, sealedPrivateKey: nil, in: database)
        try await ReportKeys.removeAll(for: ReportKeys.user(account.id), in: database)
    }

    func existing(_ username: String) async throws -> UserAccount {
        guard let account = try await UserAccounts.find(username: username, in: database) else {
            throw UserAccounts.Failure.noSuchUser(username)
        }
        return account
    }
}
