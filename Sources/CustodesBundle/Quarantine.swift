public import CustodesModel

/// Why a row was set aside. The codes are stable: they appear in quarantine files, reports and, later, the store.
public enum QuarantineReason: String, Sendable, DeclarationOrdered {
    /// The row could not be split into fields (bad quoting, wrong number of fields, not JSON, not UTF-8).
    case malformedRow = "malformed_row"
    /// A required value is empty or absent.
    case missingValue = "missing_value"
    /// A time or date that is not ISO 8601 with an offset, or not a real date.
    case invalidTime = "invalid_time"
    /// A number that is not a number, or out of range.
    case invalidNumber = "invalid_number"
    /// A value outside a closed vocabulary.
    case unknownValue = "unknown_value"
    /// An identifier that names no record in the file it refers to.
    case unknownReference = "unknown_reference"
    /// A period that ends before it starts.
    case invalidPeriod = "invalid_period"
    /// A second row with the identifier of an earlier one, in a reference file.
    case duplicateID = "duplicate_id"
    /// An audit event of another system than the one the sender may write for (a connector's token is for one).
    case wrongSource = "wrong_source"

}

/// One quarantined row: enough to find it, understand it and fix it at the source.
public struct QuarantineEntry: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var field: String
    public var reason: QuarantineReason
    public var detail: String
    public var original: String

    public init(file: String, line: Int, field: String, reason: QuarantineReason, detail: String, original: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        self.detail = detail
        self.original = original
    }

    /// `file:line: field: detail`, as compilers word it, so editors and people can jump to it; printed to a
    /// terminal, so the export's values in it have their control characters escaped.
    public var message: String {
        "\(file):\(line): \(field.isEmpty ? "" : field + ": ")\(detail) [\(reason.rawValue)]".escapingControlCharacters
    }
}

/// Where quarantined rows go. The reader hands every bad row here and carries on with the next one.
public protocol QuarantineSink: AnyObject {
    func quarantine(_ entry: QuarantineEntry) throws(BundleError)
}

/// Keeps quarantined rows in memory, for tests and small bundles.
public final class QuarantineCollector: QuarantineSink {
    public private(set) var entries: [QuarantineEntry] = []
    public init() {}
    public func quarantine(_ entry: QuarantineEntry) { entries.append(entry) }
}

/// Writes quarantined rows to a CSV file with the columns `file,line,field,reason,detail,original`.
public final class QuarantineFile: QuarantineSink {
    public static let columns = ["file", "line", "field", "reason", "detail", "original"]
    public let path: String
    private let writer: CSVWriter
    public private(set) var count = 0

    public init(path: String) throws(BundleError) {
        self.path = path
        writer = try CSVWriter(path: path)
        try writer.write(Self.columns)
    }

    public func quarantine(_ entry: QuarantineEntry) throws(BundleError) {
        count += 1
        try writer.write([entry.file, String(entry.line), entry.field, entry.reason.rawValue, entry.detail,
                          entry.original])
    }

    public func close() throws(BundleError) { try writer.close() }
}
