import CustodesModel

/// A set of people for counting each person once among one member of staff's look-ups, emptied in constant time and
/// kept for every member of staff at every week's close.
///
/// Sized to the look-ups being counted, not to the force's people. A mark per person of the force, allocated at each
/// close, was 2.8 MB of fresh memory twice a week on a 700,000-person force: the kernel zeroes every fresh page on
/// first touch, which on a virtual machine was 2.7% of a one-core run's samples (`perf`), and every insert was a miss
/// to memory. A hashed `Set` before that cost 5% in hashing and allocation (docs/performance.md).
///
/// Open addressing with linear probing. Each slot holds the generation that wrote it beside the person, so a slot of
/// an older generation is empty and `removeAll` only moves the generation on.
struct DistinctPeople {
    private var slots: [UInt64]
    private var mask: Int
    private var generation: UInt64 = 1
    private(set) var count = 0

    init(capacity: Int = 32) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Empties the set.
    mutating func removeAll() {
        count = 0
        generation += 1
        if generation == 1 << 32 {
            // Once in four billion emptyings the generations wrap; start again from clean slots.
            for index in slots.indices { slots[index] = 0 }
            generation = 1
        }
    }

    /// Adds the person; returns whether they were not in the set already.
    @inline(__always)
    mutating func insert(_ person: PersonIndex) -> Bool {
        let tag = generation << 32 | UInt64(UInt32(bitPattern: person))
        var index = personSlot(person, mask: mask)
        while true {
            let slot = slots[index]
            if slot == tag { return false }
            if slot >> 32 != generation { break }
            index = (index + 1) & mask
        }
        if (count + 1) * 2 > slots.count {
            grow()
            return insert(person)
        }
        slots[index] = tag
        count += 1
        return true
    }

    /// Doubles the slots, keeping the current generation's people.
    private mutating func grow() {
        let people = slots.filter { $0 >> 32 == generation }
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for tag in people {
            var index = personSlot(PersonIndex(truncatingIfNeeded: tag & 0xFFFF_FFFF), mask: mask)
            while slots[index] >> 32 == generation { index = (index + 1) & mask }
            slots[index] = tag
        }
    }
}
