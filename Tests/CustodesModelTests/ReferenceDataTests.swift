import CustodesModel
import Testing

@Suite("Reference data")
struct ReferenceDataTests {
    static let day0 = Timestamp(year: 2025, month: 1, day: 6)

    @Test("identifiers are unique and resolve to positions")
    func uniqueIDs() {
        var data = ReferenceData()
        #expect(data.add(Staff(staffID: "S1", collarNumber: "1", displayName: "A", role: .detective, team: "CID",
                               station: "X", startDate: Self.day0)) == 0)
        #expect(data.add(Staff(staffID: "S1", collarNumber: "2", displayName: "B", role: .detective, team: "CID",
                               station: "X", startDate: Self.day0)) == nil)
        #expect(data.add(Person(personID: "P1", familyName: "F", givenName: "G", sex: .female)) == 0)
        #expect(data.add(Person(personID: "P2", familyName: "F", givenName: "H", sex: .male)) == 1)
        #expect(data.personByID["P2"] == 1)
        #expect(data.staff.count == 1)
    }

    @Test("indexes group records by member of staff, person and occurrence, in time order")
    func indexes() {
        var data = ReferenceData()
        data.add(Staff(staffID: "S1", collarNumber: "1", displayName: "A", role: .detective, team: "CID", station: "X",
                       startDate: Self.day0))
        data.add(Person(personID: "P1", familyName: "F", givenName: "G", sex: .female))
        data.add(Person(personID: "P2", familyName: "F", givenName: "H", sex: .male))
        data.add(Occurrence(occurrenceID: "O1", category: .domesticAbuse, openedAt: Self.day0, station: "X"))
        data.rosters = [
            RosterShift(staff: 0, start: Self.day0.adding(seconds: 86_400), end: Self.day0.adding(seconds: 90_000),
                        kind: .duty),
            RosterShift(staff: 0, start: Self.day0, end: Self.day0.adding(seconds: 3_600), kind: .duty),
        ]
        data.occurrencePersons = [OccurrencePerson(occurrence: 0, person: 1, role: .victim)]
        data.personLinks = [PersonLink(person: 0, linkedPerson: 1, relation: .partner)]
        data.assignments = [Assignment(occurrence: 0, staff: 0, role: .officerInCase, start: Self.day0)]
        data.buildIndexes()
        #expect(data.rostersByStaff[0].map(\.start) == [Self.day0, Self.day0.adding(seconds: 86_400)])
        #expect(data.occurrencesByPerson[1].map(\.occurrence) == [0])
        #expect(data.occurrencesByPerson[0].isEmpty)
        #expect(data.links(of: 0).count == 1)
        #expect(data.links(of: 1).count == 1)
        #expect(data.assignmentsByStaff[0].count == 1)
    }

    @Test("each person's links are listed in both directions, in the order of the file, and a link to oneself once")
    func links() {
        var data = ReferenceData()
        for id in ["P1", "P2", "P3"] { data.add(Person(personID: id, familyName: "F", givenName: "G", sex: .female)) }
        data.personLinks = [
            PersonLink(person: 0, linkedPerson: 1, relation: .partner),
            PersonLink(person: 2, linkedPerson: 1, relation: .sibling),
            PersonLink(person: 2, linkedPerson: 2, relation: .associate),
        ]
        data.buildIndexes()
        #expect(data.links(of: 0).map(\.relation) == [.partner])
        #expect(data.links(of: 1).map(\.relation) == [.partner, .sibling])
        #expect(data.links(of: 2).map(\.relation) == [.sibling, .associate])
    }
}
