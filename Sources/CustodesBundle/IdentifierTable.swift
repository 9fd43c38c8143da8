internal import CCustodesPrefetch
import CustodesModel

/// Identifiers (staff, person, occurrence ids) mapped to their positions, looked up straight from the bytes of a
/// row, so that resolving the two references of every audit event needs neither a String nor a SipHash.
///
/// Open addressing with linear probing over a power-of-two table of 16-byte slots. Identifiers of up to 12 bytes
/// (nearly all) are stored inside their slot, so a lookup costs one cache miss; longer ones live in a side table.
/// The slots are small because the look-up misses the cache on nearly every audit row (it was a quarter of reading
/// the audit files): a million people fill 64 MiB, where 24-byte slots took 96 MiB. Filling the table to three
/// quarters instead of half (32 MiB) made no difference that paired runs could show.
final class IdentifierTable {
    /// One slot: the key's first 12 bytes, and a tag holding the key's length (0 for an empty slot, `longKey` for
    /// keys beyond 12 bytes) in its low four bits and the value, or the position in the side table, above them.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt32 = 0
        var tag: UInt32 = 0
    }

    private static let inlineLength = 12
    private static let longKey: UInt32 = 13
    /// Values have 28 bits: 268 million identifiers per table.
    static let capacityLimit = 1 << 28

    private let slots: [Slot]
    private let mask: Int
    private let longKeys: [([UInt8], Int32)]

    init(_ dictionary: [String: Int32]) {
        precondition(dictionary.count < Self.capacityLimit, "an identifier table holds at most 2^28 identifiers")
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity <<= 1 }
        // Read at random for every audit row: on huge pages a look-up misses the TLB far less.
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
                while slots[slot].tag != 0 { slot = (slot + 1) & mask }
                if bytes.count <= Self.inlineLength {
                    slots[slot] = Slot(low: low, high: high, tag: UInt32(bytes.count) | UInt32(value) << 4)
                } else {
                    slots[slot] = Slot(low: low, high: high, tag: Self.longKey | UInt32(longKeys.count) << 4)
                    longKeys.append((Array(bytes), value))
                }
            }
        }
        self.slots = slots
        self.mask = mask
        self.longKeys = longKeys
    }

    /// Asks the processor for the slot where `key`'s search starts, so that a `lookup` made a little later finds it
    /// in cache: in a large table the slot is a miss to memory, and the work in between hides it.
    func prefetch(_ key: UnsafeBufferPointer<UInt8>) {
        guard !key.isEmpty else { return }
        let (low, high) = Self.words(key)
        let slot = Int(truncatingIfNeeded: Self.hash(key, low, high)) & mask
        slots.withUnsafeBufferPointer { slots in
            if let base = slots.baseAddress { custodes_prefetch(base + slot) }
        }
    }

    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !key.isEmpty else { return nil }
        let (low, high) = Self.words(key)
        var slot = Int(truncatingIfNeeded: Self.hash(key, low, high)) & mask
        let length = key.count <= Self.inlineLength ? UInt32(key.count) : Self.longKey
        return slots.withUnsafeBufferPointer { slots -> Int32? in
            while true {
                let candidate = slots[slot]
                let candidateLength = candidate.tag & 0xF
                if candidateLength == 0 { return nil }
                if candidateLength == length && candidate.low == low && candidate.high == high {
                    if length != Self.longKey { return Int32(candidate.tag >> 4) }
                    let (stored, value) = longKeys[Int(candidate.tag >> 4)]
                    if stored.elementsEqual(key) { return value }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The first 12 bytes as a word and a half-word, zero-padded: whole loads where the key is long enough
    /// (identifiers are mostly 8 to 12 bytes), bytes one by one otherwise. No byte past the key is read.
    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt32) {
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        if count >= 12 {
            return (raw.loadUnaligned(as: UInt64.self).littleEndian,
                    raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
        }
        if count >= 8 {
            // The last four bytes, shifted so that the ones before byte 8 drop out.
            let tail = raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self).littleEndian
            let high = count == 8 ? 0 : tail >> (8 * UInt32(12 - count))
            return (raw.loadUnaligned(as: UInt64.self).littleEndian, high)
        }
        var low: UInt64 = 0
        for index in 0..<count { low |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return (low, 0)
    }

    /// Keys of up to 12 bytes hash from their words and length (a multiply and the 64-bit finaliser of
    /// MurmurHash3, so that ids differing only in their last digits spread across the table); longer keys by FNV-1a
    /// over every byte.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>, _ low: UInt64, _ high: UInt32) -> UInt64 {
        var hash: UInt64
        if key.count <= inlineLength {
            hash = low ^ (UInt64(high) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(key.count) << 59
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
