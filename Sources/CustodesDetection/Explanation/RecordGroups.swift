import CustodesModel

/// People held more than once: records linked `self` in the person links (a merged force's two records systems, a
/// duplicate not yet merged), grouped through chains of such links (one record in each system and a duplicate in
/// one of them are one woman). Detection reads a group as one person where it matters whom the user looked at: an
/// officer attending her under one record who checks her history under the other is looking at the woman he
/// attended, not at someone new, and a look at her other record is neither a search widened to someone linked to
/// her nor another person of her case. Only the force's own links count: matching records by name, sex, birth year
/// and postcode as well was tried, and on the tuning forces it explained one more look-alike's looks and nothing
/// else, for the risk of joining two women of the same name.
struct RecordGroups: Sendable {
    /// Each person's group, named by its lowest person index; empty when no record is linked `self`, as on most
    /// forces, so that nothing is allocated for them.
    private let group: [Int32]
    /// Every record in a group of two or more.
    private let heldTwice: Set<Int32>

    init(_ reference: ReferenceData) {
        let links = reference.personLinks.filter { $0.relation == .`self` && $0.person != $0.linkedPerson }
        guard !links.isEmpty else {
            group = []
            heldTwice = []
            return
        }
        // Union by lowest index, with paths halved: a handful of links on a force of a million people.
        var parent = (0..<Int32(reference.persons.count)).map { $0 }
        func root(_ person: Int32) -> Int32 {
            var person = person
            while parent[Int(person)] != person {
                parent[Int(person)] = parent[Int(parent[Int(person)])]
                person = parent[Int(person)]
            }
            return person
        }
        for link in links {
            let (one, two) = (root(link.person), root(link.linkedPerson))
            if one != two { parent[Int(max(one, two))] = min(one, two) }
        }
        var roots = parent.indices.map { root(Int32($0)) }
        // One woman is held a few times, not hundreds: a group past `mostRecords` is an export's artefact (a
        // placeholder "unknown" record linked to everyone it stood for), and joining it would give every member the
        // occurrences of all, their square in memory. Its records stay apart.
        var size: [Int32: Int] = [:]
        for (person, root) in roots.enumerated() where root != Int32(person) { size[root, default: 1] += 1 }
        for (person, root) in roots.enumerated() where (size[root] ?? 0) > Self.mostRecords {
            roots[person] = Int32(person)
        }
        group = roots
        heldTwice = Set(roots.indices.filter { roots[$0] != Int32($0) }.flatMap { [Int32($0), roots[$0]] })
    }

    /// The most records one person may be held under and still be read as one.
    static let mostRecords = 8

    /// The record that stands for the person's group (its lowest index; the record itself when not grouped): what
    /// a user's days of return to her are kept under, so that days under either record count as days with her.
    @inline(__always)
    func representative(_ person: PersonIndex) -> PersonIndex {
        group.isEmpty ? person : group[Int(person)]
    }

    /// Whether the person is held under more than one record.
    func isHeldTwice(_ person: PersonIndex) -> Bool {
        !heldTwice.isEmpty && heldTwice.contains(person)
    }

    /// Whether two records are one person (a record is always itself).
    @inline(__always)
    func same(_ one: PersonIndex, _ two: PersonIndex) -> Bool {
        one == two || (!group.isEmpty && group[Int(one)] == group[Int(two)])
    }

    /// Each person's occurrences, followed by those of her other records not already among them (by occurrence and
    /// role: a woman who is a victim under one record and a suspect under the other in one occurrence keeps both).
    func occurrencesByPerson(_ reference: ReferenceData) -> [[OccurrencePerson]] {
        guard !group.isEmpty else { return reference.occurrencesByPerson }
        // Only the records of groups, each group's lowest first: a dictionary of every person would cost more than
        // the rest of this together.
        var members: [Int32: [Int32]] = [:]
        for person in group.indices where group[person] != Int32(person) {
            members[group[person], default: [group[person]]].append(Int32(person))
        }
        struct Key: Hashable {
            let occurrence: OccurrenceIndex
            let role: OccurrencePersonRole
            init(_ entry: OccurrencePerson) { (occurrence, role) = (entry.occurrence, entry.role) }
        }
        var lists = reference.occurrencesByPerson
        for records in members.values {
            for record in records {
                var seen = Set(reference.occurrencesByPerson[Int(record)].map(Key.init))
                for other in records where other != record {
                    for entry in reference.occurrencesByPerson[Int(other)] where seen.insert(Key(entry)).inserted {
                        lists[Int(record)].append(entry)
                    }
                }
            }
        }
        return lists
    }
}
