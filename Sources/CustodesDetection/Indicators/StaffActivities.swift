internal import CCustodesPrefetch

/// Every member of staff's ``StaffActivity``, in one block of memory that stays where it is for the engine's life.
///
/// Detection reads and writes the activity of the event's member of staff a dozen times per event. Kept in a Swift
/// array on the engine, every write asked the runtime whether the array's buffer was uniquely referenced (4% of a
/// one-core run on the realistic year, profiled with `perf`) and every read of the array from another method retained
/// and released it. Here a subscript is an address: no uniqueness check, no reference counting. The block is the
/// engine's own and never shared, which is what the array's checks were there to ensure.
final class StaffActivities {
    private let base: UnsafeMutablePointer<StaffActivity>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: StaffActivity(), count: count)
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

    /// Asks the processor for the start of `staff`'s activity, which an event a few places on will read first.
    func prefetch(_ staff: Int) {
        guard staff >= 0 && staff < count else { return }
        custodes_prefetch(base + staff)
    }
}
