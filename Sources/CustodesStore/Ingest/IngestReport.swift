public import CustodesBundle

/// What one ingest did, file by file: what a user checks after loading a bundle, and what a test compares.
public struct IngestReport: Sendable, Equatable {
    public struct FileOutcome: Sendable, Equatable {
        public var file: String
        /// The file's bytes were ingested before (under any name), so it was skipped.
        public var alreadyIngested = false
        public var rowsRead = 0
        /// Reference rows new or changed, or audit events new to the store.
        public var written = 0
        /// Audit events the store already had (re-delivery), or reference rows identical to the stored ones.
        public var unchanged = 0
        public var quarantined = 0
        public var quarantinedByReason: [QuarantineReason: Int] = [:]

        public init(file: String) { self.file = file }
    }

    public var batchID: Int64
    public var reference: [FileOutcome] = []
    public var audit: [FileOutcome] = []

    public init(batchID: Int64) { self.batchID = batchID }

    public var eventsAccepted: Int { audit.reduce(0) { $0 + $1.written } }
    public var eventsDuplicate: Int { audit.reduce(0) { $0 + $1.unchanged } }
    public var referenceWritten: Int { reference.reduce(0) { $0 + $1.written } }
    public var quarantined: Int { (reference + audit).reduce(0) { $0 + $1.quarantined } }
    public var auditRowsRead: Int { audit.reduce(0) { $0 + $1.rowsRead } }
}
