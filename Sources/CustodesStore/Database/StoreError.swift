/// What can go wrong with the store, in words a user can act on. Messages never carry a password.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case invalidURL(String)
    /// The database could not be reached after every retry.
    case unavailable(url: String, attempts: Int, cause: String)
    /// The database was made by a newer Custodes than this one.
    case schemaTooNew(found: Int, known: Int)
    case query(String)
    case invalidRow(table: String, detail: String)
    /// An operation did not finish in time, as when the connection dies without the driver noticing.
    case timedOut(String)
    /// The connection closed while a statement was outstanding.
    case connectionClosed

    public var description: String {
        switch self {
        case .invalidURL(let detail): "invalid database URL: \(detail)"
        case .unavailable(let url, let attempts, let cause):
            "database \(url) unavailable after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(cause)"
        case .schemaTooNew(let found, let known):
            "the database is at schema version \(found), but this Custodes knows only up to \(known); upgrade Custodes"
        case .query(let detail): "database error: \(detail)"
        case .invalidRow(let table, let detail): "unreadable row in \(table): \(detail)"
        case .connectionClosed: "the database connection closed"
        case .timedOut(let what): "\(what) did not finish in time; the connection is presumed lost"
        }
    }
}
