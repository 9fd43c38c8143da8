/// Every member of staff's ``StaffActivity``, in one block of memory that never moves, changed in place.
///
/// An array of them, a stored property of the engine, was checked for sharing (a call into the runtime) before each
/// of the five to ten changes an access makes to its activity. The block is never copied, so there is nothing to
/// check. Each activity starts on a cache line, so the look-ahead asks for four lines, not five.
final class StaffActivities {
    private let base: UnsafeMutablePointer<StaffActivity>
    let count: Int

    init(count: Int) {
        self.count = count
        let bytes = max(1, count) * MemoryLayout<StaffActivity>.stride
        base = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            .bindMemory(to: StaffActivity.self, capacity: max(1, count))
        for staff in 0..<count { (base + staff).initialize(to: StaffActivity()) }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(staff: Int) -> StaffActivity {
        unsafeAddress {
            precondition(staff >= 0 && staff < count, "no such member of staff")
            return UnsafePointer(base + staff)
        }
        unsafeMutableAddress {
            precondition(staff >= 0 && staff < count, "no such member of staff")
            return base + staff
        }
    }

    /// Where the activities start, for the look-ahead to ask for them by address (``LookAhead``).
    var address: UnsafePointer<StaffActivity> { UnsafePointer(base) }
}
