@testable import CustodesDetection
import CustodesModel
import Testing

/// Volunteering for one person's incidents: S1 (a response officer) attends welfare calls about P3 (Mona Victim,
/// person 2), and looks her up during each attendance.
@Suite("Repeated attendance")
struct RepeatedAttendanceTests {
    /// Occurrences O3... on days 1, 3, 5...: P3 `as role` in each; S1 attends the last `attended` of them, S2 the
    /// rest.
    static func calls(_ count: Int, attended: Int, as role: OccurrencePersonRole = .other,
                      twice: Bool = false) -> (inout ReferenceData) -> Void {
        { data in
            for number in 0..<count {
                let occurrence = OccurrenceIndex(data.occurrences.count)
                data.add(Occurrence(occurrenceID: "O\(3 + number)", category: .concernForWelfare,
                                    openedAt: Fixture.at(1 + 2 * number, 9), closedAt: Fixture.at(1 + 2 * number, 12),
                                    station: "North"))
                data.occurrencePersons.append(OccurrencePerson(occurrence: occurrence, person: 2, role: role))
                if twice { data.occurrencePersons.append(OccurrencePerson(occurrence: occurrence, person: 2, role: .caller)) }
                let staff: StaffIndex = number >= count - attended ? 0 : 1
                data.assignments.append(Assignment(occurrence: occurrence, staff: staff, role: .attending,
                                                   start: Fixture.at(1 + 2 * number, 9, 5),
                                                   end: Fixture.at(1 + 2 * number, 11)))
            }
        }
    }

    /// S1 looks P3 up at 10:00 during calls `from` to `from + count - 1`.
    static func looks(_ count: Int, from: Int = 0) -> [AuditEvent] {
        (from..<(from + count)).map { Fixture.event("E\($0)", Fixture.at(1 + 2 * $0, 10), staff: 0, person: 2) }
    }

    func attendanceHits(_ events: [AuditEvent], _ extra: @escaping (inout ReferenceData) -> Void) -> [Hit] {
        Fixture.run(events, extra: extra).hits.filter { $0.indicator == .repeatedAttendance }
    }

    @Test("from the fourth of her calls attended, once for each, each weighing more, up to three times the weight")
    func firesFromTheFourth() {
        // Calls still to come are not counted: at the fourth, "4 of the 4", though seven are in the reference data.
        let found = attendanceHits(Self.looks(7), Self.calls(7, attended: 7))
        #expect(found.map { $0.evidence[0].eventID } == ["E3", "E4", "E5", "E6"])
        #expect(found.map(\.points) == [8, 16, 24, 24])
        #expect(found.first?.detail.hasPrefix("attended 4 of the 4 occurrences in which PSN-") == true,
                "\(found.map(\.detail))")
        #expect(found.first?.detail.hasSuffix(" was not a suspect") == true)
        // A second look during the same attendance adds nothing.
        let twice = Self.looks(4) + [Fixture.event("E3b", Fixture.at(7, 10, 30), staff: 0, person: 2)]
        #expect(attendanceHits(twice, Self.calls(4, attended: 4)).count == 1)
    }

    @Test("three calls, fewer than half of hers, or a suspect's arrests: nothing")
    func notFired() {
        #expect(attendanceHits(Self.looks(3), Self.calls(3, attended: 3)).isEmpty)
        // S1 attends the last four of her nine calls and looks her up at each: four of nine, under half.
        #expect(attendanceHits(Self.looks(4, from: 5), Self.calls(9, attended: 4)).isEmpty)
        // A prolific suspect's arrests are attended by the same local officers.
        #expect(attendanceHits(Self.looks(6), Self.calls(6, attended: 6, as: .suspect)).isEmpty)
        // Listed twice in each of three calls (as the caller too): three occurrences, not six.
        #expect(attendanceHits(Self.looks(3), Self.calls(3, attended: 3, twice: true)).isEmpty)
        // A look no attendance explains (a week after the last call) is not one.
        let later = [Fixture.event("L", Fixture.at(14, 10), staff: 0, person: 2)]
        #expect(attendanceHits(Self.looks(3) + later, Self.calls(3, attended: 3)).isEmpty)
    }

    @Test("attendances alone open an alert only at the strong threshold: at the ordinary one they need another indicator")
    func needsCorroboration() {
        // Four and five of five calls, two days apart: 8 then 16 points, about 23, past 20 but not 30.
        #expect(Fixture.run(Self.looks(5), extra: Self.calls(5, attended: 5)).alerts.isEmpty)
        // A sixth: 24 more, past 30.
        let alerts = Fixture.run(Self.looks(6), extra: Self.calls(6, attended: 6)).alerts
        #expect(alerts.count == 1)
        #expect(alerts.first?.why.hasPrefix("They attended 6 of the 6 occurrences in which PSN-") == true,
                "\(alerts.map(\.why))")
    }

    @Test("turned off in the rules, it does not fire")
    func disabled() {
        var rules = Fixture.fullPoints
        rules.rules[rules.rules.firstIndex { $0.name == .repeatedAttendance }!].enabled = false
        #expect(Fixture.run(Self.looks(6), rules: rules, extra: Self.calls(6, attended: 6)).hits
            .filter { $0.indicator == .repeatedAttendance }.isEmpty)
    }

    @Test("her returns are not discounted for the user's other returns, as the user's own circle's are not")
    func notSpread() {
        var ledger = RiskLedger()
        let weighing = RiskLedger.Weighing(volumeCap: 30, otherPeopleShare: 0.1, spreadPeople: 2)
        // Returns to five other people on two days each, then the attendance's hit on person 9.
        for person in 0..<5 {
            for day in 0..<2 {
                ledger.add(Hit(indicator: .repeatLookups, points: 4, at: Timestamp(seconds: Int64(day) * 86_400),
                               staff: 0, person: PersonIndex(person), evidence: [], detail: ""),
                           halfLife: 10, window: 30 * 86_400, weighing)
            }
        }
        ledger.add(Hit(indicator: .repeatedAttendance, points: 24, at: Timestamp(seconds: 2 * 86_400), staff: 0,
                       person: 9, evidence: [], detail: ""), halfLife: 10, window: 30 * 86_400, weighing)
        #expect(ledger.returnedPeople() == 5)
        // The top person is the attended one, in full; the rest at a tenth, each at two fifths for the spread.
        #expect(ledger.score(at: 2 * 86_400, halfLife: 10, weighing) > 24)
    }
}
