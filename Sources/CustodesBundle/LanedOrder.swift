/// The positions of a run's events in time order, each with its lane (the member of staff's share of the lanes,
/// ``StaffSplit``), and how many events each lane has: what a spill writes as a file per lane in one pass over the
/// events (``EventRunFile/write(_:order:to:)-(_,LanedOrder,_)``), and what a part's memory run splits into a run per lane.
struct LanedOrder {
    /// Positions in the run's events, in time order.
    let positions: [Int32]
    /// The lane of each position; empty when there is one lane.
    private let lanes: [UInt8]
    /// Events per lane.
    let counts: [Int]

    /// Every position in one lane.
    init(positions: [Int32]) {
        self.positions = positions
        lanes = []
        counts = [positions.count]
    }

    /// `lanes[index]` is the lane of `positions[index]`, below `laneCount`.
    init(positions: [Int32], lanes: [UInt8], laneCount: Int) {
        precondition(lanes.count == positions.count && laneCount >= 1)
        var counts = [Int](repeating: 0, count: laneCount)
        for lane in lanes { counts[Int(lane)] += 1 }
        self.positions = positions
        self.lanes = laneCount == 1 ? [] : lanes
        self.counts = counts
    }

    /// The largest number of lanes an order can hold.
    static let mostLanes = 256

    @inline(__always)
    func lane(at index: Int) -> Int { lanes.isEmpty ? 0 : Int(lanes[index]) }

    /// Each lane's positions, in time order, in lane order.
    func split() -> [[Int32]] {
        guard counts.count > 1 else { return [positions] }
        var split = counts.map { count -> [Int32] in
            var lane: [Int32] = []
            lane.reserveCapacity(count)
            return lane
        }
        for index in positions.indices { split[Int(lanes[index])].append(positions[index]) }
        return split
    }
}
