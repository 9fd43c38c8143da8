import SQLKit

extension AuditTrail {
    /// When `username` last did `action` (epoch seconds), from the trail itself: "since you last looked".
    public static func lastAt(_ action: String, by username: String, in database: StoreDatabase) async throws -> Int64? {
        try await database.sql.raw("""
            SELECT at FROM audit_trail WHERE username = \(bind: username) AND action = \(bind: action) \
            ORDER BY seq DESC LIMIT 1
            """).first()?.decode(column: "at", as: Int64.self)
    }
}
