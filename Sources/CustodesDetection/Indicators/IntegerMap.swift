import CustodesModel

/// A hash map from non-negative integers to integers, for the per-event bookkeeping of detection (who looked at whom,
/// and when). Swift's Dictionary hashes with SipHash, seeded per process, which is right for untrusted keys but costs
/// more than the rest of an explained access; these keys are our own array positions.
///
/// Open addressing with linear probing and a multiplicative hash; grows at half full; no removal except `removeAll`
/// and `filter`, which rebuild.
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
        entries = Array(repeating: Entry(key: Self.empty, value: 0), count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(for key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
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

    /// Keeps only the entries `isIncluded` accepts.
    mutating func filter(_ isIncluded: (Int64, Int64) -> Bool) {
        var kept = IntegerMap(capacity: count)
        for entry in entries where entry.key != Self.empty && isIncluded(entry.key, entry.value) {
            kept.insert(entry.key, entry.value)
        }
        self = kept
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(key: Self.empty, value: 0), count: entries.count * 2)
        mask = entries.count - 1
        count = 0
        for entry in old where entry.key != Self.empty { insert(entry.key, entry.value) }
    }
}

/// A set of non-negative integers, hashed as ``IntegerMap`` is: for the (staff, person) pairs ever seen, which grow
/// to millions in a year of a large force.
struct IntegerSet {
    private var keys: [Int64]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 8) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        keys = HugePages.array(repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(for key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    func contains(_ key: Int64) -> Bool {
        var index = slot(for: key)
        while true {
            let stored = keys[index]
            if stored == key { return true }
            if stored == -1 { return false }
            index = (index + 1) & mask
        }
    }

    /// Inserts the key; returns whether it was new.
    @discardableResult
    mutating func insert(_ key: Int64) -> Bool {
        precondition(key >= 0, "IntegerSet keys are non-negative")
        if (count + 1) * 2 > keys.count { grow() }
        var index = slot(for: key)
        while true {
            let stored = keys[index]
            if stored == key { return false }
            if stored == -1 {
                keys[index] = key
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = keys
        keys = Array(repeating: -1, count: keys.count * 2)
        mask = keys.count - 1
        count = 0
        for key in old where key != -1 { insert(key) }
    }
}
