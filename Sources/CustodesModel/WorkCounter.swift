import Foundation

/// Hands out 0, 1, 2, … to threads that take work in turn: each number once, whichever thread asks. The bundle
/// reader's parts take pieces of the audit files with it and detection's threads take parts of the staff, so a
/// thread whose work went quickly takes more; both use it and neither may depend on the other, so it lives here.
public final class WorkCounter: @unchecked Sendable {
    // Sendable by the lock: `next` is only read and written under it.
    private let lock = NSLock()
    private var next = 0

    public init() {}

    /// A number no other call has returned, counting up from 0.
    public func take() -> Int {
        lock.withLock {
            defer { next += 1 }
            return next
        }
    }
}
