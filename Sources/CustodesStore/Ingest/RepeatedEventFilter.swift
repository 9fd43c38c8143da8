import CCustodesPrefetch

/// Splits each chunk of one ingest run into events whose `event_id` this run has not handed to the store before and
/// events it may have (a re-delivery within the bundle), so that the first can be copied straight into
/// `audit_events` and only the second need the slower insert that skips stored ids.
///
/// Bundles carry re-deliveries throughout (the simulated year has 4,673 among 2.3 million events); without this,
/// nearly every chunk would hit a duplicate and fall back as a whole. Ids are kept as 64-bit hashes in an
/// open-addressed table of their own: a collision only sends an event down the slower path, which is correct for every
/// event. (Splitting took a sixth of Custodes' time in a load into PostgreSQL when it used a `Set` of Swift's seeded
/// hashes and sorted whole rows.)
///
/// Unchecked `Sendable`: an ingest makes it and hands it to the one thread that reads the audit files, which alone
/// uses it.
final class RepeatedEventFilter: @unchecked Sendable {
    /// Hashes, zero for an empty slot; the table is kept at most half full.
    private var slots = [UInt64](repeating: 0, count: 1 << 16)
    private var count = 0
    /// The hash bits kept: all of them, except in tests that narrow them to make new events collide with earlier
    /// ones and so check that every event sent down the re-delivery route is still stored if it is new.
    private let mask: UInt64

    init(hashBits: Int = 64) {
        mask = hashBits >= 64 ? .max : (1 << UInt64(hashBits)) - 1
    }

    /// Events first seen in this run, in `(at, event_id)` order so rows lie on disk in the order detection reads them,
    /// and the rest in their original order.
    func split(_ events: [AuditEventRow]) -> (fresh: [AuditEventRow], repeated: [AuditEventRow]) {
        let hashes = events.map { max(Self.hash($0.eventID) & mask, 1) }
        while (count + hashes.count) * 2 > slots.count { grow() }
        var order: [(at: Int64, index: Int)] = []
        var repeated: [AuditEventRow] = []
        order.reserveCapacity(events.count)
        slots.withUnsafeMutableBufferPointer { table in
            let positions = table.count - 1
            for (index, hash) in hashes.enumerated() {
                // Each slot is a miss to memory in a table of tens of megabytes; asked for a few events ahead, it
                // arrives while those are inserted.
                if index + Self.lookAhead < hashes.count, let base = table.baseAddress {
                    custodes_prefetch(base + (Int(truncatingIfNeeded: hashes[index + Self.lookAhead]) & positions))
                }
                if Self.insert(hash, into: table, positions: positions) {
                    order.append((events[index].at, index))
                } else {
                    repeated.append(events[index])
                }
            }
        }
        count += order.count
        // Sorting keys rather than rows: a row is ten strings, and moving them dominated the sort.
        order.sort { $0.at != $1.at ? $0.at < $1.at : events[$0.index].eventID < events[$1.index].eventID }
        return (order.map { events[$0.index] }, repeated)
    }

    private static let lookAhead = 8

    /// Records `hash` in `table` (kept at most half full by the caller; `positions` is its size less one); false
    /// when it was already recorded.
    private static func insert(_ hash: UInt64, into table: UnsafeMutableBufferPointer<UInt64>,
                               positions: Int) -> Bool {
        var position = Int(truncatingIfNeeded: hash) & positions
        while true {
            let slot = table[position]
            if slot == 0 {
                table[position] = hash
                return true
            }
            if slot == hash { return false }
            position = (position + 1) & positions
        }
    }

    private func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        slots.withUnsafeMutableBufferPointer { table in
            for hash in old where hash != 0 { _ = Self.insert(hash, into: table, positions: table.count - 1) }
        }
    }

    /// FNV-1a over the id's bytes, then MurmurHash3's finaliser so that the low bits (the table position) mix all of
    /// them; never zero.
    static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash == 0 ? 1 : hash
    }
}
