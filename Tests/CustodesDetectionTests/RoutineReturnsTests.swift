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

    @Test("each member's most days are kept for 13 weeks, only for members active in the week")
    func ring() {
        var returns = RoutineReturns(staffCount: 2, share: 0.5)
        let roles: [StaffRole] = [.detective, .detective]
        returns.note(staff: 0, days: 7)
        returns.note(staff: 0, days: 4)
        #expect(returns.closeWeek(100, roles: roles) { _ in true } == [.detective: [7, 0]])
        // Weeks later, without a return, the 7 days stand until 13 weeks have passed.
        #expect(returns.closeWeek(112, roles: roles) { _ in true } == [.detective: [7, 0]])
        #expect(returns.closeWeek(113, roles: roles) { _ in true } == [.detective: [0, 0]])
        returns.note(staff: 1, days: 3)
        #expect(returns.closeWeek(114, roles: roles) { $0 == 1 } == [.detective: [3]], "the inactive member left out")
    }

    @Test("weeks before 1970 (negative week numbers) take a slot of the ring like any other")
    func negativeWeeks() {
        var returns = RoutineReturns(staffCount: 1, share: 0.5)
        returns.note(staff: 0, days: 4)
        #expect(returns.closeWeek(-5, roles: [.detective]) { _ in true }[.detective] == [4])
        #expect(returns.closeWeek(-4, roles: [.detective]) { _ in true }[.detective] == [4])
        #expect(returns.closeWeek(8, roles: [.detective]) { _ in true }[.detective] == [0], "thirteen weeks on")
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
}
