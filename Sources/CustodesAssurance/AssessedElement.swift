public import CustodesModel

/// The four elements of a force's plan that the inspectorate assessed in 2017.
///
/// They come from the December 2016 recommendation and the national strategy that followed it: a plan is judged on
/// whether it follows the strategy and on the three things the recommendation asked for (a unit able to do the work,
/// systems able to show misuse, and intelligence from the people victims talk to). The order is the letters' order.
public enum AssessedElement: String, Hashable, Sendable, DeclarationOrdered {
    case strategy = "strategy"
    case ccuReview = "ccu-review"
    case itMonitoring = "it-monitoring"
    case supportOrganisations = "support-organisations"

    /// A short heading for tables and charts in the national overview.
    public var title: String {
        switch self {
        case .strategy: "Plan reflects the national strategy"
        case .ccuReview: "Review of CCU capability and capacity"
        case .itMonitoring: "IT systems' monitoring capability"
        case .supportOrganisations: "Intelligence from organisations supporting vulnerable people"
        }
    }

    /// The words every description of this element contains, so a reader (and a test) can find where a letter speaks
    /// of it.
    public var keyPhrase: String {
        switch self {
        case .strategy: "national strategy"
        case .ccuReview: "capability and capacity of your counter-corruption unit"
        case .itMonitoring: "IT systems' monitoring capability"
        case .supportOrganisations: "organisations that support vulnerable people"
        }
    }

}
