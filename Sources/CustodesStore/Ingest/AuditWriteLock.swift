import SQLKit

/// Lets a first load into an empty `audit_events` on PostgreSQL copy without the unique index on `event_id`, while no
/// other writer can store an event that index would have refused.
///
/// Keeping that index up to date is most of PostgreSQL's work per copied row: in `psql`, two sessions copying the
/// simulated year's 2.3 million events took 4.2 and 4.4 s with it and 1.8 and 2.1 s without, and building it
/// afterwards 1.2 to 1.3 s (docs/performance.md). So a load that finds the table empty holds this advisory lock
/// exclusively, on a session of its own, from before it drops the index until it has built it again, and every other
/// transaction that writes audit events holds it shared. A load killed meanwhile gives the lock up with its session
/// and leaves the index missing; the next writer finds it missing under the shared lock and builds it again (under
/// the exclusive lock, see ``AuditIndexes``) before writing anything.
enum AuditWriteLock {
    /// The advisory-lock key: "Custodes" in ASCII, read as a 64-bit number.
    static let key: Int64 = 0x4375_7374_6f64_6573

    /// The unique constraint on an event's identity, its system and `event_id` (schema version 11).
    static let uniqueIDs = "audit_events_identity"

    /// Takes the lock shared until the end of the current transaction (waiting while a first load holds it), and
    /// says whether the unique index on `event_id` is in place.
    static func share(on database: StoreDatabase) async throws -> Bool {
        let row = try await database.sql.raw("""
            SELECT pg_advisory_xact_lock_shared(\(bind: key)) IS NULL AS locked, \
            to_regclass(\(bind: uniqueIDs)) IS NOT NULL AS present
            """).first()
        return try row?.decode(column: "present", as: Bool.self) ?? false
    }

    /// Takes the lock exclusively for the session, waiting for the writers that hold it shared to commit.
    static func acquire(on database: StoreDatabase) async throws {
        try await database.sql.raw("SELECT pg_advisory_lock(\(bind: key)) IS NULL AS locked").run()
    }

    /// Takes the lock exclusively for the session if no one holds it; false if someone does.
    static func tryAcquire(on database: StoreDatabase) async throws -> Bool {
        let row = try await database.sql.raw("SELECT pg_try_advisory_lock(\(bind: key)) AS taken").first()
        return try row?.decode(column: "taken", as: Bool.self) ?? false
    }

    /// Takes the lock exclusively if `audit_events` is empty once it is held; otherwise gives it back. True when the
    /// caller may load without the unique index on `event_id`.
    static func claimEmptyTable(on database: StoreDatabase) async throws -> Bool {
        try await acquire(on: database)
        do {
            if try await database.sql.raw("SELECT 1 AS stored FROM audit_events LIMIT 1").first() == nil { return true }
        } catch {
            try? await release(on: database)
            throw error
        }
        try await release(on: database)
        return false
    }

    static func release(on database: StoreDatabase) async throws {
        try await database.sql.raw("SELECT pg_advisory_unlock(\(bind: key)) AS released").run()
    }

    /// Raised inside a writer's transaction when the unique index on `event_id` is missing: the writer rolls back,
    /// has the index built again, and tries once more.
    struct UniqueIndexMissing: Error {}
}
