import CustodesModel
import Foundation

extension StoreDetection.Outcome {
    /// What a run's line says after its counts, each part starting "; " (empty when there is nothing to say): the
    /// learning weeks, staff taken as on the roster, a skew of women of any age, events skipped. `detect --db` and
    /// the server's detection service both end their line with it, so an operator reads the same facts in either.
    public var remarks: String {
        var line = ""
        if learningWeeks > 0 {
            line += learningEndedAt.map { "; learning weeks to \($0.iso8601.prefix(10))" }
                ?? "; every stored event is within the first \(learningWeeks) weeks, while baselines are learned, "
                + "so only strong evidence opened alerts"
        }
        if staffWithoutRoster > 0 {
            line += "; \(staffWithoutRoster.formatted()) staff with no shift on the stored rosters were taken as on "
                + "the roster throughout their service"
        }
        if skewOfAnyAge {
            line += "; most women in the stored persons have no year of birth, so demographic_skew counted women of "
                + "any age"
        }
        if unresolvedEvents > 0 {
            line += "; \(unresolvedEvents) stored events name records the store lacks and were skipped"
        }
        return line
    }
}
