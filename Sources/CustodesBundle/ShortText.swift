/// Short ASCII strings made from their bytes, and their bytes read, without a call: what Swift keeps inside a short
/// string's own value.
///
/// Swift keeps a string of up to 15 UTF-8 bytes in the string value itself, with no storage elsewhere: the bytes in
/// order, then a last byte holding the form and the count. Almost every string of an audit event is such (event ids,
/// workstations, typed reasons), and making each through `String(decoding:as:)`, which checks the bytes and chooses a
/// form, was about a quarter of merging the sorted runs on two cores (`perf`, the realistic 160-day force,
/// docs/performance.md). The layout is checked once against strings made the ordinary way (``isAvailable``); where
/// it does not hold, callers make their strings the ordinary way.
enum ShortText {
    /// A short ASCII string's last byte, less the count.
    static let asciiMark: UInt8 = 0xE0

    /// Whether short strings' values are laid out as described above, so that the functions here may be used.
    static let isAvailable: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let samples = ["", "a", "RMS-00000335", "WS-ALD-144", "123456789012345"]
        for sample in samples {
            guard let length = count(of: sample), length == sample.utf8.count else { return false }
            // A byte past the text, so that even the empty string's bytes have an address.
            let rebuilt = (Array(sample.utf8) + [0]).withUnsafeBytes { make(count: length, from: $0.baseAddress!) }
            guard let rebuilt, rebuilt == sample, words(rebuilt) == words(sample) else { return false }
        }
        // Longer text, and text outside ASCII, is never taken for the short form.
        return count(of: "1234567890123456") == nil && count(of: "é") == nil
            && count(of: String(repeating: "reason ", count: 10)) == nil
    }()

    /// The count of a short ASCII string, read from its value; nil for any other string.
    @inline(__always)
    static func count(of text: String) -> Int? { count(of: words(text)) }

    /// The count of a short ASCII string from its value's two words; nil for any other string.
    @inline(__always)
    static func count(of words: (UInt64, UInt64)) -> Int? {
        let last = UInt8(truncatingIfNeeded: words.1 >> 56)
        return last & 0xF0 == asciiMark ? Int(last & 0x0F) : nil
    }

    /// The string's value as two words, in memory order.
    @inline(__always)
    static func words(_ text: String) -> (UInt64, UInt64) {
        withUnsafeBytes(of: text) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// A short ASCII string of the `count` (at most 15) bytes at `bytes`; nil when they are not all ASCII.
    @inline(__always)
    static func make(count: Int, from bytes: UnsafeRawPointer) -> String? {
        precondition(count >= 0 && count <= 15, "a short string holds at most 15 bytes")
        var value: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &value) { raw in
            raw.baseAddress!.copyMemory(from: bytes, byteCount: count)
            raw[15] = asciiMark | UInt8(count)
        }
        return make(value, count: count)
    }

    /// A short ASCII string of `count` bytes from two words whose bytes past `count` may hold anything (read
    /// straight from a buffer); nil when the bytes are not all ASCII.
    @inline(__always)
    static func make(loaded value: (UInt64, UInt64), count: Int) -> String? {
        let low = count >= 8 ? value.0 : value.0 & ((1 << (UInt64(count) * 8)) &- 1)
        let high = count <= 8 ? 0 : value.1 & ((1 << (UInt64(count - 8) * 8)) &- 1)
        return make((low, high | UInt64(asciiMark | UInt8(count)) << 56), count: count)
    }

    @inline(__always)
    private static func make(_ value: (UInt64, UInt64), count: Int) -> String? {
        // The ASCII flag is a promise to the standard library: a byte at 0x80 or above would break it.
        let text = (value.0 | value.1 & 0x00FF_FFFF_FFFF_FFFF) & 0x8080_8080_8080_8080
        guard text == 0 else { return nil }
        return unsafeBitCast(value, to: String.self)
    }
}
