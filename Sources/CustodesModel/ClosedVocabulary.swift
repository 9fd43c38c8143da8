/// A closed vocabulary: a column whose values come from a fixed, documented list.
///
/// Forces export many spellings of the same idea; Custodes accepts exactly one. An unknown value is bad input and is
/// quarantined rather than guessed at, because a silently mis-mapped role or marker would change what detection sees.
public protocol ClosedVocabulary: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The name used in error messages and documentation, such as `staff role`.
    static var vocabularyName: String { get }
}

extension ClosedVocabulary {
    /// Every accepted value, in declaration order, for error messages that tell the user what would have been valid.
    public static var acceptedValues: [String] { allCases.map(\.rawValue) }
}
