public import CustodesModel

/// The reference data prepared for detection: settings converted to seconds, stations and teams interned to small
/// integers, and the keys the self-and-associate rule matches on. Built once per run, read on every event.
public final class DetectionContext: Sendable {
    public let reference: ReferenceData
    public let rules: RuleSet

    let staffStation: [Int32]
    /// Each member of staff's role as its position in the vocabulary, for per-role counters.
    let staffRolePosition: [Int]
    let staffTeam: [Int32]
    /// Surname and postcode of each member of staff, as a number (or -1 without a postcode), for spotting look-ups of
    /// their own household with an integer comparison.
    let staffHousehold: [Int32]
    /// Surname and postcode of each person, numbered the same way.
    let personHousehold: [Int32]
    /// Whether each member of staff declared any association (most did not, so the list is rarely searched).
    let hasDeclaredAssociations: [Bool]

    let beforeAssignment: Int64
    let afterAssignment: Int64
    let afterClosure: Int64
    let liveIncident: Int64
    let custodyGrace: Int64
    let rosterBefore: Int64
    let rosterAfter: Int64
    let atWorkPrefixes: [String]

    // The tables the explainer reads on every event, laid out flat (offsets into one array per relation, times as
    // integers) so that the event loop chases no pointers into nested arrays and copies no records with strings.
    let staffRole: [StaffRole]
    /// Each occurrence in one record, with the range of its assignments in `occurrenceAssignments`.
    let occurrences: [CompactOccurrence]
    /// Occurrences of person `p` are `personOccurrences[personOccurrenceStart[p]..<personOccurrenceStart[p + 1]]`.
    let personOccurrenceStart: [Int32]
    let personOccurrences: [Int32]
    let occurrenceAssignments: [CompactAssignment]
    /// Rostered shifts of staff `s`, in start order, are at `rosterStart[s]..<rosterStart[s + 1]`.
    let rosterStart: [Int32]
    let rosterShiftStart: [Int64]
    let rosterShiftEnd: [Int64]

    public init(reference: ReferenceData, rules: RuleSet) {
        self.reference = reference
        self.rules = rules
        var stations: [String: Int32] = [:]
        func station(_ name: String) -> Int32 {
            if let index = stations[name] { return index }
            let index = Int32(stations.count)
            stations[name] = index
            return index
        }
        var teams: [String: Int32] = [:]
        staffStation = reference.staff.map { station($0.station) }
        staffRolePosition = reference.staff.map { StaffRole.allCases.firstIndex(of: $0.role)! }
        staffTeam = reference.staff.map { member in
            let key = member.team + "\u{1F}" + member.station
            if let index = teams[key] { return index }
            let index = Int32(teams.count)
            teams[key] = index
            return index
        }
        var households: [String: Int32] = [:]
        func household(_ surname: String, _ postcode: String?) -> Int32 {
            guard let postcode else { return -1 }
            let key = Self.householdKey(surname, postcode)
            if let number = households[key] { return number }
            let number = Int32(households.count)
            households[key] = number
            return number
        }
        staffHousehold = reference.staff.map { member in
            household(String(member.displayName.split(separator: " ").last ?? ""), member.homePostcode)
        }
        personHousehold = reference.persons.map { household($0.familyName, $0.postcode) }
        hasDeclaredAssociations = reference.associationsByStaff.map { !$0.isEmpty }
        let e = rules.explanation
        beforeAssignment = Int64(e.beforeAssignmentMinutes) * 60
        afterAssignment = Int64(e.afterAssignmentHours) * 3600
        afterClosure = Int64(e.afterClosureDays) * 86_400
        liveIncident = Int64(e.liveIncidentHours) * 3600
        custodyGrace = Int64(e.custodyGraceHours) * 3600
        rosterBefore = Int64(e.rosterToleranceBeforeMinutes) * 60
        rosterAfter = Int64(e.rosterToleranceAfterMinutes) * 60
        atWorkPrefixes = e.atWorkWorkstationPrefixes

        staffRole = reference.staff.map(\.role)
        (personOccurrenceStart, personOccurrences) = Self.flatten(reference.occurrencesByPerson) { $0.occurrence }
        let assignmentStart: [Int32]
        (assignmentStart, occurrenceAssignments) = Self.flatten(reference.assignmentsByOccurrence) {
            CompactAssignment($0)
        }
        var occurrences: [CompactOccurrence] = []
        occurrences.reserveCapacity(reference.occurrences.count)
        HugePages.advise(&occurrences)
        for index in reference.occurrences.indices {
            let occurrence = reference.occurrences[index]
            occurrences.append(CompactOccurrence(opened: occurrence.openedAt.seconds, closed: occurrence.closedAt?.seconds ?? .max,
                                     assignments: assignmentStart[index], assignmentsEnd: assignmentStart[index + 1],
                                     station: station(occurrence.station), isCustody: occurrence.category == .custody))
        }
        self.occurrences = occurrences
        (rosterStart, rosterShiftStart) = Self.flatten(reference.rostersByStaff) { $0.start.seconds }
        (_, rosterShiftEnd) = Self.flatten(reference.rostersByStaff) { $0.end.seconds }
    }

    /// Nested lists as offsets and one flat array.
    static func flatten<T, U>(_ lists: [[T]], _ transform: (T) -> U) -> ([Int32], [U]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var flat: [U] = []
        flat.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        HugePages.advise(&flat)
        for list in lists {
            for item in list { flat.append(transform(item)) }
            starts.append(Int32(flat.count))
        }
        return (starts, flat)
    }

    /// Whether the workstation is inside force premises or a vehicle.
    func isAtWorkWorkstation(_ workstation: String) -> Bool {
        atWorkPrefixes.contains { workstation.hasPrefix($0) }
    }

    static func householdKey(_ surname: String, _ postcode: String) -> String {
        surname.lowercased() + "|" + postcode.uppercased().filter { $0 != " " }
    }

    /// Whether a rostered shift (widened by the tolerances) covers `time`.
    public func onDuty(_ staff: StaffIndex, at time: Timestamp) -> Bool {
        rosteredShiftIndex(staff, at: time.seconds) != nil
    }

    /// The flat index of the rostered shift covering `time` (widened by the tolerances), by binary search.
    func rosteredShiftIndex(_ staff: StaffIndex, at time: Int64) -> Int? {
        let first = Int(rosterStart[Int(staff)]), last = Int(rosterStart[Int(staff) + 1])
        var low = first, high = last
        let limit = time + rosterBefore
        while low < high {
            let middle = (low + high) / 2
            if rosterShiftStart[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        // Shifts may overlap (overtime after a duty shift): look back a little.
        while index >= first && index >= low - 3 {
            if time <= rosterShiftEnd[index] + rosterAfter { return index }
            index -= 1
        }
        return nil
    }
}

/// An occurrence as the explainer reads it, in one record: an access to a person visits each of her occurrences, and
/// reading times, station and assignment range from separate arrays cost a cache miss each on a force with half a
/// million occurrences.
struct CompactOccurrence {
    let opened: Int64
    /// Closing time, or `Int64.max` while open.
    let closed: Int64
    /// Its assignments are `occurrenceAssignments[assignments..<assignmentsEnd]`.
    let assignments: Int32
    let assignmentsEnd: Int32
    let station: Int32
    let isCustody: Bool
}

/// An assignment as the explainer reads it: integers only.
struct CompactAssignment {
    let staff: StaffIndex
    let role: AssignmentRole
    let start: Int64
    /// End, or `Int64.max` while it continues.
    let end: Int64

    init(_ assignment: Assignment) {
        staff = assignment.staff
        role = assignment.role
        start = assignment.start.seconds
        end = assignment.end?.seconds ?? Int64.max
    }
}
