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
}
