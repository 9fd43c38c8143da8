/// How two people are related, or how a member of staff is related to a person they declared.
/// Linked people are how an offender widens their reach: the victim's family, her new partner.
public enum Relation: String, ClosedVocabulary {
    case partner
    case exPartner = "ex_partner"
    case spouse
    case family
    case parent
    case child
    case sibling
    case household
    case friend
    case associate
    case neighbour
    case colleague
    case `self`

    public static let vocabularyName = "relation"

    /// A partner, spouse or ex-partner: the relationships abuse of position for a sexual purpose is about, and the
    /// ones in which a look-up serves control or pursuit rather than curiosity about one's family or neighbours.
    public var isIntimate: Bool { self == .partner || self == .exPartner || self == .spouse }
}
