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
    private final class Shard {
        var lookers: [PersonIndex: [(staff: StaffIndex, day: Int64)]] = [:]
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

    /// Takes in the look-ups of a closed day that belong to one shard, from any number of lists, and once a week
    /// forgets what has left the window. Different shards may be closed at the same time on different threads.
    func closeDay(_ day: Int64, lookups lists: [[Int64]], shard index: Int) {
        guard isEnabled else { return }
        var keys: [Int64] = []
        for list in lists {
            for key in list where shard(of: PersonIndex(truncatingIfNeeded: key >> 32)) == index { keys.append(key) }
        }
        // Sorted, each person is found once and each pair once.
        keys.sort()
        let shard = shards[index]
        var position = keys.startIndex
        while position < keys.endIndex {
            let person = PersonIndex(truncatingIfNeeded: keys[position] >> 32)
            var list = shard.lookers.removeValue(forKey: person) ?? []
            var previous: Int64 = -1
            while position < keys.endIndex && PersonIndex(truncatingIfNeeded: keys[position] >> 32) == person {
                let key = keys[position]
                position += 1
                guard key != previous else { continue }
                previous = key
                let staff = StaffIndex(truncatingIfNeeded: key & 0xFFFF_FFFF)
                if let slot = list.firstIndex(where: { $0.staff == staff }) {
                    list[slot].day = day
                } else {
                    list.append((staff, day))
                }
            }
            shard.lookers[person] = list
        }
        // Once a week (by day number, the same in every shard) what has left the window goes.
        guard day % 7 == 0 else { return }
        let oldest = day - days + 1
        var gone: [PersonIndex] = []
        for (person, list) in shard.lookers where list.contains(where: { $0.day < oldest }) {
            let kept = list.filter { $0.day >= oldest }
            if kept.isEmpty { gone.append(person) } else { shard.lookers[person] = kept }
        }
        for person in gone { shard.lookers.removeValue(forKey: person) }
    }

    /// How many other members of staff looked the person up without a link on the window's days before `day`.
    func others(of person: PersonIndex, besides staff: StaffIndex, on day: Int64) -> Int {
        guard let list = shards[shard(of: person)].lookers[person] else { return 0 }
        let oldest = day - days
        return list.reduce(0) { $1.staff == staff || $1.day < oldest || $1.day >= day ? $0 : $0 + 1 }
    }

    /// Whether at least ``colleagues`` others looked the person up without a link in the window, and how many.
    func widelyLookedUp(_ person: PersonIndex, besides staff: StaffIndex, on day: Int64) -> Int? {
        guard isEnabled else { return nil }
        let others = others(of: person, besides: staff, on: day)
        return others >= colleagues ? others : nil
    }
}
