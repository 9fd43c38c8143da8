/// What reading one file gave: rows read, accepted, quarantined by reason, and duplicates skipped.
public struct FileReport: Sendable, Equatable {
    public var file: String
    public var rowsRead = 0
    public var accepted = 0
    /// Rows that repeated an audit event id already read; skipped, so re-reading a bundle is idempotent.
    public var duplicates = 0
    public var quarantinedByReason: [QuarantineReason: Int] = [:]

    public init(file: String) { self.file = file }

    public var quarantined: Int { quarantinedByReason.values.reduce(0, +) }

    /// Adds the counts of another reading of the same file (a piece of it read on another core).
    mutating func add(_ other: FileReport) {
        rowsRead += other.rowsRead
        accepted += other.accepted
        duplicates += other.duplicates
        quarantinedByReason.merge(other.quarantinedByReason, uniquingKeysWith: +)
    }
}

/// The per-file reports of one bundle, in reading order.
public struct BundleReport: Sendable, Equatable {
    public var files: [FileReport] = []

    public init(files: [FileReport] = []) { self.files = files }

    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var quarantined: Int { files.reduce(0) { $0 + $1.quarantined } }
    public var duplicates: Int { files.reduce(0) { $0 + $1.duplicates } }

    public subscript(file name: String) -> FileReport? { files.first { $0.file == name } }
}
