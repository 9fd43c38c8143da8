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
        // A million people make a 64 MiB table read at random: on huge pages a look-up misses the TLB far less.
        var slots = HugePages.array(repeating: Slot(), count: capacity)
        var longKeys: [([UInt8], Int32)] = []
        let mask = capacity - 1
        // Insert in value order so the table is the same on every run.
        for (key, value) in dictionary.sorted(by: { $0.value < $1.value }) {
            var key = key
            key.withUTF8 { bytes in
                guard !bytes.isEmpty else { return }
                let (low, high) = Self.words(bytes)
                var slot = Int(truncatingIfNeeded: Self.hash(bytes, low, high)) & mask
                while slots[slot].length != 0 { slot = (slot + 1) & mask }
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
        let (low, high) = Self.words(key)
        var slot = Int(truncatingIfNeeded: Self.hash(key, low, high)) & mask
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

    /// The first 16 bytes as two words, zero-padded: whole-word loads where the key is long enough (identifiers
    /// are mostly 8 to 16 bytes), bytes one by one otherwise.
    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        if count >= 16 {
            return (raw.loadUnaligned(as: UInt64.self).littleEndian,
                    raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian)
        }
        if count >= 8 {
            // The last eight bytes, shifted so that the ones before `count - 8` drop out: no byte past the key is read.
            let tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self).littleEndian
            let high = count == 8 ? 0 : tail >> (8 * UInt64(16 - count))
            return (raw.loadUnaligned(as: UInt64.self).littleEndian, high)
        }
        var low: UInt64 = 0
        for index in 0..<count { low |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return (low, 0)
    }

    /// Keys of up to 16 bytes hash from their two words and length (a multiply and the 64-bit finaliser of
    /// MurmurHash3, so that ids differing only in their last digits spread across the table); longer keys by FNV-1a
    /// over every byte.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>, _ low: UInt64, _ high: UInt64) -> UInt64 {
        var hash: UInt64
        if key.count <= 16 {
            hash = low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(key.count) << 59
        } else {
            hash = 0xCBF2_9CE4_8422_2325
            for byte in key {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
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
