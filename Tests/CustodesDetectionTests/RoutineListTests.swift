@testable import CustodesDetection
import CustodesModel
import Testing

/// A list worked through: returns to a person looked up on earlier days together with the same other people weigh as
/// case work (a quarter); a return to someone looked up alone counts in full.
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
}
