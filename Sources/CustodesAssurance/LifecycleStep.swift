public import CustodesModel

/// The steps every force goes through in an inspection, in order.
public enum LifecycleStep: String, Hashable, Sendable, DeclarationOrdered {
    case documentsRequested = "documents requested"
    case submissionReceived = "submission received"
    case assessed = "assessed"
    case letterIssued = "letter issued"
    case published = "published"
    case returnVisit = "return visit"

    /// The key used in a findings file's `lifecycle` mapping.
    public var key: String {
        switch self {
        case .documentsRequested: "requested"
        case .submissionReceived: "submitted"
        case .assessed: "assessed"
        case .letterIssued: "letter"
        case .published: "published"
        case .returnVisit: "revisited"
        }
    }

    /// When the inspection's timetable says this step is due. The assessment is due by the end of its period.
    public func due(in dates: InspectionDates) -> CalendarDate {
        switch self {
        case .documentsRequested: dates.documentsRequested
        case .submissionReceived: dates.submissionDeadline
        case .assessed: dates.assessment.end
        case .letterIssued: dates.letter
        case .published: dates.publication
        case .returnVisit: dates.returnVisitDue
        }
    }

}
