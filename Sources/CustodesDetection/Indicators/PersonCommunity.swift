import CustodesModel

/// Who else looks a person up without a link: the person-centred side of peer baselines.
///
/// One officer returning alone, again and again, to a woman they met on duty is the shape of abuse of position. Fifty
/// officers and analysts reading the same suspect's record in two days is a circulated name, a briefing or an
/// investigation that left no link on record, and each of them may return to it. The person-specific indicators (a
/// revisit, a repeated look-up, a look at a linked person) cannot tell these apart by the user alone; the people around
/// the record can. This is the community idea of CADS (Chen and Malin): a user is suspicious when the records they
/// open do not fit the community of users who open the same records.
///
/// Look-ups are counted as they arrive, with the explanation known then (an off-roster look-up whose session later
/// shows work counts as unexplained), so that explained access to a busy case does not make its victim look shared.
/// The community is the one known when the last day closed (midnight UTC). A run split by member of staff keeps one
/// community for all its parts, which only read it while they run and take in each day's look-ups between runs, one
/// shard each; so the alerts stay the same whatever the split.
final class PersonCommunity {
    /// Who looked each person up without a link in the window, and on which days, in shards by person so that the
    /// parts of a split run can take in a day's look-ups side by side, each into its own shard.
    ///
    /// Kept as flat arrays sorted by (person, member of staff) and merged with each closed day, not as a map of
    /// lists: a four-week window of a 10,000-staff force holds about 450,000 pairs for 220,000 people, and a list per
    /// person cost more in headers than the pairs themselves, against a peak-memory bound of 2 GiB.
    private final class Shard {
        /// ``PersonCommunity/key(_:_:)`` of each pair, ascending.
        var keys: [Int64] = []
        /// The last day of each pair's look-ups, beside its key.
        var lastDays: [Int64] = []
        /// The pair's days of look-ups as bits counted back from its last day (bit 0: the last day itself), so that a
        /// look weighed some days late still finds a colleague who looked before it and again since. Sixty-four days
        /// are kept: with a window longer than 57 days (`shared_person_days`, plus ``decisionLag``), a late look may
        /// miss a colleague whose only looks inside its window were more than 63 days before their last.
        var dayBits: [UInt64] = []
    }

    private let shards: [Shard]
    /// How many days of look-ups count; 0 switches the community off.
    let days: Int64
    /// How many other members of staff make a person widely looked up (at most; see ``colleagues(for:)``).
    let colleagues: Int

    /// How many days after a day has closed a look-up made on it may still be weighed against the community: a look
    /// off the roster waits for its working session to end, and every session ends at the latest when its week
    /// closes. Pairs are kept that much beyond the window, so the answer does not depend on when the look is weighed.
    static let decisionLag: Int64 = 7

    /// The share of its points a person-specific hit keeps when the person is widely looked up.
    static let sharedFactor = 0.25

    /// Where the user's station is small, the share of its other staff that is enough instead (0: never).
    let stationShare: Double
    /// Each member of staff's station's staff, them included; empty when `stationShare` is 0.
    private let stationSizes: [Int32]
    /// The fewest colleagues that make a person widely looked up, however small the user's station: two colleagues
    /// reading the same name are a pair who work together, not a community.
    static let fewestColleagues = 3

    /// `staffStation` is each member of staff's station; with a `stationShare` above 0, a person is widely looked up
    /// for a user when that share of their station's other staff looked them up, if fewer than `colleagues`.
    init(days: Int, colleagues: Int, stationShare: Double = 0, staffStation: [Int32] = [], shards: Int = 1) {
        self.days = Int64(days)
        self.colleagues = colleagues
        self.stationShare = stationShare
        self.stationSizes = stationShare > 0 ? Self.stationSizes(staffStation) : []
        self.shards = (0..<max(1, shards)).map { _ in Shard() }
    }

    /// The community the rules ask for, over the context's staff and stations.
    convenience init(context: DetectionContext, shards: Int = 1) {
        let risk = context.rules.risk
        self.init(days: risk.sharedPersonDays, colleagues: risk.sharedPersonColleagues,
                  stationShare: risk.sharedPersonStationShare, staffStation: context.staffStation, shards: shards)
    }

    var isEnabled: Bool { days > 0 }

    /// The key one look-up adds to a day's look-ups: its person and member of staff.
    @inline(__always)
    static func key(_ person: PersonIndex, _ staff: StaffIndex) -> Int64 { Int64(person) << 32 | Int64(staff) }

    @inline(__always)
    private func shard(of person: PersonIndex) -> Int { Int(person) % shards.count }

    /// Takes in a closed day's look-ups (keys from ``key(_:_:)``, in any order, repeats allowed).
    func closeDay(_ day: Int64, lookups: [Int64]) {
        for shard in shards.indices { closeDay(day, lookups: [lookups], shard: shard) }
    }

    /// Takes in the look-ups of a closed day that belong to one shard, from any number of lists, and forgets what has
    /// left the window (with ``decisionLag`` to spare). Different shards may be closed at the same time on different
    /// threads.
    func closeDay(_ day: Int64, lookups lists: [[Int64]], shard index: Int) {
        guard isEnabled else { return }
        var fresh: [Int64] = []
        for list in lists {
            for key in list where shard(of: PersonIndex(truncatingIfNeeded: key >> 32)) == index { fresh.append(key) }
        }
        fresh.sort()
        // The day's pairs, each once, are merged into the window's in place, from the back (so no second copy of the
        // window is ever held), then moved to the front without the pairs that have left the window.
        var unique = 0
        for position in fresh.indices where unique == 0 || fresh[unique - 1] != fresh[position] {
            fresh[unique] = fresh[position]
            unique += 1
        }
        // The arrays are taken out of the shard while they are worked on, so the loops below run on buffers with no
        // checks of exclusive access or uniqueness (the merge was 2.8% of a 10,000-staff year's samples with them).
        let shard = shards[index]
        var keys = shard.keys, lastDays = shard.lastDays, dayBits = shard.dayBits
        shard.keys = []
        shard.lastDays = []
        shard.dayBits = []
        var old = keys.count - 1
        keys.append(contentsOf: repeatElement(0, count: unique))
        lastDays.append(contentsOf: repeatElement(0, count: unique))
        dayBits.append(contentsOf: repeatElement(0, count: unique))
        let oldest = day - days - Self.decisionLag
        let kept = keys.withUnsafeMutableBufferPointer { keys in
            lastDays.withUnsafeMutableBufferPointer { lastDays in
                dayBits.withUnsafeMutableBufferPointer { dayBits in
                    fresh.withUnsafeBufferPointer { fresh in
                        var new = unique - 1, write = keys.count - 1
                        while new >= 0 {
                            if old >= 0, keys[old] > fresh[new] {
                                keys[write] = keys[old]
                                lastDays[write] = lastDays[old]
                                dayBits[write] = dayBits[old]
                                old -= 1
                            } else {
                                // A pair seen before keeps its earlier days, moved back by the days since its last.
                                var bits: UInt64 = 1
                                if old >= 0, keys[old] == fresh[new] {
                                    let since = day - lastDays[old]
                                    if since < 64 { bits |= dayBits[old] << UInt64(since) }
                                    old -= 1
                                }
                                keys[write] = fresh[new]
                                lastDays[write] = day
                                dayBits[write] = bits
                                new -= 1
                            }
                            write -= 1
                        }
                        // Entries from 0 to `old` were never moved; those from `write + 1` on are merged. Both go to
                        // the front, in order, without the pairs that no look-up still to be weighed can count.
                        var kept = 0
                        for range in [0..<(old + 1), (write + 1)..<keys.count] {
                            for position in range where lastDays[position] >= oldest {
                                keys[kept] = keys[position]
                                lastDays[kept] = lastDays[position]
                                dayBits[kept] = dayBits[position]
                                kept += 1
                            }
                        }
                        return kept
                    }
                }
            }
        }
        keys.removeLast(keys.count - kept)
        lastDays.removeLast(lastDays.count - kept)
        dayBits.removeLast(dayBits.count - kept)
        shard.keys = keys
        shard.lastDays = lastDays
        shard.dayBits = dayBits
    }

    /// How many other members of staff looked the person up without a link on the window's days before `day`.
    func others(of person: PersonIndex, besides staff: StaffIndex, on day: Int64) -> Int {
        let shard = shards[shard(of: person)]
        let oldest = day - days
        var position = Self.firstPosition(of: person, in: shard.keys)
        var count = 0
        while position < shard.keys.count, PersonIndex(truncatingIfNeeded: shard.keys[position] >> 32) == person {
            if StaffIndex(truncatingIfNeeded: shard.keys[position] & 0xFFFF_FFFF) != staff,
               Self.looked(shard.dayBits[position], last: shard.lastDays[position], from: oldest, before: day) {
                count += 1
            }
            position += 1
        }
        return count
    }

    /// Whether a pair's days of look-ups (bits back from its last day) include one from `first` up to `end`.
    @inline(__always)
    static func looked(_ bits: UInt64, last: Int64, from first: Int64, before end: Int64) -> Bool {
        // Bit i is the day last - i; the days asked for are bits from last - (end - 1) to last - first.
        let low = max(0, last - (end - 1)), high = min(63, last - first)
        guard low <= high else { return false }
        let width = high - low + 1
        let mask: UInt64 = width >= 64 ? ~0 : (1 << UInt64(width)) - 1
        return (bits >> UInt64(low)) & mask != 0
    }

    /// The position of the person's first pair in sorted keys (a binary search).
    private static func firstPosition(of person: PersonIndex, in keys: [Int64]) -> Int {
        let first = key(person, 0)
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < first { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether at least ``colleagues(for:)`` others looked the person up without a link in the window, and how many.
    func widelyLookedUp(_ person: PersonIndex, besides staff: StaffIndex, on day: Int64) -> Int? {
        guard isEnabled else { return nil }
        let others = others(of: person, besides: staff, on: day)
        return others >= colleagues(for: staff) ? others : nil
    }

    /// Each member of staff's station's staff, them included.
    static func stationSizes(_ staffStation: [Int32]) -> [Int32] {
        var size: [Int32: Int32] = [:]
        for station in staffStation { size[station, default: 0] += 1 }
        return staffStation.map { size[$0]! }
    }

    /// How many colleagues make a person widely looked up for `staff`: ``colleagues``, or `stationShare` of the other
    /// staff at their station (rounded up, at least ``fewestColleagues``) where that is fewer. A count fixed for the
    /// whole force measures a local name at a town's station of hundreds but not at a rural one of nine, where every
    /// officer reads the same local names and eight colleagues is everyone: forces with many small stations had
    /// their officers' returns to local names scored as if each had sought the person out alone.
    func colleagues(for staff: StaffIndex) -> Int {
        guard let size = stationSize(of: staff) else { return colleagues }
        // Less a hair, so that a product like 0.28 × 25 = 7.000000000000001 is not taken up to 8.
        let share = Int((stationShare * Double(size - 1) - 1e-9).rounded(.up))
        return min(colleagues, max(Self.fewestColleagues, share))
    }

    /// The staff at the user's station, them included, when the station's size counts (nil otherwise).
    func stationSize(of staff: StaffIndex) -> Int? {
        Int(staff) < stationSizes.count ? Int(stationSizes[Int(staff)]) : nil
    }
}
