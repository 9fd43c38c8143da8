/// Every member of staff's ``StaffActivity``, in one block of memory that never moves, changed in place.
///
/// An array of them, a stored property of the engine, was checked for sharing (a call into the runtime) before each
/// of the five to ten changes an access makes to its activity. The block is never copied, so there is nothing to
/// check. Each activity starts on a cache line, so the look-ahead asks for as few lines as it spans (three, at 192
/// bytes; `StaffActivitiesTests` holds it there).
final class StaffActivities {
    /// Bytes from one activity to the next: the activity's size rounded up to whole cache lines.
    static let slotBytes = (MemoryLayout<StaffActivity>.stride + 63) & ~63

    private let base: UnsafeMutableRawPointer
    let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * Self.slotBytes, alignment: 64)
        for staff in 0..<count {
            (base + staff * Self.slotBytes).bindMemory(to: StaffActivity.self, capacity: 1).initialize(to: StaffActivity())
        }
    }

    deinit {
        for staff in 0..<count { pointer(staff).deinitialize(count: 1) }
        base.deallocate()
    }

    @inline(__always)
    private func pointer(_ staff: Int) -> UnsafeMutablePointer<StaffActivity> {
        (base + staff * Self.slotBytes).assumingMemoryBound(to: StaffActivity.self)
    }

    subscript(staff: Int) -> StaffActivity {
        unsafeAddress {
            precondition(staff >= 0 && staff < count, "no such member of staff")
            return UnsafePointer(pointer(staff))
        }
        unsafeMutableAddress {
            precondition(staff >= 0 && staff < count, "no such member of staff")
            return pointer(staff)
        }
    }

    /// Where the activities start, for the look-ahead to ask for them by address (``LookAhead``): activity `staff`
    /// is ``slotBytes`` times `staff` further on.
    var address: UnsafeRawPointer { UnsafeRawPointer(base) }
}
