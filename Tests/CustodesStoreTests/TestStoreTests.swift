import CustodesTestSupport
import Foundation
import Testing

@Suite("Test stores")
struct TestStoreTests {
    @Test("PostgreSQL is available when the test script says it must be")
    func postgresPresentWhenRequired() {
        if ProcessInfo.processInfo.environment["CUSTODES_REQUIRE_POSTGRES"] == "1" {
            #expect(TestStores.postgresAdminURL != nil, "scripts/test should have started PostgreSQL")
        }
    }
}
