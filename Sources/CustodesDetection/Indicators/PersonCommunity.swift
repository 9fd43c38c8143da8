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
    /// Who looked each person up without a link in the window, and the last day they did, in shards by person so that
    /// the parts of a split run can take in a day's look-ups side by side, each into its own shard.
    ///
    /// Kept as two flat arrays sorted by (person, member of staff) and merged with each closed day, not as a map of
    /// lists: a four-week window of a 10,000-staff force holds about 450,000 pairs for 220,000 people, and a list per
    /// person cost more in headers than the pairs themselves, against a peak-memory bound of 2 GiB.
    private final class Shard {
        /// ``PersonCommunity/key(_:_:)`` of each pair, ascending.
        var keys: [Int64] = []
        /// The last day of each pair's look-ups, beside its key.
        var days: [Int64] = []
    }

    private let shards: [Shard]
    /// How many days of look-ups count; 0 switches the community off.
    let days: Int64
    /// How many other members of staff make a person widely looked up.
    let colleagues: Int

    /// The share of its points a person-specific hit keeps when the person is widely looked up.
    static let sharedFactor = 0.25

    init(days: Int, colleagues: Int, shards: Int = 1) {
        self.days = Int64(days)
        self.colleagues = colleagues
        self.shards = (0..<max(1, shards)).map { _ in Shard() }
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
    /// left the window. Different shards may be closed at the same time on different threads.
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
        for key in fresh where unique == 0 || fresh[unique - 1] != key {
            fresh[unique] = key
            unique += 1
        }
        let shard = shards[index]
        var old = shard.keys.count - 1, new = unique - 1
        shard.keys.append(contentsOf: repeatElement(0, count: unique))
        shard.days.append(contentsOf: repeatElement(0, count: unique))
        var write = shard.keys.count - 1
        while new >= 0 {
            if old >= 0, shard.keys[old] >= fresh[new] {
                if shard.keys[old] == fresh[new] {
                    old -= 1
                    continue
                }
                shard.keys[write] = shard.keys[old]
                shard.days[write] = shard.days[old]
                old -= 1
            } else {
                shard.keys[write] = fresh[new]
                shard.days[write] = day
                new -= 1
            }
            write -= 1
        }
        // Entries from 0 to `old` were never moved; those from `write + 1` on are merged. Both go to the front, in
        // order, without the pairs that have left the window.
        let oldest = day - days + 1
        var kept = 0
        for range in [0..<(old + 1), (write + 1)..<shard.keys.count] {
            for position in range where shard.days[position] >= oldest {
                shard.keys[kept] = shard.keys[position]
                shard.days[kept] = shard.days[position]
                kept += 1
            }
        }
        shard.keys.removeLast(shard.keys.count - kept)
        shard.days.removeLast(shard.days.count - kept)
    }

    /// How many other members of staff looked the person up without a link on the window's days before `day`.
    func others(of person: PersonIndex, besides staff: StaffIndex, on day: Int64) -> Int {
        let shard = shards[shard(of: person)]
        let oldest = day - days
        var position = Self.firstPosition(of: person, in: shard.keys)
        var count = 0
        while position < shard.keys.count, PersonIndex(truncatingIfNeeded: shard.keys[position] >> 32) == person {
            let looked = shard.days[position]
            if StaffIndex(truncatingIfNeeded: shard.keys[position] & 0xFFFF_FFFF) != staff, looked >= oldest, looked < day {
                count += 1
            }
            position += 1
        }
        return count
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

    /// Whether at least ``colleagues`` others looked the person up without a link in the window, and how many.
    func widelyLookedUp(_ person: PersonIndex, besides staff: StaffIndex, on day: Int64) -> Int? {
        guard isEnabled else { return nil }
        let others = others(of: person, besides: staff, on: day)
        return others >= colleagues ? others : nil
    }
}
