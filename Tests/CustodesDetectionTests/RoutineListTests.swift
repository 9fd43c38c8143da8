@testable import CustodesDetection
import CustodesModel
import Testing

/// A list worked through: returns to a person looked up on earlier days together with the same other people weigh as
/// case work (a quarter); a return to someone looked up alone counts in full. So does a case worked as a whole: returns
/// to a person looked up on earlier days together with another person in one of her occurrences.
@Suite("Routine list")
struct RoutineListTests {
    /// L0 to L4 (indices 5 to 9), in no occurrence and with no markers; S6 has no link to any of them.
    static func people(_ data: inout ReferenceData) {
        for number in 0..<5 {
            data.add(Person(personID: "L\(number)", familyName: "List", givenName: "\(number)", sex: .male,
                            birthYear: 1970))
        }
    }

    /// S6 (office hours on weekdays) looks up `people` at 10:00, a minute apart, on Monday to Friday.
    static func looks(at people: [PersonIndex]) -> [AuditEvent] {
        (0...4).flatMap { day in
            people.enumerated().map { position, person in
                Fixture.event("E\(day)-\(person)", Fixture.at(day, 10, position), staff: 5, person: person)
            }
        }
    }

    static func repeats(_ events: [AuditEvent], of person: PersonIndex, rules: RuleSet = Fixture.fullPoints) -> [Hit] {
        Fixture.run(events, rules: rules, extra: people).hits.filter { $0.indicator == .repeatLookups && $0.person == person }
    }

    static let weight = RuleSet.standard.rules.first { $0.name == .repeatLookups }!.weight

    @Test("returns to one of five people looked up together day after day keep a quarter and say why")
    func listWorkedThrough() throws {
        // The first in the list each day: the earlier days, not today's order, make it a list.
        let hits = Self.repeats(Self.looks(at: [5, 6, 7, 8, 9]), of: 5)
        #expect(hits.count == 3)
        #expect(hits.allSatisfy { $0.caseWork })
        let first = try #require(hits.first)
        #expect(first.points == Self.weight / 4)
        #expect(first.detail.hasSuffix("; on earlier days they looked them up together with at least 3 other people "
                                       + "they return to, a list worked through, so it counts a quarter"), "\(first.detail)")
    }

    @Test("regulars looked up every day do not make a woman returned to on some of those days part of a list")
    func regularsAreNotAList() {
        // L1 to L4 every weekday for five weeks; L0 on each Monday. Each regular shares all of L0's days, but most of
        // its own days are without her.
        var events: [AuditEvent] = []
        for day in (0..<5).flatMap({ week in (0...4).map { week * 7 + $0 } }) {
            for person in 6...9 {
                events.append(Fixture.event("R\(day)-\(person)", Fixture.at(day, 9, person), staff: 5,
                                            person: PersonIndex(person)))
            }
        }
        for day in [0, 7, 14, 21, 28] {
            events.append(Fixture.event("W\(day)", Fixture.at(day, 15), staff: 5, person: 5))
        }
        let hits = Self.repeats(events, of: 5)
        #expect(hits.count == 3)
        #expect(hits.allSatisfy { !$0.caseWork && !$0.detail.contains("a list worked through") })
    }

    @Test("returns to someone looked up alone, or with too few others, or with the rule off, count in full")
    func notAList() {
        let alone = Self.repeats(Self.looks(at: [5]), of: 5)
        let withTwo = Self.repeats(Self.looks(at: [5, 6, 7]), of: 5)
        var off = Fixture.fullPoints
        off.risk.routineListPeople = 0
        let ruleOff = Self.repeats(Self.looks(at: [5, 6, 7, 8, 9]), of: 5, rules: off)
        for (name, hits) in [("alone", alone), ("with two others", withTwo), ("rule off", ruleOff)] {
            #expect(hits.count == 3, "\(name)")
            #expect(hits.allSatisfy { !$0.caseWork }, "\(name)")
            #expect(hits.first?.points == Self.weight, "\(name)")
        }
    }

    /// L0 and L1 (indices 5 and 6) are the child and the mother in R1 (index 2), a referral at North; the other
    /// people are in no occurrence.
    static func referral(_ data: inout ReferenceData) {
        people(&data)
        data.add(Occurrence(occurrenceID: "R1", category: .missingPerson, openedAt: Fixture.at(-20, 8),
                            closedAt: nil, station: "North"))
        data.occurrencePersons += [OccurrencePerson(occurrence: 2, person: 5, role: .victim),
                                   OccurrencePerson(occurrence: 2, person: 6, role: .other)]
    }

    static func referralRepeats(_ events: [AuditEvent], of person: PersonIndex,
                                rules: RuleSet = Fixture.fullPoints) -> [Hit] {
        Fixture.run(events, rules: rules, extra: referral).hits
            .filter { $0.indicator == .repeatLookups && $0.person == person }
    }

    @Test("the first of a case's two people read together each day counts in full until they go together on enough days")
    func caseWorkedAsAWhole() throws {
        // L1 first, then L0, each weekday: L0's returns are case work by the hours (L1 just before); L1's are not,
        // until the earlier days show the two read together on case_companion_days (3) of them.
        let hits = Self.referralRepeats(Self.looks(at: [6, 5]), of: 6)
        #expect(hits.count == 3)
        let first = try #require(hits.first)
        #expect(!first.caseWork && first.points == Self.weight)
        #expect(hits.dropFirst().allSatisfy { $0.caseWork })
        let fourthDay = try #require(hits.dropFirst().first)
        #expect(fourthDay.points == Self.weight * 2 / 4)
        let words = try #require(fourthDay.detail.split(separator: ";").last)
        #expect(words.hasPrefix(" on 3 earlier days they looked them up together with PSN-"), "\(fourthDay.detail)")
        #expect(words.hasSuffix(", also in R1, a case worked as a whole, so it counts a quarter"), "\(fourthDay.detail)")
    }

    @Test("two people read together but in no case together, or with the rule off, count in full")
    func notACase() {
        // L2 and L3 are in no occurrence; with case_companion_days 0 the referral's pair is not weighed either.
        let apart = Self.referralRepeats(Self.looks(at: [7, 8]), of: 7)
        var off = Fixture.fullPoints
        off.risk.caseCompanionDays = 0
        let ruleOff = Self.referralRepeats(Self.looks(at: [6, 5]), of: 6, rules: off)
        for (name, hits) in [("no case together", apart), ("rule off", ruleOff)] {
            #expect(hits.count == 3, "\(name)")
            #expect(hits.allSatisfy { !$0.caseWork }, "\(name)")
        }
    }
}
