/// One value bound into a statement: the store keeps to integers, text and NULL (times are epoch seconds, lists are
/// `;`-separated text, scores are the one real), so the same rows suit SQLite and PostgreSQL.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    public init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
}

/// What an insert does when a row's key is already present.
public enum ConflictAction: Sendable {
    /// Keep the stored row: re-delivery of the same row is harmless.
    case ignore(key: [String])
    /// Replace the named columns with the new row's values when any of them differ: an upsert, for reference data
    /// that changes. An identical row is left alone, so re-sending a file writes nothing.
    case update(key: [String], columns: [String], provenance: [String] = ["batch_id"])

    func sql(table: String, engine: DatabaseURL.Engine) -> String {
        switch self {
        case .ignore(let key):
            return "ON CONFLICT (\(key.joined(separator: ", "))) DO NOTHING"
        case .update(let key, let columns, let provenance):
            let differs = engine == .sqlite ? "IS NOT" : "IS DISTINCT FROM"
            return "ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET "
                + (columns + provenance).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
                + " WHERE " + columns.map { "\(table).\($0) \(differs) excluded.\($0)" }.joined(separator: " OR ")
        }
    }
}
