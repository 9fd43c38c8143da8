/// What a user of the web application is for. Roles decide which pages and actions exist for a user; need-to-know
/// (assignment) and the self-and-associates rule narrow what they see further.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Triages the alert queue: unassigned alerts and those assigned to them.
    case analyst
    /// Works the alerts assigned to them.
    case investigator
    /// Everything in the unit: assigns work and may reveal any member of staff under alert.
    case headOfUnit = "head_of_unit"
    /// Reads the audit trail and the unit's reports; never case content.
    case auditor
    /// Manages users, sources and rules; never case content.
    case administrator
    /// Keeps the register of the unit's relationships with organisations that support vulnerable people; never
    /// case content.
    case partnership

    public var title: String {
        switch self {
        case .analyst: "Analyst"
        case .investigator: "Investigator"
        case .headOfUnit: "Head of unit"
        case .auditor: "Auditor"
        case .administrator: "Administrator"
        case .partnership: "Partnership officer"
        }
    }

    /// Whether the role works alerts at all (auditors and administrators never see case content).
    public var seesCaseContent: Bool { self == .analyst || self == .investigator || self == .headOfUnit }
}
