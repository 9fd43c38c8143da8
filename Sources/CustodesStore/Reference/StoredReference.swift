public import CustodesModel
import SQLKit

/// Reads the reference data a store holds back into ``ReferenceData``, the form detection and validation use.
public enum StoredReference {
    /// Loads every reference table. Rows are read in key order, so two loads of the same data give the same
    /// positions, and detection over the same events gives the same alerts.
    public static func load(from database: StoreDatabase, buildIndexes: Bool = true) async throws -> ReferenceData {
        var data = try await loadRecords(from: database)
        let sql = database.sql
        let staff = Resolver(table: "staff", ids: data.staffByID)
        let persons = Resolver(table: "persons", ids: data.personByID)
        let occurrences = Resolver(table: "occurrences", ids: data.occurrenceByID)
        for row in try await sql.raw("SELECT * FROM rosters ORDER BY staff_id, start_at").all() {
            data.rosters.append(RosterShift(staff: try staff.index(row, "staff_id"), start: try time(row, "start_at"),
                                            end: try time(row, "end_at"), kind: try vocabulary(row, "kind", "rosters")))
        }
        for row in try await sql.raw("SELECT * FROM person_links ORDER BY person_id, linked_person_id").all() {
            data.personLinks.append(PersonLink(person: try persons.index(row, "person_id"),
                                               linkedPerson: try persons.index(row, "linked_person_id"),
                                               relation: try vocabulary(row, "relation", "person_links")))
        }
        for row in try await sql.raw("SELECT * FROM occurrence_persons ORDER BY occurrence_id, person_id, role").all() {
            data.occurrencePersons.append(OccurrencePerson(occurrence: try occurrences.index(row, "occurrence_id"),
                                                           person: try persons.index(row, "person_id"),
                                                           role: try vocabulary(row, "role", "occurrence_persons")))
        }
        for row in try await sql.raw("SELECT * FROM assignments ORDER BY occurrence_id, staff_id, role, start_at").all() {
            let end: Int64? = try row.decode(column: "end_at", as: Int64?.self)
            data.assignments.append(Assignment(occurrence: try occurrences.index(row, "occurrence_id"),
                                               staff: try staff.index(row, "staff_id"),
                                               role: try vocabulary(row, "role", "assignments"),
                                               start: try time(row, "start_at"), end: end.map(Timestamp.init(seconds:))))
        }
        for row in try await sql.raw("SELECT * FROM declared_associations ORDER BY staff_id, person_id").all() {
            data.declaredAssociations.append(DeclaredAssociation(
                staff: try staff.index(row, "staff_id"), person: try persons.index(row, "person_id"),
                relation: try vocabulary(row, "relation", "declared_associations"),
                declaredOn: try time(row, "declared_on")))
        }
        if buildIndexes { data.buildIndexes() }
        return data
    }

    /// Loads only the records that audit events and reference rows name (staff, persons, occurrences), not the
    /// relationships between them: all that ingest checks a bundle against. On the simulated year that is 340,000
    /// rows instead of 1.4 million.
    public static func loadRecords(from database: StoreDatabase) async throws -> ReferenceData {
        var data = ReferenceData()
        let sql = database.sql
        for row in try await sql.raw("SELECT * FROM staff ORDER BY staff_id").all() {
            let end: Int64? = try row.decode(column: "end_date", as: Int64?.self)
            data.add(Staff(staffID: try row.decode(column: "staff_id", as: String.self),
                           collarNumber: try row.decode(column: "collar_number", as: String.self),
                           displayName: try row.decode(column: "display_name", as: String.self),
                           role: try vocabulary(row, "role", "staff"),
                           team: try row.decode(column: "team", as: String.self),
                           station: try row.decode(column: "station", as: String.self),
                           startDate: Timestamp(seconds: try row.decode(column: "start_date", as: Int64.self)),
                           endDate: end.map(Timestamp.init(seconds:)),
                           homePostcode: try row.decode(column: "home_postcode", as: String?.self)))
        }
        for row in try await sql.raw("SELECT * FROM persons ORDER BY person_id").all() {
            let markers = try row.decode(column: "markers", as: String.self)
            var set = MarkerSet()
            for name in markers.split(separator: ";") {
                guard let marker = PersonMarker(rawValue: String(name)) else {
                    throw StoreError.invalidRow(table: "persons", detail: "unknown marker '\(name)'")
                }
                set.insert(MarkerSet(marker))
            }
            data.add(Person(personID: try row.decode(column: "person_id", as: String.self),
                            familyName: try row.decode(column: "family_name", as: String.self),
                            givenName: try row.decode(column: "given_name", as: String.self),
                            sex: try vocabulary(row, "sex", "persons"),
                            birthYear: try row.decode(column: "birth_year", as: Int?.self),
                            postcode: try row.decode(column: "postcode", as: String?.self), markers: set))
        }
        for row in try await sql.raw("SELECT * FROM occurrences ORDER BY occurrence_id").all() {
            let closed: Int64? = try row.decode(column: "closed_at", as: Int64?.self)
            data.add(Occurrence(occurrenceID: try row.decode(column: "occurrence_id", as: String.self),
                                category: try vocabulary(row, "category", "occurrences"),
                                openedAt: Timestamp(seconds: try row.decode(column: "opened_at", as: Int64.self)),
                                closedAt: closed.map(Timestamp.init(seconds:)),
                                station: try row.decode(column: "station", as: String.self)))
        }
        return data
    }

    private struct Resolver {
        let table: String
        let ids: [String: Int32]

        func index(_ row: any SQLRow, _ column: String) throws -> Int32 {
            let id = try row.decode(column: column, as: String.self)
            guard let index = ids[id] else {
                throw StoreError.invalidRow(table: table, detail: "\(column) '\(id)' names no row of \(table)")
            }
            return index
        }
    }

    private static func time(_ row: any SQLRow, _ column: String) throws -> Timestamp {
        Timestamp(seconds: try row.decode(column: column, as: Int64.self))
    }

    private static func vocabulary<V: ClosedVocabulary>(_ row: any SQLRow, _ column: String,
                                                        _ table: String) throws -> V {
        let text = try row.decode(column: column, as: String.self)
        guard let value = V(rawValue: text) else {
            throw StoreError.invalidRow(table: table, detail: "\(column) '\(text)' is not a \(V.vocabularyName)")
        }
        return value
    }
}
