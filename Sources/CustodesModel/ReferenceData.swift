/// Everything in a bundle except the audit events: who the staff are and when they work, who the people are and how
/// they are linked, what occurrences there were and who was assigned to them.
///
/// This is the part of a force's data that fits in memory (a large force has tens of thousands of staff and a few
/// million people); audit events, which do not, are streamed past it. Identifiers are resolved to array positions
/// once, and the lookup tables detection needs are built once by ``buildIndexes()``.
public struct ReferenceData: Sendable {
    public private(set) var staff: [Staff] = []
    public private(set) var persons: [Person] = []
    public private(set) var occurrences: [Occurrence] = []
    public var rosters: [RosterShift] = []
    public var personLinks: [PersonLink] = []
    public var occurrencePersons: [OccurrencePerson] = []
    public var assignments: [Assignment] = []
    public var declaredAssociations: [DeclaredAssociation] = []

    public private(set) var staffByID: [String: StaffIndex] = [:]
    public private(set) var personByID: [String: PersonIndex] = [:]
    public private(set) var occurrenceByID: [String: OccurrenceIndex] = [:]

    /// Per member of staff, their roster shifts in start order.
    public private(set) var rostersByStaff: [[RosterShift]] = []
    /// How many members of staff have no shift on the roster at all: detection takes them as on it throughout their
    /// service, and says how many there are, so a force sees what its rosters export leaves out.
    public var staffWithoutShifts: Int { rostersByStaff.reduce(0) { $1.isEmpty ? $0 + 1 : $0 } }
    /// The women on record, and how many of them have no year of birth.
    public var womenBirthYears: (women: Int, withoutYear: Int) {
        persons.reduce(into: (0, 0)) { counts, person in
            guard person.sex == .female else { return }
            counts.0 += 1
            if person.birthYear == nil { counts.1 += 1 }
        }
    }
    /// True when more than half the women on record have no year of birth: an export that leaves birth years out
    /// gives no ages, so detection's skew asks about women of any age, and says so.
    public var birthYearsMostlyMissing: Bool {
        let births = womenBirthYears
        return 2 * births.withoutYear > births.women
    }
    /// Per member of staff, their assignments in start order.
    public private(set) var assignmentsByStaff: [[Assignment]] = []
    /// Per occurrence, its assignments.
    public private(set) var assignmentsByOccurrence: [[Assignment]] = []
    /// Per person, the occurrences they appear in.
    public private(set) var occurrencesByPerson: [[OccurrencePerson]] = []
    /// Person `p`'s links, in both directions, are `linkList[linkStart[p]..<linkStart[p + 1]]` (see ``links(of:)``):
    /// one flat list, where a list per person was an allocation for each of the hundreds of thousands with links.
    public private(set) var linkStart: [Int32] = []
    public private(set) var linkList: [PersonLink] = []
    /// Per member of staff, the people they declared.
    public private(set) var associationsByStaff: [[DeclaredAssociation]] = []

    public init() {}

    /// Adds a member of staff; nil when the id is already present.
    @discardableResult
    public mutating func add(_ member: Staff) -> StaffIndex? {
        guard staffByID[member.staffID] == nil else { return nil }
        let index = StaffIndex(staff.count)
        staffByID[member.staffID] = index
        staff.append(member)
        return index
    }

    /// Adds a person; nil when the id is already present.
    @discardableResult
    public mutating func add(_ person: Person) -> PersonIndex? {
        guard personByID[person.personID] == nil else { return nil }
        let index = PersonIndex(persons.count)
        personByID[person.personID] = index
        persons.append(person)
        return index
    }

    /// Adds an occurrence; nil when the id is already present.
    @discardableResult
    public mutating func add(_ occurrence: Occurrence) -> OccurrenceIndex? {
        guard occurrenceByID[occurrence.occurrenceID] == nil else { return nil }
        let index = OccurrenceIndex(occurrences.count)
        occurrenceByID[occurrence.occurrenceID] = index
        occurrences.append(occurrence)
        return index
    }

    /// Adds a marker to a person already present, as a simulator or an update feed learns more about them.
    public mutating func addMarkers(_ markers: MarkerSet, to person: PersonIndex) {
        persons[Int(person)].markers.formUnion(markers)
    }

    /// A person's links to other people on the record (family, partners, associates), in both directions.
    @inlinable
    public func links(of person: PersonIndex) -> ArraySlice<PersonLink> {
        linkList[Int(linkStart[Int(person)])..<Int(linkStart[Int(person) + 1])]
    }

    /// Builds the per-record lookup tables. Call once after loading; detection reads only these.
    public mutating func buildIndexes() {
        rostersByStaff = Array(repeating: [], count: staff.count)
        for shift in rosters { rostersByStaff[Int(shift.staff)].append(shift) }
        for i in rostersByStaff.indices { rostersByStaff[i].sort { ($0.start, $0.end) < ($1.start, $1.end) } }

        assignmentsByStaff = Array(repeating: [], count: staff.count)
        for assignment in assignments { assignmentsByStaff[Int(assignment.staff)].append(assignment) }
        for i in assignmentsByStaff.indices { assignmentsByStaff[i].sort { $0.start < $1.start } }

        assignmentsByOccurrence = Array(repeating: [], count: occurrences.count)
        for assignment in assignments { assignmentsByOccurrence[Int(assignment.occurrence)].append(assignment) }

        occurrencesByPerson = Array(repeating: [], count: persons.count)
        for link in occurrencePersons { occurrencesByPerson[Int(link.person)].append(link) }

        // Counted first, then placed: each person's links keep the order of `personLinks`.
        var counts = [Int32](repeating: 0, count: persons.count + 1)
        for link in personLinks {
            counts[Int(link.person) + 1] += 1
            if link.person != link.linkedPerson { counts[Int(link.linkedPerson) + 1] += 1 }
        }
        for index in counts.indices.dropFirst() { counts[index] += counts[index - 1] }
        linkStart = counts
        var next = counts
        var list = [PersonLink?](repeating: nil, count: Int(counts[persons.count]))
        for link in personLinks {
            list[Int(next[Int(link.person)])] = link
            next[Int(link.person)] += 1
            if link.person != link.linkedPerson {
                list[Int(next[Int(link.linkedPerson)])] = link
                next[Int(link.linkedPerson)] += 1
            }
        }
        linkList = list.map { $0! }

        associationsByStaff = Array(repeating: [], count: staff.count)
        for association in declaredAssociations { associationsByStaff[Int(association.staff)].append(association) }
    }
}
