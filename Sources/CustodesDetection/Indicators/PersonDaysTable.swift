import CustodesModel

/// One member of staff's days of unexplained access by person (``PersonDays``): what the repeat rule and the lists
/// worked through read, changed at every unexplained access.
///
/// A `Dictionary` here cost three waits for memory per access: its storage's header (read to check it was not
/// shared), the bucket, and the person's list, together 3 to 4% of a one-core run's samples in `perf` on the
/// realistic 160-day force. This table's address and size sit in the activity, which the look-ahead has asked for
/// already, so the slot a person's search starts at can be asked for too (``slotAddress(for:)``) before the access
/// is processed.
///
/// Open addressing with linear probing, at most half full. It owns its memory, so it cannot be copied: one per
/// activity, in ``StaffActivities``.
struct PersonDaysTable: ~Copyable {
    /// The days first: the person then fills the days' last eight bytes of alignment, and a slot takes 24 bytes.
    private struct Slot {
        var days: PersonDays
        /// -1 for an empty slot.
        var person: PersonIndex

        init(person: PersonIndex, days: PersonDays) {
            self.days = days
            self.person = person
        }
    }

    /// A slot's size in memory, for its test.
    static var slotStride: Int { MemoryLayout<Slot>.stride }

    private var slots: UnsafeMutablePointer<Slot>?
    /// Both fit in 32 bits (a member of staff's people within the repeat window), so the table takes 16 bytes of
    /// the activity.
    private var slotCount: Int32 = 0
    private var filled: Int32 = 0

    private var capacity: Int {
        get { Int(slotCount) }
        set { slotCount = Int32(newValue) }
    }

    private(set) var count: Int {
        get { Int(filled) }
        set { filled = Int32(newValue) }
    }

    init() {}

    deinit { Self.release(slots, capacity: capacity) }

    private static func release(_ slots: UnsafeMutablePointer<Slot>?, capacity: Int) {
        guard let slots else { return }
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }

    /// Where the search for `person` starts, only to ask for it ahead of the access (a prefetch never faults, so an
    /// address made stale by the table growing meanwhile costs nothing).
    @inline(__always)
    func slotAddress(for person: PersonIndex) -> UnsafeRawPointer? {
        guard let slots else { return nil }
        return UnsafeRawPointer(slots + personSlot(person, mask: capacity - 1))
    }

    /// The slot holding `person`, or the empty one where they would go.
    @inline(__always)
    private func find(_ person: PersonIndex) -> (index: Int, found: Bool) {
        guard let slots else { return (0, false) }
        var index = personSlot(person, mask: capacity - 1)
        while true {
            let stored = slots[index].person
            if stored == person { return (index, true) }
            if stored < 0 { return (index, false) }
            index = (index + 1) & (capacity - 1)
        }
    }

    /// The person's days, if any.
    func days(of person: PersonIndex) -> PersonDays? {
        let (index, found) = find(person)
        return found ? slots![index].days : nil
    }

    /// Changes the person's days in place, starting from none.
    @inline(__always)
    mutating func update<Result>(_ person: PersonIndex, _ body: (inout PersonDays) -> Result) -> Result {
        precondition(person >= 0, "people are counted from zero")
        var (index, found) = find(person)
        if !found {
            if (count + 1) * 2 > capacity {
                resize(to: max(8, capacity * 2))
                index = find(person).index
            }
            slots![index].person = person
            count += 1
        }
        return body(&slots![index].days)
    }

    /// Calls `body` with each person and their days, in no particular order, until it returns false.
    func forEach(_ body: (PersonIndex, borrowing PersonDays) -> Bool) {
        guard let slots else { return }
        for index in 0..<capacity where slots[index].person >= 0 {
            if !body(slots[index].person, slots[index].days) { return }
        }
    }

    /// Forgets the people whose days `isStale` says are all past use, in place.
    mutating func removeAll(where isStale: (borrowing PersonDays) -> Bool) {
        guard let slots else { return }
        var index = 0
        while index < capacity {
            if slots[index].person >= 0 && isStale(slots[index].days) {
                // Whatever moves into this slot is looked at in its turn.
                remove(at: index)
            } else {
                index += 1
            }
        }
    }

    /// Empties a slot and shifts back the people after it whose search passed it (no markers of removal, so
    /// searches stay as short as the table is full).
    private mutating func remove(at index: Int) {
        let slots = slots!, mask = capacity - 1
        slots[index].person = -1
        slots[index].days = PersonDays()
        var hole = index, next = index
        while true {
            next = (next + 1) & mask
            let person = slots[next].person
            if person < 0 { break }
            let home = personSlot(person, mask: capacity - 1)
            // It stays if its home lies cyclically after the hole and no later than where it sits.
            let stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if stays { continue }
            // Moved: the list changes hands with no copy and no count of references.
            swap(&slots[hole], &slots[next])
            hole = next
        }
        count -= 1
    }

    /// Moves every person to a table of `size` slots.
    private mutating func resize(to size: Int) {
        let old = slots, oldCapacity = capacity
        let fresh = UnsafeMutablePointer<Slot>.allocate(capacity: size)
        fresh.initialize(repeating: Slot(person: -1, days: PersonDays()), count: size)
        slots = fresh
        capacity = size
        guard let old else { return }
        for index in 0..<oldCapacity where old[index].person >= 0 {
            var target = personSlot(old[index].person, mask: size - 1)
            while fresh[target].person >= 0 { target = (target + 1) & (size - 1) }
            // Moved: the list changes hands with no copy and no count of references.
            swap(&fresh[target], &old[index])
        }
        Self.release(old, capacity: oldCapacity)
    }
}
