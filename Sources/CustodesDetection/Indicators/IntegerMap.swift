internal import CCustodesPrefetch
import CustodesModel

/// A hash map from non-negative integers to integers, for the per-event bookkeeping of detection (who looked at whom,
/// and when: the pairs grow to millions in a year of a large force). Swift's Dictionary hashes with SipHash, seeded
/// per process, which is right for untrusted keys but costs more than the rest of an explained access; these keys
/// are our own array positions.
///
/// Open addressing with linear probing and a multiplicative hash; grows at half full; no removal. It owns its memory
/// (an `Array` was checked for sharing at every insert, which `perf` showed), so it cannot be copied.
struct IntegerMap: ~Copyable {
    /// A key and its value side by side, so that a look-up touches one cache line, not one in each of two arrays
    /// (profiled at a tenth of detection with the keys and values apart).
    private struct Entry {
        var key: Int64
        var value: Int64
    }

    private var entries: UnsafeMutablePointer<Entry>
    private var capacity: Int
    private(set) var count = 0
    private var mask: Int

    private static let empty: Int64 = -1

    init(capacity: Int = 8) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        entries = Self.allocate(size)
        self.capacity = size
        mask = size - 1
    }

    deinit { entries.deallocate() }

    /// `size` empty slots, in memory advised for huge pages before it is written (``HugePages``).
    private static func allocate(_ size: Int) -> UnsafeMutablePointer<Entry> {
        let bytes = size * MemoryLayout<Entry>.stride
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        HugePages.advise(raw, byteCount: bytes)
        let entries = raw.bindMemory(to: Entry.self, capacity: size)
        entries.initialize(repeating: Entry(key: empty, value: 0), count: size)
        return entries
    }

    @inline(__always)
    private func slot(for key: Int64) -> Int { Self.slot(for: key, mask: mask) }

    @inline(__always)
    private static func slot(for key: Int64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Where the slots are, for asking ahead over a batch of events (``Prefetcher``): in a table of millions of
    /// pairs the slot where a key's search starts is a miss to memory, and asked for a few events early it is in
    /// cache when the `insert` or look-up comes.
    var prefetcher: Prefetcher { Prefetcher(base: UnsafeRawPointer(entries), mask: mask) }

    /// Asks for slots by their address, taken once for a batch. The address is only ever prefetched, never read
    /// through, so one made stale by the map growing during the batch asks for memory nobody reads (a prefetch never
    /// faults) until the next batch takes a fresh one.
    struct Prefetcher {
        let base: UnsafeRawPointer?
        let mask: Int

        @inline(__always)
        func prefetch(_ key: Int64) {
            guard let base else { return }
            custodes_prefetch(base + IntegerMap.slot(for: key, mask: mask) * MemoryLayout<Entry>.stride)
        }
    }

    subscript(key: Int64) -> Int64? {
        var index = slot(for: key)
        while true {
            let stored = entries[index]
            if stored.key == key { return stored.value }
            if stored.key == Self.empty { return nil }
            index = (index + 1) & mask
        }
    }

    /// Sets the value; returns whether the key was new.
    @discardableResult
    mutating func insert(_ key: Int64, _ value: Int64) -> Bool {
        precondition(key >= 0, "IntegerMap keys are non-negative")
        if (count + 1) * 2 > capacity { grow() }
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

    /// Makes room for `capacity` keys in one step, when the caller knows roughly how many will come.
    ///
    /// Growing by doubling writes every slot of every size on the way, and each size is fresh memory whose pages
    /// the kernel zeroes on first touch: on the realistic 160-day force the pair table's growth was a sixth of
    /// explaining and scoring in `perf`, nearly all of it in the kernel's page clearing (docs/performance.md).
    mutating func reserve(_ wanted: Int) {
        var size = capacity
        while size < wanted * 2 { size <<= 1 }
        if size > capacity { resize(to: size) }
    }

    private mutating func grow() { resize(to: capacity * 2) }

    private mutating func resize(to size: Int) {
        let old = entries, oldCapacity = capacity
        entries = Self.allocate(size)
        capacity = size
        mask = size - 1
        count = 0
        for index in 0..<oldCapacity where old[index].key != Self.empty { insert(old[index].key, old[index].value) }
        old.deallocate()
    }
}
