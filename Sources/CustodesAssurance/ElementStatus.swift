/// What the inspectorate found for one element of a force's plan.
///
/// The raw values are the words used in findings files, chosen to read as the letters do so that an inspector can
/// write a file without a glossary.
public enum ElementStatus: String, CaseIterable, Hashable, Sendable {
    /// The work is done: the capability exists, or the plan already reflects the strategy.
    case inPlace = "in place"
    /// The plan includes it and work had begun by the time of the review.
    case started = "started"
    /// The plan includes it but work had not begun.
    case plannedNotStarted = "in the plan but not started"
    /// The force's submission did not say enough to judge.
    case noInformation = "no information provided"
    /// The submission was assessable but showed nothing of this element.
    case noEvidence = "no evidence found"

    /// Whether the finding is something the force has (positive) or lacks (negative). Letters group findings of one
    /// polarity together and mark the turn to the other with "however"; see ``FindingsParagraph``.
    public var isPositive: Bool {
        switch self {
        case .inPlace, .started, .plannedNotStarted: true
        case .noInformation, .noEvidence: false
        }
    }
}
