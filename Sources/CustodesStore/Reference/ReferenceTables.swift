import CustodesModel

/// How each kind of reference record maps to its table: the columns, the natural key that makes a re-sent row an
/// update, and the row values. Writing (ingest) and reading (detection, the web application) share these, so the two
/// cannot drift apart.
enum ReferenceTables {
    struct Table: Sendable {
        let name: String
        let key: [String]
        /// Columns after the key, excluding `batch_id`, which is appended to every row.
        let values: [String]
        var columns: [String] { key + values + ["batch_id"] }
        var conflict: ConflictAction { values.isEmpty ? .ignore(key: key) : .update(key: key, columns: values) }
    }

    static let staff = Table(name: "staff", key: ["staff_id"],
                             values: ["collar_number", "display_name", "role", "team", "station", "start_date",
                                      "end_date", "home_postcode"])
    static let persons = Table(name: "persons", key: ["person_id"],
                               values: ["family_name", "given_name", "sex", "birth_year", "postcode", "markers"])
    static let occurrences = Table(name: "occurrences", key: ["occurrence_id"],
                                   values: ["category", "opened_at", "closed_at", "station"])
    static let rosters = Table(name: "rosters", key: ["staff_id", "start_at"], values: ["end_at", "kind"])
    static let personLinks = Table(name: "person_links", key: ["person_id", "linked_person_id"], values: ["relation"])
    static let occurrencePersons = Table(name: "occurrence_persons", key: ["occurrence_id", "person_id", "role"],
                                         values: [])
    static let assignments = Table(name: "assignments", key: ["occurrence_id", "staff_id", "role", "start_at"],
                                   values: ["end_at"])
    static let declaredAssociations = Table(name: "declared_associations", key: ["staff_id", "person_id"],
                                            values: ["relation", "declared_on"])

    /// Every table with the rows of `data` for it, in the order that keeps references pointing backwards.
    static func rows(of data: ReferenceData, batch: Int64) -> [(Table, [[DatabaseValue]])] {
        let b = DatabaseValue.integer(batch)
        func staffID(_ index: StaffIndex) -> DatabaseValue { .text(data.staff[Int(index)].staffID) }
        func personID(_ index: PersonIndex) -> DatabaseValue { .text(data.persons[Int(index)].personID) }
        func occurrenceID(_ index: OccurrenceIndex) -> DatabaseValue {
            .text(data.occurrences[Int(index)].occurrenceID)
        }
        return [
            (staff, data.staff.map {
                [.text($0.staffID), .text($0.collarNumber), .text($0.displayName), .text($0.role.rawValue),
                 .text($0.team), .text($0.station), .integer($0.startDate.seconds), DatabaseValue($0.endDate?.seconds),
                 DatabaseValue($0.homePostcode), b]
            }),
            (persons, data.persons.map {
                [.text($0.personID), .text($0.familyName), .text($0.givenName), .text($0.sex.rawValue),
                 DatabaseValue($0.birthYear), DatabaseValue($0.postcode),
                 .text($0.markers.markers.map(\.rawValue).joined(separator: ";")), b]
            }),
            (occurrences, data.occurrences.map {
                [.text($0.occurrenceID), .text($0.category.rawValue), .integer($0.openedAt.seconds),
                 DatabaseValue($0.closedAt?.seconds), .text($0.station), b]
            }),
            (rosters, data.rosters.map {
                [staffID($0.staff), .integer($0.start.seconds), .integer($0.end.seconds), .text($0.kind.rawValue), b]
            }),
            (personLinks, data.personLinks.map {
                [personID($0.person), personID($0.linkedPerson), .text($0.relation.rawValue), b]
            }),
            (occurrencePersons, data.occurrencePersons.map {
                [occurrenceID($0.occurrence), personID($0.person), .text($0.role.rawValue), b]
            }),
            (assignments, data.assignments.map {
                [occurrenceID($0.occurrence), staffID($0.staff), .text($0.role.rawValue), .integer($0.start.seconds),
                 DatabaseValue($0.end?.seconds), b]
            }),
            (declaredAssociations, data.declaredAssociations.map {
                [staffID($0.staff), personID($0.person), .text($0.relation.rawValue), .integer($0.declaredOn.seconds), b]
            }),
        ]
    }
}
