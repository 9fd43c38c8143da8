/// Where an alert is in the unit's hands: nobody has touched it, someone is working it, or a decision is recorded.
public enum TriageState: String, Sendable, CaseIterable, Hashable {
    case new
    case inReview = "in_review"
    case decided

    public var title: String {
        switch self {
        case .new: "New"
        case .inReview: "In review"
        case .decided: "Decided"
        }
    }
}

/// The decisions the unit records on an alert, including the decision not to act, each with a written rationale as
/// the IOPC expects.
public enum DecisionOutcome: String, Sendable, CaseIterable {
    case noFurtherAction = "no_further_action"
    case managementAction = "management_action"
    case recordAsIntelligence = "record_as_intelligence"
    case openInvestigation = "open_investigation"

    public var title: String {
        switch self {
        case .noFurtherAction: "No further action"
        case .managementAction: "Words of advice or management action"
        case .recordAsIntelligence: "Record as intelligence"
        case .openInvestigation: "Open an investigation"
        }
    }
}
