/// The part a person plays in an occurrence.
public enum OccurrencePersonRole: String, ClosedVocabulary {
    case victim
    case witness
    case suspect
    case caller
    case other

    public static let vocabularyName = "occurrence person role"
}
