public import Foundation

/// Where the store lives: `sqlite:PATH` for the embedded default, or a `postgres://` URL for production.
///
/// The URL carries a password for PostgreSQL, so the type never prints it: ``description`` masks it, and every error
/// and log line uses that form.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public enum Engine: String, Sendable {
        case sqlite
        case postgres
    }

    public let engine: Engine
    /// The SQLite file (SQLite only).
    public let path: String
    public let host: String
    public let port: Int
    public let username: String
    public let password: String?
    public let database: String

    /// The environment variable read when no `--db` is given.
    public static let environmentVariable = "CUSTODES_DATABASE_URL"

    /// Parses `sqlite:PATH`, `sqlite://PATH` or `postgres://user:password@host:port/database`
    /// (`postgresql://` also accepted).
    public init(_ text: String) throws(StoreError) {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw .invalidURL("sqlite: needs a file path, as in sqlite:custodes.sqlite") }
            // Ingest and detection open more than one connection to the store (see SQLiteBulkConnection), and each
            // connection to ":memory:" would be a database of its own: events written to one, read from another.
            guard path != ":memory:" else {
                throw .invalidURL("sqlite::memory: cannot hold a store (ingest and detection open several "
                                  + "connections to it); give a file path, as in sqlite:custodes.sqlite")
            }
            self.init(engine: .sqlite, path: path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
              let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw .invalidURL("expected sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE, got "
                              + Self.masked(text))
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty else { throw .invalidURL("the PostgreSQL URL names no database: " + Self.masked(text)) }
        self.init(engine: .postgres, path: "", host: host, port: components.port ?? 5432,
                  username: components.user?.removingPercentEncoding ?? "postgres",
                  password: components.password?.removingPercentEncoding, database: database)
    }

    init(engine: Engine, path: String, host: String = "", port: Int = 0, username: String = "",
         password: String? = nil, database: String = "") {
        self.engine = engine
        self.path = path
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
    }

    /// The `--db` value if given, else `CUSTODES_DATABASE_URL`, else the error a user needs to fix it.
    public static func resolve(_ option: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(StoreError) -> DatabaseURL {
        if let option { return try DatabaseURL(option) }
        if let value = environment[environmentVariable], !value.isEmpty { return try DatabaseURL(value) }
        throw .invalidURL("no database given: pass --db sqlite:PATH or postgres://..., or set \(environmentVariable)")
    }

    /// The URL with any password replaced by `***`, safe for logs and error messages.
    public var description: String {
        switch engine {
        case .sqlite: "sqlite:" + path
        case .postgres: "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
        }
    }

    /// The full URL, password included: for handing to a child process or a driver, never for printing.
    public var connectionString: String {
        switch engine {
        case .sqlite: return "sqlite:" + path
        case .postgres:
            let user = username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username
            let secret = password.map {
                ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0)
            } ?? ""
            return "postgres://\(user)\(secret)@\(host):\(port)/\(database)"
        }
    }

    /// Masks the password of a URL that could not be parsed, for error messages.
    static func masked(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text.range(of: "@", range: schemeEnd.upperBound..<text.endIndex),
              let colon = text.range(of: ":", range: schemeEnd.upperBound..<at.lowerBound) else { return text }
        return String(text[..<colon.upperBound]) + "***" + String(text[at.lowerBound...])
    }
}
