/// The strings of a sorted run's file: short ASCII text as the bytes Swift keeps inside the string's own value, so
/// that reading a run back makes each string without a call.
///
/// Swift keeps a string of up to 15 UTF-8 bytes in the string value itself, with no storage elsewhere: the bytes in
/// order, then a last byte holding the form and the count. Almost every string of an audit event is such (event ids,
/// workstations, typed reasons); making each through `String(decoding:as:)`, which checks the bytes and chooses a
/// form, was about a quarter of merging the runs on two cores (`perf`, the realistic 160-day force,
/// docs/performance.md). A run is written and read back by the same process, so the value's bytes are a complete
/// copy of the string. The layout is checked once against strings made the ordinary way (``isAvailable``); where it
/// does not hold, every string is written in the general form, its length then its UTF-8, as before.
///
/// Each string is one byte, then:
/// - `0xE0 | count` (the last byte of a short ASCII string's value): `count` bytes of ASCII;
/// - `0`: a 4-byte length, then that many bytes of UTF-8 (longer text, or text outside ASCII).
enum RunFileText {
    /// The general form's first byte.
    static let generalForm: UInt8 = 0
    /// The first byte of the short form, less the count: the top nibble Swift gives a short ASCII string's last byte.
    static let shortASCII: UInt8 = 0xE0

    /// Whether short strings are written in the short form: their values' layout is as described above.
    static let isAvailable: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let samples = ["", "a", "RMS-00000335", "WS-ALD-144", "123456789012345"]
        for sample in samples {
            guard let count = shortCount(sample), count == sample.utf8.count else { return false }
            // A byte past the text, so that even the empty string's bytes have an address.
            let rebuilt = (Array(sample.utf8) + [0]).withUnsafeBytes { make(count: count, from: $0.baseAddress!) }
            guard let rebuilt, rebuilt == sample, words(rebuilt) == words(sample) else { return false }
        }
        // Longer text, and text outside ASCII, is never taken for the short form.
        return shortCount("1234567890123456") == nil && shortCount("é") == nil
            && shortCount(String(repeating: "reason ", count: 10)) == nil
    }()

    /// The count of a short ASCII string, read from its value; nil for any other string.
    @inline(__always)
    static func shortCount(_ text: String) -> Int? {
        let last = UInt8(truncatingIfNeeded: words(text).1 >> 56)
        return last & 0xF0 == shortASCII ? Int(last & 0x0F) : nil
    }

    /// The string's value as two words, in memory order.
    @inline(__always)
    static func words(_ text: String) -> (UInt64, UInt64) {
        withUnsafeBytes(of: text) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// The string's first `count` bytes (its short form's bytes, written after the first byte).
    @inline(__always)
    static func withShortBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        withUnsafeBytes(of: text) { raw in body(UnsafeRawBufferPointer(rebasing: raw[0..<Int(raw[15] & 0x0F)])) }
    }

    /// A short ASCII string of the `count` (at most 15) bytes at `bytes`; nil when they are not all ASCII.
    @inline(__always)
    static func make(count: Int, from bytes: UnsafeRawPointer) -> String? {
        var value: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &value) { raw in
            raw.baseAddress!.copyMemory(from: bytes, byteCount: count)
            raw[15] = shortASCII | UInt8(count)
        }
        return make(value, count: count)
    }

    /// A short ASCII string of `count` bytes from two words whose bytes past `count` may hold anything (read
    /// straight from the run's buffer); nil when the bytes are not all ASCII.
    @inline(__always)
    static func make(loaded value: (UInt64, UInt64), count: Int) -> String? {
        let low = count >= 8 ? value.0 : value.0 & ((1 << (UInt64(count) * 8)) &- 1)
        let high = count <= 8 ? 0 : value.1 & ((1 << (UInt64(count - 8) * 8)) &- 1)
        return make((low, high | UInt64(shortASCII | UInt8(count)) << 56), count: count)
    }

    @inline(__always)
    private static func make(_ value: (UInt64, UInt64), count: Int) -> String? {
        // The ASCII flag is a promise to the standard library: a byte at 0x80 or above would break it.
        let text = (value.0 | value.1 & 0x00FF_FFFF_FFFF_FFFF) & 0x8080_8080_8080_8080
        guard text == 0 else { return nil }
        return unsafeBitCast(value, to: String.self)
    }
}
