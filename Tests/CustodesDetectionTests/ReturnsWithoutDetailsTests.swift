@testable import CustodesDetection
import CustodesModel
import Testing

/// A return (a revisit, a repeated look-up) to someone whose contact details, address or photograph the user never
/// opened keeps `returns_without_details_share` of its points: an investigator back in an old case's people reads
/// summaries and history; abuse of position seeks where she lives and how to reach her.
@Suite("Returns without details")
struct ReturnsWithoutDetailsTests {
    /// L0 (index 5), in no occurrence and with no markers; S6 (index 5) has no link to her.
    static func person(_ data: inout ReferenceData) {
        data.add(Person(personID: "L0", familyName: "Lowe", givenName: "Ada", sex: .female, birthYear: 1994))
    }

    /// The standard share with every other hit in full (no peers, no learning weeks).
    static var halfForNoDetails: RuleSet {
        var rules = Fixture.fullPoints
        rules.risk.returnsWithoutDetailsShare = RuleSet.standard.risk.returnsWithoutDetailsShare
        return rules
    }

    static let weight = RuleSet.standard.rules.first { $0.name == .repeatLookups }!.weight

    /// S6 looks L0 up at 10:00 on five weekdays, opening `fields` on the first day and her summary after.
    static func repeats(firstDay fields: FieldSet, rules: RuleSet = halfForNoDetails) -> [Hit] {
        let events = (0...4).map { day in
            Fixture.event("E\(day)", Fixture.at(day, 10), staff: 5, person: 5, fields: day == 0 ? fields : [.summary])
        }
        return Fixture.run(events, rules: rules, extra: person).hits.filter { $0.indicator == .repeatLookups }
    }

    @Test("returns to someone whose summary alone was read keep half and say why")
    func summariesOnly() throws {
        #expect(RuleSet.standard.risk.returnsWithoutDetailsShare == 0.5)
        let hits = Self.repeats(firstDay: [.summary])
        #expect(hits.count == 3)
        let first = try #require(hits.first)
        #expect(first.points == Self.weight / 2)
        #expect(first.detail.hasSuffix("; they had opened none of their contact details, address or photograph in "
                                       + "the last 90 days, so it counts half"), "\(first.detail)")
    }

    @Test("once their contact details, address or photograph were opened, returns to them count in full")
    func detailsOpened() {
        for fields: FieldSet in [[.contact], [.address], [.photo]] {
            let hits = Self.repeats(firstDay: fields)
            #expect(hits.count == 3, "\(fields)")
            #expect(hits.allSatisfy { $0.points >= Self.weight && !$0.detail.contains("opened none") }, "\(fields)")
        }
    }

    @Test("a look whose system logs no fields may have opened them, so returns count in full")
    func fieldsNotLogged() {
        let hits = Self.repeats(firstDay: [])
        #expect(hits.count == 3)
        #expect(hits.first?.points == Self.weight)
    }

    @Test("details opened longer ago than the repeat window no longer count")
    func detailsLongAgo() throws {
        // Her address on day 0; then her summary on three days from day 100 (the repeat window is 90 days).
        let events = [Fixture.event("A", Fixture.at(0, 10), staff: 5, person: 5, fields: [.address])]
            + [100, 101, 102].map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 5, person: 5) }
        let hits = Fixture.run(events, rules: Self.halfForNoDetails, extra: Self.person).hits
            .filter { $0.indicator == .repeatLookups }
        let hit = try #require(hits.first)
        #expect(hits.count == 1 && hit.points == Self.weight / 2)
    }

    @Test("with the share at 1, every return counts in full and says nothing of details")
    func ruleOff() {
        let hits = Self.repeats(firstDay: [.summary], rules: Fixture.fullPoints)
        #expect(hits.count == 3)
        #expect(hits.allSatisfy { !$0.detail.contains("opened none") })
        #expect(hits.first?.points == Self.weight)
    }

    @Test("a slot of the days-by-person table still takes 24 bytes with the day details were opened")
    func slotSize() {
        #expect(PersonDaysTable.slotStride == 24)
    }

    /// Twenty police staff (indices 7 onwards, one team) reading forty local people (persons 6 onwards), nineteen a
    /// day for three weeks, opening `fields`; the first also reads L0 (person 5) on the third week's weekdays, her
    /// summary only.
    static func desk(_ data: inout ReferenceData) {
        person(&data)
        let start = Timestamp(year: 2015, month: 1, day: 1)
        for number in 0..<20 {
            data.add(Staff(staffID: "D\(number)", collarNumber: "D\(number)", displayName: "Desk \(number)",
                           role: .policeStaff, team: "Enquiry Desk", station: "Vale", startDate: start))
        }
        for number in 0..<40 {
            data.add(Person(personID: "Q\(number)", familyName: "Local", givenName: "\(number)", sex: .male,
                            birthYear: 1980))
        }
    }

    static func deskReturns(othersOpen fields: FieldSet) -> [Hit] {
        var events: [AuditEvent] = []
        for day in 0..<21 {
            for number in 0..<20 {
                for look in 0..<19 {
                    events.append(Fixture.event("Q\(day)-\(number)-\(look)", Fixture.at(day, 9, look),
                                                staff: StaffIndex(7 + number), person: PersonIndex(6 + (number + look) % 40),
                                                fields: fields))
                }
            }
        }
        events += (14...18).map { Fixture.event("L\($0)", Fixture.at($0, 15), staff: 7, person: 5) }
        var rules = RuleSet.standard
        rules.risk.learningWeeks = 0
        return Fixture.run(events, rules: rules, extra: desk).hits
            .filter { $0.indicator == .repeatLookups && $0.person == 5 }
    }

    @Test("only where the role is seen opening details does a return that opened none keep half")
    func onlyWhereDetailsAreLogged() throws {
        // A desk whose system shows every view as a summary says nothing by a return that opened no address.
        let summariesOnly = Self.deskReturns(othersOpen: [.summary])
        #expect(summariesOnly.count == 3)
        #expect(summariesOnly.allSatisfy { !$0.detail.contains("opened none") }, "\(summariesOnly.map(\.detail))")
        // One whose members open addresses all day does.
        let addressesOpened = Self.deskReturns(othersOpen: [.summary, .address])
        let first = try #require(addressesOpened.first)
        #expect(addressesOpened.count == 3)
        #expect(first.detail.contains("they had opened none of their contact details"), "\(first.detail)")
    }
}
