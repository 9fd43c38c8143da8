import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import PostgresNIO
public import SQLKit
import SQLiteKit
import SQLiteNIO

/// One connection to the store, SQLite or PostgreSQL, behind one interface.
///
/// Portable SQL goes through SQLKit (``sql``); the few places where an engine-specific path pays (bulk inserts,
/// PostgreSQL's COPY) ask for ``backend``. A connection that drops is reopened with back-off by ``withRetry(_:_:)``,
/// so a database restart delays work instead of failing it.
public final class StoreDatabase: Sendable {
    public let url: DatabaseURL
    public let retry: RetryPolicy
    /// Told about each failed attempt before the next, so a long wait is visible to the user.
    let onRetry: @Sendable (String) -> Void
    private let state: NIOLockedValueBox<Backend>
    /// The current connection's turn-taking; a new connection gets a new gate, since a transaction abandoned on a
    /// lost connection (see `withRetry`) never gives its turn back.
    private let gate = NIOLockedValueBox(TransactionGate())

    enum Backend: @unchecked Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
        case closed
    }

    private init(url: DatabaseURL, retry: RetryPolicy, onRetry: @escaping @Sendable (String) -> Void, backend: Backend) {
        self.url = url
        self.retry = retry
        self.onRetry = onRetry
        state = NIOLockedValueBox(backend)
    }

    /// Opens the database, trying again with back-off while it is unreachable.
    public static func open(_ url: DatabaseURL, retry: RetryPolicy = .standard,
                            onRetry: @escaping @Sendable (String) -> Void = { _ in }) async throws -> StoreDatabase {
        let backend = try await connect(url, retry: retry, onRetry: onRetry)
        return StoreDatabase(url: url, retry: retry, onRetry: onRetry, backend: backend)
    }

    /// The current connection as an SQLKit database, for portable queries.
    public var sql: any SQLDatabase {
        switch backend {
        case .sqlite(let connection): connection.sql()
        case .postgres(let connection): connection.sql()
        case .closed: preconditionFailure("the store was used after it was closed")
        }
    }

    var backend: Backend { state.withLockedValue { $0 } }

    public var engine: DatabaseURL.Engine { url.engine }

    public func close() async {
        let old = state.withLockedValue { value in
            defer { value = .closed }
            return value
        }
        await Self.close(old)
    }

    /// Runs `body`, and when it fails because the connection was lost, waits, reconnects and runs it again. The body
    /// must be safe to repeat: every write in the store is idempotent or inside a transaction that rolled back.
    ///
    /// Each attempt also ends as soon as a PostgreSQL connection closes: a statement sent on a connection that has
    /// just closed was seen never to complete, so waiting on the statement alone could wait forever.
    public func withRetry<T: Sendable>(_ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await untilConnectionCloses(body)
            } catch where Self.isConnectionLoss(error) && attempt < retry.attempts {
                onRetry("\(what): connection to \(url) lost (\(Self.describe(error))); reconnecting")
                try await Task.sleep(for: retry.delay(before: attempt))
                attempt += 1
                let fresh = try await Self.connect(url, retry: retry, onRetry: onRetry)
                let old = state.withLockedValue { value in
                    defer { value = fresh }
                    return value
                }
                gate.withLockedValue { $0 = TransactionGate() }
                await Self.close(old)
            }
        }
    }

    /// Runs `body`, failing with a connection loss if the PostgreSQL connection closes first.
    private func untilConnectionCloses<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard case .postgres(let connection) = backend else { return try await body() }
        // The work runs in a task of its own, so a cancellation of the caller is passed on to it by hand.
        let running = NIOLockedValueBox<Task<Void, Never>?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let settled = NIOLockedValueBox(false)
                @Sendable func settle(_ result: Result<T, any Error>) {
                    let first = settled.withLockedValue { done in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume(with: result) }
                }
                let work = Task {
                    do { settle(.success(try await body())) } catch { settle(.failure(error)) }
                }
                running.withLockedValue { $0 = work }
                connection.closeFuture.whenComplete { _ in
                    work.cancel()
                    settle(.failure(StoreError.connectionClosed))
                }
            }
        } onCancel: {
            running.withLockedValue { $0?.cancel() }
        }
    }

    /// Runs `body` inside one transaction: all of its writes land, or none do.
    ///
    /// On SQLite the write lock is taken at the start (`BEGIN IMMEDIATE`): a transaction that reads first and writes
    /// later cannot be upgraded once another process (ingest beside detection) has committed, and fails at once
    /// instead of waiting its turn.
    ///
    /// Transactions in one process take turns on the shared connection (see `TransactionGate`); one begun inside
    /// another is part of the outer one.
    public func transaction<T>(_ body: () async throws -> T) async throws -> T {
        if TransactionGate.held { return try await body() }
        let gate = gate.withLockedValue { $0 }
        await gate.acquire()
        do {
            let result = try await TransactionGate.$held.withValue(true) { try await unguardedTransaction(body) }
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }

    private func unguardedTransaction<T>(_ body: () async throws -> T) async throws -> T {
        try await execute(engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try await body()
            try await execute("COMMIT")
            return result
        } catch {
            // A lost connection has already rolled the transaction back on the server, and a statement sent on a
            // closed PostgreSQL connection has been seen never to complete; only roll back on a live one.
            if !Self.isConnectionLoss(error) {
                let sql = sql
                _ = try? await Deadline.run(.seconds(10), "ROLLBACK") { try await sql.raw("ROLLBACK").run() }
            }
            throw error
        }
    }

    /// Runs SQL that takes no parameters and returns no rows (DDL, transaction control).
    public func execute(_ statement: String) async throws {
        try await sql.raw(SQLQueryString(statement)).run()
    }

    // MARK: Connecting

    private static func connect(_ url: DatabaseURL, retry: RetryPolicy,
                                onRetry: @Sendable (String) -> Void) async throws -> Backend {
        var attempt = 1
        while true {
            do {
                return try await connectOnce(url)
            } catch {
                if case StoreError.invalidURL = error { throw error }
                guard attempt < retry.attempts, isConnectionLoss(error) || isRefused(error) else {
                    throw StoreError.unavailable(url: url.description, attempts: attempt, cause: describe(error))
                }
                let delay = retry.delay(before: attempt)
                // Said once in full (what is wrong, how long it will go on, how to stop), then a short line a minute.
                if attempt == 1 {
                    onRetry("database \(url) is not reachable (\(describe(error))). Trying again for up to "
                            + "\(retry.totalSeconds) s: stop with Ctrl-C, or give --retry-seconds 0 to fail at once.")
                } else if attempt % 6 == 0 {
                    onRetry("database \(url) still not reachable (attempt \(attempt) of \(retry.attempts))")
                }
                try await Task.sleep(for: delay)
                attempt += 1
            }
        }
    }

    private static func connectOnce(_ url: DatabaseURL) async throws -> Backend {
        // The drivers log each statement with its values at debug and trace: that is personal data, so their logs
        // stay at warning whatever level the server runs at.
        var logger = Logger(label: "custodes.store")
        logger.logLevel = .warning
        switch url.engine {
        case .sqlite:
            try prepareFolder(for: url)
            let connection = try await SQLiteConnection.open(storage: .file(path: url.path), logger: logger)
            // Larger pages make the audit-event indexes shallower; SQLite applies this only to a new, empty file.
            _ = try await connection.query("PRAGMA page_size = 16384")
            // WAL lets the web application read while ingest writes; NORMAL syncs at checkpoints, which WAL makes
            // safe against a crash of the process (not of the machine's power, which the durability note covers).
            _ = try await connection.query("PRAGMA journal_mode = WAL")
            _ = try await connection.query("PRAGMA synchronous = NORMAL")
            _ = try await connection.query("PRAGMA busy_timeout = 60000")
            // The default page cache (2 MiB) is far smaller than the audit-event indexes, so bulk ingest spent most of
            // its time in the kernel moving pages in and out (profiled); 256 MiB keeps the hot index pages resident.
            _ = try await connection.query("PRAGMA cache_size = -262144")
            _ = try await connection.query("PRAGMA temp_store = MEMORY")
            // What is deleted (a retired key wrap, a report past retention) is overwritten, not left in free pages
            // for a later copy of the file to give up.
            _ = try await connection.query("PRAGMA secure_delete = ON")
            return .sqlite(connection)
        case .postgres:
            let configuration = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.username, password: url.password,
                database: url.database, tls: .disable)
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return .postgres(connection)
        }
    }

    /// Makes a SQLite store's own folder if need be, but only inside a folder that exists: a mistyped path
    /// (`sqlite:/srv/custodse/store.sqlite`) is refused, not quietly made into a tree of new folders.
    static func prepareFolder(for url: DatabaseURL) throws {
        let directory = (url.path as NSString).deletingLastPathComponent
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        let parent = (directory as NSString).deletingLastPathComponent
        guard parent.isEmpty || FileManager.default.fileExists(atPath: parent) else {
            throw StoreError.invalidURL("the folder \(parent) does not exist, so the store \(url.path) cannot be made there")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    }

    private static func close(_ backend: Backend) async {
        switch backend {
        case .sqlite(let connection): try? await connection.close()
        case .postgres(let connection): try? await connection.close()
        case .closed: break
        }
    }

    // MARK: Errors

    /// Whether an error means the connection is gone (as opposed to a statement the database refused).
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if case StoreError.timedOut = error { return true }
        if case StoreError.connectionClosed = error { return true }
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return true
            case .server:
                // admin_shutdown, crash_shutdown, cannot_connect_now: the server is restarting.
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("57P") || state.hasPrefix("08")
            default:
                return false
            }
        }
        return isRefused(error)
    }

    /// Whether PostgreSQL refused a row because its key is already stored: a direct COPY then falls back to the
    /// route that skips stored keys.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }

    /// Whether the error is a refused or reset socket, as while a server is down.
    static func isRefused(_ error: any Error) -> Bool {
        if error is NIOConnectionError || error is ChannelError { return true }
        if let error = error as? IOError {
            return [ECONNREFUSED, ECONNRESET, EPIPE, ENOENT].contains(error.errnoCode)
        }
        return false
    }

    /// A short description of a database error with no credentials in it.
    static func describe(_ error: any Error) -> String {
        if isRefused(error) { return "nothing answered: connection refused or closed" }
        if let error = error as? PSQLError, error.code == .connectionError {
            return "nothing answered: " + (error.underlying.map { isRefused($0) ? "connection refused" : "\($0)" } ?? "no connection")
        }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.detail].map { " (\($0))" } ?? "")
            }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        if let error = error as? StoreError { return error.description }
        return String(describing: error)
    }
}
