import CustodesModel

/// One lane of the stream (``AuditEventStream/forEachLane(report:lanes:_:)``): the merge of the lane's own sorted
/// runs, copies skipped (``DuplicateFilter``), one event pulled ahead so that its time is known before it is taken.
final class StreamLane: EventLane {
    private var merge: RunMerge
    private(set) var duplicates: DuplicateFilter
    private var next: AuditEvent?
    private(set) var nextTime: Timestamp?

    /// Reads the runs' first events (which throws if a run cannot be read).
    init(_ runs: [any SortedRun], origins: Int) throws {
        merge = RunMerge(runs)
        duplicates = DuplicateFilter(origins: origins)
        try pull()
    }

    func take() throws -> AuditEvent {
        let event = next.take()!
        try pull()
        return event
    }

    /// Moves the next distinct event of the merge into `next`.
    private func pull() throws {
        while let item = try merge.next() {
            if duplicates.isRepeat(item) { continue }
            nextTime = item.event.at
            next = item.event
            return
        }
        nextTime = nil
    }
}
