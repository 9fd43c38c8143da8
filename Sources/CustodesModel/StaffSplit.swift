/// How staff are split into `count` shares (parts of detection, lanes of the stream): a member of staff's share is
/// their number modulo `count`, worked out with a multiplication rather than a division.
///
/// The split is asked for every event, on the threads that merge the stream's lanes into the parts' lists, and a
/// division there takes about twenty cycles, in a loop that does little else: `perf` on two threads put most of that
/// loop's samples just after its two divisions (docs/performance.md). The remainder is exact for every non-negative
/// 32-bit number (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019); staff numbers are
/// positions in the staff file, never negative.
public struct StaffSplit: Sendable {
    public let count: Int
    @usableFromInline let divisor: UInt64
    /// 2^64 / count, rounded up (0 for one share, where every remainder is 0).
    @usableFromInline let factor: UInt64

    public init(count: Int) {
        precondition(count >= 1 && count <= Int(UInt32.max), "staff are split into between one and 2^32 - 1 shares")
        self.count = count
        divisor = UInt64(count)
        factor = UInt64.max / UInt64(count) &+ 1
    }

    /// The share of the member of staff numbered `staff` (a non-negative index), from 0 to `count - 1`.
    @inlinable
    public func share(of staff: StaffIndex) -> Int {
        let fraction = factor &* UInt64(UInt32(truncatingIfNeeded: staff))
        return Int(truncatingIfNeeded: fraction.multipliedFullWidth(by: divisor).high)
    }
}
