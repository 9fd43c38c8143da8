/// Rows of one bundle file, whatever its encoding, with each required column found by name.
///
/// CSV and JSON Lines are read by different parsers but decoded by the same code through this protocol, which is what
/// makes the two encodings give identical results.
protocol RowSource: AnyObject {
    /// The file's path, for messages.
    var path: String { get }
    /// The physical line the current row starts on (counted from the piece's start when reading a piece).
    var line: Int { get }
    /// Where the current row starts in the file, in bytes.
    var recordOffset: Int { get }
    /// Why the current row could not be split into fields, or nil.
    var problem: String? { get }
    /// Advances to the next row; false at the end of the file.
    func next() -> Bool
    /// The value of required column `column` (an index into the schema's column list); nil when the row lacks it.
    func value(_ column: Int) -> String?
    /// The same value as UTF-8 bytes, valid until the next call to `next()`, for decoders that need no String; nil
    /// when the row lacks it. Not generic, so a call through the protocol costs one indirect call and no metadata
    /// look-up: it is made ten times for every audit row.
    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>?
    /// The row's original text, for the quarantine file.
    func rawText() -> String
    /// Why reading the file stopped before its end, if it did (an I/O error, not a bad row).
    var readFailure: String? { get }
}

/// A CSV file whose header row names its columns.
final class CSVRowSource: RowSource {
    private let parser: CSVParser
    private let positions: [Int]
    private let width: Int
    private(set) var problem: String?

    var path: String { parser.path }
    var line: Int { parser.line }
    var recordOffset: Int { parser.recordOffset }

    /// `columns` must all be present; `optionalColumns` are read when present and empty otherwise. From an `offset`
    /// beyond the header, the header is read first and the rows from there.
    init(path: String, columns: [String], optionalColumns: [String] = [], from offset: Int = 0) throws(BundleError) {
        let headerParser = try CSVParser(path: path)
        guard headerParser.next() else { throw .emptyFile(file: path) }
        if let headerProblem = headerParser.problem {
            throw .unreadable(file: path, reason: "line 1: the header row is malformed: \(headerProblem.detail)")
        }
        let header = headerParser.fields.map { $0.trimmingSpaces() }
        let missing = columns.filter { !header.contains($0) }
        guard missing.isEmpty else { throw .missingColumns(file: path, columns: missing) }
        positions = columns.map { header.firstIndex(of: $0)! }
            + optionalColumns.map { header.firstIndex(of: $0) ?? Int.max }
        width = header.count
        parser = offset == 0 ? headerParser : try CSVParser(path: path, from: offset)
    }

    func next() -> Bool {
        guard parser.next() else { return false }
        if let parseProblem = parser.problem {
            problem = parseProblem.detail
        } else if parser.fieldCount != width {
            problem = "expected \(width) fields as in the header, found \(parser.fieldCount)"
        } else {
            problem = nil
        }
        return true
    }

    func value(_ column: Int) -> String? {
        let position = positions[column]
        return position < parser.fieldCount ? parser.string(position) : nil
    }

    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
        let position = positions[column]
        return position < parser.fieldCount ? parser.field(position) : nil
    }

    func rawText() -> String { parser.rawText() }
    var readFailure: String? { parser.readFailure }
}

/// A JSON Lines file: one flat object per line, with the same field names as the CSV columns.
final class JSONLRowSource: RowSource {
    private let parser: JSONLineParser

    var path: String { parser.path }
    var line: Int { parser.line }
    var recordOffset: Int { parser.recordOffset }
    var problem: String? { parser.problem }

    init(path: String, columns: [String], optionalColumns: [String] = [], from offset: Int = 0) throws(BundleError) {
        parser = try JSONLineParser(path: path, keys: columns + optionalColumns, from: offset)
    }

    func next() -> Bool { parser.next() }
    func value(_ column: Int) -> String? { parser.value(column) }
    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8>? { parser.bytes(column) }
    func rawText() -> String { parser.rawText() }
    var readFailure: String? { parser.readFailure }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
