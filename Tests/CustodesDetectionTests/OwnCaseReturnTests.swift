@testable import CustodesDetection
import CustodesModel
import Testing

/// Explained is not innocent: a return from off duty inside the user's own case. S2 (index 1) is officer in case for
/// O1 (to the 14th), whose victim is P1 (index 0); rostered only on the 6th and 7th of January.
@Suite("Own case returned to off duty")
struct OwnCaseReturnTests {
    static let officer: StaffIndex = 1
    static let victim: PersonIndex = 0

    /// S2 opens P1's contact details at 21:00 on the 8th to the 12th (days 2 to 6), off the roster, from `device`.
    static func evenings(from device: String, person: PersonIndex = victim, days: ClosedRange<Int> = 2...6,
                         minute: Int = 0) -> [AuditEvent] {
        days.map { day in
            Fixture.event("E\(day)-\(person)", Fixture.at(day, 21, minute), staff: officer, person: person,
                          fields: [.contact], workstation: device)
        }
    }

    static func returns(_ events: [AuditEvent], rules: RuleSet = Fixture.fullPoints,
                        extra: (inout ReferenceData) -> Void = { _ in }) -> [Hit] {
        Fixture.run(events, rules: rules, extra: extra).hits
            .filter { $0.indicator == .repeatLookups && $0.staff == officer }
    }

    @Test("five evenings at the victim of their own case from a laptop count as a return, at its share, off duty")
    func laptopEvenings() throws {
        let hits = Self.returns(Self.evenings(from: "LT-2"))
        #expect(hits.count == 1)
        let hit = try #require(hits.first)
        #expect(hit.person == Self.victim && hit.at == Fixture.at(6, 21))
        #expect(hit.points == 4 * 0.75)
        #expect(hit.evidence.first?.onDuty == false)
        #expect(hit.detail.contains("off duty on 5 different days, from LT-2: their own case explains a look"),
                "\(hit.detail)")
        #expect(hit.detail.hasSuffix("so it counts 75%"), "\(hit.detail)")
    }

    @Test("the same looks from a station workstation, on four evenings, or with the share 0 are the case's work")
    func notAReturn() {
        var off = Fixture.fullPoints
        let position = off.rules.firstIndex { $0.name == .repeatLookups }!
        off.rules[position].parameters["own_case_share"] = 0
        #expect(Self.returns(Self.evenings(from: "WS-NOR-1")).isEmpty)
        #expect(Self.returns(Self.evenings(from: "LT-2", days: 2...5)).isEmpty)
        #expect(Self.returns(Self.evenings(from: "LT-2"), rules: off).isEmpty)
    }

    @Test("with no shift of theirs on the roster, when they work is unknown: evenings at their case are its work")
    func noRoster() {
        let hits = Self.returns(Self.evenings(from: "LT-2")) { data in
            data.rosters.removeAll { $0.staff == Self.officer }
        }
        #expect(hits.isEmpty)
    }

    @Test("a caseload read from home (two more of its people on two evenings each) is hybrid work, not a return")
    func caseloadFromHome() {
        // P3 and P5 (indices 2 and 4) are witnesses in O1 too.
        let witnesses: (inout ReferenceData) -> Void = { data in
            data.occurrencePersons += [OccurrencePerson(occurrence: 0, person: 2, role: .witness),
                                       OccurrencePerson(occurrence: 0, person: 4, role: .witness)]
        }
        let oneMore = Self.evenings(from: "LT-2") + Self.evenings(from: "LT-2", person: 2, days: 2...3, minute: 30)
        let twoMore = oneMore + Self.evenings(from: "LT-2", person: 4, days: 2...3, minute: 40)
        #expect(Self.returns(oneMore, extra: witnesses).count == 1)
        #expect(Self.returns(twoMore, extra: witnesses).isEmpty)
    }

    @Test("only the days in the repeat window count, and every day's first look is the evidence")
    func daysInTheWindow() throws {
        // S2 is officer in case for O9 (index 2), open for the whole period, whose victim is P5 (index 4); every 28
        // days from the 8th of January, then six days later: five days only once the first has left the 90 days.
        let longCase: (inout ReferenceData) -> Void = { data in
            data.add(Occurrence(occurrenceID: "O9", category: .stalkingHarassment, openedAt: Fixture.at(-10, 8),
                                closedAt: nil, station: "North"))
            data.occurrencePersons.append(OccurrencePerson(occurrence: 2, person: 4, role: .victim))
            data.assignments.append(Assignment(occurrence: 2, staff: Self.officer, role: .officerInCase,
                                               start: Fixture.at(-10, 9)))
        }
        let spread = [2, 30, 58, 86, 114].map { day in
            Fixture.event("L\(day)", Fixture.at(day, 21), staff: Self.officer, person: 4, fields: [.contact],
                          workstation: "LT-2")
        }
        #expect(Self.returns(spread, extra: longCase).isEmpty)
        let fifth = Fixture.event("L120", Fixture.at(120, 21), staff: Self.officer, person: 4, fields: [.contact],
                                  workstation: "LT-2")
        let hits = Self.returns(spread + [fifth], extra: longCase)
        #expect(hits.count == 1)
        let hit = try #require(hits.first)
        #expect(hit.detail.contains("off duty on 5 different days"), "\(hit.detail)")
        #expect(hit.evidence.map(\.eventID) == ["L30", "L58", "L86", "L114", "L120"])
        #expect(hit.evidence.allSatisfy { !$0.onDuty })
    }

    @Test("an attendance's follow-up is weighed as a return already, not again as one inside the user's own case")
    func attendanceFollowUp() {
        // S1 (index 0) attended O1 until 11:00 on the 6th: its follow-up runs to the 9th. With off_duty_days 2, their
        // evenings at P1 from a laptop on the 7th and 8th would reach the own-case count; S2, the officer in case,
        // on the same evenings does.
        var rules = Fixture.fullPoints
        let position = rules.rules.firstIndex { $0.name == .repeatLookups }!
        rules.rules[position].parameters["off_duty_days"] = 2
        let ownCase: (Hit) -> Bool = { $0.detail.contains("their own case explains a look") }
        let attending = (1...2).map { day in
            Fixture.event("A\(day)", Fixture.at(day, 21, 30), staff: 0, person: Self.victim, fields: [.contact],
                          workstation: "LT-1")
        }
        #expect(!Fixture.run(attending, rules: rules).hits.contains(where: ownCase))
        let inCase = Self.evenings(from: "LT-2", days: 1...2)
        #expect(Fixture.run(inCase, rules: rules).hits.contains(where: ownCase))
    }
}

