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
    let occurrenceStation: [Int32]
    /// Surname and postcode of each member of staff, for spotting look-ups of their own household.
    let staffHousehold: [String?]
    /// Surname and postcode of each person.
    let personHousehold: [String?]

    let beforeAssignment: Int64
    let afterAssignment: Int64
    let afterClosure: Int64
    let liveIncident: Int64
    let custodyGrace: Int64
    let rosterBefore: Int64
    let rosterAfter: Int64
    let atWorkPrefixes: [String]

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
        occurrenceStation = reference.occurrences.map { station($0.station) }
        staffHousehold = reference.staff.map { member in
            guard let postcode = member.homePostcode, let surname = member.displayName.split(separator: " ").last
            else { return nil }
            return Self.householdKey(String(surname), postcode)
        }
        personHousehold = reference.persons.map { person in
            person.postcode.map { Self.householdKey(person.familyName, $0) }
        }
        let e = rules.explanation
        beforeAssignment = Int64(e.beforeAssignmentMinutes) * 60
        afterAssignment = Int64(e.afterAssignmentHours) * 3600
        afterClosure = Int64(e.afterClosureDays) * 86_400
        liveIncident = Int64(e.liveIncidentHours) * 3600
        custodyGrace = Int64(e.custodyGraceHours) * 3600
        rosterBefore = Int64(e.rosterToleranceBeforeMinutes) * 60
        rosterAfter = Int64(e.rosterToleranceAfterMinutes) * 60
        atWorkPrefixes = e.atWorkWorkstationPrefixes
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
        rosteredShift(staff, at: time) != nil
    }

    /// The rostered shift covering `time`, widened by the tolerances.
    func rosteredShift(_ staff: StaffIndex, at time: Timestamp) -> RosterShift? {
        let shifts = reference.rostersByStaff[Int(staff)]
        // Binary search for the last shift starting at or before time + tolerance.
        var low = 0, high = shifts.count
        let limit = time.seconds + rosterBefore
        while low < high {
            let middle = (low + high) / 2
            if shifts[middle].start.seconds <= limit { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        // Shifts may overlap (overtime after a duty shift): look back a little.
        while index >= 0 && index >= low - 3 {
            if time.seconds <= shifts[index].end.seconds + rosterAfter { return shifts[index] }
            index -= 1
        }
        return nil
    }
}
