/// One status for each of the four assessed elements.
///
/// A complete set is required: the category rules and the findings paragraph both need every element, and a letter
/// that silently skipped one would tell a chief constable nothing about it.
public struct ElementStatuses: Hashable, Sendable {
    public var strategy: ElementStatus
    public var ccuReview: ElementStatus
    public var itMonitoring: ElementStatus
    public var supportOrganisations: ElementStatus

    public init(
        strategy: ElementStatus, ccuReview: ElementStatus, itMonitoring: ElementStatus,
        supportOrganisations: ElementStatus
    ) {
        self.strategy = strategy
        self.ccuReview = ccuReview
        self.itMonitoring = itMonitoring
        self.supportOrganisations = supportOrganisations
    }

    /// All four elements at the same status, as a starting point for tests and examples.
    public init(all status: ElementStatus) {
        self.init(strategy: status, ccuReview: status, itMonitoring: status, supportOrganisations: status)
    }

    public subscript(element: AssessedElement) -> ElementStatus {
        get {
            switch element {
            case .strategy: strategy
            case .ccuReview: ccuReview
            case .itMonitoring: itMonitoring
            case .supportOrganisations: supportOrganisations
            }
        }
        set {
            switch element {
            case .strategy: strategy = newValue
            case .ccuReview: ccuReview = newValue
            case .itMonitoring: itMonitoring = newValue
            case .supportOrganisations: supportOrganisations = newValue
            }
        }
    }

    /// Every one of the 5^4 combinations, in a fixed order, for exhaustive checks of the rules that read them.
    public static var allCombinations: [ElementStatuses] {
        var out: [ElementStatuses] = []
        for a in ElementStatus.allCases {
            for b in ElementStatus.allCases {
                for c in ElementStatus.allCases {
                    for d in ElementStatus.allCases {
                        out.append(ElementStatuses(strategy: a, ccuReview: b, itMonitoring: c, supportOrganisations: d))
                    }
                }
            }
        }
        return out
    }
}
