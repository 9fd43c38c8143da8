/// One piece of intelligence in the unit's log, as most roles may read it: the sanitised text, never the original.
public struct IntelligenceItem: Sendable, Equatable {
    public var itemID: Int64
    public var sourceKind: IntelligenceSourceKind
    /// Who or what the source is, in words safe for every reader of the log ("alert 12", "a colleague at STN03").
    public var sourceDescription: String
    public var sanitisedText: String
    /// The member of staff the item is about, if known (shown pseudonymised until revealed).
    public var subjectStaffID: String?
    public var recordedBy: String
    public var recordedAt: Int64
    /// The current grading; nil until someone grades it, and then the item may not be disseminated.
    public var grading: Grading?
    public var gradedBy: String?
    public var gradedAt: Int64?

    /// The reference the unit quotes: "INT-000042".
    public var reference: String { Self.reference(itemID) }

    public static func reference(_ itemID: Int64) -> String {
        let digits = String(itemID)
        return "INT-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

/// Where intelligence came from: each of the ways the inspectorate expects a unit to hear of abuse of position.
public enum IntelligenceSourceKind: String, Sendable, CaseIterable {
    /// Custodes' own monitoring of audit logs.
    case alert
    /// A report from an organisation that supports vulnerable people, or a member of the public.
    case partnerReport = "partner_report"
    /// A colleague's report to the unit (confidential reporting line, supervisor).
    case internalReport = "internal_report"
    /// Open sources: social media, dating sites, press.
    case openSource = "open_source"
    /// Another force or agency.
    case otherForce = "other_force"

    public var title: String {
        switch self {
        case .alert: "Monitoring alert"
        case .partnerReport: "Partner organisation or member of the public"
        case .internalReport: "Internal report by a colleague"
        case .openSource: "Open source"
        case .otherForce: "Another force or agency"
        }
    }
}

/// What an item can be linked to. Targets are stored as text: a staff id, a person's pseudonym (as on alerts), an
/// occurrence id, an alert id, an item id.
public enum IntelligenceLinkKind: String, Sendable, CaseIterable {
    case staff, person, occurrence, alert, item
    /// An organisation in the partner register: the item came from it.
    case organisation

    public var title: String {
        switch self {
        case .staff: "Member of staff"
        case .person: "Person (pseudonym)"
        case .occurrence: "Occurrence"
        case .alert: "Alert"
        case .item: "Intelligence item"
        case .organisation: "Partner organisation"
        }
    }
}

public enum IntelligenceError: Error, Equatable, CustomStringConvertible {
    /// Dissemination before any grading.
    case notGraded
    /// A change of grading must say why.
    case regradeNeedsReason
    case noSuchItem
    case noSuchTarget(IntelligenceLinkKind, String)

    public var description: String {
        switch self {
        case .notGraded: "Grade the item (3x5x2) before disseminating it"
        case .regradeNeedsReason: "Enter why the grading is changing (at least 10 characters)"
        case .noSuchItem: "There is no such intelligence item"
        case .noSuchTarget(let kind, let target): "There is no \(kind.title.lowercased()) \(target)"
        }
    }
}
