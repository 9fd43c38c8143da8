public import CustodesModel

/// The scenario catalogue (docs/scenarios.md): ways of abusing a position that audit data can show, and benign
/// patterns that look like them to a naive rule. Each member of staff cast in one is written to `truth.csv`.
public enum Scenario: String, CaseIterable, Sendable {
    // Misconduct.
    case postClosureRevisitor = "post_closure_revisitor"
    case contactHarvester = "contact_harvester"
    case offDutyBrowser = "off_duty_browser"
    case linkedPersonExpander = "linked_person_expander"
    case selfFamilyCheck = "self_family_check"
    case slowBurn = "slow_burn"
    case callHandlerLookup = "call_handler_lookup"
    /// Realistic profile only: misuse that a teammate's open case explains.
    case insideTeamLink = "inside_team_link"
    // Benign look-alikes.
    case heavyCaseAccess = "heavy_case_access"
    case reopenedCase = "reopened_case"
    case taskedAnalystSweep = "tasked_analyst_sweep"
    case colleagueCovering = "colleague_covering"
    case unrosteredOvertime = "unrostered_overtime"

    public var kind: TruthRecord.Kind {
        switch self {
        case .heavyCaseAccess, .reopenedCase, .taskedAnalystSweep, .colleagueCovering, .unrosteredOvertime: .benign
        default: .misconduct
        }
    }

    /// The scenarios a profile casts. The tidy profile keeps the catalogue its demo and figures were made with; the
    /// realistic one adds misuse hidden inside a link that looks legitimate.
    public static func cast(in profile: SimulationProfile) -> [Scenario] {
        profile == .realistic ? allCases : allCases.filter { $0 != .insideTeamLink }
    }

    /// Roles a member of staff must hold to be cast.
    var roles: Set<StaffRole> {
        switch self {
        case .postClosureRevisitor: [.responseOfficer]
        case .contactHarvester: [.responseOfficer, .detective, .neighbourhoodOfficer, .policeStaff]
        case .offDutyBrowser: [.responseOfficer, .detective, .custodyOfficer, .neighbourhoodOfficer]
        case .linkedPersonExpander: [.safeguardingOfficer, .detective]
        case .selfFamilyCheck: [.responseOfficer, .detective, .neighbourhoodOfficer, .pcso, .policeStaff, .callHandler]
        case .slowBurn: [.responseOfficer, .detective, .neighbourhoodOfficer, .supervisor, .safeguardingOfficer]
        case .callHandlerLookup: [.callHandler]
        case .insideTeamLink: [.responseOfficer]
        case .heavyCaseAccess: [.safeguardingOfficer, .detective]
        case .reopenedCase: [.safeguardingOfficer, .detective]
        case .taskedAnalystSweep: [.intelligenceAnalyst]
        case .colleagueCovering: [.responseOfficer]
        case .unrosteredOvertime: [.safeguardingOfficer, .detective]
        }
    }
}

/// The ground truth of one member of staff: which scenario, and the first event of it seen so far.
struct TruthEntry {
    var staff: Int
    var scenario: Scenario
    var firstEventID: String?
    var firstAt: Timestamp?

    mutating func observe(eventID: String, at: Timestamp) {
        if firstAt == nil || at < firstAt! || (at == firstAt! && eventID < firstEventID!) {
            firstAt = at
            firstEventID = eventID
        }
    }
}
