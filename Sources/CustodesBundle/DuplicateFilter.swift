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
