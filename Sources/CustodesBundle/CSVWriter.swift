/// Writes RFC 4180 CSV: a field is quoted only when it must be, quotes are doubled, lines end with LF.
public final class CSVWriter {
    /// The underlying file, for callers that append fields piece by piece (times, deliberately malformed rows).
    public let file: BufferedFileWriter
    public var path: String { file.path }

    public init(path: String) throws(BundleError) {
        file = try BufferedFileWriter(path: path)
    }

    /// Writes one row.
    public func write(_ fields: [String]) throws(BundleError) {
        for (index, field) in fields.enumerated() {
            if index > 0 { separator() }
            append(field)
        }
        try endRow()
    }

    /// Appends one field, quoted if it holds a comma, quote or line break.
    public func append(_ field: String) {
        var needsQuotes = false
        for byte in field.utf8
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            file.append(field)
            return
        }
        file.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { file.append(byte) }
            file.append(byte)
        }
        file.append(UInt8(ascii: "\""))
    }

    /// Appends the separator between fields.
    public func separator() { file.append(UInt8(ascii: ",")) }

    public func endRow() throws(BundleError) { try file.newline() }

    public func close() throws(BundleError) { try file.close() }
}
