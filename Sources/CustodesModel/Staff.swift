/// A member of the force's staff: officers, staff, volunteers. The subjects of monitoring, and never shown by name
/// in Custodes until a permitted user gives a reason.
public struct Staff: Hashable, Sendable {
    public var staffID: String
    public var collarNumber: String
    public var displayName: String
    public var role: StaffRole
    public var team: String
    public var station: String
    public var startDate: Timestamp
    /// The leaving date, or nil while still serving.
    public var endDate: Timestamp?
    /// Where they live, used to spot look-ups of their own household. Nil when the force does not supply it.
    public var homePostcode: String?

    public init(staffID: String, collarNumber: String, displayName: String, role: StaffRole, team: String,
                station: String, startDate: Timestamp, endDate: Timestamp? = nil, homePostcode: String? = nil) {
        self.staffID = staffID
        self.collarNumber = collarNumber
        self.displayName = displayName
        self.role = role
        self.team = team
        self.station = station
        self.startDate = startDate
        self.endDate = endDate
        self.homePostcode = homePostcode
    }
}

/// A period a member of staff was rostered. Rosters are incomplete in practice, which is why being off-roster is
/// evidence to weigh, not proof of being off duty.
public struct RosterShift: Hashable, Sendable {
    public var staff: StaffIndex
    public var start: Timestamp
    public var end: Timestamp
    public var kind: RosterKind

    public init(staff: StaffIndex, start: Timestamp, end: Timestamp, kind: RosterKind) {
        self.staff = staff
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// A person's link to a member of staff that the staff member declared (family, partner, friend), as force policy
/// requires. Look-ups of declared associates are a conflict of interest whatever the reason.
public struct DeclaredAssociation: Hashable, Sendable {
    public var staff: StaffIndex
    public var person: PersonIndex
    public var relation: Relation
    public var declaredOn: Timestamp

    public init(staff: StaffIndex, person: PersonIndex, relation: Relation, declaredOn: Timestamp) {
        self.staff = staff
        self.person = person
        self.relation = relation
        self.declaredOn = declaredOn
    }
}
