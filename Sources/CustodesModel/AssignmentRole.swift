/// The business link between a member of staff and an occurrence. Each one explains accesses to the occurrence and the
/// people in it while it lasts.
public enum AssignmentRole: String, ClosedVocabulary {
    case officerInCase = "officer_in_case"
    case attending
    case investigator
    case supervisor
    case callHandler = "call_handler"
    case analyst

    public static let vocabularyName = "assignment role"
}
