@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// `/readyz` for an operations team: ready when the store answers with the current schema and detection has weighed
/// what arrived; 503 with the reason in words when detection falls behind; nothing personal in the answer.
@Suite("Readiness")
struct ReadinessTests {
    @Test("ready with a current store; not ready, saying why, when an event has waited too long to be weighed",
          arguments: TestStores.engines)
    func readiness(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await Application(router: try fixture.router()).test(.router) { client in
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok, "\(String(buffer: ready.body))")
            #expect(String(buffer: ready.body).contains("\"ready\":true"))
            #expect(String(buffer: ready.body).contains("\"schema_version\":\(Schema.latestVersion)"))
        }
        // An event arrives two hours ago and detection never weighs it.
        let staff = try #require(try await fixture.database.sql.raw("SELECT staff_id FROM staff LIMIT 1").first()?
            .decode(column: "staff_id", as: String.self))
        // (On PostgreSQL the sequence numbers come from a counter, so the test gives one past the last.)
        let next = (try await fixture.database.sql.raw("SELECT MAX(seq) AS m FROM audit_events").first()?
            .decode(column: "m", as: Int64?.self) ?? 0) + 1
        try await fixture.database.sql.raw("""
            INSERT INTO audit_events (seq, event_id, at, staff_id, system, action, entity_type, entity_id, fields, \
            workstation, reason, batch_id, received_at) VALUES (\(bind: next), 'READYZ-1', \(bind: fixture.clock.now - 7_200), \
            \(bind: staff), 'rms', 'view', 'person', 'P-unknown', '', 'WS-1', '', 0, \(bind: fixture.clock.now - 7_200))
            """).run()
        try await Application(router: try fixture.router()).test(.router) { client in
            let behind = try await client.execute(uri: "/readyz", method: .get)
            let body = String(buffer: behind.body)
            #expect(behind.status == .serviceUnavailable)
            #expect(body.contains("detection is behind: an event has waited 120 minutes"))
            #expect(!body.contains(staff) && !body.contains("P-unknown"))
        }
    }
}
