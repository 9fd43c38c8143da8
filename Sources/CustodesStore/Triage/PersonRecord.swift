import SQLKit

/// One person's record as the audit data shows it: which members of staff opened it, how often and when. The
/// person-centred view of the unit's search reads it, so an analyst looking at a vulnerable person sees everyone who
/// looked them up, not only those an alert is about.
public enum PersonRecord {
    public struct Accessor: Sendable, Equatable {
        public var staffID: String
        public var accesses: Int
        public var first: Int64
        public var last: Int64
    }

    /// The members of staff who opened the person's record (or their custody image), most accesses first; at most
    /// `limit`, with the number there were in all.
    public static func accessors(personID: String, limit: Int = 200,
                                 in database: StoreDatabase) async throws -> (rows: [Accessor], total: Int) {
        let rows = try await database.sql.raw("""
            SELECT staff_id, COUNT(*) AS n, MIN(at) AS first, MAX(at) AS last FROM audit_events \
            WHERE entity_id = \(bind: personID) AND entity_type IN ('person', 'custody_image') \
            GROUP BY staff_id ORDER BY n DESC, staff_id
            """).all()
        let accessors = try rows.prefix(limit).map {
            Accessor(staffID: try $0.decode(column: "staff_id", as: String.self),
                     accesses: try $0.decode(column: "n", as: Int.self),
                     first: try $0.decode(column: "first", as: Int64.self),
                     last: try $0.decode(column: "last", as: Int64.self))
        }
        return (accessors, rows.count)
    }

    /// Every person's identifier, for finding one by pseudonym (pseudonyms are keyed hashes: they are matched, not
    /// reversed).
    public static func allPersonIDs(in database: StoreDatabase) async throws -> [String] {
        try await database.sql.raw("SELECT person_id FROM persons").all()
            .map { try $0.decode(column: "person_id", as: String.self) }
    }
}
