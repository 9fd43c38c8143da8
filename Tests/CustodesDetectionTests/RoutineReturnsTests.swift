@testable import CustodesDetection
import CustodesModel
import Testing

@Suite("Returns that are a role's work")
struct RoutineReturnsTests {
    @Test("the routine: the most days at least the share of the role's members reached; none for a handful")
    func routine() {
        // Twelve analysts: six returned to someone on 9 days or more, the rest less.
        let analysts = [12, 11, 10, 9, 9, 9, 5, 4, 3, 0, 0, 0]
        #expect(RoutineReturns.routine(analysts, share: 0.5) == 9)
        #expect(RoutineReturns.routine(analysts, share: 0.25) == 10)
        #expect(RoutineReturns.routine(analysts, share: 0) == 0, "off")
        // Most response officers never return to anyone with no link: no routine, whatever the few do.
        #expect(RoutineReturns.routine([14, 6, 3] + Array(repeating: 0, count: 40), share: 0.5) == 0)
        #expect(RoutineReturns.routine(Array(analysts.prefix(9)), share: 0.5) == 0, "nine members set no bar")
    }

    @Test("a return counts only beyond the routine, from the rule's minimum, and says why")
    func counted() {
        var returns = RoutineReturns(staffCount: 1, share: 0.5)
        #expect(returns.counted(days: 3, role: 0, minimumDays: 3, plural: "detectives").days == 3, "no routine yet")
        returns.settle([StaffRole.allCases[0]: Array(repeating: 5, count: 10)])
        let five = returns.counted(days: 5, role: 0, minimumDays: 3, plural: "detectives")
        #expect(five.days == 2, "the routine's five days count as two: no repeated look-up")
        let six = returns.counted(days: 6, role: 0, minimumDays: 3, plural: "detectives")
        #expect(six.days == 3, "the sixth day counts as the rule's third")
        #expect(six.words == "; half the force's detectives returned to someone on 5 days or more with no link, as "
                + "their work, so only the days beyond 5 count")
        // A routine under the rule's minimum changes nothing.
        returns.settle([StaffRole.allCases[0]: Array(repeating: 2, count: 10)])
        #expect(returns.counted(days: 3, role: 0, minimumDays: 3, plural: "detectives") == (3, ""))
    }

    @Test("a team's or crew's routine applies where it is higher than the role's, and the words say whose")
    func groupRoutine() {
        var returns = RoutineReturns(staffCount: 1, share: 0.5)
        let role = StaffRole.allCases.firstIndex(of: .policeStaff)!
        // Most of the force's police staff never return to anyone; a hub's twelve return on eight days as their work.
        returns.settle([.policeStaff: Array(repeating: 0, count: 200)],
                       byGroup: [-4: Array(repeating: 8, count: 12), 7: Array(repeating: 8, count: 9)])
        let hub = returns.counted(days: 8, role: role, group: -4, minimumDays: 3, plural: "police staff")
        #expect(hub.days == 2, "eight days are the team's routine")
        #expect(hub.words == "; half their team returned to someone on 8 days or more with no link, as their work, "
                + "so only the days beyond 8 count")
        #expect(returns.counted(days: 8, role: role, group: 7, minimumDays: 3, plural: "police staff") == (8, ""),
                "nine active members set no bar")
        #expect(returns.counted(days: 8, role: role, minimumDays: 3, plural: "police staff") == (8, ""),
                "no group: the role's routine alone")
        // A crew (a positive number) is named by its role; a group under the role's routine leaves the role's words.
        returns.settle([.policeStaff: Array(repeating: 4, count: 20)], byGroup: [3: Array(repeating: 6, count: 10),
                                                                               5: Array(repeating: 3, count: 10)])
        #expect(returns.counted(days: 6, role: role, group: 3, minimumDays: 3, plural: "police staff").words
                == "; half the police staff they work with returned to someone on 6 days or more with no link, as "
                + "their work, so only the days beyond 6 count")
        #expect(returns.counted(days: 6, role: role, group: 5, minimumDays: 3, plural: "police staff")
                == (4, "; half the force's police staff returned to someone on 4 days or more with no link, as "
                    + "their work, so only the days beyond 4 count"))
    }

    @Test("each member's most days are also handed over by the peer group they are weighed with")
    func ringByGroup() {
        var returns = RoutineReturns(staffCount: 3, share: 0.5)
        returns.note(staff: 0, days: 7)
        returns.note(staff: 2, days: 4)
        let week = returns.closeWeek(100, roles: [.detective, .detective, .policeStaff],
                                     groups: { $0 == 1 ? nil : Int32($0 == 0 ? 3 : -2) }) { _ in true }
        #expect(week.byRole == [.detective: [7, 0], .policeStaff: [4]])
        #expect(week.byGroup == [3: [7], -2: [4]], "the member in no group is in none")
    }

    @Test("each member's most days are kept for 13 weeks, only for members active in the week")
    func ring() {
        var returns = RoutineReturns(staffCount: 2, share: 0.5)
        let roles: [StaffRole] = [.detective, .detective]
        returns.note(staff: 0, days: 7)
        returns.note(staff: 0, days: 4)
        #expect(returns.closeWeek(100, roles: roles, groups: { _ in nil }) { _ in true }.byRole == [.detective: [7, 0]])
        // Weeks later, without a return, the 7 days stand until 13 weeks have passed.
        #expect(returns.closeWeek(112, roles: roles, groups: { _ in nil }) { _ in true }.byRole == [.detective: [7, 0]])
        #expect(returns.closeWeek(113, roles: roles, groups: { _ in nil }) { _ in true }.byRole == [.detective: [0, 0]])
        returns.note(staff: 1, days: 3)
        #expect(returns.closeWeek(114, roles: roles, groups: { _ in nil }) { $0 == 1 }.byRole == [.detective: [3]], "the inactive member left out")
    }

    @Test("weeks before 1970 (negative week numbers) take a slot of the ring like any other")
    func negativeWeeks() {
        var returns = RoutineReturns(staffCount: 1, share: 0.5)
        returns.note(staff: 0, days: 4)
        #expect(returns.closeWeek(-5, roles: [.detective], groups: { _ in nil }) { _ in true }.byRole[.detective] == [4])
        #expect(returns.closeWeek(-4, roles: [.detective], groups: { _ in nil }) { _ in true }.byRole[.detective] == [4])
        #expect(returns.closeWeek(8, roles: [.detective], groups: { _ in nil }) { _ in true }.byRole[.detective] == [0], "thirteen weeks on")
    }

    @Test("the share in the alert's words")
    func howMany() {
        #expect(RoutineReturns.howMany(0.5) == "half")
        #expect(RoutineReturns.howMany(1) == "all")
        #expect(RoutineReturns.howMany(0.25) == "25% of")
    }

    @Test("in the engine: a detective's return on three days scores where returns are rare, not where they are the work")
    func engine() {
        // S6 (a detective, no link to anyone) looks P2 up on three days.
        let events = (0..<3).map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 5, person: 1) }
        func repeats(routine: Int) -> [Hit] {
            let engine = Fixture.engine()
            engine.routineReturns.settle([.detective: Array(repeating: routine, count: 10)])
            var hits: [Hit] = []
            engine.onHit = { hit, _ in hits.append(hit) }
            for event in events { engine.process(event) }
            _ = engine.finish()
            return hits.filter { $0.indicator == .repeatLookups }
        }
        #expect(repeats(routine: 0).map(\.points) == [4])
        #expect(repeats(routine: 3).isEmpty, "three days is what half the detectives do")
        #expect(repeats(routine: 2).map(\.points) == [4], "under the rule's minimum: no change")
    }

    @Test("in the engine: the crew's routine spares a return the role's does not, and the return still counts as one")
    func engineGroup() throws {
        let events = (0..<3).map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 5, person: 1) }
        let engine = Fixture.engine()
        let group = try #require(engine.peerGroup(of: 5), "teams are weighed in the standard rules")
        engine.routineReturns.settle([.detective: Array(repeating: 0, count: 10)],
                                     byGroup: [group: Array(repeating: 3, count: 10)])
        var hits: [Hit] = []
        engine.onHit = { hit, _ in hits.append(hit) }
        for event in events { engine.process(event) }
        #expect(hits.filter { $0.indicator == .repeatLookups }.isEmpty, "three days is what half the crew do")
        #expect(engine.activities[5].risk.returnedPeople() == 1, "a return within the routine is still a return")
        _ = engine.finish()
    }

    @Test("in the engine: a return a rule exception covers is not counted in the spread, routine or not")
    func engineGroupException() throws {
        let events = (0..<3).map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 5, person: 1) }
        var rules = Fixture.fullPoints
        rules.exceptions = [RuleException(rule: .repeatLookups, staffID: "S6", until: "2025-02-01",
                                          grantedBy: "head of unit", grantedOn: "2025-01-02", why: "test")]
        let engine = Fixture.engine(rules)
        let group = try #require(engine.peerGroup(of: 5))
        engine.routineReturns.settle([.detective: Array(repeating: 0, count: 10)],
                                     byGroup: [group: Array(repeating: 3, count: 10)])
        for event in events { engine.process(event) }
        #expect(engine.activities[5].risk.returnedPeople() == 0)
        _ = engine.finish()
    }
}
