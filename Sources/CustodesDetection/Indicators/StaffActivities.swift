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

    /// Asks for the headers of the lists and maps of `staff`'s activity that nearly every access reads or adds to
    /// (records opened, days of look-ups per person, look-ups in the skew window), once the activity itself has
    /// arrived. Each is its own allocation and its header a miss to memory of its own, which was most of the time of
    /// adding an opened record (profiled with `perf`). The references are read as bits, not retained.
    func prefetchLists(_ staff: Int) {
        guard staff >= 0 && staff < count else { return }
        let activity = UnsafeRawPointer(base + staff)
        for offset in Self.listOffsets {
            if let header = activity.load(fromByteOffset: offset, as: UnsafeRawPointer?.self) {
                custodes_prefetch(header)
            }
        }
    }

    /// Where in an activity the references to those lists' storage are: a Swift array, and a dictionary, is one
    /// reference to its storage object, whose header holds its count.
    private static let listOffsets: [Int] = [
        MemoryLayout<StaffActivity>.offset(of: \.recentRecords)! + MemoryLayout<RecentRecords>.offset(of: \.entries)!,
        MemoryLayout<StaffActivity>.offset(of: \.unexplainedDays)!,
        MemoryLayout<StaffActivity>.offset(of: \.unexplained)! + MemoryLayout<SkewWindowLookups>.offset(of: \.lookups)!,
    ]
}
