/// A person known to the force (a "nominal" in POLE terms): a victim, witness, suspect, caller, or anyone checked.
public struct Person: Hashable, Sendable {
    public var personID: String
    public var familyName: String
    public var givenName: String
    public var sex: Sex
    public var birthYear: Int?
    public var postcode: String?
    public var markers: MarkerSet

    public init(personID: String, familyName: String, givenName: String, sex: Sex, birthYear: Int? = nil,
                postcode: String? = nil, markers: MarkerSet = []) {
        self.personID = personID
        self.familyName = familyName
        self.givenName = givenName
        self.sex = sex
        self.birthYear = birthYear
        self.postcode = postcode
        self.markers = markers
    }
}

/// A relationship between two people on the force's records.
public struct PersonLink: Hashable, Sendable {
    public var person: PersonIndex
    public var linkedPerson: PersonIndex
    public var relation: Relation

    public init(person: PersonIndex, linkedPerson: PersonIndex, relation: Relation) {
        self.person = person
        self.linkedPerson = linkedPerson
        self.relation = relation
    }
}
