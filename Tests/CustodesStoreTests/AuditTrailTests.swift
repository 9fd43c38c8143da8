import CustodesStore
import CustodesTestSupport
import SQLKit
import Testing

/// The hash chain: intact when untouched, and the first edited, removed or reordered entry is named.
@Suite("Audit trail")
struct AuditTrailTests {
    static let seal = TrailSeal(deploymentKey: Array(repeating: 7, count: 32))

    static func fill(_ database: StoreDatabase, count: Int = 6) async throws {
        for index in 1...count {
            try await AuditTrail.append(index % 2 == 0 ? "view_alert" : "sign_in", by: "user\(index % 3)",
                                        subject: "alert \(index)", detail: "entry \(index)", at: 1_700_000_000 + Int64(index),
                                        sealedWith: seal, in: database)
        }
    }

    @Test("an untouched trail verifies, and its head is the last entry's hash", arguments: TestStores.engines)
    func intact(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            #expect(try await AuditTrail.verify(sealedWith: Self.seal, in: database) == .intact(entries: 0, head: AuditTrail.genesis))
            try await Self.fill(database)
            let last = try await AuditTrail.append("sign_out", by: "user1", at: 1_700_000_100, sealedWith: Self.seal, in: database)
            #expect(try await AuditTrail.verify(sealedWith: Self.seal, in: database) == .intact(entries: 7, head: last.entryHash))
            let (entries, total) = try await AuditTrail.entries(matching: .init(action: "view_alert"), limit: 10, in: database)
            #expect(total == 3)
            #expect(entries.map(\.detail) == ["entry 6", "entry 4", "entry 2"])
        }
    }

    @Test("a check from a checkpoint covers what was added since, in batches, and sees a cut back past it",
          arguments: TestStores.engines)
    func fromCheckpoint(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            try await Self.fill(database, count: 7)
            let (first, checkpoint) = try await AuditTrail.verify(from: nil, sealedWith: Self.seal, batchSize: 3, in: database)
            let head = try #require(checkpoint)
            #expect(first == .intact(entries: 7, head: head.hash) && head.entries == 7)
            try await Self.fill(database, count: 5)
            let (later, next) = try await AuditTrail.verify(from: head, sealedWith: Self.seal, batchSize: 2, in: database)
            #expect(later == (try await AuditTrail.verify(sealedWith: Self.seal, in: database)))
            #expect(next?.entries == 12)
            // An entry added since the checkpoint, edited: seen.
            try await database.sql.raw("UPDATE audit_trail SET detail = 'edited' WHERE seq = 10").run()
            #expect(try await AuditTrail.verify(from: head, sealedWith: Self.seal, batchSize: 2, in: database).verification
                    == .broken(seq: 10, reason: "its contents were changed after it was written"))
            // The trail cut back to before the checkpoint: seen.
            try await database.sql.raw("DELETE FROM audit_trail WHERE seq >= \(bind: head.seq)").run()
            #expect(try await AuditTrail.verify(from: head, sealedWith: Self.seal, in: database).verification
                    == .broken(seq: head.seq, reason: "it was changed or removed after it was last checked"))
        }
    }

    @Test("an edited entry is named as changed", arguments: TestStores.engines)
    func edited(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            try await Self.fill(database)
            try await database.sql.raw("UPDATE audit_trail SET detail = 'nothing to see' WHERE seq = 3").run()
            #expect(try await AuditTrail.verify(sealedWith: Self.seal, in: database)
                    == .broken(seq: 3, reason: "its contents were changed after it was written"))
        }
    }

    @Test("a removed entry breaks the chain at the entry after it", arguments: TestStores.engines)
    func removed(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            try await Self.fill(database)
            try await database.sql.raw("DELETE FROM audit_trail WHERE seq = 4").run()
            guard case .broken(let seq, _) = try await AuditTrail.verify(sealedWith: Self.seal, in: database) else {
                Issue.record("a removed entry went unnoticed")
                return
            }
            #expect(seq == 5)
        }
    }

    @Test("a rewritten entry with a recomputed hash still breaks the link to the next", arguments: TestStores.engines)
    func rewrittenWithHash(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            try await Self.fill(database)
            // Someone who edits an entry and puts a fresh SHA-256 in its hash column: the next entry still commits
            // to the old hash.
            try await database.sql.raw(
                "UPDATE audit_trail SET username = 'someone else', entry_hash = \(bind: String(repeating: "a", count: 64)) WHERE seq = 2"
            ).run()
            guard case .broken(let seq, _) = try await AuditTrail.verify(sealedWith: Self.seal, in: database) else {
                Issue.record("a rewritten entry went unnoticed")
                return
            }
            #expect(seq == 2)
        }
    }

    @Test("concurrent appends still form one chain", arguments: TestStores.engines)
    func concurrent(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await AuditTrail.append("view_queue", by: "user\(index)", at: 1_700_000_000, sealedWith: Self.seal, in: database)
                    }
                }
                try await group.waitForAll()
            }
            guard case .intact(let entries, _) = try await AuditTrail.verify(sealedWith: Self.seal, in: database) else {
                Issue.record("concurrent appends forked the chain")
                return
            }
            #expect(entries == 20)
        }
    }

    @Test("a trail rewritten whole without the key verifies as a chain but not with the key; stripped seals are named",
          arguments: TestStores.engines)
    func rewrittenWithoutKey(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            try await Self.fill(database)
            // Someone who can write the database replaces the trail with one of their own making: a valid chain,
            // sealed with a key that is not the deployment's.
            try await database.sql.raw("DELETE FROM audit_trail").run()
            let forger = TrailSeal(deploymentKey: Array(repeating: 9, count: 32))
            var forged: [Int64] = []
            for index in 1...3 {
                forged.append(try await AuditTrail.append("sign_in", by: "user\(index)", at: 1_700_000_000 + Int64(index),
                                                          sealedWith: forger, in: database).seq)
            }
            guard case .intact = try await AuditTrail.verify(sealedWith: nil, in: database) else {
                Issue.record("the forged chain is a valid chain; only the key tells it apart")
                return
            }
            guard case .broken(let seq, let reason) = try await AuditTrail.verify(sealedWith: Self.seal, in: database)
            else {
                Issue.record("a trail sealed with another key verified")
                return
            }
            #expect(seq == forged[0] && reason.contains("seal does not match"))
            // Seals removed: named as unsealed.
            try await database.sql.raw("UPDATE audit_trail SET seal = ''").run()
            guard case .broken(_, let stripped) = try await AuditTrail.verify(sealedWith: forger, in: database) else {
                Issue.record("entries without seals verified")
                return
            }
            #expect(stripped.contains("carries no seal"))
        }
    }

    @Test("entries from before seals are sealed once, and only those", arguments: TestStores.engines)
    func earlierEntriesSealed(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            try await Self.fill(database)
            // As a store upgraded to schema 12 holds them: the first four entries unsealed, the upgrade's bound at 4.
            try await database.sql.raw("UPDATE audit_trail SET seal = '' WHERE seq <= 4").run()
            try await database.sql.raw("UPDATE trail_seal_state SET unsealed_up_to = 4").run()
            #expect(try await AuditTrail.sealEarlierEntries(with: Self.seal, in: database) == 4)
            guard case .intact(6, _) = try await AuditTrail.verify(sealedWith: Self.seal, in: database) else {
                Issue.record("the sealed earlier entries do not verify")
                return
            }
            // A later entry's seal stripped is not sealed again by the next start.
            try await database.sql.raw("UPDATE audit_trail SET seal = '' WHERE seq = 5").run()
            try await database.sql.raw("UPDATE trail_seal_state SET unsealed_up_to = 4").run()
            #expect(try await AuditTrail.sealEarlierEntries(with: Self.seal, in: database) == 0)
            guard case .broken(5, _) = try await AuditTrail.verify(sealedWith: Self.seal, in: database) else {
                Issue.record("a stripped seal after the upgrade was laundered")
                return
            }
        }
    }
}
