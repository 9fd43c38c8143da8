/// A user of the web application as stored. Secrets appear only as hashes, and the TOTP secret only sealed with the
/// deployment's key (see `SecretBox` in the server), so a copy of the database does not let anyone sign in.
public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    public var passwordHash: String
    /// Set by `user add` and `reset-password`: the user must choose their own password after signing in.
    public var passwordIsTemporary: Bool
    public var sealedTOTPSecret: String?
    public var totpEnrolled: Bool
    /// The last TOTP time step accepted, so a code cannot be replayed within its window.
    public var totpLastStep: Int64?
    public var failedAttempts: Int
    public var lockedUntil: Int64?
    /// The user's own staff identifier when they are also a member of the force's staff: they never see anything
    /// about themselves or their declared associates.
    public var staffID: String?
    public var createdAt: Int64
    public var disabledAt: Int64?
    /// The public half of the key pair reports are wrapped for, if the user reads reports and has signed in since
    /// keys were introduced.
    public var reportPublicKey: String?
    /// The private half, sealed by a key derived from the user's password (never stored open).
    public var sealedReportKey: String?
    /// The public key the head of unit approved as a recipient of reports, by whom and when: a key is wrapped for
    /// only while it is the one approved, so a key made after a password reset waits for approval again.
    public var reportKeyApproved: String?
    public var reportKeyApprovedBy: String?
    public var reportKeyApprovedAt: Int64?

    /// Whether reports are wrapped for the user's current key.
    public var isReportRecipient: Bool { reportPublicKey != nil && reportPublicKey == reportKeyApproved }

    public var isDisabled: Bool { disabledAt != nil }
}
