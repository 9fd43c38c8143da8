import ArgumentParser
import CustodesStore

/// `--db`, shared by every command that works on a store.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"),
            help: "The store: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: $CUSTODES_DATABASE_URL).")
    var url: String?

    @Option(help: "How long to keep retrying an unreachable database, in seconds (0: fail at once; default 300).")
    var retrySeconds: Int?

    var retryPolicy: RetryPolicy { Self.retryPolicy(seconds: retrySeconds ?? 300) }

    static func retryPolicy(seconds retrySeconds: Int) -> RetryPolicy {
        guard retrySeconds > 0 else { return .none }
        // 250 ms doubling to 10 s: about 30 s in the first 6 attempts, then one every 10 s.
        return RetryPolicy(attempts: 6 + retrySeconds / 10, firstDelay: .milliseconds(250), maximumDelay: .seconds(10))
    }

    /// Opens the store and brings its schema up to date, as every command that uses it needs.
    func open(migrate: Bool = true, url resolved: DatabaseURL? = nil, retry: RetryPolicy? = nil) async throws -> StoreDatabase {
        let url = try resolved ?? DatabaseURL.resolve(url)
        let database = try await StoreDatabase.open(url, retry: retry ?? retryPolicy) { Progress.message($0) }
        if migrate {
            do {
                for migration in try await Migrator(database: database).migrate() {
                    Progress.message("store: applied migration \(migration.version) (\(migration.name))")
                }
            } catch {
                await database.close()
                throw error
            }
        }
        return database
    }

    /// Opens the store (migrated unless `migrate` is false), runs `body`, and closes the store whether or not the
    /// body throws.
    func withStore<T>(migrate: Bool = true, url: DatabaseURL? = nil, retry: RetryPolicy? = nil,
                      _ body: (StoreDatabase) async throws -> T) async throws -> T {
        let store = try await open(migrate: migrate, url: url, retry: retry)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
