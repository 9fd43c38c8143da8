/// What a member of staff does, which decides what system use their duty explains.
public enum StaffRole: String, ClosedVocabulary {
    case responseOfficer = "response_officer"
    case neighbourhoodOfficer = "neighbourhood_officer"
    case detective
    case safeguardingOfficer = "safeguarding_officer"
    case callHandler = "call_handler"
    case dispatcher
    case custodyOfficer = "custody_officer"
    case intelligenceAnalyst = "intelligence_analyst"
    case supervisor
    case pcso
    case specialConstable = "special_constable"
    case policeStaff = "police_staff"
    case ccuOfficer = "ccu_officer"

    public static let vocabularyName = "staff role"

    /// The role's members, in words for an alert: "response officers", "PCSOs".
    public var plural: String {
        switch self {
        case .pcso: "PCSOs"
        case .ccuOfficer: "CCU officers"
        case .policeStaff: "police staff"
        default: String(rawValue.map { $0 == "_" ? " " : $0 }) + "s"
        }
    }
}
