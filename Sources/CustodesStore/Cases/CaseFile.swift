public import CustodesModel

/// A case as the store holds it, and the rows around it. Everything a case file shows is one of these.
public struct CaseRecord: Sendable, Equatable {
    public var caseID: Int64
    public var title: String
    public var subjectStaffID: String
    /// Abuse of position for a sexual purpose: a mandatory referral to the IOPC (see `ReferralRule`).
    public var apsp: Bool
    /// The day it became clear that the matter must be referred; the referral is due by the end of the next day.
    public var becameClearOn: CalendarDate?
    public var status: CaseStatus
    public var investigator: String?
    public var supervisor: String?
    public var openedBy: String
    public var openedAt: Int64
    public var outcome: CaseOutcome?
    public var outcomeOn: CalendarDate?
    public var outcomeRationale: String?
    public var closedAt: Int64?
    /// Why the case closed with safeguarding actions still open, when it did.
    public var closeReason: String?

    /// The reference the unit quotes: "CASE-000007".
    public var reference: String { Self.reference(caseID) }

    public static func reference(_ caseID: Int64) -> String {
        let digits = String(caseID)
        return "CASE-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

public struct CaseVictim: Sendable, Equatable {
    public var victimID: Int64
    /// The person as the unit knows them: a pseudonym from an alert (PSN-…), or a name the investigator holds.
    public var person: String
    public var description: String
    public var riskLevel: RiskLevel
    /// The organisation supporting them, if any (a sexual violence service, a refuge…).
    public var organisation: String
    public var consent: ContactConsent
    public var addedBy: String
    public var addedAt: Int64
}

public struct CaseAction: Sendable, Equatable {
    public var actionID: Int64
    public var caseID: Int64
    public var victimID: Int64?
    public var kind: ActionKind
    public var description: String
    public var owner: String
    public var dueOn: CalendarDate
    public var status: ActionStatus
    public var createdBy: String
    public var createdAt: Int64
    public var finishedBy: String?
    public var finishedAt: Int64?
    public var finishNote: String?
}

public struct CaseNote: Sendable, Equatable {
    public var username: String
    public var at: Int64
    public var body: String
}

public struct CaseStatusChange: Sendable, Equatable {
    public var from: CaseStatus
    public var to: CaseStatus
    public var rationale: String
    public var username: String
    public var at: Int64
}

public struct CaseAssessment: Sendable, Equatable {
    public var severity: SeverityAssessment
    public var proceedings: Proceedings
    public var rationale: String
    public var username: String
    public var at: Int64
}

public struct CaseMeasure: Sendable, Equatable {
    public var measureID: Int64
    public var kind: InterimMeasure
    public var startedOn: CalendarDate
    public var reviewOn: CalendarDate
    public var endedOn: CalendarDate?
    public var rationale: String
    public var username: String
    public var at: Int64
}

public struct CaseReferral: Sendable, Equatable {
    public var decision: ReferralDecision
    public var rationale: String
    public var sentOn: CalendarDate?
    public var iopcReference: String?
    public var iopcMode: IOPCMode?
    public var iopcDecidedOn: CalendarDate?
    public var username: String
    public var at: Int64
}

/// One line of a case's timeline: everything that happened on it, and the alerts and intelligence behind it.
public struct CaseTimelineEntry: Sendable, Equatable {
    public var at: Int64
    public var what: String
    public var by: String
}

/// A safeguarding action on the unit's dashboard: due by tomorrow, or overdue.
public struct DueSafeguarding: Sendable, Equatable {
    public var action: CaseAction
    public var caseReference: String
    public var overdue: Bool
}

public enum CaseError: Error, Equatable, CustomStringConvertible {
    case noSuchCase
    case noSuchVictim
    case noSuchAction
    /// A mandatory referral has not been sent, so the case cannot go past assessment.
    case referralRequired
    /// A referral cannot be "not required" for abuse of position for a sexual purpose.
    case referralMandatory
    case outcomeRequired
    /// Closing with open safeguarding actions needs a recorded reason.
    case openSafeguardingNeedsReason(open: Int)
    case sameStatus
    /// The case is closed: reopen it (with a rationale) to change what it was closed on.
    case closed

    public var description: String {
        switch self {
        case .noSuchCase: "There is no such case"
        case .noSuchVictim: "There is no such person at risk on this case"
        case .noSuchAction: "There is no such action on this case"
        case .referralRequired:
            "Record the referral to the IOPC (sent, with its date) before the case moves past assessment: abuse of position for a sexual purpose must be referred"
        case .referralMandatory:
            "Abuse of position for a sexual purpose must be referred to the IOPC: a decision not to refer cannot be recorded"
        case .outcomeRequired: "Record the outcome before closing the case"
        case .openSafeguardingNeedsReason(let open):
            "\(open) safeguarding action\(open == 1 ? " is" : "s are") still open: complete \(open == 1 ? "it" : "them") or record why the case closes anyway"
        case .sameStatus: "The case already has that status"
        case .closed: "The case is closed: reopen it, with a rationale, before changing what it was closed on"
        }
    }
}
