import Foundation

/// Which parts have worked through the day, and which of those a thread is taking the next day's events ahead for.
///
/// The parts of a split run meet at the end of every day (the community of who looked up whom closes before the next
/// day's first look-up), and a thread with no part left to take waited there for the other's last part: 0.35 s of the
/// two threads' 9.2 s on two cores (the realistic 160-day force, docs/performance.md). A part that is done has a lane
/// no one else reads until the next day, so the waiting thread takes that lane's next-day events ahead meanwhile,
/// which its task then does not have to.
final class PartsDone: @unchecked Sendable {
    // Sendable by the lock: every field is only read and written under it.
    private let lock = NSLock()
    private var done: [Bool]
    private var claimed: [Bool]
    private var doneCount = 0

    init(parts: Int) {
        done = Array(repeating: false, count: parts)
        claimed = Array(repeating: false, count: parts)
    }

    /// Records that `part` has worked through the day.
    func finish(_ part: Int) {
        lock.withLock {
            done[part] = true
            doneCount += 1
        }
    }

    /// Whether every part has worked through the day.
    var allDone: Bool { lock.withLock { doneCount == done.count } }

    /// A part that has worked through the day and that no thread has claimed yet, claimed for the caller, looked for
    /// from `preferred` on (the caller's last part, whose lane's buffers are still in its cache); nil once every part is
    /// done (unless `evenIfAllDone`), or none is left to claim.
    func claim(from preferred: Int, evenIfAllDone: Bool = false) -> Int? {
        lock.withLock {
            guard doneCount < done.count || evenIfAllDone else { return nil }
            for offset in done.indices {
                let part = (preferred + offset) % done.count
                if done[part] && !claimed[part] {
                    claimed[part] = true
                    return part
                }
            }
            return nil
        }
    }
}
