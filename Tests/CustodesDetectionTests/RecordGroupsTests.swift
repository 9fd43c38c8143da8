@testable import CustodesDetection
import CustodesModel
import Testing

/// One person held more than once: records linked `self` are read as one woman where it matters whom the user
/// looked at (``RecordGroups``).
@Suite("Records of one person")
struct RecordGroupsTests {
    /// The fixture's force with three more women, P6, P7 and P8 (indexes 5, 6, 7), and the given person links.
    static func reference(links: [(PersonIndex, PersonIndex, Relation)],
                          extra: (inout ReferenceData) -> Void = { _ in }) -> ReferenceData {
        Fixture.reference { data in
            for (id, name) in [("P6", "Vera"), ("P7", "Vera"), ("P8", "Vee")] {
                data.add(Person(personID: id, familyName: "Victim", givenName: name, sex: .female, birthYear: 1995))
            }
            data.personLinks += links.map { PersonLink(person: $0.0, linkedPerson: $0.1, relation: $0.2) }
            extra(&data)
        }
    }

    @Test("a chain of self links is one group: each record has every record's occurrences, each once per role")
    func chains() {
        // P1 (index 0) is O1's victim; P6 - P7 - P1 are linked self in a chain; P8 is P1's sister.
        let data = Self.reference(links: [(5, 6, .`self`), (6, 0, .`self`), (7, 0, .sibling)]) { data in
            // P7 is a suspect in O2 (index 1), and O1's victim again under this record: one row, not two.
            data.occurrencePersons += [OccurrencePerson(occurrence: 1, person: 6, role: .suspect),
                                       OccurrencePerson(occurrence: 0, person: 6, role: .victim)]
        }
        let groups = RecordGroups(data)
        #expect(groups.same(5, 0) && groups.same(0, 6) && groups.same(5, 6))
        #expect(!groups.same(7, 0), "a sister is someone else")
        let lists = groups.occurrencesByPerson(data)
        let rows = { (person: Int) in lists[person].map { "O\($0.occurrence + 1) \($0.role.rawValue)" } }
        // P1's own row first, then P7's suspect row in O2; P7's victim row in O1 is P1's already.
        #expect(rows(0) == ["O1 victim", "O2 suspect"])
        #expect(rows(5) == ["O1 victim", "O2 suspect"], "P6 has no rows of her own: she has the rest of the group's")
        #expect(rows(6) == ["O2 suspect", "O1 victim"])
        #expect(rows(7).isEmpty, "the sister's occurrences are her own")
        let unlinked = Self.reference(links: [(7, 0, .sibling)])
        #expect(RecordGroups(unlinked).occurrencesByPerson(unlinked) == unlinked.occurrencesByPerson)
    }

    @Test("a group of more records than one person is held under stays apart, and nothing is joined")
    func tooMany() {
        // P6 and P7 linked self to P1, then eight more records in a chain to P7: eleven records in all.
        let extra = (0..<8).map { PersonIndex(8 + $0) }
        let data = Self.reference(links: [(5, 0, .`self`), (6, 0, .`self`)] + zip(extra, [6] + extra.dropLast()).map {
            ($0, $1, .`self`)
        }) { data in
            for index in 0..<8 {
                data.add(Person(personID: "X\(index)", familyName: "Unknown", givenName: "Unknown", sex: .unknown))
            }
        }
        let groups = RecordGroups(data)
        #expect(!groups.same(5, 0) && !groups.same(6, 0) && !groups.same(8, 6))
        #expect(groups.occurrencesByPerson(data) == data.occurrencesByPerson)
        // Three records of one woman are one group.
        #expect(RecordGroups(Self.reference(links: [(5, 0, .`self`), (6, 0, .`self`)])).same(5, 6))
    }

    @Test("days under her other record are days with her: a third day under either record is a repeated look-up")
    func daysUnderEitherRecord() {
        // S6 (index 5) looks at P1 (index 0) on days 2 and 4 and at P6 (index 5) on day 3, from a laptop.
        func repeats(_ relation: Relation) -> [Hit] {
            let events = [(2, PersonIndex(0)), (3, 5), (4, 0)].map { day, person in
                Fixture.event("E\(day)", Fixture.at(day, 10), staff: 5, person: person, workstation: "LT-1")
            }
            return Fixture.run(events, extra: { data in
                data.add(Person(personID: "P6", familyName: "Victim", givenName: "Vera", sex: .female, birthYear: 1995))
                data.personLinks.append(PersonLink(person: 5, linkedPerson: 0, relation: relation))
            }).hits.filter { $0.indicator == .repeatLookups }
        }
        let herself = repeats(.`self`)
        #expect(herself.count == 1 && herself.first?.person == 0)
        #expect(herself.first?.detail.contains("on 3 different days under any of their records") == true,
                "\(herself.map(\.detail))")
        #expect(repeats(.sibling).isEmpty, "her sister's record is someone else: two days with P1 are not three")
    }

    @Test("a look at her other record before a return to her is not another person of her case")
    func notAnotherPerson() {
        // S6 (index 5, no link to O1) opens P6 an hour before each look at P1 (index 0), on six days. P6 is P1's other
        // record, or her sister and a witness in O1, whom opening first makes each return case work.
        func returns(_ relation: Relation) -> [Hit] {
            let events = (2...7).flatMap { day in
                [Fixture.event("B\(day)", Fixture.at(day, 9), staff: 5, person: 5, workstation: "LT-1"),
                 Fixture.event("E\(day)", Fixture.at(day, 10), staff: 5, person: 0, workstation: "LT-1")]
            }
            return Fixture.run(events, extra: { data in
                data.add(Person(personID: "P6", familyName: "Victim", givenName: "Vera", sex: .female, birthYear: 1995))
                data.personLinks.append(PersonLink(person: 5, linkedPerson: 0, relation: relation))
                if relation != .`self` {
                    data.occurrencePersons.append(OccurrencePerson(occurrence: 0, person: 5, role: .witness))
                }
            }).hits.filter { $0.indicator == .repeatLookups && ($0.person == 0 || relation == .`self`) }
        }
        // Her days are kept under either record, so a day's first look (at P6) carries the day's return.
        let herself = returns(.`self`)
        #expect(!herself.isEmpty && herself.allSatisfy { !$0.caseWork }, "\(herself.map(\.detail))")
        let sister = returns(.sibling)
        #expect(!sister.isEmpty && sister.allSatisfy(\.caseWork), "\(sister.map(\.detail))")
    }
}
