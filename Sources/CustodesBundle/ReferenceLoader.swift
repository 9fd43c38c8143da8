import CustodesModel
import Foundation

/// Reads the reference files of a bundle into ``ReferenceData``, in an order where every reference points to a file
/// already read, so that a dangling identifier is caught on its own row.
///
/// A bundle that updates a store may carry only some reference files, and its rows may point to records the store
/// already has (`known`); such a record is copied in when first referred to, so the row resolves.
struct ReferenceLoader {
    let rows: RowReader
    /// Records already held elsewhere (the store) that rows of this bundle may refer to.
    var known: ReferenceData?
    /// Whether a missing reference file is skipped (an update bundle) rather than an error (checked earlier).
    var skipMissingFiles = false

    func load(into report: inout BundleReport) throws(BundleError) -> ReferenceData {
        var data = ReferenceData()
        for file in BundleFile.referenceFiles {
            if skipMissingFiles && !FileManager.default.fileExists(atPath: rows.directory + "/" + file.fileName) {
                continue
            }
            var fileReport = FileReport(file: file.fileName)
            try rows.read(file.fileName, as: file, report: &fileReport) { (row) throws(RowProblem) in
                try Self.decode(file, row, into: &data, known: known)
            }
            report.files.append(fileReport)
        }
        data.buildIndexes()
        return data
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func decode(_ file: BundleFile, _ row: RowDecoder, into data: inout ReferenceData,
                       known: ReferenceData? = nil) throws(RowProblem) {
        func staffIndex(_ column: Int) throws(RowProblem) -> StaffIndex {
            try resolve(row, column, &data, known, \.staffByID, "member of staff in staff.csv with staff_id") {
                $0.add($1.staff[Int($2)])
            }
        }
        func personIndex(_ column: Int) throws(RowProblem) -> PersonIndex {
            try resolve(row, column, &data, known, \.personByID, "person in persons.csv with person_id") {
                $0.add($1.persons[Int($2)])
            }
        }
        func occurrenceIndex(_ column: Int) throws(RowProblem) -> OccurrenceIndex {
            try resolve(row, column, &data, known, \.occurrenceByID,
                        "occurrence in occurrences.csv with occurrence_id") { $0.add($1.occurrences[Int($2)]) }
        }
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
            let staff = try staffIndex(0)
            let start = try row.instant(1)
            let end = try row.instant(2)
            try row.period(start: start, end: end, endColumn: 2)
            data.rosters.append(RosterShift(staff: staff, start: start, end: end,
                                            kind: try row.vocabulary(3, RosterKind.self)))

        case .personLinks:
            let person = try personIndex(0)
            let linked = try personIndex(1)
            data.personLinks.append(PersonLink(person: person, linkedPerson: linked,
                                               relation: try row.vocabulary(2, Relation.self)))

        case .occurrencePersons:
            let occurrence = try occurrenceIndex(0)
            let person = try personIndex(1)
            data.occurrencePersons.append(OccurrencePerson(occurrence: occurrence, person: person,
                                                           role: try row.vocabulary(2, OccurrencePersonRole.self)))

        case .assignments:
            let occurrence = try occurrenceIndex(0)
            let staff = try staffIndex(1)
            let role = try row.vocabulary(2, AssignmentRole.self)
            let start = try row.instant(3)
            let end = try row.optionalInstant(4)
            try row.period(start: start, end: end, endColumn: 4)
            data.assignments.append(Assignment(occurrence: occurrence, staff: staff, role: role, start: start,
                                               end: end))

        case .declaredAssociations:
            let staff = try staffIndex(0)
            let person = try personIndex(1)
            data.declaredAssociations.append(DeclaredAssociation(staff: staff, person: person,
                                                                 relation: try row.vocabulary(2, Relation.self),
                                                                 declaredOn: try row.date(3)))

        case .audit, .truth:
            preconditionFailure("\(file.fileName) is not a reference file")
        }
    }

    /// Finds an identifier among the records read so far, else among the known ones (copying the record in).
    private static func resolve(_ row: RowDecoder, _ column: Int, _ data: inout ReferenceData, _ known: ReferenceData?,
                                _ table: KeyPath<ReferenceData, [String: Int32]>, _ what: String,
                                _ copy: (inout ReferenceData, ReferenceData, Int32) -> Int32?) throws(RowProblem) -> Int32 {
        let value = try row.required(column)
        if let index = data[keyPath: table][value] { return index }
        if let known, let index = known[keyPath: table][value], let copied = copy(&data, known, index) { return copied }
        throw RowProblem(field: row.columns[column], reason: .unknownReference, detail: "no \(what) '\(value)'")
    }

    private static func duplicate(_ row: RowDecoder, _ column: Int, _ name: String) -> RowProblem {
        RowProblem(field: name, reason: .duplicateID,
                   detail: "'\(row.optional(column))' was already given on an earlier row; the first is kept")
    }
}

func nilIfEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }
