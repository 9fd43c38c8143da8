/// The closed vocabularies of a case, each with the words the unit's pages use. Stored as their raw values.
public enum CaseStatus: String, Sendable, CaseIterable {
    case assessment
    case investigation
    case awaitingOutcome = "awaiting_outcome"
    case closed

    public var title: String {
        switch self {
        case .assessment: "Assessment"
        case .investigation: "Investigation"
        case .awaitingOutcome: "Awaiting outcome"
        case .closed: "Closed"
        }
    }
}

/// How a case ended (the outcomes of the Police (Conduct) Regulations, a criminal charge, and referral to the
/// College of Policing's barred list).
public enum CaseOutcome: String, Sendable, CaseIterable {
    case noFurtherAction = "no_further_action"
    case reflectivePractice = "reflective_practice"
    case managementAction = "management_action"
    case writtenWarning = "written_warning"
    case finalWrittenWarning = "final_written_warning"
    case dismissal
    case criminalCharge = "criminal_charge"
    case barredList = "barred_list"

    public var title: String {
        switch self {
        case .noFurtherAction: "No further action"
        case .reflectivePractice: "Reflective practice"
        case .managementAction: "Management action"
        case .writtenWarning: "Written warning"
        case .finalWrittenWarning: "Final written warning"
        case .dismissal: "Dismissal"
        case .criminalCharge: "Criminal charge"
        case .barredList: "Referral to the barred list"
        }
    }
}

/// The severity assessment of a conduct matter.
public enum SeverityAssessment: String, Sendable, CaseIterable {
    case noCaseToAnswer = "no_case_to_answer"
    case misconduct
    case grossMisconduct = "gross_misconduct"

    public var title: String {
        switch self {
        case .noCaseToAnswer: "No case to answer"
        case .misconduct: "Misconduct"
        case .grossMisconduct: "Gross misconduct"
        }
    }
}

public enum Proceedings: String, Sendable, CaseIterable {
    case none, meeting, hearing

    public var title: String {
        switch self {
        case .none: "No proceedings"
        case .meeting: "Misconduct meeting"
        case .hearing: "Misconduct hearing"
        }
    }
}

public enum InterimMeasure: String, Sendable, CaseIterable {
    case suspension
    case restrictedDuties = "restricted_duties"
    case removalOfSystemAccess = "removal_of_system_access"

    public var title: String {
        switch self {
        case .suspension: "Suspension"
        case .restrictedDuties: "Restricted duties"
        case .removalOfSystemAccess: "Removal of system access"
        }
    }
}

public enum RiskLevel: String, Sendable, CaseIterable {
    case standard, medium, high

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// Whether the person at risk agreed to be contacted (by the unit or through the organisation supporting them).
public enum ContactConsent: String, Sendable, CaseIterable {
    case given
    case refused
    case notAsked = "not_asked"

    public var title: String {
        switch self {
        case .given: "Consent given"
        case .refused: "Consent refused"
        case .notAsked: "Not asked yet"
        }
    }
}

public enum ActionKind: String, Sendable, CaseIterable {
    /// Protects a person at risk; shown on the unit's dashboard first when due or overdue.
    case safeguarding
    case task

    public var title: String { self == .safeguarding ? "Safeguarding action" : "Task" }
}

public enum ActionStatus: String, Sendable, CaseIterable {
    case open, done, cancelled

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The referral decision on a case.
public enum ReferralDecision: String, Sendable, CaseIterable {
    case referred
    /// Only for matters outside the mandatory categories; refused for abuse of position for a sexual purpose.
    case notRequired = "not_required"

    public var title: String { self == .referred ? "Referred to the IOPC" : "Referral not required" }
}

/// The IOPC's decision on the mode of investigation.
public enum IOPCMode: String, Sendable, CaseIterable {
    case independent
    case directed
    case localInvestigation = "local_investigation"
    case returnedToForce = "returned_to_force"

    public var title: String {
        switch self {
        case .independent: "Independent investigation"
        case .directed: "Directed investigation"
        case .localInvestigation: "Local investigation"
        case .returnedToForce: "Returned to the force to deal with"
        }
    }
}
