public import CustodesStore
import Foundation
import SQLKit

/// The engines every store and server test runs on: SQLite always; PostgreSQL when `scripts/test` started a throwaway server
/// (`CUSTODES_TEST_POSTGRES_URL`). `CUSTODES_REQUIRE_POSTGRES=1` (set by `scripts/test`) turns a missing server into
/// a failure, so CI cannot pass on SQLite alone.
public enum TestStores {
    public static let postgresAdminURL = ProcessInfo.processInfo.environment["CUSTODES_TEST_POSTGRES_URL"]

    public static var engines: [DatabaseURL.Engine] {
        postgresAdminURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// A new, empty database of the engine, and a way to remove it.
    public static func fresh(_ engine: DatabaseURL.Engine) async throws -> TestStore {
        switch engine {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "custodes-store-" + UUID().uuidString
            return TestStore(url: try DatabaseURL("sqlite:" + directory + "/store.sqlite"), directory: directory)
        case .postgres:
            return try await postgresDatabase(copying: nil)
        }
    }

    /// A new PostgreSQL database, empty or a copy of `template` (a database of the test server with no open
    /// connections): copying a prepared store is much faster than building it again for every test.
    public static func postgresDatabase(copying template: String?) async throws -> TestStore {
        guard let admin = postgresAdminURL else { throw TestStoreError.noPostgres }
        let name = "custodes_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let adminDatabase = try await StoreDatabase.open(try DatabaseURL(admin), retry: .none)
        do {
            try await adminDatabase.execute("CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
        } catch {
            await adminDatabase.close()
            throw error
        }
        await adminDatabase.close()
        let base = admin.hasSuffix("/postgres") ? String(admin.dropLast("/postgres".count)) : admin
        return TestStore(url: try DatabaseURL(base + "/" + name), databaseName: name)
    }
}

public enum TestStoreError: Error { case noPostgres }

public struct TestStore: Sendable {
    public let url: DatabaseURL
    public var directory: String?
    public var databaseName: String?

    public func open(retry: RetryPolicy = .none) async throws -> StoreDatabase {
        try await StoreDatabase.open(url, retry: retry)
    }

    /// Opens and migrates to the latest schema.
    public func migrated() async throws -> StoreDatabase {
        let database = try await open()
        try await Migrator(database: database).migrate()
        return database
    }

    public func remove() async {
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
    public static func withStore(_ engine: DatabaseURL.Engine,
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
    public func integer(_ sql: String) async throws -> Int {
        let row = try await self.sql.raw(SQLQueryString(sql)).first()
        return try row?.decode(column: "n", as: Int.self) ?? -1
    }
}
