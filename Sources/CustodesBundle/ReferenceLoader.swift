import CustodesModel

/// Reads the reference files of a bundle into ``ReferenceData``, in an order where every reference points to a file
/// already read, so that a dangling identifier is caught on its own row.
struct ReferenceLoader {
    let rows: RowReader

    func load(into report: inout BundleReport) throws(BundleError) -> ReferenceData {
        var data = ReferenceData()
        for file in BundleFile.referenceFiles {
            var fileReport = FileReport(file: file.fileName)
            try rows.read(file.fileName, as: file, report: &fileReport) { (row) throws(RowProblem) in
                try Self.decode(file, row, into: &data)
            }
            report.files.append(fileReport)
        }
        data.buildIndexes()
        return data
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func decode(_ file: BundleFile, _ row: RowDecoder, into data: inout ReferenceData) throws(RowProblem) {
        switch file {
        case .staff:
            let start = try row.date(6)
            let end = try row.optionalDate(7)
            try row.period(start: start, end: end, endColumn: 7)
            let member = Staff(staffID: try row.required(0), collarNumber: row.optional(1),
                               displayName: try row.required(2), role: try row.vocabulary(3, StaffRole.self),
                               team: try row.required(4), station: try row.required(5), startDate: start,
                               endDate: end, homePostcode: nilIfEmpty(row.optional(8)))
            guard data.add(member) != nil else { throw duplicate(row, 0, "staff_id") }

        case .persons:
            let person = Person(personID: try row.required(0), familyName: try row.required(1),
                                givenName: try row.required(2), sex: try row.vocabulary(3, Sex.self),
                                birthYear: try row.optionalInt(4, in: 1880...2100),
                                postcode: nilIfEmpty(row.optional(5)),
                                markers: MarkerSet(try row.list(6, PersonMarker.self)))
            guard data.add(person) != nil else { throw duplicate(row, 0, "person_id") }

        case .occurrences:
            let opened = try row.instant(2)
            let closed = try row.optionalInstant(3)
            try row.period(start: opened, end: closed, endColumn: 3)
            let occurrence = Occurrence(occurrenceID: try row.required(0),
                                        category: try row.vocabulary(1, OccurrenceCategory.self), openedAt: opened,
                                        closedAt: closed, station: try row.required(4))
            guard data.add(occurrence) != nil else { throw duplicate(row, 0, "occurrence_id") }

        case .rosters:
            let staff = try row.reference(0, in: data.staffByID, named: "member of staff in staff.csv with staff_id")
            let start = try row.instant(1)
            let end = try row.instant(2)
            try row.period(start: start, end: end, endColumn: 2)
            data.rosters.append(RosterShift(staff: staff, start: start, end: end,
                                            kind: try row.vocabulary(3, RosterKind.self)))

        case .personLinks:
            let person = try row.reference(0, in: data.personByID, named: "person in persons.csv with person_id")
            let linked = try row.reference(1, in: data.personByID, named: "person in persons.csv with person_id")
            data.personLinks.append(PersonLink(person: person, linkedPerson: linked,
                                               relation: try row.vocabulary(2, Relation.self)))

        case .occurrencePersons:
            let occurrence = try row.reference(0, in: data.occurrenceByID,
                                               named: "occurrence in occurrences.csv with occurrence_id")
            let person = try row.reference(1, in: data.personByID, named: "person in persons.csv with person_id")
            data.occurrencePersons.append(OccurrencePerson(occurrence: occurrence, person: person,
                                                           role: try row.vocabulary(2, OccurrencePersonRole.self)))

        case .assignments:
            let occurrence = try row.reference(0, in: data.occurrenceByID,
                                               named: "occurrence in occurrences.csv with occurrence_id")
            let staff = try row.reference(1, in: data.staffByID, named: "member of staff in staff.csv with staff_id")
            let role = try row.vocabulary(2, AssignmentRole.self)
            let start = try row.instant(3)
            let end = try row.optionalInstant(4)
            try row.period(start: start, end: end, endColumn: 4)
            data.assignments.append(Assignment(occurrence: occurrence, staff: staff, role: role, start: start,
                                               end: end))

        case .declaredAssociations:
            let staff = try row.reference(0, in: data.staffByID, named: "member of staff in staff.csv with staff_id")
            let person = try row.reference(1, in: data.personByID, named: "person in persons.csv with person_id")
            data.declaredAssociations.append(DeclaredAssociation(staff: staff, person: person,
                                                                 relation: try row.vocabulary(2, Relation.self),
                                                                 declaredOn: try row.date(3)))

        case .audit, .truth:
            preconditionFailure("\(file.fileName) is not a reference file")
        }
    }

    private static func duplicate(_ row: RowDecoder, _ column: Int, _ name: String) -> RowProblem {
        RowProblem(field: name, reason: .duplicateID,
                   detail: "'\(row.optional(column))' was already given on an earlier row; the first is kept")
    }
}

func nilIfEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }
