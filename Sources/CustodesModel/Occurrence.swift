/// An occurrence: the force's record of an incident or crime, and the business reason most record access has.
public struct Occurrence: Hashable, Sendable {
    public var occurrenceID: String
    public var category: OccurrenceCategory
    public var openedAt: Timestamp
    /// When it was closed, or nil while it is still open.
    public var closedAt: Timestamp?
    public var station: String

    public init(occurrenceID: String, category: OccurrenceCategory, openedAt: Timestamp, closedAt: Timestamp? = nil,
                station: String) {
        self.occurrenceID = occurrenceID
        self.category = category
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.station = station
    }
}

/// A person's part in an occurrence.
public struct OccurrencePerson: Hashable, Sendable {
    public var occurrence: OccurrenceIndex
    public var person: PersonIndex
    public var role: OccurrencePersonRole

    public init(occurrence: OccurrenceIndex, person: PersonIndex, role: OccurrencePersonRole) {
        self.occurrence = occurrence
        self.person = person
        self.role = role
    }
}

/// A member of staff's assignment to an occurrence: the business link that explains their access to it.
public struct Assignment: Hashable, Sendable {
    public var occurrence: OccurrenceIndex
    public var staff: StaffIndex
    public var role: AssignmentRole
    public var start: Timestamp
    /// When the assignment ended, or nil while it continues.
    public var end: Timestamp?

    public init(occurrence: OccurrenceIndex, staff: StaffIndex, role: AssignmentRole, start: Timestamp,
                end: Timestamp? = nil) {
        self.occurrence = occurrence
        self.staff = staff
        self.role = role
        self.start = start
        self.end = end
    }
}
