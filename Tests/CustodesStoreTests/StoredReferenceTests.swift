import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Stored reference data")
struct StoredReferenceTests {
    @Test("reference data read back from the store is the bundle's, field for field, missing values included",
          arguments: TestStores.engines)
    func readsBackWhatWasStored(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
            let bundle = IngestTests.facts.reference
            let stored = try await StoredReference.load(from: database)

            // Differences only, so a failure names the rows that differ rather than printing every row.
            #expect(Set(stored.staff).symmetricDifference(bundle.staff).isEmpty)
            #expect(Set(stored.persons).symmetricDifference(bundle.persons).isEmpty)
            #expect(Set(stored.occurrences).symmetricDifference(bundle.occurrences).isEmpty)
            #expect(bundle.staff.contains { $0.endDate == nil } && bundle.staff.contains { $0.endDate != nil },
                    "the fixture has staff with and without a leaving date")
            #expect(bundle.persons.contains { $0.birthYear == nil } || bundle.persons.contains { $0.postcode == nil },
                    "the fixture has people with missing details")
            let storedFacts = Relationships(stored), bundleFacts = Relationships(bundle)
            for (name, path) in Relationships.kinds {
                #expect(storedFacts[keyPath: path].symmetricDifference(bundleFacts[keyPath: path]).isEmpty, "\(name)")
            }

            let records = try await StoredReference.loadRecords(from: database)
            #expect(records.staff == stored.staff && records.persons == stored.persons
                    && records.occurrences == stored.occurrences)
            #expect(records.rosters.isEmpty && records.assignments.isEmpty)
        }
    }

    @Test("a process's cached reference records are read again once any ingest writes reference data, and only then",
          arguments: TestStores.engines)
    func cacheFollowsReferenceWrites(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let cache = ReferenceCache()
            #expect(try await cache.records(from: database).staff.isEmpty)
            // Another ingest (another process, as far as the cache knows) writes staff: seen at once.
            let staffOnly = try TestBundles.subset(of: TestBundles.small, files: ["staff.csv"])
            _ = try await BundleIngest(database: database).ingest(directory: staffOnly)
            let first = try await cache.records(from: database)
            #expect(first.staff.count == IngestTests.facts.reference.staff.count)
            // A change that bypassed ingest's count is not seen: the copy really is kept...
            let member = try #require(first.staff.first)
            try await database.sql.raw("UPDATE staff SET team = 'renamed' WHERE staff_id = \(bind: member.staffID)").run()
            #expect(try await cache.records(from: database).staff.first?.team == member.team)
            // ...until ingest writes reference data again (here, one more member of staff), when it is read afresh.
            let text = try String(contentsOfFile: staffOnly + "/staff.csv", encoding: .utf8)
            let row = try #require(text.split(separator: "\n").dropFirst().first { $0.hasPrefix(member.staffID + ",") })
            let joiner = String(row).replacingOccurrences(of: member.staffID + ",", with: "S-JOINER-1,")
            let later = try TestBundles.subset(of: staffOnly, files: [])
            try (text + joiner + "\n").write(toFile: later + "/staff.csv", atomically: true, encoding: .utf8)
            _ = try await BundleIngest(database: database).ingest(directory: later)
            let afresh = try await cache.records(from: database)
            #expect(afresh.staff.count == first.staff.count + 1 && afresh.staffByID["S-JOINER-1"] != nil)
        }
    }
}

/// The relationships of reference data with positions turned back into identifiers, so two loads that number their
/// records differently compare equal when they hold the same facts.
private struct Relationships {
    static var kinds: [(String, KeyPath<Relationships, Set<String>>)] { [
        ("rosters", \.rosters), ("person links", \.links), ("people in occurrences", \.involvements),
        ("assignments", \.assignments), ("declared associations", \.associations),
    ] }

    var rosters: Set<String> = []
    var links: Set<String> = []
    var involvements: Set<String> = []
    var assignments: Set<String> = []
    var associations: Set<String> = []

    init(_ data: ReferenceData) {
        func staff(_ index: StaffIndex) -> String { data.staff[Int(index)].staffID }
        func person(_ index: PersonIndex) -> String { data.persons[Int(index)].personID }
        func occurrence(_ index: OccurrenceIndex) -> String { data.occurrences[Int(index)].occurrenceID }
        rosters = Set(data.rosters.map { "\(staff($0.staff)) \($0.start) \($0.end) \($0.kind)" })
        links = Set(data.personLinks.map { "\(person($0.person)) \(person($0.linkedPerson)) \($0.relation)" })
        involvements = Set(data.occurrencePersons.map { "\(occurrence($0.occurrence)) \(person($0.person)) \($0.role)" })
        assignments = Set(data.assignments.map {
            "\(occurrence($0.occurrence)) \(staff($0.staff)) \($0.role) \($0.start) \(String(describing: $0.end))"
        })
        associations = Set(data.declaredAssociations.map {
            "\(staff($0.staff)) \(person($0.person)) \($0.relation) \($0.declaredOn)"
        })
    }
}
