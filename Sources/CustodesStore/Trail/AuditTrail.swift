import Crypto
import Foundation
import SQLKit

/// The unit's audit trail: every sign-in, view, search, export, reveal, decision, rule change and administration
/// action, appended in order. Each entry's hash commits to the previous entry's hash and to its own fields, so
/// editing, removing or reordering any entry breaks the chain at that point and `verify` names it.
///
/// Each entry is also sealed with a key kept outside the database (see ``TrailSeal``), so that a chain rebuilt by
/// someone who can write the database but lacks the key does not verify. Neither shows that entries were cut from
/// the end; `verify` reports the head hash so that it can be written down elsewhere (a report, a ticket) and
/// compared later.
public enum AuditTrail {
    public struct Entry: Sendable, Equatable {
        public var seq: Int64
        public var at: Int64
        public var username: String
        public var action: String
        public var subject: String
        public var detail: String
        public var previousHash: String
        public var entryHash: String
        /// The keyed MAC of `entryHash`; empty for an entry written before seals and not sealed since.
        public var seal: String
    }

    public enum Verification: Sendable, Equatable {
        /// Every entry checks out; `head` is the newest entry's hash.
        case intact(entries: Int, head: String)
        /// The first entry that does not check out, and why.
        case broken(seq: Int64, reason: String)
    }

    /// What the first entry's `previousHash` commits to.
    public static let genesis = String(repeating: "0", count: 64)

    /// Appends an entry. Appends are serialised (an immediate transaction on SQLite, a transaction-scoped advisory
    /// lock on PostgreSQL) so two requests can never both chain onto the same previous entry.
    @discardableResult
    public static func append(_ action: String, by username: String, subject: String = "", detail: String = "",
                              at: Int64, sealedWith key: TrailSeal, in database: StoreDatabase) async throws -> Entry {
        try await database.transaction {
            if database.engine == .postgres {
                try await database.sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockKey))").run()
            }
            let previous = try await database.sql.raw(
                "SELECT entry_hash FROM audit_trail ORDER BY seq DESC LIMIT 1").first()?
                .decode(column: "entry_hash", as: String.self) ?? genesis
            let hash = entryHash(previous: previous, at: at, username: username, action: action, subject: subject,
                                 detail: detail)
            let seal = key.seal(entryHash: hash)
            guard let row = try await database.sql.raw("""
                INSERT INTO audit_trail (at, username, action, subject, detail, previous_hash, entry_hash, seal) \
                VALUES (\(bind: at), \(bind: username), \(bind: action), \(bind: subject), \(bind: detail), \
                \(bind: previous), \(bind: hash), \(bind: seal)) RETURNING seq
                """).first() else { throw StoreError.query("no trail entry returned") }
            return Entry(seq: try row.decode(column: "seq", as: Int64.self), at: at, username: username,
                         action: action, subject: subject, detail: detail, previousHash: previous, entryHash: hash,
                         seal: seal)
        }
    }

    /// Walks the whole chain in order and names the first entry that was edited, removed or reordered; with the
    /// key, also the first whose seal does not check.
    public static func verify(sealedWith key: TrailSeal?, in database: StoreDatabase) async throws -> Verification {
        try await verify(from: nil, sealedWith: key, in: database).verification
    }

    /// How far a verification got: the newest entry it checked, its hash, and how many entries it covered, so that
    /// the next verification can check only what was added since.
    public struct Checkpoint: Sendable, Equatable {
        public var seq: Int64
        public var hash: String
        public var entries: Int
    }

    /// Checks the entries after `checkpoint` (all of them when nil), read a batch at a time so memory stays flat
    /// however long the trail. The checkpoint's own entry must still carry the hash recorded for it, so a trail cut
    /// back to before it, or rewritten up to it, is seen. Edits to earlier entries that leave the hashes alone are
    /// seen only by a check from the start, which callers make regularly. Returns the new checkpoint when intact.
    ///
    /// With `key`, every entry must carry a seal made with it; without it (a check by someone not given the key)
    /// only the chain is checked.
    public static func verify(from checkpoint: Checkpoint?, sealedWith key: TrailSeal?, batchSize: Int = 10_000,
                              in database: StoreDatabase) async throws -> (verification: Verification, checkpoint: Checkpoint?) {
        var expectedPrevious = genesis
        var count = 0
        var lastSeq: Int64 = 0
        if let checkpoint, checkpoint.seq > 0 {
            let row = try await database.sql.raw(
                "SELECT entry_hash FROM audit_trail WHERE seq = \(bind: checkpoint.seq)").first()
            guard let stored = try row?.decode(column: "entry_hash", as: String.self), stored == checkpoint.hash else {
                return (.broken(seq: checkpoint.seq, reason: "it was changed or removed after it was last checked"), nil)
            }
            (expectedPrevious, count, lastSeq) = (checkpoint.hash, checkpoint.entries, checkpoint.seq)
        }
        while true {
            let rows = try await database.sql.raw("""
                SELECT * FROM audit_trail WHERE seq > \(bind: lastSeq) ORDER BY seq LIMIT \(unsafeRaw: String(batchSize))
                """).all()
            for row in rows {
                let entry = try decode(row)
                if entry.previousHash != expectedPrevious {
                    let gap = entry.seq != lastSeq + 1 && lastSeq > 0
                    return (.broken(seq: entry.seq, reason: gap
                        ? "the entry before it (after \(lastSeq)) is missing or was changed"
                        : "its link to the previous entry does not match: an earlier entry was removed or changed"), nil)
                }
                let recomputed = entryHash(previous: entry.previousHash, at: entry.at, username: entry.username,
                                           action: entry.action, subject: entry.subject, detail: entry.detail)
                if recomputed != entry.entryHash {
                    return (.broken(seq: entry.seq, reason: "its contents were changed after it was written"), nil)
                }
                if let key, !key.checks(entry.seal, entryHash: entry.entryHash) {
                    return (.broken(seq: entry.seq, reason: entry.seal.isEmpty
                        ? "it carries no seal: it was written, or its seal removed, by someone without the deployment's key"
                        : "its seal does not match: the chain was rebuilt without the deployment's key, or the key is not this deployment's"), nil)
                }
                expectedPrevious = entry.entryHash
                lastSeq = entry.seq
                count += 1
            }
            if rows.count < batchSize { break }
        }
        return (.intact(entries: count, head: expectedPrevious),
                Checkpoint(seq: lastSeq, hash: expectedPrevious, entries: count))
    }

    /// The hash of the entry numbered `seq`, or nil when there is none: to compare with a head written down earlier.
    public static func hash(at seq: Int64, in database: StoreDatabase) async throws -> String? {
        try await database.sql.raw("SELECT entry_hash FROM audit_trail WHERE seq = \(bind: seq)").first()?
            .decode(column: "entry_hash", as: String.self)
    }

    /// A filter for the auditor's pages and the CSV export.
    public struct Filter: Sendable, Equatable {
        public var username: String?
        public var action: String?
        public var subject: String?
        /// Entries at or after `from`, and before `until` (epoch seconds).
        public var from: Int64?
        public var until: Int64?
        public init(username: String? = nil, action: String? = nil, subject: String? = nil, from: Int64? = nil,
                    until: Int64? = nil) {
            self.username = username
            self.action = action
            self.subject = subject
            self.from = from
            self.until = until
        }
    }

    /// Entries matching the filter, newest first.
    public static func entries(matching filter: Filter, limit: Int, offset: Int = 0,
                               in database: StoreDatabase) async throws -> (entries: [Entry], total: Int) {
        var conditions: [SQLQueryString] = []
        if let username = filter.username, !username.isEmpty { conditions.append("username = \(bind: username)") }
        if let action = filter.action, !action.isEmpty { conditions.append("action = \(bind: action)") }
        if let subject = filter.subject, !subject.isEmpty { conditions.append("subject = \(bind: subject)") }
        if let from = filter.from { conditions.append("at >= \(bind: from)") }
        if let until = filter.until { conditions.append("at < \(bind: until)") }
        let clause: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let total = try await database.sql.raw("SELECT COUNT(*) AS n FROM audit_trail" + clause).first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await database.sql.raw(
            "SELECT * FROM audit_trail" + clause + " ORDER BY seq DESC LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))"
        ).all()
        return (try rows.map(decode), total)
    }

    /// Whether any entry is sealed: a store whose trail is sealed was set up with a deployment key.
    public static func hasSealedEntries(in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("SELECT seq FROM audit_trail WHERE seal <> '' LIMIT 1").first() != nil
    }

    /// Whether the newest sealed entry's seal was made with `key`; nil when no entry is sealed yet. A console command
    /// given another deployment's key is refused on this, before it writes a seal the server could not check.
    public static func newestSealMatches(_ key: TrailSeal, in database: StoreDatabase) async throws -> Bool? {
        guard let row = try await database.sql.raw(
            "SELECT entry_hash, seal FROM audit_trail WHERE seal <> '' ORDER BY seq DESC LIMIT 1").first() else {
            return nil
        }
        return key.checks(try row.decode(column: "seal", as: String.self),
                          entryHash: try row.decode(column: "entry_hash", as: String.self))
    }

    /// Seals the entries written before seals existed (those up to the newest at the upgrade to schema 12, and only
    /// those), once their chain has been checked: a chain already broken is left for `verify` to report, not sealed.
    /// Returns how many were sealed. Entries written since the upgrade are never sealed here, so stripping their
    /// seals cannot be laundered by a restart.
    public static func sealEarlierEntries(with key: TrailSeal, in database: StoreDatabase) async throws -> Int {
        guard let bound = try await database.sql.raw("SELECT unsealed_up_to FROM trail_seal_state WHERE id = 1")
            .first()?.decode(column: "unsealed_up_to", as: Int64.self), bound > 0 else { return 0 }
        var expectedPrevious = genesis
        var sealed: [(seq: Int64, seal: String)] = []
        for row in try await database.sql.raw(
            "SELECT * FROM audit_trail WHERE seq <= \(bind: bound) ORDER BY seq").all() {
            let entry = try decode(row)
            let recomputed = entryHash(previous: entry.previousHash, at: entry.at, username: entry.username,
                                       action: entry.action, subject: entry.subject, detail: entry.detail)
            guard entry.previousHash == expectedPrevious, recomputed == entry.entryHash else { return 0 }
            expectedPrevious = entry.entryHash
            if entry.seal.isEmpty { sealed.append((entry.seq, key.seal(entryHash: entry.entryHash))) }
        }
        try await database.transaction {
            for entry in sealed {
                try await database.sql.raw(
                    "UPDATE audit_trail SET seal = \(bind: entry.seal) WHERE seq = \(bind: entry.seq) AND seal = ''").run()
            }
            try await database.sql.raw("UPDATE trail_seal_state SET unsealed_up_to = 0 WHERE id = 1").run()
        }
        return sealed.count
    }

    static let lockKey: Int64 = 0x43_55_53_54_52_4C // "CUSTRL"

    static func entryHash(previous: String, at: Int64, username: String, action: String, subject: String,
                          detail: String) -> String {
        // Each field is length-prefixed so no two different entries can serialise to the same bytes.
        var bytes: [UInt8] = []
        for field in [previous, String(at), username, action, subject, detail] {
            let utf8 = Array(field.utf8)
            bytes += Array(String(utf8.count).utf8) + [0x3A] + utf8
        }
        return SHA256.hash(data: bytes).hex
    }

    static func decode(_ row: any SQLRow) throws -> Entry {
        Entry(seq: try row.decode(column: "seq", as: Int64.self), at: try row.decode(column: "at", as: Int64.self),
              username: try row.decode(column: "username", as: String.self),
              action: try row.decode(column: "action", as: String.self),
              subject: try row.decode(column: "subject", as: String.self),
              detail: try row.decode(column: "detail", as: String.self),
              previousHash: try row.decode(column: "previous_hash", as: String.self),
              entryHash: try row.decode(column: "entry_hash", as: String.self),
              seal: try row.decode(column: "seal", as: String.self))
    }
}
