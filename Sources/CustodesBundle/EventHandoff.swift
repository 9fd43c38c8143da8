import Foundation
import CustodesModel

/// Batches of events passed from the thread that merges sorted runs to the thread that consumes them.
///
/// With more than one core, detection's parts work through one day's events while the merge prepares the next
/// day's, instead of the parts waiting for the merge and the merge for the parts (docs/performance.md, "Two
/// cores: pieces of a large file, and the merge on its own thread"). At most `capacity` batches are in flight, so memory stays bounded however far ahead the merge
/// could run, and emptied batches go back to the merging side to be filled again, because a fresh batch's pages
/// are zeroed on first touch.
final class EventHandoff: @unchecked Sendable {
    private let condition = NSCondition()
    private var full: [[AuditEvent]] = []
    private var empty: [[AuditEvent]] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false
    private let capacity: Int
    let batchSize: Int

    init(capacity: Int = 4, batchSize: Int = 16_384) {
        self.capacity = capacity
        self.batchSize = batchSize
    }

    /// An empty batch to fill: one the consumer has finished with, or a new one.
    func emptyBatch() -> [AuditEvent] {
        condition.lock()
        defer { condition.unlock() }
        if let batch = empty.popLast() { return batch }
        var batch: [AuditEvent] = []
        batch.reserveCapacity(batchSize)
        return batch
    }

    /// Hands a filled batch over, waiting while `capacity` batches are already waiting. Returns false when the
    /// consumer has stopped, and the merge should stop too.
    func put(_ batch: [AuditEvent]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while full.count >= capacity && !stopped { condition.wait() }
        if stopped { return false }
        full.append(batch)
        condition.broadcast()
        return true
    }

    /// Called once by the merging side when it is done, with the error that ended it, if any.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order, nil once the merge has finished and every batch was taken; the merge's error is
    /// thrown after the batches it did hand over.
    func take() throws -> [AuditEvent]? {
        condition.lock()
        defer { condition.unlock() }
        while full.isEmpty && !finished { condition.wait() }
        if !full.isEmpty {
            let batch = full.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Gives a consumed batch back to be filled again.
    func recycle(_ batch: inout [AuditEvent]) {
        batch.removeAll(keepingCapacity: true)
        condition.lock()
        if empty.count < capacity + 1 { empty.append(batch) }
        condition.unlock()
        batch = []
    }

    /// Tells the merging side to stop (the consumer failed), and waits until it has, so that nothing it reads (the
    /// spilled runs) is removed under it.
    func stopAndWait() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
