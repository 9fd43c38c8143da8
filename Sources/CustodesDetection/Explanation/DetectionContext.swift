public import CustodesModel

/// The reference data prepared for detection: settings converted to seconds, stations and teams interned to small
/// integers, and the keys the self-and-associate rule matches on. Built once per run, read on every event.
public final class DetectionContext: Sendable {
    public let reference: ReferenceData
    public let rules: RuleSet

    let staffStation: [Int32]
    /// Each member of staff's role as its position in the vocabulary, for per-role counters.
    let staffRolePosition: [Int]
    /// Each member of staff's working team (``WorkingTeams``): team and station, or role and station where the
    /// force's team column holds stations.
    let staffTeam: [Int32]
    /// Each member of staff's crew: their team's members in their role (``WorkingTeams/crew``).
    let staffCrew: [Int32]
    /// How teams were read from `staff.csv`, for the summary.
    public let workingTeams: WorkingTeams
    /// Whether each member of staff's role is under half of their team: a sergeant among neighbourhood officers,
    /// whose peers are the team's as much as the role's (``PeerBaseline``).
    let staffInTeamMinority: [Bool]
    /// Whether each member of staff is in a custody team: one at least half of whose members are custody officers
    /// (the sergeants and others working the suite with them; at a small suite, three sergeants and three officers).
    let staffInCustodyTeam: [Bool]
    /// The people sharing each member of staff's surname and home postcode (self, family, an ex), found once here:
    /// nearly every list is empty, so checking an access reads nothing about the person, where comparing household
    /// numbers read a table of a million people at random (profiled at 7% of detection).
    let householdPersons: [[PersonIndex]]
    /// Whether each member of staff declared any association (most did not, so the list is rarely searched).
    let hasDeclaredAssociations: [Bool]
    /// How many people each member of staff's own circle holds (declared associations and household), and the mean
    /// of each role (by role position): a village officer who declared six neighbours looks one up more often than
    /// one who declared one, as the job brings them.
    let circleSize: [Int]
    let roleMeanCircleSize: [Double]

    let beforeAssignment: Int64
    let afterAssignment: Int64
    /// The same for an attending officer's assignment (``ExplanationSettings/afterAttendanceHours``).
    let afterAttendance: Int64
    /// How long after it began an attendance or a call taken with no end recorded is taken to have ended
    /// (``ExplanationSettings/attendanceWithoutEndHours``; 0: open).
    let attendanceWithoutEnd: Int64
    let afterClosure: Int64
    let liveIncident: Int64
    let custodyGrace: Int64
    /// How long a custody record never closed counts as custody, for the suite's link and for case work in custody:
    /// 96 hours, the longest detention without charge that a court can authorise (PACE 1984, s. 44). An export that
    /// leaves a record open does not hold her in the suite for months.
    static let longestDetention: Int64 = 96 * 3600
    let rosterBefore: Int64
    let rosterAfter: Int64
    let atWorkPrefixes: [String]

    // The tables the explainer reads on every event, laid out flat (offsets into one array per relation, times as
    // integers) so that the event loop chases no pointers into nested arrays and copies no records with strings.
    let staffRole: [StaffRole]
    /// Records that are one person held more than once.
    let recordGroups: RecordGroups
    /// Each occurrence in one record, with the range of its assignments in `occurrenceAssignments`.
    let occurrences: [CompactOccurrence]
    /// Occurrences of person `p` are `personOccurrences[personOccurrenceStart[p]..<personOccurrenceStart[p + 1]]`:
    /// hers, then those of her other records (``RecordGroups``).
    let personOccurrenceStart: [Int32]
    let personOccurrences: [Int32]
    /// Beside `personOccurrences`: whether the person is a suspect in that occurrence.
    let personOccurrenceSuspect: [Bool]
    let occurrenceAssignments: [CompactAssignment]
    /// Every assignment on each person's occurrences, in the order of her occurrences, with the window in which it
    /// explains an access worked out: most accesses are explained by an assignment, and finding it here is one read
    /// of consecutive memory instead of a hop to each occurrence and on to its assignments, a miss to memory each.
    /// Person `p`'s are `personAssignments[personAssignmentStart[p]..<personAssignmentStart[p + 1]]`.
    let personAssignmentStart: [Int32]
    let personAssignments: [AssignmentWindow]
    /// Rostered shifts of staff `s`, in start order, are at `rosterStart[s]..<rosterStart[s + 1]`.
    let rosterStart: [Int32]
    let rosterShiftStart: [Int64]
    let rosterShiftEnd: [Int64]
    /// Each member of staff's service, from the start of `start_date` to the end of `end_date` (`Int64.max` while
    /// serving), in seconds: when a member of staff with no shift on the roster is taken as on it.
    let serviceStart: [Int64]
    let serviceEnd: [Int64]
    /// What the indicators read about each person (markers, sex, year of birth), eight bytes each: the full record
    /// is 96 bytes with four strings, and reading it for every unexplained look-up missed the cache and retained
    /// and released the strings (profiled at a third of the per-look indicators' own time).
    let personFacts: [PersonFacts]
    /// True when more than half the women on record have no year of birth: the skew's group is then women of any
    /// age, as an export without ages would otherwise leave it only the few women whose age is known, and a trawl of
    /// young women would count as a trawl of no one (docs/detection.md, section 1).
    let skewIgnoresAge: Bool

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
        staffStation = reference.staff.map { station($0.station) }
        staffRolePosition = reference.staff.map { StaffRole.allCases.firstIndex(of: $0.role)! }
        let teams = WorkingTeams(staff: reference.staff, specialisms: WorkingTeams.specialisms(of: reference))
        workingTeams = teams
        staffTeam = teams.team
        staffCrew = teams.crew
        // Each team's size and its members by role, once, for the two questions asked of a team's make-up.
        let roles = StaffRole.allCases.count
        let custody = StaffRole.allCases.firstIndex(of: .custodyOfficer)!
        var teamSize = [Int](repeating: 0, count: teams.count)
        var teamRoles = [Int](repeating: 0, count: teams.count * roles)
        for (role, team) in zip(staffRolePosition, staffTeam) {
            teamSize[Int(team)] += 1
            teamRoles[Int(team) * roles + role] += 1
        }
        staffInTeamMinority = zip(staffRolePosition, staffTeam).map { role, team in
            2 * teamRoles[Int(team) * roles + role] < teamSize[Int(team)]
        }
        staffInCustodyTeam = staffTeam.map { 2 * teamRoles[Int($0) * roles + custody] >= teamSize[Int($0)] }
        var households: [String: Int32] = [:]
        func household(_ surname: String, _ postcode: String?) -> Int32 {
            guard let postcode else { return -1 }
            let key = Self.householdKey(surname, postcode)
            if let number = households[key] { return number }
            let number = Int32(households.count)
            households[key] = number
            return number
        }
        var staffByHousehold: [Int32: [Int]] = [:]
        for (staff, member) in reference.staff.enumerated() {
            let number = household(String(member.displayName.split(separator: " ").last ?? ""), member.homePostcode)
            if number >= 0 { staffByHousehold[number, default: []].append(staff) }
        }
        var householdPersons = [[PersonIndex]](repeating: [], count: reference.staff.count)
        for (person, record) in reference.persons.enumerated() {
            guard let postcode = record.postcode,
                  let number = households[Self.householdKey(record.familyName, postcode)],
                  let staff = staffByHousehold[number] else { continue }
            for member in staff { householdPersons[member].append(PersonIndex(person)) }
        }
        self.householdPersons = householdPersons
        hasDeclaredAssociations = reference.associationsByStaff.map { !$0.isEmpty }
        let sizes = zip(reference.associationsByStaff, householdPersons).map { declared, household in
            declared.count + household.filter { person in !declared.contains { $0.person == person } }.count
        }
        circleSize = sizes
        var totals = [Double](repeating: 0, count: StaffRole.allCases.count)
        var members = [Double](repeating: 0, count: StaffRole.allCases.count)
        for (role, size) in zip(staffRolePosition, sizes) {
            totals[role] += Double(size)
            members[role] += 1
        }
        roleMeanCircleSize = zip(totals, members).map { $1 > 0 ? $0 / $1 : 0 }
        let e = rules.explanation
        // Kept as locals too: the assignment windows below need them before `self` is fully initialised.
        let before = Int64(e.beforeAssignmentMinutes) * 60, after = Int64(e.afterAssignmentHours) * 3600
        let afterAttending = Int64(e.afterAttendanceHours) * 3600
        let closure = Int64(e.afterClosureDays) * 86_400
        beforeAssignment = before
        afterAssignment = after
        afterAttendance = afterAttending
        let attendanceWithoutEnd = Int64(e.attendanceWithoutEndHours) * 3600
        self.attendanceWithoutEnd = attendanceWithoutEnd
        afterClosure = closure
        liveIncident = Int64(e.liveIncidentHours) * 3600
        custodyGrace = Int64(e.custodyGraceHours) * 3600
        rosterBefore = Int64(e.rosterToleranceBeforeMinutes) * 60
        rosterAfter = Int64(e.rosterToleranceAfterMinutes) * 60
        atWorkPrefixes = e.atWorkWorkstationPrefixes

        staffRole = reference.staff.map(\.role)
        recordGroups = RecordGroups(reference)
        let occurrencesByPerson = recordGroups.occurrencesByPerson(reference)
        (personOccurrenceStart, personOccurrences) = Self.flatten(occurrencesByPerson) { $0.occurrence }
        personOccurrenceSuspect = Self.flatten(occurrencesByPerson) { $0.role == .suspect }.1
        let assignmentStart: [Int32]
        (assignmentStart, occurrenceAssignments) = Self.flatten(reference.assignmentsByOccurrence) {
            CompactAssignment($0, withoutEnd: attendanceWithoutEnd)
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
        var personAssignmentStart: [Int32] = [0]
        personAssignmentStart.reserveCapacity(personOccurrenceStart.count)
        var personAssignments: [AssignmentWindow] = []
        let windows = occurrencesByPerson.reduce(0) { total, links in
            total + links.reduce(0) { $0 + reference.assignmentsByOccurrence[Int($1.occurrence)].count }
        }
        personAssignments.reserveCapacity(windows)
        HugePages.advise(&personAssignments)
        for links in occurrencesByPerson {
            for link in links {
                let record = occurrences[Int(link.occurrence)]
                for index in Int(record.assignments)..<Int(record.assignmentsEnd) {
                    personAssignments.append(AssignmentWindow(occurrenceAssignments[index], on: record,
                                                             beforeAssignment: before, afterAssignment: after,
                                                             afterAttendance: afterAttending, afterClosure: closure))
                }
            }
            personAssignmentStart.append(Int32(personAssignments.count))
        }
        self.personAssignmentStart = personAssignmentStart
        self.personAssignments = personAssignments
        (rosterStart, rosterShiftStart) = Self.flatten(reference.rostersByStaff) { $0.start.seconds }
        (_, rosterShiftEnd) = Self.flatten(reference.rostersByStaff) { $0.end.seconds }
        serviceStart = reference.staff.map { $0.startDate.startOfDay.seconds }
        serviceEnd = reference.staff.map { $0.endDate.map { $0.startOfDay.seconds + 86_400 } ?? .max }
        var personFacts = [PersonFacts]()
        personFacts.reserveCapacity(reference.persons.count)
        HugePages.advise(&personFacts)
        for person in reference.persons { personFacts.append(PersonFacts(person)) }
        self.personFacts = personFacts
        skewIgnoresAge = reference.birthYearsMostlyMissing
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

    /// The occurrences a person appears in (victim, suspect, witness...), in the reference data's order, then those
    /// of her other records (``RecordGroups``).
    @inline(__always)
    func occurrences(of person: PersonIndex) -> ArraySlice<Int32> {
        personOccurrences[Int(personOccurrenceStart[Int(person)])..<Int(personOccurrenceStart[Int(person) + 1])]
    }

    /// Whether the workstation is inside force premises or a vehicle.
    func isAtWorkWorkstation(_ workstation: String) -> Bool {
        atWorkPrefixes.contains { workstation.hasPrefix($0) }
    }

    static func householdKey(_ surname: String, _ postcode: String) -> String {
        surname.lowercased() + "|" + postcode.uppercased().filter { $0 != " " }
    }

    /// Whether the roster holds no shift at all for the member of staff. A force that cannot export its duty system,
    /// or leaves some staff out of the export, says nothing about when they work: such a member of staff is taken as
    /// on the roster throughout their service (``isRostered(_:at:hint:)``), so that a missing file is not read as
    /// every look made off duty.
    @inline(__always)
    func hasNoRoster(_ staff: StaffIndex) -> Bool {
        rosterStart[Int(staff)] == rosterStart[Int(staff) + 1]
    }

    /// Whether the member of staff counts as on the roster at `time`: a rostered shift (widened by the tolerances)
    /// covers it, or the roster holds no shift of theirs at all (``hasNoRoster(_:)``) and `time` is within their
    /// service (from `start_date` to the end of `end_date`): an account used after its holder left is not at work,
    /// whatever the roster lacks.
    @inline(__always)
    func isRostered(_ staff: StaffIndex, at time: Int64, hint: inout RosterHint) -> Bool {
        if hasNoRoster(staff) { return time >= serviceStart[Int(staff)] && time < serviceEnd[Int(staff)] }
        return rosteredShiftIndex(staff, at: time, hint: &hint) != nil
    }

    /// Whether the member of staff counts as on the roster at `time` (``isRostered(_:at:hint:)``).
    public func onDuty(_ staff: StaffIndex, at time: Timestamp) -> Bool {
        var hint = RosterHint()
        return isRostered(staff, at: time.seconds, hint: &hint)
    }

    /// The flat index of the rostered shift covering `time` (widened by the tolerances), by binary search.
    func rosteredShiftIndex(_ staff: StaffIndex, at time: Int64) -> Int? {
        var hint = RosterHint()
        return rosteredShiftIndex(staff, at: time, hint: &hint)
    }

    /// The same, searching from where the member of staff's last search ended (`hint`, then moved to where this one
    /// ends): a user's events come in time order, so the shift is nearly always the one found last or the next,
    /// one or two reads in a line the look-ahead has asked for, where a binary search over a year of shifts read
    /// four or five lines (`rosteredShiftIndex` was 1.8% of a one-core run in `perf`). Any hint gives the same
    /// answer; a stale one only costs more reads.
    func rosteredShiftIndex(_ staff: StaffIndex, at time: Int64, hint: inout RosterHint) -> Int? {
        let first = Int(rosterStart[Int(staff)]), last = Int(rosterStart[Int(staff) + 1])
        let limit = time + rosterBefore
        // The first shift starting after `limit`: galloping from the hint to a range that holds it, then halving.
        var low = first, high = last
        let guess = Int(hint.position)
        if guess >= first && guess <= last {
            if guess == last || rosterShiftStart[guess] > limit {
                high = guess
                var step = 1
                while high - step > first && rosterShiftStart[high - step] > limit {
                    high -= step
                    step *= 2
                }
                low = max(first, high - step)
            } else {
                low = guess + 1
                var step = 1
                while low + step <= last && rosterShiftStart[low + step - 1] <= limit {
                    low += step
                    step *= 2
                }
                high = min(last, low + step - 1)
            }
        }
        while low < high {
            let middle = (low + high) / 2
            if rosterShiftStart[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        hint.position = Int32(low)
        var index = low - 1
        // Shifts may overlap (overtime after a duty shift): look back a little.
        while index >= first && index >= low - 3 {
            if time <= rosterShiftEnd[index] + rosterAfter { return index }
            index -= 1
        }
        return nil
    }
}

/// Where a member of staff's last search of their roster ended (``DetectionContext/rosteredShiftIndex(_:at:hint:)``),
/// kept in their activity.
struct RosterHint {
    /// A flat index into the roster; -1 before the first search.
    var position: Int32 = -1
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

/// What the per-look indicators need to know about a person, without the strings of the full record.
struct PersonFacts {
    let markers: MarkerSet
    let sex: Sex
    /// Year of birth, or `Int32.min` when not recorded.
    let birthYear: Int32

    init(_ person: Person) {
        markers = person.markers
        sex = person.sex
        birthYear = person.birthYear.map { Int32(clamping: $0) } ?? .min
    }
}

/// An assignment with the window in which it explains an access to its occurrence or the people in it.
///
/// An assignment made after the occurrence closed (a review, an analyst's tasking) is its own link and lasts as long
/// as it does; one made while it was open ends with the occurrence too (plus grace).
struct AssignmentWindow {
    let staff: StaffIndex
    let role: AssignmentRole
    /// The first and last second the assignment explains an access.
    let from: Int64
    let until: Int64

    init(_ assignment: CompactAssignment, on occurrence: CompactOccurrence, beforeAssignment: Int64,
         afterAssignment: Int64, afterAttendance: Int64, afterClosure: Int64) {
        staff = assignment.staff
        role = assignment.role
        let closed = occurrence.closed
        let closedLimit = closed == Int64.max ? Int64.max : closed + afterClosure
        let madeAfterClosure = assignment.start > closed
        let grace = assignment.role == .attending ? afterAttendance : afterAssignment
        let assignmentEnd = assignment.end == Int64.max ? Int64.max : assignment.end + grace
        from = assignment.start - beforeAssignment
        until = min(assignmentEnd, madeAfterClosure ? Int64.max : closedLimit)
    }
}

/// An assignment as the explainer reads it: integers only.
struct CompactAssignment {
    let staff: StaffIndex
    let role: AssignmentRole
    let start: Int64
    /// End as recorded, or as taken for an attendance or a call with none (`withoutEnd`), or `Int64.max` while it
    /// continues.
    let end: Int64

    /// `withoutEnd`: how long after it began an attendance or a call taken with no end recorded is taken to have
    /// ended (``ExplanationSettings/attendanceWithoutEndHours``, in seconds; 0: open).
    init(_ assignment: Assignment, withoutEnd: Int64) {
        staff = assignment.staff
        role = assignment.role
        start = assignment.start.seconds
        if let end = assignment.end {
            self.end = end.seconds
        } else if withoutEnd > 0, assignment.role == .attending || assignment.role == .callHandler {
            end = start + withoutEnd
        } else {
            end = Int64.max
        }
    }
}
