/// One forward-only step of the schema. Steps are never edited once released: a change is a new step, so a database
/// made by any earlier version upgrades in place by running the steps it lacks.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// The statements for an engine; most are the same for both, written in the SQL the two share.
    let statements: @Sendable (DatabaseURL.Engine) -> [String]
}

/// The few column types that are spelt differently by the two engines.
struct ColumnTypes {
    let engine: DatabaseURL.Engine

    /// A 64-bit integer key the database assigns in increasing order.
    var serialKey: String {
        engine == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    }
    var integer: String { engine == .sqlite ? "INTEGER" : "BIGINT" }
    var real: String { engine == .sqlite ? "REAL" : "DOUBLE PRECISION" }
}
