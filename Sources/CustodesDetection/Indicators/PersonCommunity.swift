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
/// community for all its parts, updated between runs while the parts wait, so the alerts stay the same whatever the
/// split.
final class PersonCommunity {
    /// For each person looked up without a link in the window: who looked, and the last day they did.
    private var lookers: [PersonIndex: [(staff: StaffIndex, day: Int64)]] = [:]
    /// How many days of look-ups count; 0 switches the community off.
    let days: Int64
    /// How many other members of staff make a person widely looked up.
    let colleagues: Int
    private var lastPruned: Int64 = .min

    /// The share of its points a person-specific hit keeps when the person is widely looked up.
    static let sharedFactor = 0.25

    init(days: Int, colleagues: Int) {
        self.days = Int64(days)
        self.colleagues = colleagues
    }

    var isEnabled: Bool { days > 0 }

    /// The key one look-up adds to a day's look-ups: its person and member of staff.
    @inline(__always)
    static func key(_ person: PersonIndex, _ staff: StaffIndex) -> Int64 { Int64(person) << 32 | Int64(staff) }

    /// Takes in a closed day's look-ups (keys from ``key(_:_:)``, in any order, repeats allowed) and, once a week,
    /// forgets what has left the window. Keys are sorted first, so each person is found once and each pair once.
    func closeDay(_ day: Int64, lookups: inout [Int64]) {
        guard isEnabled, !lookups.isEmpty else { return }
        lookups.sort()
        var index = lookups.startIndex
        while index < lookups.endIndex {
            let person = PersonIndex(truncatingIfNeeded: lookups[index] >> 32)
            var list = lookers.removeValue(forKey: person) ?? []
            var previous: Int64 = -1
            while index < lookups.endIndex && PersonIndex(truncatingIfNeeded: lookups[index] >> 32) == person {
                let key = lookups[index]
                index += 1
                guard key != previous else { continue }
                previous = key
                let staff = StaffIndex(truncatingIfNeeded: key & 0xFFFF_FFFF)
                if let slot = list.firstIndex(where: { $0.staff == staff }) {
                    list[slot].day = day
                } else {
                    list.append((staff, day))
                }
            }
            lookers[person] = list
        }
        guard lastPruned == .min || day - lastPruned >= 7 else { return }
        lastPruned = day
        let oldest = day - days + 1
        var gone: [PersonIndex] = []
        for (person, list) in lookers where list.contains(where: { $0.day < oldest }) {
            let kept = list.filter { $0.day >= oldest }
            if kept.isEmpty { gone.append(person) } else { lookers[person] = kept }
        }
        for person in gone { lookers.removeValue(forKey: person) }
    }

    /// How many other members of staff looked the person up without a link on the window's days before `day`.
    func others(of person: PersonIndex, besides staff: StaffIndex, on day: Int64) -> Int {
        guard let list = lookers[person] else { return 0 }
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
