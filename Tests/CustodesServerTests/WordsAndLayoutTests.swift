@testable import CustodesServer
import CustodesDetection
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The rough edges a new user hit: refused pages say "Error:" first and put the error summary in focus; a trail
/// filter typed with a space matches; a page past the end shows the last page; comments keep their lines; the
/// timeline says when explanations were not recorded rather than "None applied".
@Suite("Words and layout")
struct WordsAndLayoutTests {
    @Test("error titles and focus, trail filters with spaces, pages past the end, comments' lines, unrecorded explanations")
    func roughEdges() async throws {
        let fixture = try await WebFixture.make(.sqlite)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            let refused = String(buffer: try await head.post(client, "/alerts/\(fixture.alertID)/decisions",
                                                             ["outcome": "no_further_action", "rationale": "short"]).body)
            #expect(refused.contains("<title>Error: "))
            #expect(refused.contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"))
            #expect(String(buffer: try await head.get(client, "/no-such-page").body).contains("<title>Error: Page not found"))

            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/comments", ["body": "First line.\nSecond line."])
            let alert = String(buffer: try await head.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(alert.contains("<p class=\"body keep-lines\">First line.\nSecond line.</p>"))

            // The trail's subject filter as a browser's form sends it, with + for the space.
            let trail = String(buffer: try await head.get(client, "/trail?subject=alert+\(fixture.alertID)").body)
            #expect(trail.contains("view_alert") && trail.contains("alert \(fixture.alertID)"))

            // Far past the last page: the last page, not "page 999 of N" with nothing on it.
            let far = String(buffer: try await head.get(client, "/alerts?page=999").body)
            #expect(!far.contains("page 999") && far.contains("href=\"/alerts/"))
            let log = String(buffer: try await head.get(client, "/intelligence?page=5").body)
            #expect(log.contains("page 1 of 1"))
        }
        // Explanations are recorded for the first accesses only; later rows say so instead of "None applied".
        let detail = try #require(try await fixture.database.sql.raw(
            "SELECT alert_id FROM alerts WHERE evidence_count > \(bind: Alert.tracedEvidence + 1) ORDER BY alert_id").first()?
            .decode(column: "alert_id", as: Int64.self))
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let page = String(buffer: try await head.get(client, "/alerts/\(detail)?show=all").body)
            #expect(page.contains("Not recorded (explanations are kept for the first \(Alert.tracedEvidence) accesses)"))
        }
    }
}
