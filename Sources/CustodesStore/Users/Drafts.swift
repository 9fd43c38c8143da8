import Foundation
import SQLKit

/// What a user had typed when their session lapsed under them: the alert page it belongs to and the form's fields
/// (a decision, a comment or a reveal's reason, nothing else), one draft per user, given back once when they sign in
/// again and open that page, and forgotten after a day, or when their account is disabled or their password reset.
public enum Drafts {
    /// How long a draft waits for its user to sign in again.
    public static let keptSeconds: Int64 = 24 * 3_600

    public static func save(userID: Int64, path: String, fields: [String: String], at: Int64,
                            in database: StoreDatabase) async throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
        try await forgetExpired(at: at, in: database)
        try await database.sql.raw("""
            INSERT INTO drafts (user_id, path, fields, saved_at) VALUES (\(bind: userID), \(bind: path), \(bind: json), \
            \(bind: at)) ON CONFLICT (user_id) DO UPDATE SET path = excluded.path, fields = excluded.fields, \
            saved_at = excluded.saved_at
            """).run()
    }

    /// The path of the user's draft, if one was saved within the last day: where signing in takes them.
    public static func pendingPath(userID: Int64, at: Int64, in database: StoreDatabase) async throws -> String? {
        try await database.sql.raw("""
            SELECT path FROM drafts WHERE user_id = \(bind: userID) AND saved_at > \(bind: at - keptSeconds)
            """).first()?.decode(column: "path", as: String.self)
    }

    /// Gives the draft for `path` back once: it is removed as it is read, in one statement.
    public static func take(userID: Int64, path: String, at: Int64, in database: StoreDatabase) async throws -> [String: String]? {
        guard let row = try await database.sql.raw("""
            DELETE FROM drafts WHERE user_id = \(bind: userID) AND path = \(bind: path) \
            AND saved_at > \(bind: at - keptSeconds) RETURNING fields
            """).first() else { return nil }
        return (try JSONSerialization.jsonObject(
            with: Data(try row.decode(column: "fields", as: String.self).utf8)) as? [String: String]) ?? [:]
    }

    /// Forgets the user's draft (their account was disabled, or their password reset).
    public static func discard(userID: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("DELETE FROM drafts WHERE user_id = \(bind: userID)").run()
    }

    /// Drafts older than a day are gone for good.
    public static func forgetExpired(at: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("DELETE FROM drafts WHERE saved_at <= \(bind: at - keptSeconds)").run()
    }
}
