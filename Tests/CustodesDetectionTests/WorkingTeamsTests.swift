@testable import CustodesDetection
import CustodesModel
import Testing

/// How `staff.csv`'s team column is read: as working teams, or, where it holds whole stations, as each role at its
/// station.
@Suite("Working teams")
struct WorkingTeamsTests {
    static let start = Timestamp(year: 2015, month: 1, day: 1)

    /// `count` members of staff of one role in one team at one station, numbered from `first`.
    static func staff(_ count: Int, _ role: StaffRole, team: String, station: String, first: Int) -> [Staff] {
        (first..<first + count).map {
            Staff(staffID: "S\($0)", collarNumber: "\($0)", displayName: "Test Person\($0)", role: role, team: team,
                  station: station, startDate: start)
        }
    }

    /// A station of 20: 12 response officers in two shifts, 4 detectives, 4 police staff.
    static func station(_ name: String, first: Int, team: (String) -> String) -> [Staff] {
        staff(6, .responseOfficer, team: team("Response A"), station: name, first: first)
            + staff(6, .responseOfficer, team: team("Response B"), station: name, first: first + 6)
            + staff(4, .detective, team: team("CID"), station: name, first: first + 12)
            + staff(4, .policeStaff, team: team("Front Counter"), station: name, first: first + 16)
    }

    @Test("working teams are kept: the same name at two stations is two teams")
    func workingTeams() {
        let staff = Self.station("North", first: 0) { $0 } + Self.station("South", first: 20) { $0 }
        let teams = WorkingTeams(staff: staff)
        #expect(!teams.teamsAreStations)
        #expect(teams.staffInStationTeams == 0)
        #expect(teams.count == 8)
        #expect(teams.team[0] == teams.team[5])     // Response A at North
        #expect(teams.team[0] != teams.team[6])     // Response B
        #expect(teams.team[0] != teams.team[20])    // Response A at South
    }

    @Test("a team column holding stations is read as each role at its station")
    func stations() {
        let staff = Self.station("North", first: 0) { _ in "North" } + Self.station("South", first: 20) { _ in "South" }
        let teams = WorkingTeams(staff: staff)
        #expect(teams.teamsAreStations)
        #expect(teams.staffInStationTeams == 40)
        #expect(teams.count == 6)
        #expect(teams.team[0] == teams.team[6])     // both shifts' response officers at North
        #expect(teams.team[0] != teams.team[12])    // not the detectives
        #expect(teams.team[0] != teams.team[20])    // nor South's response officers
    }

    @Test("a team that is most of its station counts only at a station of ten or more, and only for half the force")
    func smallStationsAndHalf() {
        // Eight rural stations of six, each one neighbourhood team: the whole station, but too small to say.
        let rural = (0..<8).flatMap { Self.staff(6, .neighbourhoodOfficer, team: "NPT \($0)", station: "Rural \($0)",
                                                 first: 100 + 6 * $0) }
        #expect(!WorkingTeams(staff: rural).teamsAreStations)
        // A station of 20 whose one team is 17 of them (over four fifths) beside two stations of working teams:
        // 17 of 60 staff in a station's team is under half.
        let big = Self.staff(17, .responseOfficer, team: "East", station: "East", first: 0)
            + Self.staff(3, .detective, team: "CID", station: "East", first: 17)
        let mixed = WorkingTeams(staff: big + Self.station("North", first: 20) { $0 }
                                 + Self.station("South", first: 40) { $0 })
        #expect(mixed.staffInStationTeams == 17)
        #expect(!mixed.teamsAreStations)
        #expect(WorkingTeams(staff: []).count == 0)
    }

    @Test("half of the staff in teams that hold their station is enough; one fewer is not")
    func exactlyHalf() {
        let working = Self.station("North", first: 0) { $0 }
        let half = Self.staff(20, .responseOfficer, team: "East", station: "East", first: 100)
        #expect(WorkingTeams(staff: working + half).teamsAreStations)
        let underHalf = Self.staff(19, .responseOfficer, team: "East", station: "East", first: 100)
        #expect(!WorkingTeams(staff: working + underHalf).teamsAreStations)
    }

    @Test("the kind of case a member of staff mostly works splits their crew; too few assignments, or none half, does not")
    func specialisms() {
        // One public protection team of four safeguarding officers at one station: S0 assigned to 4 domestic abuse
        // and 2 sexual offence cases, S1 to 6 missing person episodes, S2 to 4 domestic abuse cases (under five in
        // all), S3 to 2 each of domestic abuse, sexual offences and missing persons (none half).
        var data = ReferenceData()
        for member in Self.staff(4, .safeguardingOfficer, team: "Public Protection", station: "HQ", first: 0) {
            _ = data.add(member)
        }
        let categories: [OccurrenceCategory] = [.domesticAbuse, .sexualOffence, .missingPerson]
        for (number, category) in categories.enumerated() {
            _ = data.add(Occurrence(occurrenceID: "O\(number)", category: category, openedAt: Self.start, station: "HQ"))
        }
        func assign(_ staff: StaffIndex, _ occurrence: OccurrenceIndex, times: Int) {
            for _ in 0..<times {
                data.assignments.append(Assignment(occurrence: occurrence, staff: staff, role: .officerInCase,
                                                   start: Self.start))
            }
        }
        assign(0, 0, times: 4); assign(0, 1, times: 2)
        assign(1, 2, times: 6)
        assign(2, 0, times: 4)
        assign(3, 0, times: 2); assign(3, 1, times: 2); assign(3, 2, times: 2)
        data.buildIndexes()
        let kinds = WorkingTeams.specialisms(of: data)
        #expect(kinds == [.domesticAbuse, .missingPerson, nil, nil])
        let teams = WorkingTeams(staff: data.staff, specialisms: kinds)
        #expect(Set(teams.team).count == 1, "one team")
        #expect(teams.crew[0] != teams.crew[1], "domestic abuse and missing persons are two crews")
        #expect(teams.crew[2] == teams.crew[3], "no kind of case: the team's other safeguarding officers")
        #expect(teams.crew[0] != teams.crew[2])
        // Without the kinds, one crew.
        #expect(Set(WorkingTeams(staff: data.staff).crew).count == 1)
    }

    /// The fixture's force with `team` giving each member of staff's team from their station and team, and 14 more
    /// response officers at North in two shifts: the fixture's stations have 6 staff and 1, under the ten it takes.
    static func fixture(team: (Staff) -> String) -> DetectionContext {
        let base = Fixture.reference()
        var data = ReferenceData()
        for var member in base.staff {
            member.team = team(member)
            _ = data.add(member)
        }
        for number in 0..<14 {
            var member = Staff(staffID: "SX\(number)", collarNumber: "X\(number)", displayName: "Extra Officer\(number)",
                               role: .responseOfficer, team: number.isMultiple(of: 2) ? "Response A" : "Response B",
                               station: "North", startDate: start)
            member.team = team(member)
            _ = data.add(member)
        }
        for person in base.persons { _ = data.add(person) }
        for occurrence in base.occurrences { _ = data.add(occurrence) }
        data.rosters = base.rosters
        data.personLinks = base.personLinks
        data.occurrencePersons = base.occurrencePersons
        data.assignments = base.assignments
        data.declaredAssociations = base.declaredAssociations
        data.buildIndexes()
        return DetectionContext(reference: data, rules: Fixture.fullPoints)
    }

    @Test("with stations for teams, a clerk's look at a person in a constable's case is no teammate's case")
    func explainer() {
        // On the 11th, at work, S5 (police staff at North) reads P1, whose case S2 (a response officer at North) has
        // as officer in case; S1, a response officer at North like S2, reads her too. Neither has a part in the case
        // by then (S1's attendance and its follow-up ended days before).
        let clerk = Fixture.event("E", Fixture.at(5, 12), staff: 4, person: 0)
        let constable = Fixture.event("E", Fixture.at(5, 12), staff: 0, person: 0)
        let stations = Self.fixture { $0.station }
        #expect(stations.workingTeams.teamsAreStations)
        #expect(Explainer(context: stations).explain(clerk, atWork: true)?.kind == nil)
        #expect(Explainer(context: stations).explain(constable, atWork: true)?.kind == .team)
        let working = Self.fixture { $0.team }
        #expect(!working.workingTeams.teamsAreStations)
        #expect(Explainer(context: working).explain(clerk, atWork: true)?.kind == nil)
        #expect(Explainer(context: working).explain(constable, atWork: true)?.kind == .team)
    }
}
