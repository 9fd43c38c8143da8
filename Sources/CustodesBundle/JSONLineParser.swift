/// A streaming reader of JSON Lines whose objects are flat: string, number, boolean or null values, or an array of
/// strings (taken as a `;`-separated list, so `"fields": ["contact", "address"]` equals `"contact;address"`).
/// A contract field holding a nested object is rejected: the contract has none, and guessing how to flatten one would
/// hide a mapping mistake in the exporting system. Fields outside the contract are skipped whatever they hold.
///
/// Values are kept as unescaped bytes laid end to end, as the CSV parser keeps its fields, so decoders that want a
/// time, an identifier or a vocabulary never pay for a String (profiling put String validation at half the cost of
/// reading a JSON Lines audit file).
final class JSONLineParser {
    private let source: ByteSource
    var path: String { source.path }

    /// Why the current line could not be read, or nil.
    private(set) var problem: String?
    private(set) var line = 0

    private let keyIndex: [String: Int]
    /// The requested keys as bytes, matched without building a String for every key of every line.
    private let keyBytes: [[UInt8]]
    private var lineStart = 0
    private var lineEnd = 0
    /// The current line's values for the requested keys: value `k` is `valueBytes[valueStarts[k]..<valueEnds[k]]`,
    /// or absent (a missing key or null) when `valueStarts[k]` is negative.
    private var valueBytes = GrowableBuffer<UInt8>(capacity: 4096)
    private var valueStarts: [Int]
    private var valueEnds: [Int]
    /// Where values outside the contract, and escaped keys, are decoded and dropped.
    private var scratch = GrowableBuffer<UInt8>(capacity: 256)

    /// Parses from byte `offset`, which must be where a line starts; lines are then counted from there.
    init(path: String, keys: [String], from offset: Int = 0) throws(BundleError) {
        source = try ByteSource(path: path, from: offset)
        source.fill()
        if offset == 0 { source.skipByteOrderMark() }
        var index: [String: Int] = [:]
        for (position, key) in keys.enumerated() { index[key] = position }
        keyIndex = index
        keyBytes = keys.map { Array($0.utf8) }
        valueStarts = Array(repeating: -1, count: keys.count)
        valueEnds = Array(repeating: -1, count: keys.count)
    }

    deinit {
        valueBytes.deallocate()
        scratch.deallocate()
    }

    /// Why reading stopped before the end of the file, if it did.
    var readFailure: String? { source.failure }

    /// Where the current line starts in the file, in bytes.
    var recordOffset: Int { source.base + lineStart }

    /// The value of key `slot` (its position in `keys`) on the current line, or nil when absent or null.
    func value(_ slot: Int) -> String? {
        bytes(slot).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same value as UTF-8 bytes, valid until the next call to `next()`.
    @inline(__always)
    func bytes(_ slot: Int) -> UnsafeBufferPointer<UInt8>? {
        let start = valueStarts[slot]
        return start < 0 ? nil : valueBytes.slice(start..<valueEnds[slot])
    }

    /// Moves to the next non-blank line. Returns false at the end of the file.
    func next() -> Bool {
        while true {
            var newline = -1
            source.bytes.withUnsafeBufferPointer { bytes in
                var i = source.start
                while i < source.end {
                    if bytes[i] == UInt8(ascii: "\n") { newline = i; break }
                    i += 1
                }
            }
            if newline < 0 {
                if !source.isAtEnd {
                    source.fill()
                    continue
                }
                if source.start >= source.end { return false }
                newline = source.end
            }
            line += 1
            lineStart = source.start
            lineEnd = newline > lineStart && source.bytes[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
            source.start = min(newline + 1, source.end)
            if isBlank() { continue }
            parse()
            return true
        }
    }

    /// The current line's original text. Valid until the next call to `next()`.
    func rawText() -> String {
        String(decoding: source.bytes[lineStart..<lineEnd], as: UTF8.self)
    }

    private func isBlank() -> Bool {
        for i in lineStart..<lineEnd where source.bytes[i] != UInt8(ascii: " ") && source.bytes[i] != 9 { return false }
        return true
    }

    private func parse() {
        for i in valueStarts.indices { valueStarts[i] = -1 }
        valueBytes.removeAll()
        problem = nil
        source.bytes.withUnsafeBufferPointer { bytes in
            var cursor = JSONCursor(bytes: bytes, position: lineStart, end: lineEnd)
            do throws(JSONCursor.Failure) {
                try cursor.expect(UInt8(ascii: "{"))
                cursor.skipSpace()
                if cursor.peek() == UInt8(ascii: "}") {
                    cursor.position += 1
                } else {
                    while true {
                        cursor.skipSpace()
                        let slot = try cursor.keySlot(keyBytes, scratch: &scratch, fallback: keyIndex)
                        try cursor.expect(UInt8(ascii: ":"))
                        if let slot {
                            let start = valueBytes.count
                            if try cursor.flatValue(into: &valueBytes) {
                                valueStarts[slot] = start
                                valueEnds[slot] = valueBytes.count
                            } else {
                                valueStarts[slot] = -1
                            }
                        } else {
                            try cursor.skipValue(scratch: &scratch)
                        }
                        cursor.skipSpace()
                        if cursor.peek() == UInt8(ascii: ",") { cursor.position += 1; continue }
                        try cursor.expect(UInt8(ascii: "}"))
                        break
                    }
                }
                cursor.skipSpace()
                if cursor.position != cursor.end { throw JSONCursor.Failure("text after the closing brace") }
            } catch {
                problem = "not a flat JSON object: \(error.reason) at column \(cursor.position - lineStart + 1)"
            }
        }
    }
}

/// A position in one line of JSON, with the few productions the flat object format needs.
struct JSONCursor {
    struct Failure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    func peek() -> UInt8? { position < end ? bytes[position] : nil }

    mutating func skipSpace() {
        while position < end, bytes[position] == 32 || bytes[position] == 9 || bytes[position] == 13 { position += 1 }
    }

    mutating func expect(_ byte: UInt8) throws(Failure) {
        skipSpace()
        guard position < end, bytes[position] == byte else {
            throw Failure("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    /// Appends a string, a number, true/false (as text), or an array of strings joined with `;` to `out`; false
    /// (with nothing appended) for null.
    mutating func flatValue(into out: inout GrowableBuffer<UInt8>) throws(Failure) -> Bool {
        skipSpace()
        guard let byte = peek() else { throw Failure("missing value") }
        switch byte {
        case UInt8(ascii: "\""):
            try string(into: &out)
            return true
        case UInt8(ascii: "n"):
            try literal("null")
            return false
        case UInt8(ascii: "t"):
            try literal("true")
            append("true", to: &out)
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            append("false", to: &out)
            return true
        case UInt8(ascii: "["):
            position += 1
            skipSpace()
            if peek() == UInt8(ascii: "]") { position += 1; return true }
            var first = true
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw Failure("an array may hold only strings") }
                if !first { out.append(UInt8(ascii: ";")) }
                first = false
                try string(into: &out)
                skipSpace()
                if peek() == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "]"))
                return true
            }
        case UInt8(ascii: "{"):
            throw Failure("nested objects are not part of the format")
        default:
            let start = position
            while position < end, let c = peek(),
                  (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                  || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                position += 1
            }
            guard position > start else { throw Failure("unexpected character") }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            return true
        }
    }

    private func append(_ word: StaticString, to out: inout GrowableBuffer<UInt8>) {
        out.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// Skips any JSON value, nested or not: fields outside the contract are allowed and ignored, whatever their shape.
    mutating func skipValue(scratch: inout GrowableBuffer<UInt8>, depth: Int = 0) throws(Failure) {
        skipSpace()
        guard depth < 64 else { throw Failure("nesting too deep") }
        switch peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = peek() == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            position += 1
            skipSpace()
            if peek() == close { position += 1; return }
            while true {
                skipSpace()
                if isObject {
                    scratch.removeAll()
                    try string(into: &scratch)
                    try expect(UInt8(ascii: ":"))
                }
                try skipValue(scratch: &scratch, depth: depth + 1)
                skipSpace()
                if peek() == UInt8(ascii: ",") { position += 1; continue }
                try expect(close)
                return
            }
        default:
            scratch.removeAll()
            _ = try flatValue(into: &scratch)
        }
    }

    /// The position of the key at the cursor among `keys`, or nil for a key outside them. Keys without escapes are
    /// compared as bytes; an escaped key is decoded and looked up in `fallback`.
    mutating func keySlot(_ keys: [[UInt8]], scratch: inout GrowableBuffer<UInt8>,
                          fallback: [String: Int]) throws(Failure) -> Int? {
        guard peek() == UInt8(ascii: "\"") else { throw Failure("expected a string") }
        let start = position + 1
        var end = start
        while end < self.end, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        if end < self.end, bytes[end] == UInt8(ascii: "\"") {
            position = end + 1
            let length = end - start
            for (slot, key) in keys.enumerated() where key.count == length {
                var same = true
                for offset in 0..<length where key[offset] != bytes[start + offset] {
                    same = false
                    break
                }
                if same { return slot }
            }
            return nil
        }
        scratch.removeAll()
        try string(into: &scratch)
        return fallback[String(decoding: scratch.slice(0..<scratch.count), as: UTF8.self)]
    }

    mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard position + count <= end else { throw Failure("unexpected end of line") }
        for k in 0..<count where bytes[position + k] != word.utf8Start[k] { throw Failure("unexpected character") }
        position += count
    }

    /// Appends the string at the cursor, unescaped, to `out`, and checks that what it appended is UTF-8.
    mutating func string(into out: inout GrowableBuffer<UInt8>) throws(Failure) {
        guard peek() == UInt8(ascii: "\"") else { throw Failure("expected a string") }
        position += 1
        let start = position
        let appendedFrom = out.count
        var high: UInt8 = 0
        // Fast path: no escapes.
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                position += 1
                try Self.checkUTF8(out, from: appendedFrom, high: high)
                return
            }
            if byte == UInt8(ascii: "\\") { break }
            high |= byte
            position += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") {
                try Self.checkUTF8(out, from: appendedFrom, high: 0x80)
                return
            }
            if byte != UInt8(ascii: "\\") { out.append(byte); continue }
            guard position < end else { break }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard position + 1 < end, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                    else { throw Failure("unpaired surrogate") }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw Failure("unpaired surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw Failure("invalid \\u escape") }
                for unit in UTF8.encode(unicode)! { out.append(unit) }
            default:
                throw Failure("invalid escape")
            }
        }
        throw Failure("unterminated string")
    }

    /// ASCII (no byte with its high bit set) needs no decoding; anything else must be valid UTF-8.
    private static func checkUTF8(_ out: GrowableBuffer<UInt8>, from start: Int, high: UInt8) throws(Failure) {
        guard high >= 0x80 else { return }
        if String(validating: out.slice(start..<out.count), as: UTF8.self) == nil { throw Failure("invalid UTF-8") }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= end else { throw Failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[position]
            position += 1
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw Failure("invalid \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }
}
