/// The four categories of the national overview (October 2017), in the overview's order.
///
/// A force's category is derived from its element statuses by these rules, applied in order; the first that matches
/// decides:
///
/// 1. **All elements in place** — every element is *in place*. Nothing left to plan.
/// 2. **Insufficient information** — at least one element is *no information provided*. If the submission did not
///    let the inspectorate judge part of the plan, it cannot be said to have started or not; it would be unfair
///    both ways to guess.
/// 3. **Plans not yet started** — at least one element is *in the plan but not started* or *no evidence found*.
///    An element the plan leaves out has, by definition, not been started, so it counts against the plan the same
///    way as planned work that has not begun.
/// 4. **Plans in place and started** — otherwise: every element is *in place* or *started*, and at least one is
///    only *started*.
///
/// The rules are total: every one of the 625 combinations falls in exactly one category. They are repeated in
/// docs/assurance.md, which is what an inspector reads.
public enum PlanCategory: String, CaseIterable, Hashable, Sendable {
    case insufficientInformation = "insufficient information"
    case plansNotYetStarted = "plans not yet started"
    case plansInPlaceAndStarted = "plans in place and started"
    case allElementsInPlace = "all elements in place"

    public init(_ statuses: ElementStatuses) {
        let all = AssessedElement.allCases.map { statuses[$0] }
        if all.allSatisfy({ $0 == .inPlace }) {
            self = .allElementsInPlace
        } else if all.contains(.noInformation) {
            self = .insufficientInformation
        } else if all.contains(.plannedNotStarted) || all.contains(.noEvidence) {
            self = .plansNotYetStarted
        } else {
            self = .plansInPlaceAndStarted
        }
    }

    /// The heading used in the overview, capitalised as a label.
    public var title: String {
        switch self {
        case .insufficientInformation: "Insufficient information"
        case .plansNotYetStarted: "Plans not yet started"
        case .plansInPlaceAndStarted: "Plans in place and started"
        case .allElementsInPlace: "All elements in place"
        }
    }
}
