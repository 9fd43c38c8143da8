/// Why a member of staff was rostered for a period. Overtime is often missing from exports, so detection must not
/// treat "not rostered" as "off duty" without tolerance.
public enum RosterKind: String, ClosedVocabulary {
    case duty
    case overtime
    case training
    case onCall = "on_call"

    public static let vocabularyName = "roster kind"
}
