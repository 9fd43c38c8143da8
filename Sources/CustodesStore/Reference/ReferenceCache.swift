public import CustodesModel
import SQLKit

/// The store's staff, people and occurrences, kept in memory between ingests by one process.
///
/// Audit rows are checked against these records, and reading them took most of a push's time on a large force
/// (about 1.8 s for 100 events with a million people stored). Every write of reference data, by any process, adds one
/// to `reference_version` in its own transaction, so a cached copy is used only while that number is unchanged.
public actor ReferenceCache {
    private var cached: (version: Int64, records: ReferenceData)?

    public init() {}

    /// The records as stored now: the cached copy when no reference data was written since it was read.
    public func records(from database: StoreDatabase) async throws -> ReferenceData {
        // Read before the records: a write that lands in between makes the next call read them again, never the
        // reverse.
        let version = try await Self.version(in: database)
        if let cached, cached.version == version { return cached.records }
        let records = try await StoredReference.loadRecords(from: database)
        cached = (version, records)
        return records
    }

    static func version(in database: StoreDatabase) async throws -> Int64 {
        try await database.sql.raw("SELECT version FROM reference_version WHERE id = 1").first()?
            .decode(column: "version", as: Int64.self) ?? 0
    }

    /// Counts a write of reference data; called inside the transaction that writes it.
    static let bump = "UPDATE reference_version SET version = version + 1 WHERE id = 1"
}
