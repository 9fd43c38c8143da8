import Crypto
import Foundation
import SQLKit

/// Bearer tokens for the systems that push audit events. A token is shown once, when made; the store keeps only its
/// SHA-256, so a copy of the database does not let anyone push events.
public enum APITokens {
    public struct Token: Sendable, Equatable {
        public var id: Int64
        public var source: String
        public var createdBy: String
        public var createdAt: Int64
        public var revokedAt: Int64?
    }

    /// Makes a token for `source` and returns it with its id; the secret exists only in this return value.
    public static func create(source: String, by user: String, in database: StoreDatabase) async throws
        -> (id: Int64, secret: String) {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let secret = "cst_" + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let row = try await database.sql.raw("""
            INSERT INTO api_tokens (source, token_hash, created_by, created_at) VALUES (\(bind: source), \
            \(bind: hash(secret)), \(bind: user), \(bind: Clock.epochSeconds())) RETURNING token_id
            """).first()
        guard let id = try row?.decode(column: "token_id", as: Int64.self) else {
            throw StoreError.query("no token id returned")
        }
        return (id, secret)
    }

    /// The source a live token belongs to, or nil for an unknown or revoked token.
    public static func source(of secret: String, in database: StoreDatabase) async throws -> String? {
        guard secret.hasPrefix("cst_") else { return nil }
        let row = try await database.sql.raw("""
            SELECT source FROM api_tokens WHERE token_hash = \(bind: hash(secret)) AND revoked_at IS NULL
            """).first()
        return try row?.decode(column: "source", as: String.self)
    }

    /// Revokes a token; false if there was no live token with that id.
    public static func revoke(id: Int64, in database: StoreDatabase) async throws -> Bool {
        let live = try await database.sql.raw(
            "SELECT token_id FROM api_tokens WHERE token_id = \(bind: id) AND revoked_at IS NULL").first()
        guard live != nil else { return false }
        try await database.sql.raw(
            "UPDATE api_tokens SET revoked_at = \(bind: Clock.epochSeconds()) WHERE token_id = \(bind: id)").run()
        return true
    }

    public static func list(in database: StoreDatabase) async throws -> [Token] {
        try await database.sql.raw(
            "SELECT token_id, source, created_by, created_at, revoked_at FROM api_tokens ORDER BY token_id").all().map {
            Token(id: try $0.decode(column: "token_id", as: Int64.self),
                  source: try $0.decode(column: "source", as: String.self),
                  createdBy: try $0.decode(column: "created_by", as: String.self),
                  createdAt: try $0.decode(column: "created_at", as: Int64.self),
                  revokedAt: try $0.decode(column: "revoked_at", as: Int64?.self))
        }
    }

    static func hash(_ secret: String) -> String {
        SHA256.hex(secret)
    }
}
