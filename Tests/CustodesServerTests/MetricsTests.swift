@testable import CustodesServer
import CustodesDetection
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// `/metrics` for an operations team: the Prometheus text format, with the metrics token on the unit's listener or
/// without it on a metrics listener of its own on loopback, with no personal data in any label.
@Suite("Metrics")
struct MetricsTests {
    @Test("the unit's listener needs the token even from loopback; the loopback metrics listener does not; no label carries anything personal",
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

            // From loopback, without the token: refused on the unit's listener, which a proxy may front.
            let local = try await client.execute(uri: "/metrics", method: .get)
            #expect(local.status == .forbidden && !String(buffer: local.body).contains("custodes_"))
            let scrape = try await client.execute(uri: "/metrics", method: .get,
                                                  headers: [.authorization: "Bearer scrape-token-for-tests"])
            #expect(scrape.status == .ok)
            let text = String(buffer: scrape.body)
            for name in ["custodes_http_requests_total", "custodes_http_request_duration_seconds_bucket",
                         "custodes_sign_in_failures_total 2", "custodes_queue_open_alerts", "custodes_detection_lag_seconds",
                         "custodes_queue_oldest_open_alert_age_seconds", "custodes_trail_entries", "custodes_stored_events{",
                         "custodes_stored_batch_rows_quarantined{channel=", "custodes_store_up 1.0", "custodes_ready 1.0",
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

            let wrong = try await client.execute(uri: "/metrics", method: .get,
                                                 headers: [.authorization: "Bearer scrape-token-for-test"])
            #expect(wrong.status == .forbidden)
        }
        // The metrics listener of its own, on loopback: no token needed; the same figures.
        var configuration = ServerConfiguration()
        configuration.metricsPort = 9464
        let metricsRouter = CustodesServerBuilder.metricsRouter(database: fixture.database, access: fixture.access(),
                                                                metrics: metrics, configuration: configuration)
        try await Application(router: metricsRouter).test(.router) { client in
            let open = try await client.execute(uri: "/metrics", method: .get)
            #expect(open.status == .ok && String(buffer: open.body).contains("custodes_sign_in_failures_total 2"))
        }
        // Bound to another address, it needs the token too.
        configuration.metricsHost = "0.0.0.0"
        let exposed = CustodesServerBuilder.metricsRouter(database: fixture.database, access: fixture.access(),
                                                          metrics: metrics, configuration: configuration)
        try await Application(router: exposed).test(.router) { client in
            let refused = try await client.execute(uri: "/metrics", method: .get)
            #expect(refused.status == .forbidden)
        }
    }

    @Test("only a loopback address opens the metrics listener without the token, not a name that looks like one")
    func loopbackAddresses() {
        for host in ["127.0.0.1", "127.1.2.3", "::1", "localhost"] { #expect(MetricsRoute.isLoopback(host), "\(host)") }
        for host in ["127.corp.example", "0.0.0.0", "10.0.0.1", "127.0.0", "127.0.0.1.example", ""] {
            #expect(!MetricsRoute.isLoopback(host), "\(host)")
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
