import NIOCore

/// Rows in PostgreSQL's COPY text format (tab-separated, with backslash, tab, newline and carriage return escaped),
/// gathered in plain bytes and handed to the connection a megabyte at a time.
///
/// Encoding is on the hot path of ingest: a profile of the simulated year's load into PostgreSQL put a fifth of
/// Custodes' own time in writing rows field by field into a `ByteBuffer` (a capacity check and an exclusivity check
/// per field, a `String` allocated per integer). Here a field is one scan for the four special bytes and one copy.
struct CopyTextBuffer {
    private(set) var bytes: [UInt8] = []

    /// Bytes after which the caller should hand the rows over.
    static let flushSize = 1 << 20

    init(capacity: Int = Self.flushSize + 4096) { bytes.reserveCapacity(capacity) }

    var isFull: Bool { bytes.count >= Self.flushSize }
    var isEmpty: Bool { bytes.isEmpty }

    /// The rows so far, as the connection takes them; the buffer is then empty.
    mutating func take() -> ByteBuffer {
        let buffer = ByteBuffer(bytes: bytes)
        bytes.removeAll(keepingCapacity: true)
        return buffer
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var clean = true
            for byte in utf8
            where byte == UInt8(ascii: "\\") || (byte < 14 && (byte == 9 || byte == 10 || byte == 13)) {
                clean = false
                break
            }
            if clean {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 9: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 10: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 13: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: bytes.append(byte)
                }
            }
        }
    }

    mutating func append(_ number: Int64) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of any Int64
        withUnsafeMutableBytes(of: &digits) { raw in
            var start = raw.count
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...]))
        }
    }

    /// Bytes already in COPY text.
    mutating func append(bytes more: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: more) }

    mutating func append(real number: Double) { append("\(number)") }

    /// PostgreSQL's NULL in the text format.
    mutating func appendNull() { bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")]) }

    /// A field followed by the tab that ends it.
    mutating func field(_ text: String) {
        append(text)
        tab()
    }

    mutating func field(_ number: Int64) {
        append(number)
        tab()
    }

    mutating func tab() { bytes.append(9) }
    mutating func endRow() { bytes.append(10) }
}
