public import CustodesModel

/// Reads the reference data a store holds back into ``ReferenceData``, the form detection and validation use.
public enum StoredReference {
    /// Loads every reference table. Rows are read in key order, so two loads of the same data give the same
    /// positions, and detection over the same events gives the same alerts.
    public static func load(from database: StoreDatabase, buildIndexes: Bool = true) async throws -> ReferenceData {
        var data = try await loadRecords(from: database)
        let staff = Resolver(table: "staff", ids: data.staffByID)
        let persons = Resolver(table: "persons", ids: data.personByID)
        let occurrences = Resolver(table: "occurrences", ids: data.occurrenceByID)
        var rosters: [RosterShift] = []
        try await database.forEachRow("""
            SELECT staff_id, start_at, end_at, kind FROM rosters ORDER BY staff_id, start_at
            """) { row in
            rosters.append(RosterShift(staff: try staff.index(row, 0, "staff_id"), start: try time(row, 1),
                                       end: try time(row, 2), kind: try vocabulary(row, 3, "kind", "rosters")))
        }
        var links: [PersonLink] = []
        try await database.forEachRow("""
            SELECT person_id, linked_person_id, relation FROM person_links ORDER BY person_id, linked_person_id
            """) { row in
            links.append(PersonLink(person: try persons.index(row, 0, "person_id"),
                                    linkedPerson: try persons.index(row, 1, "linked_person_id"),
                                    relation: try vocabulary(row, 2, "relation", "person_links")))
        }
        var involvements: [OccurrencePerson] = []
        try await database.forEachRow("""
            SELECT occurrence_id, person_id, role FROM occurrence_persons ORDER BY occurrence_id, person_id, role
            """) { row in
            involvements.append(OccurrencePerson(occurrence: try occurrences.index(row, 0, "occurrence_id"),
                                                 person: try persons.index(row, 1, "person_id"),
                                                 role: try vocabulary(row, 2, "role", "occurrence_persons")))
        }
        var assignments: [Assignment] = []
        try await database.forEachRow("""
            SELECT occurrence_id, staff_id, role, start_at, end_at FROM assignments \
            ORDER BY occurrence_id, staff_id, role, start_at
            """) { row in
            assignments.append(Assignment(occurrence: try occurrences.index(row, 0, "occurrence_id"),
                                          staff: try staff.index(row, 1, "staff_id"),
                                          role: try vocabulary(row, 2, "role", "assignments"),
                                          start: try time(row, 3),
                                          end: try row.optionalInteger(4).map(Timestamp.init(seconds:))))
        }
        var associations: [DeclaredAssociation] = []
        try await database.forEachRow("""
            SELECT staff_id, person_id, relation, declared_on FROM declared_associations ORDER BY staff_id, person_id
            """) { row in
            associations.append(DeclaredAssociation(
                staff: try staff.index(row, 0, "staff_id"), person: try persons.index(row, 1, "person_id"),
                relation: try vocabulary(row, 2, "relation", "declared_associations"), declaredOn: try time(row, 3)))
        }
        data.rosters = rosters
        data.personLinks = links
        data.occurrencePersons = involvements
        data.assignments = assignments
        data.declaredAssociations = associations
        if buildIndexes { data.buildIndexes() }
        return data
    }

    /// Loads only the records that audit events and reference rows name (staff, persons, occurrences), not the
    /// relationships between them: all that ingest checks a bundle against. On the simulated year that is 340,000
    /// rows instead of 1.4 million.
    public static func loadRecords(from database: StoreDatabase) async throws -> ReferenceData {
        var staff: [Staff] = []
        try await database.forEachRow("""
            SELECT staff_id, collar_number, display_name, role, team, station, start_date, end_date, home_postcode \
            FROM staff ORDER BY staff_id
            """) { row in
            staff.append(Staff(staffID: try row.text(0), collarNumber: try row.text(1), displayName: try row.text(2),
                               role: try vocabulary(row, 3, "role", "staff"), team: try row.text(4),
                               station: try row.text(5), startDate: try time(row, 6),
                               endDate: try row.optionalInteger(7).map(Timestamp.init(seconds:)),
                               homePostcode: try row.optionalText(8)))
        }
        var persons: [Person] = []
        try await database.forEachRow("""
            SELECT person_id, family_name, given_name, sex, birth_year, postcode, markers FROM persons \
            ORDER BY person_id
            """) { row in
            var set = MarkerSet()
            for name in try row.text(6).split(separator: ";") {
                guard let marker = PersonMarker(rawValue: String(name)) else {
                    throw StoreError.invalidRow(table: "persons", detail: "unknown marker '\(name)'")
                }
                set.insert(MarkerSet(marker))
            }
            persons.append(Person(personID: try row.text(0), familyName: try row.text(1), givenName: try row.text(2),
                                  sex: try vocabulary(row, 3, "sex", "persons"),
                                  birthYear: try row.optionalInteger(4).map { Int($0) },
                                  postcode: try row.optionalText(5), markers: set))
        }
        var occurrences: [Occurrence] = []
        try await database.forEachRow("""
            SELECT occurrence_id, category, opened_at, closed_at, station FROM occurrences ORDER BY occurrence_id
            """) { row in
            occurrences.append(Occurrence(occurrenceID: try row.text(0),
                                          category: try vocabulary(row, 1, "category", "occurrences"),
                                          openedAt: try time(row, 2),
                                          closedAt: try row.optionalInteger(3).map(Timestamp.init(seconds:)),
                                          station: try row.text(4)))
        }
        var data = ReferenceData()
        for member in staff { data.add(member) }
        for person in persons { data.add(person) }
        for occurrence in occurrences { data.add(occurrence) }
        return data
    }

    private struct Resolver {
        let table: String
        let ids: [String: Int32]

        func index(_ row: StoredRow, _ column: Int, _ name: String) throws -> Int32 {
            let id = try row.text(column)
            guard let index = ids[id] else {
                throw StoreError.invalidRow(table: table, detail: "\(name) '\(id)' names no row of \(table)")
            }
            return index
        }
    }

    private static func time(_ row: StoredRow, _ column: Int) throws -> Timestamp {
        Timestamp(seconds: try row.integer(column))
    }

    private static func vocabulary<V: ClosedVocabulary>(_ row: StoredRow, _ column: Int, _ name: String,
                                                        _ table: String) throws -> V {
        let text = try row.text(column)
        guard let value = V(rawValue: text) else {
            throw StoreError.invalidRow(table: table, detail: "\(name) '\(text)' is not a \(V.vocabularyName)")
        }
        return value
    }
}
