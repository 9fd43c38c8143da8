internal import CCustodesPrefetch

/// Every member of staff's ``StaffActivity``, in one block of memory that stays where it is for the engine's life.
///
/// Detection reads and writes the activity of the event's member of staff a dozen times per event. Kept in a Swift
/// array on the engine, every write asked the runtime whether the array's buffer was uniquely referenced (4% of a
/// one-core run on the realistic year, profiled with `perf`) and every read of the array from another method retained
/// and released it. Here a subscript is an address: no uniqueness check, no reference counting. The block is the
/// engine's own and never shared, which is what the array's checks were there to ensure.
///
/// What the runtime no longer checks is exclusive access: while a mutating call on `activities[staff]` runs, nothing
/// it calls may read or write `activities` (no engine method, no closure of the caller's). The arguments are worked
/// out before the call, so `activities[s].list.append(engineMethod())` is fine.
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

    /// Asks the processor for `staff`'s activity, which an event a few places on will read first: every cache line
    /// of it, since it spans several and the references to its lists are not at its start.
    func prefetch(_ staff: Int) {
        guard staff >= 0 && staff < count else { return }
        let activity = UnsafeRawPointer(base + staff)
        for offset in stride(from: 0, to: MemoryLayout<StaffActivity>.stride, by: 64) {
            custodes_prefetch(activity + offset)
        }
        custodes_prefetch(activity + MemoryLayout<StaffActivity>.stride - 1)
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
    /// A property that stops being stored (an observer, a computed one) drops out of the list, not the run.
    private static let listOffsets: [Int] = [
        MemoryLayout<StaffActivity>.offset(of: \.recentRecords).flatMap { outer in
            MemoryLayout<RecentRecords>.offset(of: \.entries).map { outer + $0 }
        },
        MemoryLayout<StaffActivity>.offset(of: \.unexplainedDays),
        MemoryLayout<StaffActivity>.offset(of: \.unexplained).flatMap { outer in
            MemoryLayout<SkewWindowLookups>.offset(of: \.lookups).map { outer + $0 }
        },
    ].compactMap { $0 }
}
