internal import CCustodesPrefetch
import CustodesModel

/// The records a batch asks for a few events ahead of the one being processed (``DetectionEngine/process(_:)``).
///
/// An access reads at random in memory far larger than the cache, and most reads depend on the one before: the
/// person's assignment windows are found from where they start, her occurrences' records from her list of them. So
/// the asking is in three stages: what the event alone locates (`first`, furthest ahead), what those records locate
/// (`second`), and what those locate (`third`, the next event). Nothing but the speed depends on it.
struct LookAhead {
    /// The context's tables, held for the batch: they never change. Read from the context for every event, each read
    /// retained and released the table (3% of a one-core run on the realistic year, with `perf`).
    private let assignmentStart: [Int32]
    private let facts: [PersonFacts]
    private let linkStart: [Int32]
    private let occurrences: [CompactOccurrence]
    private let windows: [AssignmentWindow]
    private let occurrenceStart: [Int32]
    private let personOccurrences: [Int32]
    private let occurrenceAssignments: [CompactAssignment]
    private let rosterShiftStart: [Int64]
    private let rosterShiftEnd: [Int64]
    /// The members of staff's activities, asked for, and read only for where each one's days by person are kept
    /// (``PersonDaysTable``): they change as the batch is processed, so they cannot be held like the tables, and
    /// reading them from the engine for every event retained and released their storage. They never move
    /// (``StaffActivities``).
    private let activities: UnsafeRawPointer
    private let staffCount: Int
    private let pairs: IntegerMap.Prefetcher

    init(context: DetectionContext, activities: StaffActivities, pairs: borrowing IntegerMap) {
        assignmentStart = context.personAssignmentStart
        facts = context.personFacts
        linkStart = context.reference.linkStart
        occurrences = context.occurrences
        windows = context.personAssignments
        occurrenceStart = context.personOccurrenceStart
        personOccurrences = context.personOccurrences
        occurrenceAssignments = context.occurrenceAssignments
        rosterShiftStart = context.rosterShiftStart
        rosterShiftEnd = context.rosterShiftEnd
        self.activities = activities.address
        staffCount = activities.count
        self.pairs = pairs.prefetcher
    }

    /// What the event alone locates: the member of staff's activity and (person, staff) pair; where the person's
    /// assignment windows, occurrences and links start, and what is known of her; or the occurrence opened.
    @inline(__always)
    func first(_ access: UnsafePointer<AuditEvent>) {
        let (staff, person, occurrence) = Self.target(access)
        prefetch(activity: Int(staff))
        if let person = person.map(Int.init) {
            assignmentStart.prefetch(person)
            facts.prefetch(person)
            linkStart.prefetch(person)
            occurrenceStart.prefetch(person)
            pairs.prefetch(DetectionEngine.pair(staff, PersonIndex(person)))
        } else if let occurrence {
            occurrences.prefetch(Int(occurrence))
        }
    }

    /// What the first records locate: the member of staff's last record opened and where their roster's search
    /// starts, the person's assignment windows and her list of occurrences, or the assignments of the occurrence
    /// opened.
    @inline(__always)
    func second(_ access: UnsafePointer<AuditEvent>) {
        let (staff, person, occurrence) = Self.target(access)
        prefetch(recordsOf: Int(staff))
        prefetch(rosterOf: Int(staff))
        if let person = person.map(Int.init), person + 1 < assignmentStart.count {
            prefetch(daysOf: Int(staff), person: PersonIndex(person))
            prefetch(lookupsOf: Int(staff))
            let start = Int(assignmentStart[person])
            if start < Int(assignmentStart[person + 1]) { windows.prefetch(start) }
            if person + 1 < occurrenceStart.count {
                let first = Int(occurrenceStart[person])
                if first < Int(occurrenceStart[person + 1]) { personOccurrences.prefetch(first) }
            }
        } else if let occurrence = occurrence.map(Int.init), occurrence < occurrences.count {
            occurrenceAssignments.prefetch(Int(occurrences[occurrence].assignments))
        }
    }

    /// The person's first occurrence, for an access that no assignment window explains: the explainer walks her
    /// occurrences next, and the list and the record were a quarter of the explainer's samples in `perf`.
    @inline(__always)
    func third(_ access: UnsafePointer<AuditEvent>) {
        guard let person = Self.target(access).person.map(Int.init), person + 1 < occurrenceStart.count else { return }
        let first = Int(occurrenceStart[person])
        guard first < Int(occurrenceStart[person + 1]), first < personOccurrences.count else { return }
        occurrences.prefetch(Int(personOccurrences[first]))
    }

    /// Who made the access and whom or what it opened, from the event's stored fields only: the computed `person`
    /// and `occurrence` read through the pointer made a copy of the whole event first, retaining and releasing its
    /// four strings, five times an event (the copies and their releases were about 7% of detection in `perf`).
    @inline(__always)
    private static func target(_ access: UnsafePointer<AuditEvent>)
        -> (staff: StaffIndex, person: PersonIndex?, occurrence: OccurrenceIndex?) {
        let type = access.pointee.entityType, entity = access.pointee.entity
        return (access.pointee.staff, AuditEvent.person(type, entity), AuditEvent.occurrence(type, entity))
    }

    /// Where the search for the person starts in the member of staff's days by person, which an unexplained access
    /// changes: the table's address is in the activity's first line, asked for at the first stage
    /// (``PersonDaysTable``).
    private func prefetch(daysOf staff: Int, person: PersonIndex) {
        guard let slot = activity(staff)?.pointee.unexplainedDays.slotAddress(for: person) else { return }
        custodes_prefetch(slot)
    }

    /// The header of the member of staff's look-ups with no link (``SkewWindowLookups``), which an unexplained
    /// access to a person adds to: its address is in the activity, asked for at the first stage. The header's
    /// reference count and count, which an append reads, lie 24 to 9 bytes before the first look-up.
    private func prefetch(lookupsOf staff: Int) {
        guard let first = activity(staff)?.pointee.unexplained.storageAddress else { return }
        custodes_prefetch(first - 24)
        custodes_prefetch(first - 9)
    }

    /// The member of staff's last record opened, which every access to a person or an occurrence reads or adds to
    /// (``RecentRecords``): its address is in the activity, asked for at the first stage.
    private func prefetch(recordsOf staff: Int) {
        guard let tail = activity(staff)?.pointee.recentRecords.tailAddress else { return }
        custodes_prefetch(tail)
    }

    /// Where the member of staff's roster search will start (``RosterHint``, in the activity): the shift found
    /// last and the one before it, whose end the search reads.
    private func prefetch(rosterOf staff: Int) {
        guard let position = activity(staff)?.pointee.rosterHint.position else { return }
        rosterShiftStart.prefetch(Int(position))
        rosterShiftEnd.prefetch(Int(position) - 1)
    }

    /// The member of staff's activity, read in place (nil for a number outside the force).
    @inline(__always)
    private func activity(_ staff: Int) -> UnsafePointer<StaffActivity>? {
        guard staff >= 0 && staff < staffCount else { return nil }
        return UnsafePointer((activities + staff * StaffActivities.slotBytes).assumingMemoryBound(to: StaffActivity.self))
    }

    /// Every cache line of the activity: an event reads fields all through it (the session near the start, the
    /// recent records near the end), and it spans three lines (192 bytes, each activity starting on a line, see
    /// ``StaffActivities``). Asking for its first line only left the rest as misses (`RecentRecords.add`, reading a
    /// field 136 bytes in, was 3% of a one-core run in `perf`). The last byte is asked for too, in case the activity
    /// grows past a whole number of lines.
    private func prefetch(activity staff: Int) {
        guard staff >= 0 && staff < staffCount else { return }
        let start = activities + staff * StaffActivities.slotBytes
        for offset in stride(from: 0, to: MemoryLayout<StaffActivity>.size, by: 64) { custodes_prefetch(start + offset) }
        custodes_prefetch(start + MemoryLayout<StaffActivity>.size - 1)
    }
}

private extension Array {
    /// Asks for the cache line of element `index`; nothing for an index outside the array.
    @inline(__always)
    func prefetch(_ index: Int) {
        withUnsafeBufferPointer { buffer in
            guard index >= 0 && index < buffer.count, let base = buffer.baseAddress else { return }
            custodes_prefetch(base + index)
        }
    }
}
