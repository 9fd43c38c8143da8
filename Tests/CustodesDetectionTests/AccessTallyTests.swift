@testable import CustodesDetection
import CustodesModel
import Testing

/// The per-access counts kept apart from the summary, and given to it when it is read.
@Suite("Counting accesses")
struct AccessTallyTests {
    @Test("each kind of link, assignment role and indicator counts at its own position among all of them")
    func positions() {
        #expect(IndicatorName.allCases.map(CompiledRules.position) == Array(IndicatorName.allCases.indices))
        #expect(ExplanationKind.allCases.map(\.position) == Array(ExplanationKind.allCases.indices))
        #expect(AssignmentRole.allCases.map(\.position) == Array(AssignmentRole.allCases.indices))
    }

    @Test("the summary reads in scope and explained by role, by kind and by assignment role from the tally")
    func summary() {
        let tally = AccessTally()
        tally.count(role: 0, kind: nil, assignmentRole: nil)
        tally.count(role: 0, kind: .assigned, assignmentRole: .analyst)
        tally.count(role: 2, kind: .team, assignmentRole: nil)
        tally.count(role: 2, kind: .stationDesk, assignmentRole: nil)
        tally.count(role: 1, kind: .assigned, assignmentRole: .attending, followUp: true)
        var summary = DetectionSummary()
        summary.inScope = 10
        tally.add(to: &summary)
        #expect(summary.inScope == 15)
        #expect(summary.explained == 4)
        #expect(summary.attendanceFollowUps == 1)
        #expect(summary.inScopeByRole[StaffRole.allCases[0]] == 2)
        #expect(summary.explainedByRole[StaffRole.allCases[2]] == 2)
        #expect(summary.explainedByKind == [.assigned: 2, .team: 1, .stationDesk: 1], "kinds never seen are left out")
        #expect(summary.explainedByAssignmentRole[.analyst] == 1)
        #expect(summary.explainedByAssignmentRole[.investigator] == nil)
    }

    @Test("sittings are counted, and those a terminal the rules take as at work (WS-, MDT-) put at work")
    func sittingsAtWork() {
        // S1: a sitting at a station terminal (two looks), then, three hours later, one on a laptop; S2: one on a
        // laptop.
        let events = [
            Fixture.event("A1", Fixture.at(1, 9, 0), staff: 0, person: 1, workstation: "WS-NOR-1"),
            Fixture.event("A2", Fixture.at(1, 9, 30), staff: 0, person: 1, workstation: "WS-NOR-1"),
            Fixture.event("B1", Fixture.at(1, 13, 0), staff: 0, person: 1, workstation: "LAP-1"),
            Fixture.event("C1", Fixture.at(1, 10, 0), staff: 1, person: 1, workstation: "LAP-2"),
        ]
        let summary = Fixture.run(events).summary
        #expect(summary.sessions == 3)
        #expect(summary.sessionsAtWorkByTerminal == 1)
        var other = DetectionSummary()
        other.merge(summary)
        #expect(other.sessions == 3 && other.sessionsAtWorkByTerminal == 1, "a part's sittings add up")
    }
}
