import CustodesModel

/// Identifiers (staff, person, occurrence ids) mapped to their positions, looked up straight from the bytes of a
/// row, so that resolving the two references of every audit event needs neither a String nor a SipHash.
///
/// Open addressing with linear probing over a power-of-two table. Identifiers of up to 16 bytes (nearly all) are
/// stored inside their slot, so a lookup in a table of a million people costs one cache miss rather than three;
/// longer ones live in a side table.
final class IdentifierTable {
    /// One slot: the key's first 16 bytes, its length (0 for an empty slot), and the value, or the position in the
    /// side table for longer keys.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length: Int32 = 0
        var value: Int32 = 0
    }

    private let slots: [Slot]
    private let mask: Int
    private let longKeys: [([UInt8], Int32)]

    init(_ dictionary: [String: Int32]) {
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var longKeys: [([UInt8], Int32)] = []
        let mask = capacity - 1
        // Insert in value order so the table is the same on every run.
        for (key, value) in dictionary.sorted(by: { $0.value < $1.value }) {
            var key = key
            key.withUTF8 { bytes in
                guard !bytes.isEmpty else { return }
                var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
                while slots[slot].length != 0 { slot = (slot + 1) & mask }
                let (low, high) = Self.words(bytes)
                if bytes.count <= 16 {
                    slots[slot] = Slot(low: low, high: high, length: Int32(bytes.count), value: value)
                } else {
                    slots[slot] = Slot(low: low, high: high, length: Int32(bytes.count), value: Int32(longKeys.count))
                    longKeys.append((Array(bytes), value))
                }
            }
        }
        self.slots = slots
        self.mask = mask
        self.longKeys = longKeys
    }

    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !key.isEmpty else { return nil }
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        let (low, high) = Self.words(key)
        let length = Int32(key.count)
        return slots.withUnsafeBufferPointer { slots -> Int32? in
            while true {
                let candidate = slots[slot]
                if candidate.length == 0 { return nil }
                if candidate.length == length && candidate.low == low && candidate.high == high {
                    if length <= 16 { return candidate.value }
                    let (stored, value) = longKeys[Int(candidate.value)]
                    if stored.elementsEqual(key) { return value }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The first 16 bytes as two words, zero-padded.
    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for index in 0..<min(bytes.count, 16) {
            if index < 8 {
                low |= UInt64(bytes[index]) << (8 * UInt64(index))
            } else {
                high |= UInt64(bytes[index]) << (8 * UInt64(index - 8))
            }
        }
        return (low, high)
    }

    /// FNV-1a, 64-bit, with a final mix so that ids differing only in their last digits spread across the table.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}

/// A closed vocabulary matched from bytes.
final class VocabularyTable<V: ClosedVocabulary> {
    private let entries: [([UInt8], V)]

    init() {
        entries = V.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> V? {
        for (key, value) in entries where key.count == bytes.count {
            var same = true
            for offset in 0..<key.count where key[offset] != bytes[offset] {
                same = false
                break
            }
            if same { return value }
        }
        return nil
    }
}
