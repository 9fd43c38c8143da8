import SQLKit

/// Server-side sessions. The browser holds a random token; the store holds only its SHA-256, so a copy of the
/// database cannot be used to take over a session. A session is live until it is ended, idle too long or too old.
public enum Sessions {
    public struct Session: Sendable, Equatable {
        public var userID: Int64
        public var csrfToken: String
        /// Whether the second factor was given; until then the session reaches only the second-factor pages.
        public var secondFactor: Bool
        public var createdAt: Int64
        public var lastSeenAt: Int64
    }

    public static func create(tokenHash: String, userID: Int64, csrfToken: String, at: Int64,
                              in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO sessions (session_hash, user_id, csrf_token, second_factor, created_at, last_seen_at) VALUES \
            (\(bind: tokenHash), \(bind: userID), \(bind: csrfToken), 0, \(bind: at), \(bind: at))
            """).run()
    }

    /// The session if it is live at `at`, given the idle and absolute limits in seconds; an expired one is ended.
    public static func live(tokenHash: String, at: Int64, idle: Int64, absolute: Int64,
                            in database: StoreDatabase) async throws -> Session? {
        guard let row = try await database.sql.raw("""
            SELECT user_id, csrf_token, second_factor, created_at, last_seen_at FROM sessions \
            WHERE session_hash = \(bind: tokenHash) AND ended_at IS NULL
            """).first() else { return nil }
        let session = Session(userID: try row.decode(column: "user_id", as: Int64.self),
                              csrfToken: try row.decode(column: "csrf_token", as: String.self),
                              secondFactor: try row.decode(column: "second_factor", as: Int64.self) != 0,
                              createdAt: try row.decode(column: "created_at", as: Int64.self),
                              lastSeenAt: try row.decode(column: "last_seen_at", as: Int64.self))
        if at - session.lastSeenAt > idle || at - session.createdAt > absolute {
            try await database.sql.raw("""
                UPDATE sessions SET ended_at = \(bind: at), lapsed = 1 WHERE session_hash = \(bind: tokenHash) \
                AND ended_at IS NULL
                """).run()
            return nil
        }
        return session
    }

    /// Keeps the user's report key in the session, sealed by a key only the session's token opens (the store holds
    /// the token's hash, not the token), so a signed-in user opens reports without typing their password again.
    public static func setReportKey(tokenHash: String, sealed: String?, in database: StoreDatabase) async throws {
        try await database.sql.raw(
            "UPDATE sessions SET sealed_report_key = \(bind: sealed) WHERE session_hash = \(bind: tokenHash)").run()
    }

    public static func reportKey(tokenHash: String, in database: StoreDatabase) async throws -> String? {
        try await database.sql.raw(
            "SELECT sealed_report_key FROM sessions WHERE session_hash = \(bind: tokenHash) AND ended_at IS NULL")
            .first()?.decode(column: "sealed_report_key", as: String?.self)
    }

    /// Whose session this was, and its CSRF token, if it lapsed (idle or too old: never one signed out, or ended by a
    /// new password or an administrator) within `within` seconds of `at`: the owner of what was being typed in it.
    public static func lapsedOwner(tokenHash: String, at: Int64, within: Int64,
                                   in database: StoreDatabase) async throws -> (userID: Int64, csrfToken: String)? {
        guard let row = try await database.sql.raw("""
            SELECT user_id, csrf_token FROM sessions WHERE session_hash = \(bind: tokenHash) AND second_factor = 1 \
            AND lapsed = 1 AND ended_at > \(bind: at - within)
            """).first() else { return nil }
        return (try row.decode(column: "user_id", as: Int64.self), try row.decode(column: "csrf_token", as: String.self))
    }

    public static func touch(tokenHash: String, at: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw(
            "UPDATE sessions SET last_seen_at = \(bind: at) WHERE session_hash = \(bind: tokenHash)").run()
    }

    /// Marks the session signed in with both factors and moves it to a new token, so a token that was seen before
    /// sign-in completed (set by someone else, or read off a shared screen) is worth nothing afterwards.
    public static func completeSecondFactor(tokenHash: String, newTokenHash: String,
                                            in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE sessions SET second_factor = 1, session_hash = \(bind: newTokenHash) \
            WHERE session_hash = \(bind: tokenHash) AND ended_at IS NULL
            """).run()
    }

    /// Ends every session of the account but one (the one that just changed the password).
    public static func endAll(userID: Int64, except tokenHash: String, at: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE sessions SET ended_at = \(bind: at) \
            WHERE user_id = \(bind: userID) AND session_hash <> \(bind: tokenHash) AND ended_at IS NULL
            """).run()
    }

    /// Ends the account's sessions that have the password but not yet the second factor (when the account locks).
    public static func endPartial(userID: Int64, at: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE sessions SET ended_at = \(bind: at) \
            WHERE user_id = \(bind: userID) AND second_factor = 0 AND ended_at IS NULL
            """).run()
    }

    public static func end(tokenHash: String, at: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE sessions SET ended_at = \(bind: at) WHERE session_hash = \(bind: tokenHash) AND ended_at IS NULL
            """).run()
    }

    public static func endAll(userID: Int64, at: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            UPDATE sessions SET ended_at = \(bind: at) WHERE user_id = \(bind: userID) AND ended_at IS NULL
            """).run()
    }
}
