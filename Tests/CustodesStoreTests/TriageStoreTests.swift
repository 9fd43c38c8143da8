import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// The triage queries and account tables on both engines: the queue's visibility, filters, sorting and counts, the
/// casework rows, and accounts with their sessions and recovery codes.
@Suite("Triage and accounts in the store")
struct TriageStoreTests {
    static let key = [UInt8](repeating: 3, count: 32)

    static func scored(_ database: StoreDatabase) async throws -> [AlertQueue.Row] {
        _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
        _ = try await StoreDetection(database: database, pseudonymKey: key).run(force: true)
        var query = AlertQueue.Query()
        query.pageSize = 500
        return try await AlertQueue.page(query, visibility: .init(scope: .all), in: database).rows
    }

    @Test("the queue sorts, filters, pages and hides by visibility", arguments: TestStores.engines)
    func queue(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let all = try await Self.scored(database)
            try #require(all.count >= 2, "the small force should raise at least two alerts")
            #expect(all.map(\.score) == all.map(\.score).sorted(by: >))
            let first = all[0], second = all[1]

            var byAge = AlertQueue.Query()
            byAge.sort = .age
            let aged = try await AlertQueue.page(byAge, visibility: .init(scope: .all), in: database).rows
            #expect(aged.map(\.openedAt) == aged.map(\.openedAt).sorted())

            var onePerPage = AlertQueue.Query()
            onePerPage.pageSize = 1
            onePerPage.page = 2
            let paged = try await AlertQueue.page(onePerPage, visibility: .init(scope: .all), in: database)
            #expect(paged.rows.map(\.key) == [second.key] && paged.total == all.count)

            var byIndicator = AlertQueue.Query()
            byIndicator.indicator = try #require(first.indicators.first)
            let filtered = try await AlertQueue.page(byIndicator, visibility: .init(scope: .all), in: database).rows
            #expect(filtered.contains { $0.key == first.key })
            #expect(filtered.allSatisfy { $0.indicators.contains(byIndicator.indicator!) })

            try await AlertCasework.assign(key: first.key, to: "ira", at: 10, in: database)
            let analyst = AlertQueue.Visibility(scope: .unassignedOrAssignedTo("alex"))
            let seenByAnalyst = try await AlertQueue.page(AlertQueue.Query(), visibility: analyst, in: database)
            #expect(!seenByAnalyst.rows.contains { $0.key == first.key })
            #expect(seenByAnalyst.counts[.new] == all.count - 1)
            #expect(try await AlertQueue.isVisible(key: first.key, visibility: .init(scope: .assignedTo("ira")), in: database))
            #expect(!(try await AlertQueue.isVisible(key: second.key, visibility: .init(scope: .assignedTo("ira")), in: database)))
            let record = try #require(try await AlertCasework.record(id: first.alertID, in: database))
            #expect(!(try await AlertQueue.isVisible(key: first.key, visibility: .init(scope: .all, hiddenStaff: [record.staffID]),
                                                     in: database)))
            // A person the alert involves hides it; someone it does not involve hides nothing.
            let person = try #require(Self.people(in: record.detail).first)
            let hidden = AlertQueue.Visibility(scope: .all, hiddenPeople: [person])
            #expect(!(try await AlertQueue.isVisible(key: first.key, visibility: hidden, in: database)))
            let unrelated = AlertQueue.Visibility(scope: .all, hiddenPeople: ["PSN-0000000000"])
            #expect(try await AlertQueue.page(AlertQueue.Query(), visibility: unrelated, in: database).total == all.count)
        }
    }

    /// The person pseudonyms in an alert's stored detail.
    static func people(in detail: String) -> [String] {
        let object = try? JSONSerialization.jsonObject(with: Data(detail.utf8)) as? [String: Any]
        return (object?["people"] as? [[String: Any]] ?? []).compactMap { $0["pseudonym"] as? String }
    }

    @Test("migration 6 fills in the people of alerts stored before it", arguments: TestStores.engines)
    func backfill(engine: DatabaseURL.Engine) async throws {
        let store = try await TestStores.fresh(engine)
        let database = try await store.open()
        defer { Task { await database.close(); await store.remove() } }
        try await Migrator(database: database).migrate(upTo: 5)
        // Today's ingest also keeps version 8's counts by source system, on PostgreSQL takes version 10's event
        // numbers, skips stored events by version 11's identity, and records version 12's batch progress and
        // reference version: it gets those for the ingest only.
        // (On PostgreSQL ingest puts the identity constraint in place itself, as it does after a first load.)
        if engine == .sqlite {
            try await database.execute("CREATE UNIQUE INDEX audit_events_identity ON audit_events (system, event_id)")
        }
        try await database.execute("""
            CREATE TABLE audit_sources (system TEXT PRIMARY KEY, events BIGINT NOT NULL, latest_at BIGINT NOT NULL, \
            last_received_at BIGINT NOT NULL)
            """)
        if engine == .postgres {
            try await database.execute("CREATE TABLE audit_event_numbers (id INTEGER PRIMARY KEY, last_seq BIGINT NOT NULL)")
            try await database.execute("INSERT INTO audit_event_numbers VALUES (1, 0)")
        }
        try await database.execute("ALTER TABLE ingest_batches ADD COLUMN progress_at BIGINT")
        try await database.execute("CREATE TABLE reference_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)")
        try await database.execute("INSERT INTO reference_version VALUES (1, 0)")
        _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
        try await database.execute("ALTER TABLE ingest_batches DROP COLUMN progress_at")
        try await database.execute("DROP TABLE reference_version")
        try await database.execute("DROP TABLE audit_sources")
        try await database.execute(engine == .sqlite ? "DROP INDEX audit_events_identity"
                                   : "ALTER TABLE audit_events DROP CONSTRAINT audit_events_identity")
        if engine == .postgres { try await database.execute("DROP TABLE audit_event_numbers") }
        // Alerts written by a version-5 store: no alert_people table yet, so write them the way it did.
        try await database.execute("CREATE TABLE alert_people (alert_key TEXT NOT NULL, pseudonym TEXT NOT NULL, PRIMARY KEY (alert_key, pseudonym))")
        _ = try await StoreDetection(database: database, pseudonymKey: Self.key).run(force: true)
        try await database.execute("DROP TABLE alert_people")
        try await Migrator(database: database).migrate()
        var expected = 0
        for row in try await database.sql.raw("SELECT detail FROM alerts").all() {
            expected += Set(Self.people(in: try row.decode(column: "detail", as: String.self))).count
        }
        let stored = try await database.sql.raw("SELECT COUNT(*) AS n FROM alert_people").first()?
            .decode(column: "n", as: Int.self)
        #expect(expected > 0 && stored == expected)
    }

    @Test("casework rows: comments, decisions and reveals, and the state they leave", arguments: TestStores.engines)
    func casework(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let alert = try #require(try await Self.scored(database).first)
            try await AlertCasework.comment(key: alert.key, by: "alex", body: "looking", at: 1, in: database)
            #expect(try await AlertCasework.record(id: alert.alertID, in: database)?.state == .inReview)
            try await AlertCasework.reveal(key: alert.key, by: "harper", reason: "to assess", at: 2, in: database)
            let staff = try #require(try await AlertCasework.record(id: alert.alertID, in: database)).staffID
            #expect(try await AlertCasework.hasRevealed(staffID: staff, username: "harper", in: database))
            #expect(!(try await AlertCasework.hasRevealed(staffID: staff, username: "alex", in: database)))
            try await AlertCasework.decide(key: alert.key, by: "harper", outcome: .openInvestigation,
                                           rationale: "enough to investigate", exceptionUntil: nil, rulesVersion: nil,
                                           at: 3, in: database)
            let record = try #require(try await AlertCasework.record(id: alert.alertID, in: database))
            #expect(record.state == .decided)
            #expect(try await AlertCasework.decisions(key: alert.key, in: database).map(\.outcome) == [.openInvestigation])
            #expect(try await AlertCasework.comments(key: alert.key, in: database).map(\.body) == ["looking"])
            #expect(try await StaffProfile.staffID(pseudonym: record.pseudonym, in: database) == staff)
        }
    }

    @Test("accounts: lock-out counters, TOTP steps, recovery codes and sessions", arguments: TestStores.engines)
    func accounts(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let account = try await UserAccounts.create(username: "alex", displayName: "Alex", role: .analyst,
                                                        passwordHash: "x", staffID: nil, at: 100, in: database)
            await #expect(throws: UserAccounts.Failure.usernameTaken("alex")) {
                try await UserAccounts.create(username: "alex", displayName: "Alex", role: .analyst,
                                              passwordHash: "x", staffID: nil, at: 100, in: database)
            }
            // Five attempts are admitted, whatever arrives at once; the sixth is refused before any factor is checked.
            let attempts = try await withThrowingTaskGroup(of: UserAccounts.Attempt.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await UserAccounts.beginAttempt(account.id, limit: 5, at: 200, in: database) }
                }
                return try await group.reduce(into: [UserAccounts.Attempt]()) { $0.append($1) }
            }
            #expect(attempts.filter { $0 != .refused }.count == 5)
            #expect(try await UserAccounts.failAttempt(account.id, limit: 5, lockUntil: 500, in: database))
            #expect(!(try await UserAccounts.failAttempt(account.id, limit: 5, lockUntil: 900, in: database)),
                    "a second failure locked the account again")
            #expect(try await UserAccounts.find(id: account.id, in: database)?.lockedUntil == 500)
            #expect(try await UserAccounts.beginAttempt(account.id, limit: 5, at: 499, in: database) == .refused)
            #expect(!(try await UserAccounts.completeAttempt(account.id, at: 499, in: database)),
                    "a right factor cleared the lock")
            // Once the lock has run out the count starts again.
            #expect(try await UserAccounts.beginAttempt(account.id, limit: 5, at: 500, in: database) == .admitted(number: 1))
            try await UserAccounts.refundAttempt(account.id, in: database)
            #expect(try await UserAccounts.find(id: account.id, in: database)?.failedAttempts == 0)
            #expect(try await UserAccounts.find(id: account.id, in: database)?.lockedUntil == nil)
            try await UserAccounts.completeEnrolment(account.id, step: 10, recoveryCodeHashes: ["h1", "h2"], in: database)
            #expect(!(try await UserAccounts.acceptTOTPStep(account.id, step: 10, in: database)))
            #expect(try await UserAccounts.acceptTOTPStep(account.id, step: 11, in: database))
            #expect(try await UserAccounts.useRecoveryCode(account.id, hash: "h1", at: 1, in: database))
            #expect(!(try await UserAccounts.useRecoveryCode(account.id, hash: "h1", at: 2, in: database)))
            #expect(try await UserAccounts.remainingRecoveryCodes(account.id, in: database) == 1)

            try await Sessions.create(tokenHash: "t", userID: account.id, csrfToken: "c", at: 1_000, in: database)
            #expect(try await Sessions.live(tokenHash: "t", at: 1_100, idle: 900, absolute: 28_800, in: database) != nil)
            #expect(try await Sessions.live(tokenHash: "t", at: 2_001, idle: 900, absolute: 28_800, in: database) == nil)
            #expect(try await Sessions.live(tokenHash: "t", at: 1_100, idle: 900, absolute: 28_800, in: database) == nil,
                    "an expired session came back")
            try await UserAccounts.disable(account.id, at: 3_000, in: database)
            #expect(try await UserAccounts.find(username: "alex", in: database)?.isDisabled == true)
        }
    }
}
