import CustodesModel

/// How many different days the members of each role return, as their work, to someone they look up with no link.
///
/// A repeated look-up is the strongest evidence a volume of look-ups carries (a woman sought out again), and on most
/// forces it is rare: half the response officers never look anyone up on three days with no link of their own. On
/// some forces a role does it every day: detectives who keep reading the people of their old cases, analysts who
/// research the same nominals week after week. There a return on three, four or five days is what the role does,
/// and every member of it stood out. So the force's own data say how far a return is routine: the most days on which
/// at least `repeat_lookups.routine_share` of the role's members active that week returned to one person (the most
/// days of any person, in full: not case work, not a name many colleagues read) in the last 13 weeks. Where that is at
/// least the rule's minimum days, a return counts only beyond it, with its weight growing from there as before. A
/// role of fewer than ``minimumMembers`` active members has no routine: a handful would set their own bar.
///
/// The same holds for the team or crew each member of staff is weighed with beside their role
/// (``DetectionEngine/peerGroup(of:)``), where at least ``minimumMembers`` of it were active, and the higher of the
/// two routines applies: a multi-agency hub's staff return to its referrals' families as their work, where the
/// force's other police staff, by whom the role's routine is set, do not.
///
/// Each member of staff's most days are kept week by week in a ring, so a run split by member of staff hands each
/// part's values over at the week's close and every part works out the same routine from them.
struct RoutineReturns {
    static let weeks = 13
    static let minimumMembers = 10

    /// The share of a role's active members whose returns set its routine; 0: off.
    let share: Double
    /// The most days a full return reached this week, per member of staff.
    private var thisWeek: [UInt8]
    /// The same for each of the last `weeks` closed weeks, `weeks` entries per member of staff, by week number modulo
    /// `weeks`; `ringWeeks` says which week each slot holds.
    private var ring: [UInt8]
    private var ringWeeks: [Int64]
    /// Each role's routine (by role position), as the last week's close found it.
    private(set) var routine: [Int]
    /// Each peer group's routine (``DetectionEngine/peerGroup(of:)``; a team is negative), where it reaches the
    /// rule's minimum days.
    private(set) var groupRoutine: [Int32: Int] = [:]

    init(staffCount: Int, share: Double) {
        self.share = share
        let count = share > 0 ? staffCount : 0
        thisWeek = Array(repeating: 0, count: count)
        ring = Array(repeating: 0, count: count * Self.weeks)
        ringWeeks = Array(repeating: .min, count: Self.weeks)
        routine = Array(repeating: 0, count: StaffRole.allCases.count)
    }

    var isEnabled: Bool { share > 0 }

    /// Notes a return in full to one person on `days` different days.
    mutating func note(staff: Int, days: Int) {
        let value = UInt8(min(days, Int(UInt8.max)))
        if value > thisWeek[staff] { thisWeek[staff] = value }
    }

    /// Closes this part's week: moves each member's week into the ring and returns the most days of each member
    /// active in `week` (`active`), by role and by peer group (`groups`; nil: none), over the last `weeks` weeks.
    mutating func closeWeek(_ week: Int64, roles: [StaffRole], groups: (Int) -> Int32?, active: (Int) -> Bool)
        -> (byRole: [StaffRole: [Int]], byGroup: [Int32: [Int]]) {
        // Weeks before 1970 are negative: the slot is the remainder rounded down, never a negative index.
        let weeks = Int64(Self.weeks)
        let slot = Int(((week % weeks) + weeks) % weeks)
        ringWeeks[slot] = week
        for staff in thisWeek.indices {
            ring[staff * Self.weeks + slot] = thisWeek[staff]
            thisWeek[staff] = 0
        }
        var byRole: [StaffRole: [Int]] = [:]
        var byGroup: [Int32: [Int]] = [:]
        for staff in thisWeek.indices where active(staff) {
            var most: UInt8 = 0
            for index in 0..<Self.weeks where ringWeeks[index] > week - Int64(Self.weeks) {
                most = max(most, ring[staff * Self.weeks + index])
            }
            byRole[roles[staff], default: []].append(Int(most))
            if let group = groups(staff) { byGroup[group, default: []].append(Int(most)) }
        }
        return (byRole, byGroup)
    }

    /// Sets each role's and each peer group's routine from every part's values.
    mutating func settle(_ byRole: [StaffRole: [Int]], byGroup: [Int32: [Int]] = [:]) {
        for (position, role) in StaffRole.allCases.enumerated() {
            routine[position] = Self.routine(byRole[role] ?? [], share: share)
        }
        groupRoutine = byGroup.mapValues { Self.routine($0, share: share) }.filter { $0.value > 0 }
    }

    /// The most days on which at least `share` of the members returned to someone: the value at that share from the
    /// top. 0 for fewer than ``minimumMembers`` members.
    static func routine(_ values: [Int], share: Double) -> Int {
        guard values.count >= minimumMembers, share > 0 else { return 0 }
        let sorted = values.sorted(by: >)
        let index = min(sorted.count - 1, max(0, Int((share * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }

    /// The share of a role in words that read before "the force's detectives".
    static func howMany(_ share: Double) -> String {
        switch share {
        case 1: "all"
        case 0.5: "half"
        default: "\(Int((share * 100).rounded()))% of"
        }
    }

    /// How many of a return's days count, and the words that say why fewer do: all of them where the routine of the
    /// role (or of the peer group, `group`, where it is higher) is under the rule's `minimumDays`; otherwise `days`
    /// less the routine's reach beyond it, so that the first day past the routine counts as the minimum.
    func counted(days: Int, role: Int, group: Int32? = nil, minimumDays: Int, plural: String)
        -> (days: Int, words: String) {
        let roleRoutine = routine[role]
        let groupRoutine = group.flatMap { self.groupRoutine[$0] } ?? 0
        let routine = max(roleRoutine, groupRoutine)
        guard isEnabled, routine >= minimumDays else { return (days, "") }
        let who = groupRoutine <= roleRoutine ? "the force's \(plural)"
            : group.map { $0 < 0 } == true ? "their team" : "the \(plural) they work with"
        let words = "; \(Self.howMany(share)) \(who) returned to someone on \(routine) days or "
            + "more with no link, as their work, so only the days beyond \(routine) count"
        return (days - (routine - minimumDays + 1), words)
    }
}
