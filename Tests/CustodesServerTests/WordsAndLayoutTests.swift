@testable import CustodesServer
import CustodesDetection
import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
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

            // A date range: today's entries, none tomorrow, and a wrong date named.
            let today = String(Timestamp(seconds: fixture.clock.now).iso8601.prefix(10))
            let tomorrow = String(Timestamp(seconds: fixture.clock.now + 86_400).iso8601.prefix(10))
            #expect(String(buffer: try await head.get(client, "/trail?from=\(today)&to=\(today)").body).contains("view_alert"))
            #expect(!String(buffer: try await head.get(client, "/trail?from=\(tomorrow)").body).contains("(<code>view_alert</code>)"))
            #expect(try await head.get(client, "/trail?from=2026-13-45").status == .badRequest)

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

    @Test("labels in words with the codes beside them; the rules as a table with the YAML to download; disabling asks first and can be undone")
    func labelsRulesAndAccounts() async throws {
        let fixture = try await WebFixture.make(.sqlite)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("admin", role: .administrator)
        let analyst = try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let alert = String(buffer: try await head.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(alert.contains("(<code>vulnerable_person</code>)") || alert.contains("(<code>"))
            #expect(!alert.contains("<td>vulnerable_person</td>"))
            #expect(alert.contains("alert threshold") && alert.contains("The figures as a table"))
            let trail = String(buffer: try await head.get(client, "/trail").body)
            #expect(trail.contains("Opened an alert") && trail.contains("(<code>view_alert</code>)"))
            #expect(trail.range(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC"#, options: .regularExpression) != nil)
            #expect(trail.contains("Head (<code>head</code>)"))

            var admin = try await Browser.signIn(client, "admin", fixture: fixture)
            let rules = String(buffer: try await admin.get(client, "/admin/rules").body)
            #expect(rules.contains("id=\"rule-table\"") && rules.contains("Looked up a vulnerable person"))
            #expect(rules.contains("None yet: the built-in rules are in force."))
            let yaml = try await admin.get(client, "/admin/rules.yaml")
            #expect(yaml.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(String(buffer: yaml.body).contains("vulnerable_person"))

            // Disabling asks first; only "Yes" disables; Enable undoes it.
            _ = try await admin.get(client, "/admin/users")
            let asked = try await admin.post(client, "/admin/users/\(analyst.id)/disable", [:])
            #expect(asked.status == .ok && String(buffer: asked.body).contains("Yes, disable analyst"))
            #expect(try await UserAccounts.find(id: analyst.id, in: fixture.database)?.isDisabled == false)
            #expect(try await admin.post(client, "/admin/users/\(analyst.id)/disable", ["confirm": "yes"]).status == .seeOther)
            #expect(try await UserAccounts.find(id: analyst.id, in: fixture.database)?.isDisabled == true)
            let list = String(buffer: try await admin.get(client, "/admin/users").body)
            #expect(list.contains("Enable analyst"))
            #expect(try await admin.post(client, "/admin/users/\(analyst.id)/enable", [:]).status == .seeOther)
            #expect(try await UserAccounts.find(id: analyst.id, in: fixture.database)?.isDisabled == false)
            _ = try await Browser.signIn(client, "analyst", fixture: fixture)
        }
        let actions = try await fixture.database.sql.raw(
            "SELECT action FROM audit_trail WHERE action IN ('user_disabled', 'user_enabled') ORDER BY seq").all()
            .map { try $0.decode(column: "action", as: String.self) }
        #expect(actions == ["user_disabled", "user_enabled"])
    }
}
