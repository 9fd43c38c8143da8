import Foundation
import CustodesModel

/// Skips re-delivered events as they come out of the merge: a copy carries the same time, id and member of staff
/// as the original, so the copies are adjacent in the merge's order, and the one kept is the first (by file and
/// line, the merge's last keys). Two events with the same time and id but different staff are not copies of one
/// access (two systems that number their events alike, say): both are kept, since dropping either would lose an
/// access without a word.
struct DuplicateFilter {
    /// Copies skipped, by the origin each came from (`SortableEvent.file`: a file, or with several cores a piece).
    private(set) var perOrigin: [Int]
    private var lastAt: Timestamp?
    private var lastID = ""
    private var lastStaff: StaffIndex = -1

    init(origins: Int) { perOrigin = Array(repeating: 0, count: origins) }

    /// Whether `item` repeats the event before it; if so it is counted against its origin.
    mutating func isRepeat(_ item: SortableEvent) -> Bool {
        if lastAt == item.event.at && lastStaff == item.event.staff && lastID == item.event.eventID {
            perOrigin[Int(item.file)] += 1
            return true
        }
        lastAt = item.event.at
        lastID = item.event.eventID
        lastStaff = item.event.staff
        return false
    }
}
