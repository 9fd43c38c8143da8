import Foundation
import SQLKit

/// What a user had typed when their session ended under them: the page it belongs to and the form's fields, one
/// draft per user, given back once when they sign in again and open that page, and forgotten after a day.
public enum Drafts {
    public struct Draft: Sendable, Equatable {
        public var path: String
        public var fields: [String: String]
    }

    /// How long a draft waits for its user to sign in again.
    public static let keptSeconds: Int64 = 24 * 3_600

    public static func save(userID: Int64, path: String, fields: [String: String], at: Int64,
                            in database: StoreDatabase) async throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
        try await database.transaction {
            try await database.sql.raw("DELETE FROM drafts WHERE user_id = \(bind: userID)").run()
            try await database.sql.raw("""
                INSERT INTO drafts (user_id, path, fields, saved_at) VALUES (\(bind: userID), \(bind: path), \
                \(bind: json), \(bind: at))
                """).run()
        }
    }

    /// The user's draft, if one was saved within the last day.
    public static func pending(userID: Int64, at: Int64, in database: StoreDatabase) async throws -> Draft? {
        guard let row = try await database.sql.raw("""
            SELECT path, fields FROM drafts WHERE user_id = \(bind: userID) AND saved_at > \(bind: at - keptSeconds)
            """).first() else { return nil }
        let fields = (try JSONSerialization.jsonObject(
            with: Data(try row.decode(column: "fields", as: String.self).utf8)) as? [String: String]) ?? [:]
        return Draft(path: try row.decode(column: "path", as: String.self), fields: fields)
    }

    /// Gives the draft back once: it is removed as it is read.
    public static func take(userID: Int64, at: Int64, in database: StoreDatabase) async throws -> Draft? {
        let draft = try await pending(userID: userID, at: at, in: database)
        try await database.sql.raw("DELETE FROM drafts WHERE user_id = \(bind: userID)").run()
        return draft
    }
}
