public import Foundation

/// What a backup holds, written in the clear at the head of the backup file so that an operator can see what a file
/// is without its key, and bound to every encrypted chunk (see ``BackupFile``) so that it cannot be swapped for
/// another backup's. It names tables and counts, never a row's content.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// The file format; a reader refuses a newer one rather than guess.
    public var format: Int
    /// `sqlite` or `postgres`: a backup restores only into the engine it came from.
    public var engine: String
    /// What the encrypted payload is: a SQLite database file, or `pg_dump`'s custom format.
    public var payload: String
    public var schemaVersion: Int
    /// When the snapshot was taken, in epoch seconds (UTC).
    public var takenAt: Int64
    /// Rows per table in the snapshot: a restore must give exactly these.
    public var tables: [String: Int]
    public var trailEntries: Int
    /// The newest audit trail entry's hash: the restored trail must verify and end at the same entry.
    public var trailHead: String
    public var payloadBytes: Int64
    /// SHA-256 of the payload before encryption, checked by restore and verify after decryption.
    public var payloadSHA256: String
    /// Which backup key sealed the file (a digest of it, not the key), so a wrong key is named as such.
    public var keyID: String

    public static let currentFormat = 1

    enum CodingKeys: String, CodingKey {
        case format, engine, payload, tables
        case schemaVersion = "schema_version"
        case takenAt = "taken_at"
        case trailEntries = "trail_entries"
        case trailHead = "trail_head"
        case payloadBytes = "payload_bytes"
        case payloadSHA256 = "payload_sha256"
        case keyID = "key_id"
    }

    /// One line of JSON with sorted keys, so the same manifest is always the same bytes (they are authenticated).
    func encodedLine() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The table counts that differ between this manifest and `census`, in words; empty when they agree.
    public func differences(from census: BackupCensus) -> [String] {
        var problems: [String] = []
        if census.schemaVersion != schemaVersion {
            problems.append("schema version \(census.schemaVersion), the manifest says \(schemaVersion)")
        }
        for table in Set(tables.keys).union(census.tables.keys).sorted() {
            let expected = tables[table], found = census.tables[table]
            if expected != found {
                problems.append("table \(table): \(found.map(String.init) ?? "missing") rows, the manifest says "
                                + "\(expected.map(String.init) ?? "no such table")")
            }
        }
        if census.trailEntries != trailEntries || census.trailHead != trailHead {
            problems.append("audit trail: \(census.trailEntries) entries ending \(census.trailHead.prefix(16)), the "
                            + "manifest says \(trailEntries) ending \(trailHead.prefix(16))")
        }
        return problems
    }
}
