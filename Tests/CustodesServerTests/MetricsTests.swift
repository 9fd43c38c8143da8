@testable import CustodesServer
import CustodesDetection
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// `/metrics` for an operations team: the Prometheus text format, served to loopback or with the metrics token, with
/// no personal data in any label.
@Suite("Metrics")
struct MetricsTests {
    @Test("loopback reads the figures; a proxied or remote client needs the token; no label carries anything personal",
          arguments: TestStores.engines)
    func metrics(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        let metrics = ServerMetrics(token: "scrape-token-for-tests")
        let router = try CustodesServerBuilder.router(database: fixture.database, access: fixture.access(),
                                                      pseudonymiser: Pseudonymiser(key: WebFixture.key), metrics: metrics)
        let person = try #require(try await fixture.database.sql.raw("SELECT person_id, family_name FROM persons LIMIT 1")
            .first())
        let personName = try person.decode(column: "family_name", as: String.self)
        let staff = try #require(try await fixture.database.sql.raw(
            "SELECT staff_id, display_name, collar_number FROM staff WHERE staff_id = \(bind: fixture.alertStaffID)").first())
        let personID = try person.decode(column: "person_id", as: String.self)
        let pseudonym = Pseudonymiser(key: WebFixture.key).person(personID)
        let staffPseudonym = Pseudonymiser(key: WebFixture.key).staff(fixture.alertStaffID)

        try await Application(router: router).test(.live) { client in
            // Traffic whose paths and forms carry what must never become a label.
            var browser = Browser()
            _ = try await browser.get(client, "/sign-in")
            for _ in 0..<2 {
                _ = try await browser.post(client, "/sign-in", ["username": "analyst", "password": "wrong " + personName])
            }
            _ = try await browser.get(client, "/people/\(pseudonym)")
            _ = try await browser.get(client, "/search?q=\(personName)")
            _ = try await browser.get(client, "/alerts/\(fixture.alertID)")
            _ = try await browser.get(client, "/no/such/\(personName)")

            let scrape = try await client.execute(uri: "/metrics", method: .get)
            #expect(scrape.status == .ok)
            let text = String(buffer: scrape.body)
            for name in ["custodes_http_requests_total", "custodes_http_request_duration_seconds_bucket",
                         "custodes_sign_in_failures_total 2", "custodes_queue_open_alerts", "custodes_detection_lag_seconds",
                         "custodes_queue_oldest_open_alert_age_seconds", "custodes_trail_entries", "custodes_stored_events{",
                         "custodes_stored_batch_rows_quarantined{", "custodes_store_up 1.0", "custodes_ready 1.0",
                         "route=\"/people/{pseudonym}\"", "route=\"NotFound\""] {
                #expect(text.contains(name), "missing \(name)")
            }
            let labelValues = Self.labelValues(text)
            #expect(!labelValues.isEmpty)
            let personal = [personName, personID, pseudonym, staffPseudonym,
                            fixture.alertStaffID, try staff.decode(column: "display_name", as: String.self),
                            try staff.decode(column: "collar_number", as: String.self), "analyst", "127.0.0.1",
                            "/alerts/\(fixture.alertID)"]
            for value in labelValues {
                for secret in personal { #expect(!value.contains(secret), "label value \(value) carries \(secret)") }
            }

            // Through a proxy every client looks local: refused without the token, served with it.
            let proxied = try await client.execute(uri: "/metrics", method: .get, headers: [.init("X-Forwarded-For")!: "203.0.113.9"])
            #expect(proxied.status == .forbidden)
            #expect(!String(buffer: proxied.body).contains("custodes_"))
            let wrong = try await client.execute(uri: "/metrics", method: .get, headers: [
                .init("X-Forwarded-For")!: "203.0.113.9", .authorization: "Bearer scrape-token-for-test"])
            #expect(wrong.status == .forbidden)
            let right = try await client.execute(uri: "/metrics", method: .get, headers: [
                .init("X-Forwarded-For")!: "203.0.113.9", .authorization: "Bearer scrape-token-for-tests"])
            #expect(right.status == .ok && String(buffer: right.body).contains("custodes_trail_entries"),
                    "\(String(buffer: right.body).prefix(300))")
        }
        // A client that is not loopback (the in-memory test client has no address) is refused without the token.
        try await Application(router: try fixture.router()).test(.router) { client in
            let remote = try await client.execute(uri: "/metrics", method: .get)
            #expect(remote.status == .forbidden)
        }
    }

    /// Every label value in a Prometheus text exposition.
    static func labelValues(_ text: String) -> [String] {
        var values: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let open = line.firstIndex(of: "{"), let close = line.lastIndex(of: "}") else { continue }
            for pair in line[line.index(after: open)..<close].split(separator: ",") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                values.append(String(pair[pair.index(after: equals)...]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
        }
        return values
    }
}
