/// An enumeration ordered as its cases are declared, so that reports, files and lists show them in the documented
/// order rather than alphabetically or at random.
public protocol DeclarationOrdered: CaseIterable, Comparable {}

extension DeclarationOrdered {
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
