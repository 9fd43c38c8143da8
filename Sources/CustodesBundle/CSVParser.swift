/// A streaming RFC 4180 parser: quoted fields with doubled quotes, line breaks inside quotes, CRLF or LF endings, and
/// an optional UTF-8 byte order mark. It is strict, because a lenient parser that guesses at a broken row can shift
/// every field by one and feed detection wrong values without anyone noticing; a broken row is reported instead, and
/// parsing resumes at the next line.
final class CSVParser {
    enum Problem: Equatable {
        case unterminatedQuote
        case textAfterClosingQuote
        case quoteInUnquotedField
        case invalidUTF8

        var detail: String {
            switch self {
            case .unterminatedQuote: "a quoted field is never closed"
            case .textAfterClosingQuote: "text follows a closing quote (a quote inside a quoted field must be doubled)"
            case .quoteInUnquotedField: "a quote inside an unquoted field (quote the field and double the quote)"
            case .invalidUTF8: "the row is not valid UTF-8"
            }
        }
    }

    private enum Scan {
        case record(end: Int, next: Int, newlines: Int)
        case needMore
        case endOfFile
    }

    private let source: ByteSource
    var path: String { source.path }

    /// The bytes of the current record's fields, unescaped and laid end to end; field `i` is
    /// `fieldBytes[fieldStart(i)..<fieldEnds[i]]`. Fields are kept as bytes so that decoders which want a number, a
    /// time or an identifier never pay for a String.
    private var fieldBytes = GrowableBuffer<UInt8>(capacity: 4096)
    private var fieldEnds = GrowableBuffer<Int>(capacity: 64)

    var fieldCount: Int { fieldEnds.count }

    private func fieldStart(_ index: Int) -> Int { index == 0 ? 0 : fieldEnds[index - 1] }

    /// Field `index`'s bytes, valid until the next call to `next()`.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        fieldBytes.slice(fieldStart(index)..<fieldEnds[index])
    }

    /// Field `index` as text.
    func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// The fields of the current record as text (for the header row and tests).
    var fields: [String] { (0..<fieldCount).map(string) }
    /// Set when the current record is malformed; `fields` is then incomplete.
    private(set) var problem: Problem?
    /// The line the current record starts on (1-based).
    private(set) var line = 0

    private var nextLine = 1
    private var recordStart = 0
    private var recordEnd = 0

    deinit {
        fieldBytes.deallocate()
        fieldEnds.deallocate()
    }

    /// Parses from byte `offset`, which must be where a record starts; lines are then counted from there.
    init(path: String, from offset: Int = 0) throws(BundleError) {
        source = try ByteSource(path: path, from: offset)
        source.fill()
        if offset == 0 { source.skipByteOrderMark() }
    }

    /// Why reading stopped before the end of the file, if it did.
    var readFailure: String? { source.failure }

    /// Where the current record starts in the file, in bytes.
    var recordOffset: Int { source.base + recordStart }

    /// Moves to the next record, skipping blank lines. Returns false at the end of the file.
    func next() -> Bool {
        while true {
            switch scan(atEndOfFile: source.isAtEnd) {
            case .endOfFile:
                return false
            case .needMore:
                if !source.fill() && source.start >= source.end { return false }
            case .record(let end, let next, let newlines):
                recordStart = source.start
                recordEnd = end
                source.start = next
                line = nextLine
                nextLine += newlines
                let blank = problem == nil && fieldEnds.count == 1 && fieldEnds[0] == 0 && end == recordStart
                if !blank { return true }
            }
        }
    }

    /// The current record's original text, for the quarantine file. Valid until the next call to `next()`.
    func rawText() -> String {
        String(decoding: source.bytes[recordStart..<recordEnd], as: UTF8.self)
    }

    /// Whether the bytes of a field are valid UTF-8; ASCII needs no decoding.
    private static func isValidField(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        if high < 0x80 { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    private func scan(atEndOfFile: Bool) -> Scan {
        let start = source.start
        let end = source.end
        if start >= end { return atEndOfFile ? .endOfFile : .needMore }
        fieldBytes.removeAll()
        fieldEnds.removeAll()
        problem = nil
        return source.bytes.withUnsafeBufferPointer { bytes -> Scan in
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
            var i = start
            var newlines = 0

            /// Ends the record at `i`: consumes one line terminator and reports where the next record starts.
            func finish(at recordEnd: Int) -> Scan {
                var next = recordEnd
                if next < end, bytes[next] == cr {
                    if next + 1 == end && !atEndOfFile { return .needMore }
                    next += 1
                }
                if next < end, bytes[next] == lf {
                    next += 1
                    newlines += 1
                } else if next > recordEnd {
                    newlines += 1
                }
                return .record(end: recordEnd, next: next, newlines: newlines)
            }

            /// Skips the rest of a malformed record up to the end of its physical line.
            func resynchronise(from position: Int, _ reason: Problem) -> Scan {
                problem = reason
                var j = position
                while j < end, bytes[j] != lf { j += 1 }
                if j == end && !atEndOfFile { return .needMore }
                let recordEnd = j > start && bytes[j - 1] == cr ? j - 1 : j
                return finish(at: recordEnd)
            }

            while true {
                if i < end, bytes[i] == quote {
                    i += 1
                    let fieldStart = fieldBytes.count
                    var closed = false
                    while i < end {
                        let byte = bytes[i]
                        if byte == quote {
                            if i + 1 == end && !atEndOfFile { return .needMore }
                            if i + 1 < end && bytes[i + 1] == quote {
                                fieldBytes.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if byte == lf { newlines += 1 }
                        fieldBytes.append(byte)
                        i += 1
                    }
                    if !closed {
                        if !atEndOfFile { return .needMore }
                        problem = .unterminatedQuote
                        return .record(end: end, next: end, newlines: newlines)
                    }
                    if !Self.isValidField(fieldBytes.slice(fieldStart..<fieldBytes.count)) {
                        return resynchronise(from: i, .invalidUTF8)
                    }
                    fieldEnds.append(fieldBytes.count)
                    if i == end {
                        if !atEndOfFile { return .needMore }
                        return finish(at: i)
                    }
                    let byte = bytes[i]
                    if byte == comma {
                        i += 1
                        if i == end && atEndOfFile { fieldEnds.append(fieldBytes.count); return finish(at: i) }
                        continue
                    }
                    if byte == cr || byte == lf { return finish(at: i) }
                    return resynchronise(from: i, .textAfterClosingQuote)
                }
                let fieldStart = i
                var sawQuote = false
                var high: UInt8 = 0
                while i < end {
                    let byte = bytes[i]
                    if byte == comma || byte == lf || byte == cr { break }
                    if byte == quote { sawQuote = true }
                    high |= byte
                    i += 1
                }
                if i == end && !atEndOfFile { return .needMore }
                if sawQuote { return resynchronise(from: fieldStart, .quoteInUnquotedField) }
                let copiedFrom = fieldBytes.count
                fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]))
                if high >= 0x80 && !Self.isValidField(fieldBytes.slice(copiedFrom..<fieldBytes.count)) {
                    return resynchronise(from: fieldStart, .invalidUTF8)
                }
                fieldEnds.append(fieldBytes.count)
                if i < end, bytes[i] == comma {
                    i += 1
                    if i == end && atEndOfFile { fieldEnds.append(fieldBytes.count); return finish(at: i) }
                    continue
                }
                return finish(at: i)
            }
        }
    }
}
