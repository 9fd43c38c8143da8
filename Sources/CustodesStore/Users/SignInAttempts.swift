import SQLKit

/// Lock-out that holds under concurrent guessing. A sign-in factor (password, TOTP code, recovery code) is checked
/// only after an attempt has been taken from the account's allowance, in one statement that also refuses a locked
/// account. So forty guesses sent at once cost forty attempts, not one each read from the same stale count, and no
/// factor is ever checked while the account is locked.
extension UserAccounts {
    /// The outcome of asking for an attempt.
    public enum Attempt: Sendable, Equatable {
        /// The factor may be checked; `number` is this attempt's place among the failures so far.
        case admitted(number: Int)
        /// The account is locked, or its allowance is taken by attempts already in flight.
        case refused
    }

    /// Takes an attempt from the account's allowance of `limit` failures in a row. A lock that has run out is lifted
    /// and the count starts again.
    public static func beginAttempt(_ id: Int64, limit: Int, at now: Int64,
                                    in database: StoreDatabase) async throws -> Attempt {
        let row = try await database.sql.raw("""
            UPDATE users SET \
            failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= \(bind: now) THEN 1 \
            ELSE failed_attempts + 1 END, \
            locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= \(bind: now) THEN NULL \
            ELSE locked_until END \
            WHERE user_id = \(bind: id) AND ((locked_until IS NOT NULL AND locked_until <= \(bind: now)) \
            OR (locked_until IS NULL AND failed_attempts < \(bind: limit))) \
            RETURNING failed_attempts
            """).first()
        guard let row else { return .refused }
        return .admitted(number: Int(try row.decode(column: "failed_attempts", as: Int64.self)))
    }

    /// After a wrong factor: the attempt stays counted, and the account is locked once the count reaches `limit`.
    /// True when this call locked it (so the caller records it once, however many failures arrive together).
    public static func failAttempt(_ id: Int64, limit: Int, lockUntil: Int64, in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("""
            UPDATE users SET locked_until = \(bind: lockUntil) \
            WHERE user_id = \(bind: id) AND locked_until IS NULL AND failed_attempts >= \(bind: limit) \
            RETURNING user_id
            """).first() != nil
    }

    /// After a right password: the attempt is given back, since only the second factor completes a sign-in and
    /// a right password is not a failure.
    public static func refundAttempt(_ id: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE users SET failed_attempts = CASE WHEN failed_attempts > 0 THEN failed_attempts - 1 ELSE 0 END \
            WHERE user_id = \(bind: id)
            """).run()
    }

    /// After a right second factor: the count starts again, unless guesses arriving alongside have locked the
    /// account meanwhile, in which case the sign-in is refused (false) and the lock stands.
    public static func completeAttempt(_ id: Int64, at now: Int64, in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("""
            UPDATE users SET failed_attempts = 0 \
            WHERE user_id = \(bind: id) AND (locked_until IS NULL OR locked_until <= \(bind: now)) \
            RETURNING user_id
            """).first() != nil
    }
}
