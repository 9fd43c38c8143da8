/// Recorded sex of a person, used only to compare the make-up of a user's unexplained look-ups with their peers'.
public enum Sex: String, ClosedVocabulary {
    case female
    case male
    case unknown

    public static let vocabularyName = "sex"
}
