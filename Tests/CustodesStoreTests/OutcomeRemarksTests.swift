import CustodesModel
@testable import CustodesStore
import Testing

/// `detect --db` and the server's detection service end a run's line with the same remarks.
@Suite("What a run over the store says")
struct OutcomeRemarksTests {
    static func outcome() -> StoreDetection.Outcome {
        StoreDetection.Outcome(ran: true, runID: 1, cursor: 10, events: 10, unresolvedEvents: 0, rulesVersion: 1,
                               alerts: 0, opened: 0, updated: 0, withdrawn: 0, seconds: 0.1)
    }

    @Test("nothing to say is said as nothing; each fact is one '; ' part, in a fixed order")
    func remarks() {
        var outcome = Self.outcome()
        #expect(outcome.remarks.isEmpty)
        outcome.staffWithoutRoster = 1_500
        outcome.skewOfAnyAge = true
        outcome.unresolvedEvents = 3
        #expect(outcome.remarks == "; 1,500 staff with no shift on the stored rosters were taken as on the roster "
                + "throughout their service; most women in the stored persons have no year of birth, so demographic_skew "
                + "counted women of any age; 3 stored events name records the store lacks and were skipped")
        outcome.learningWeeks = 3
        outcome.learningEndedAt = Timestamp(year: 2025, month: 2, day: 1)
        #expect(outcome.remarks.hasPrefix("; learning weeks to 2025-02-01; 1,500 staff"))
    }
}
