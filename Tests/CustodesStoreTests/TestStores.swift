import CustodesStore
import Foundation
import SQLKit
import Testing

/// The engines every store test runs on: SQLite always; PostgreSQL when `scripts/test` started a throwaway server
/// (`CUSTODES_TEST_POSTGRES_URL`). `CUSTODES_REQUIRE_POSTGRES=1` (set by `scripts/test`) turns a missing server into
/// a failure, so CI cannot pass on SQLite alone.
enum TestStores {
    static let postgresAdminURL = ProcessInfo.processInfo.environment["CUSTODES_TEST_POSTGRES_URL"]

    static var engines: [DatabaseURL.Engine] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// A new, empty database of the engine, and a way to remove it.
    static func fresh(_ engine: DatabaseURL.Engine) async throws -> TestStore {
        switch engine {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "custodes-store-" + UUID().uuidString
            return TestStore(url: try DatabaseURL("sqlite:" + directory + "/store.sqlite"), directory: directory)
        case .postgres:
            guard let admin = postgresAdminURL else { throw TestStoreError.noPostgres }
            let name = "custodes_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let adminDatabase = try await StoreDatabase.open(try DatabaseURL(admin), retry: .none)
            try await adminDatabase.execute("CREATE DATABASE \(name)")
            await adminDatabase.close()
            let base = admin.hasSuffix("/postgres") ? String(admin.dropLast("/postgres".count)) : admin
            return TestStore(url: try DatabaseURL(base + "/" + name), databaseName: name)
        }
    }
}

enum TestStoreError: Error { case noPostgres }

struct TestStore {
    let url: DatabaseURL
    var directory: String?
    var databaseName: String?

    func open(retry: RetryPolicy = .none) async throws -> StoreDatabase {
        try await StoreDatabase.open(url, retry: retry)
    }

    /// Opens and migrates to the latest schema.
    func migrated() async throws -> StoreDatabase {
        let database = try await open()
        try await Migrator(database: database).migrate()
        return database
    }

    func remove() async {
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
        if let databaseName, let admin = TestStores.postgresAdminURL,
           let database = try? await StoreDatabase.open(try DatabaseURL(admin), retry: .none) {
            try? await database.execute("DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
            await database.close()
        }
    }
}

extension TestStores {
    /// A fresh store of the engine, migrated, open for the length of `body`, then closed and removed, whether or not
    /// the body throws.
    static func withStore(_ engine: DatabaseURL.Engine,
                          _ body: (StoreDatabase, TestStore) async throws -> Void) async throws {
        let store = try await fresh(engine)
        let database = try await store.migrated()
        do {
            try await body(database, store)
        } catch {
            await database.close()
            await store.remove()
            throw error
        }
        await database.close()
        await store.remove()
    }
}

extension StoreDatabase {
    /// One integer from a query, for assertions.
    func integer(_ sql: String) async throws -> Int {
        let row = try await self.sql.raw(SQLQueryString(sql)).first()
        return try row?.decode(column: "n", as: Int.self) ?? -1
    }
}

@Suite("Test stores")
struct TestStoreTests {
    @Test("PostgreSQL is available when the test script says it must be")
    func postgresPresentWhenRequired() {
        if ProcessInfo.processInfo.environment["CUSTODES_REQUIRE_POSTGRES"] == "1" {
            #expect(TestStores.postgresAdminURL != nil, "scripts/test should have started PostgreSQL")
        }
    }
}
