import CustodesTestSupport
@testable import CustodesStore
import Testing
import SQLKit

@Suite("Bulk inserts")
struct BulkInsertTests {
    @Test("an upsert keeps the last row of each key; plain inserts keep every row")
    func lastPerKey() {
        let rows: [[DatabaseValue]] = [
            [.text("S1"), .integer(1), .text("first")],
            [.text("S2"), .integer(1), .text("other")],
            [.text("S1"), .integer(1), .text("second")],
        ]
        let columns = ["staff_id", "start_at", "kind"]
        let upsert = ConflictAction.update(key: ["staff_id", "start_at"], columns: ["kind"])
        #expect(StoreDatabase.lastPerKey(rows, columns: columns, conflict: upsert) == [rows[1], rows[2]])
        #expect(StoreDatabase.lastPerKey(rows, columns: columns, conflict: .ignore(key: ["staff_id"])) == rows)
    }

    @Test("a repeated key in one large upsert is written once, with the last values", arguments: TestStores.engines)
    func repeatedKeyInLargeUpsert(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            // Enough rows to take PostgreSQL's COPY path, with one key given twice.
            var rows: [[DatabaseValue]] = (0..<6_000).map { index in
                [.text("L\(index)"), .text("P\(index)"), .text("family"), .integer(1)]
            }
            rows.append([.text("L7"), .text("P7"), .text("friend"), .integer(1)])
            let written = try await database.transaction {
                try await database.insert(into: "person_links", columns: ["person_id", "linked_person_id", "relation", "batch_id"],
                                          rows: rows, conflict: .update(key: ["person_id", "linked_person_id"],
                                                                        columns: ["relation"]))
            }
            #expect(written == 6_000)
            let relation = try await database.sql.raw(
                "SELECT relation FROM person_links WHERE person_id = 'L7'").first()?.decode(column: "relation", as: String.self)
            #expect(relation == "friend")
        }
    }
}
