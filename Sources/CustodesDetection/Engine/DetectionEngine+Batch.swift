internal import CCustodesPrefetch
public import CustodesModel

extension DetectionEngine {
    /// How many events ahead of the one being processed the batch entry point asks for records: far enough for the
    /// memory to answer, near enough that the answer is still in cache when the event's turn comes.
    static let lookahead = 4

    /// Processes events in time order, exactly as calling ``process(_:)`` on each, but faster on a large force.
    ///
    /// Each access starts with reads at random in memory far larger than the cache (the member of staff's
    /// activity, where the person's assignment windows are, then the windows themselves), and one event at a time
    /// each read waits for memory in turn. Here those records are requested a few events ahead, so the waits overlap
    /// with the work on the events before. Nothing but the speed depends on it.
    public func process(_ events: [AuditEvent]) {
        for index in events.indices {
            if index + Self.lookahead < events.count { prefetchFirstRecords(of: events[index + Self.lookahead]) }
            if index + Self.lookahead / 2 < events.count { prefetchWindows(of: events[index + Self.lookahead / 2]) }
            process(events[index])
        }
    }

    /// The records an event reads first, whose addresses are known from the event alone.
    private func prefetchFirstRecords(of event: AuditEvent) {
        activities.withUnsafeBufferPointer { activities in
            if let base = activities.baseAddress { custodes_prefetch(base + Int(event.staff)) }
        }
        if let person = event.person {
            context.personAssignmentStart.withUnsafeBufferPointer { starts in
                if let base = starts.baseAddress { custodes_prefetch(base + Int(person)) }
            }
            pairLastAccess.prefetch(Self.pair(event.staff, person))
        } else if let occurrence = event.occurrence {
            context.occurrences.withUnsafeBufferPointer { records in
                if let base = records.baseAddress { custodes_prefetch(base + Int(occurrence)) }
            }
        }
    }

    /// The person's assignment windows, whose address was asked for a few events earlier.
    private func prefetchWindows(of event: AuditEvent) {
        guard let person = event.person else { return }
        let start = Int(context.personAssignmentStart[Int(person)])
        guard start < Int(context.personAssignmentStart[Int(person) + 1]) else { return }
        context.personAssignments.withUnsafeBufferPointer { windows in
            if let base = windows.baseAddress { custodes_prefetch(base + start) }
        }
    }
}
