import Foundation
import CustodesModel

/// Skips re-delivered events as they come out of the merge: a copy carries the same time and id as the original,
/// so the copies are adjacent in time order, and the one kept is the first (by file and line, the merge's last keys).
struct DuplicateFilter {
    /// Copies skipped, by the origin each came from (`SortableEvent.file`: a file, or with several cores a piece).
    private(set) var perOrigin: [Int]
    private var lastAt: Timestamp?
    private var lastID = ""

    init(origins: Int) { perOrigin = Array(repeating: 0, count: origins) }

    /// Whether `item` repeats the event before it; if so it is counted against its origin.
    mutating func isRepeat(_ item: SortableEvent) -> Bool {
        if lastAt == item.event.at && lastID == item.event.eventID {
            perOrigin[Int(item.file)] += 1
            return true
        }
        lastAt = item.event.at
        lastID = item.event.eventID
        return false
    }
}

extension AuditEventStream {
    /// Merges `runs` on a thread of its own, filtering out duplicates, while the calling thread passes each distinct
    /// event to `body` in order: the same events in the same order as merging here, but with more than one core the
    /// merge no longer waits for the consumer nor the consumer for the merge. A dedicated thread rather than a
    /// dispatch queue, because detection's parts run on the dispatch pool and a merge blocked there could hold back
    /// one of them.
    static func mergeOnAnotherThread(_ runs: [any SortedRun], origins: Int,
                                     _ body: ([AuditEvent]) throws -> Void) throws -> DuplicateFilter {
        let handoff = EventHandoff()
        let result = MergeResult(origins: origins)
        let work = UncheckedWork((runs: runs, handoff: handoff, result: result))
        let thread = Thread {
            let (runs, handoff, result) = work.value
            var batch = handoff.emptyBatch()
            do {
                try merge(runs) { item in
                    if result.duplicates.isRepeat(item) { return }
                    batch.append(item.event)
                    if batch.count == handoff.batchSize {
                        guard handoff.put(batch) else { throw ConsumerStopped() }
                        batch = handoff.emptyBatch()
                    }
                }
                if !batch.isEmpty { _ = handoff.put(batch) }
                handoff.finish()
            } catch is ConsumerStopped {
                handoff.finish()
            } catch {
                handoff.finish(throwing: error)
            }
        }
        thread.name = "custodes-merge"
        thread.start()
        do {
            while var batch = try handoff.take() {
                try body(batch)
                handoff.recycle(&batch)
            }
        } catch {
            handoff.stopAndWait()
            throw error
        }
        // `take` returned nil only after the merging thread finished, under the handoff's lock, so its counts are
        // complete and visible here.
        return result.duplicates
    }
}

/// What the merging thread counts, read by the caller once the merge has finished.
private final class MergeResult: @unchecked Sendable {
    var duplicates: DuplicateFilter
    init(origins: Int) { duplicates = DuplicateFilter(origins: origins) }
}

/// Thrown inside the merge when the consumer has stopped, to end it early.
private struct ConsumerStopped: Error {}
