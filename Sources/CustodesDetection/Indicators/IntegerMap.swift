internal import CCustodesPrefetch
import CustodesModel

/// A hash map from non-negative integers to integers, for the per-event bookkeeping of detection (who looked at whom,
/// and when: the pairs grow to millions in a year of a large force). Swift's Dictionary hashes with SipHash, seeded
/// per process, which is right for untrusted keys but costs more than the rest of an explained access; these keys
/// are our own array positions.
///
/// Open addressing with linear probing and a multiplicative hash; grows at half full; no removal.
struct IntegerMap {
    /// A key and its value side by side, so that a look-up touches one cache line, not one in each of two arrays
    /// (profiled at a tenth of detection with the keys and values apart).
    private struct Entry {
        var key: Int64
        var value: Int64
    }

    private var entries: [Entry]
    private(set) var count = 0
    private var mask: Int

    private static let empty: Int64 = -1

    init(capacity: Int = 8) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        entries = HugePages.array(repeating: Entry(key: Self.empty, value: 0), count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(for key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Asks the processor for the slot where `key`'s search starts, so that an `insert` or look-up made a little
    /// later finds it in cache: in a table of millions of pairs it is a miss to memory, and the work in between
    /// hides it.
    func prefetch(_ key: Int64) {
        let index = slot(for: key)
        entries.withUnsafeBufferPointer { entries in
            if let base = entries.baseAddress { custodes_prefetch(base + index) }
        }
    }

    subscript(key: Int64) -> Int64? {
        get {
            var index = slot(for: key)
            while true {
                let stored = entries[index]
                if stored.key == key { return stored.value }
                if stored.key == Self.empty { return nil }
                index = (index + 1) & mask
            }
        }
        set {
            guard let newValue else { preconditionFailure("IntegerMap does not remove single keys") }
            insert(key, newValue)
        }
    }

    /// Sets the value; returns whether the key was new.
    @discardableResult
    mutating func insert(_ key: Int64, _ value: Int64) -> Bool {
        precondition(key >= 0, "IntegerMap keys are non-negative")
        if (count + 1) * 2 > entries.count { grow() }
        var index = slot(for: key)
        while true {
            let stored = entries[index].key
            if stored == key {
                entries[index].value = value
                return false
            }
            if stored == Self.empty {
                entries[index] = Entry(key: key, value: value)
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = entries
        entries = HugePages.array(repeating: Entry(key: Self.empty, value: 0), count: entries.count * 2)
        mask = entries.count - 1
        count = 0
        for entry in old where entry.key != Self.empty { insert(entry.key, entry.value) }
    }
}
