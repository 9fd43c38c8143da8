@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

/// Triage as the unit does it: pseudonyms until a reveal with a reason, decisions with a rationale, exceptions
/// that become rules, CSRF on every form, and each step in the trail.
@Suite("Triage")
struct TriageTests {
    func staffName(_ fixture: WebFixture) async throws -> String {
        try #require(try await StaffProfile.identity(staffID: fixture.alertStaffID, in: fixture.database)).displayName
    }

    /// The name of the person an evidence event opened, as stored.
    func personName(opened event: AlertDetail.Evidence, _ fixture: WebFixture) async throws -> String {
        let row = try #require(try await fixture.database.sql.raw("""
            SELECT p.given_name, p.family_name FROM audit_events e JOIN persons p ON p.person_id = e.entity_id \
            WHERE e.system = \(bind: event.system) AND e.event_id = \(bind: event.event_id)
            """).first())
        return try row.decode(column: "given_name", as: String.self) + " " + (try row.decode(column: "family_name", as: String.self))
    }

    @Test("staff stay pseudonymised until a permitted user reveals them with a reason, which is recorded", arguments: TestStores.engines)
    func reveal(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("analyst", role: .analyst)
        let name = try await staffName(fixture)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let before = String(buffer: try await head.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(!before.contains(name))
            #expect(before.contains("STF-"))
            let empty = try await head.post(client, "/alerts/\(fixture.alertID)/reveal", ["reason": " "])
            #expect(empty.status == .badRequest)
            #expect(String(buffer: empty.body).contains("Enter the reason"))
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/reveal", ["reason": "Assessing for investigation."])
            let after = String(buffer: try await head.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(after.contains(name))
            #expect(after.contains("Assessing for investigation."))
            // A reveal is the revealer's: the analyst still sees only the pseudonym.
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            #expect(!String(buffer: try await analyst.get(client, "/alerts/\(fixture.alertID)").body).contains(name))
            // The member-of-staff page sits behind the reveal too.
            let pseudonym = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database)).pseudonym
            #expect(try await head.get(client, "/staff/\(pseudonym)").status == .ok)
            #expect(try await analyst.get(client, "/staff/\(pseudonym)").status == .notFound)
            // The JSON API never carries the identity.
            #expect(!String(buffer: try await head.get(client, "/api/v1/alerts/\(fixture.alertID)").body).contains(name))
        }
        let reveal = try #require(try await AuditTrail.entries(matching: .init(username: "head", action: "reveal"),
                                                                limit: 5, in: fixture.database).entries.first)
        // The trail names the alert; the reason is kept with the reveal, behind need-to-know.
        #expect(reveal.subject == "alert \(fixture.alertID)" && !reveal.detail.contains("Assessing for investigation."))
        let key = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database)).key
        #expect(try await AlertCasework.reveals(key: key, in: fixture.database).map(\.reason) == ["Assessing for investigation."])
    }

    @Test("the head of unit sees who the evidence opened, by name; an analyst sees pseudonyms only", arguments: TestStores.engines)
    func victimsByName(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("analyst", role: .analyst)
        // A person in the member of staff's own circle waits for the reveal (tested below); anyone else is named.
        // The top alert may be all about the user's own circle, so the first alert with someone else in it is used.
        var found: (Int64, AlertDetail.Evidence)?
        for id in [fixture.alertID, fixture.otherAlertID] where found == nil {
            let record = try #require(try await AlertCasework.record(id: id, in: fixture.database))
            if let event = try AlertDetail.decode(record.detail).evidence_detail.first(where: {
                $0.entity_type == "person" && !$0.indicators.contains("self_or_associate")
            }) { found = (id, event) }
        }
        let (alertID, event) = try #require(found)
        let name = try await personName(opened: event, fixture)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            #expect(String(buffer: try await head.get(client, "/alerts/\(alertID)").body).contains(name))
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            #expect(!String(buffer: try await analyst.get(client, "/alerts/\(alertID)").body).contains(name))
        }
    }

    @Test("a person in the member of staff's own circle names them too: the name waits for the reveal", arguments: TestStores.engines)
    func circleNamedAfterReveal(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        // An alert whose evidence includes a look at the member of staff's own record or a relative's.
        let alertID = try #require(try await fixture.database.sql.raw("""
            SELECT alert_id FROM alerts WHERE detail LIKE '%self_or_associate%' ORDER BY alert_id
            """).first()).decode(column: "alert_id", as: Int64.self)
        let record = try #require(try await AlertCasework.record(id: alertID, in: fixture.database))
        let event = try #require(try AlertDetail.decode(record.detail).evidence_detail.first {
            $0.entity_type == "person" && $0.indicators.contains("self_or_associate")
        })
        let name = try await personName(opened: event, fixture)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let before = String(buffer: try await head.get(client, "/alerts/\(alertID)").body)
            #expect(!before.contains(name))
            #expect(before.contains("name withheld until the member of staff is revealed"))
            _ = try await head.post(client, "/alerts/\(alertID)/reveal", ["reason": "Assessing for investigation."])
            #expect(String(buffer: try await head.get(client, "/alerts/\(alertID)").body).contains(name))
        }
    }

    @Test("a long timeline shows its first rows and a link to all of them; the link shows every row")
    func longTimelineCollapsed() async throws {
        let fixture = try await WebFixture.make()
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        // The fixture alert with the longest timeline.
        var longest: (id: Int64, detail: AlertDetail)?
        for row in try await fixture.database.sql.raw("SELECT alert_id, detail FROM alerts").all() {
            let detail = try AlertDetail.decode(try row.decode(column: "detail", as: String.self))
            if detail.evidence_detail.count > (longest?.detail.evidence_detail.count ?? 0) {
                longest = (try row.decode(column: "alert_id", as: Int64.self), detail)
            }
        }
        let (alertID, detail) = try #require(longest)
        let total = detail.evidence_detail.count
        try #require(total > WebApplication.collapsedRows, "the fixture has an alert with a long timeline")
        @Sendable func rows(_ page: String, _ table: String) -> Int {
            guard let start = page.range(of: "id=\"\(table)\""),
                  let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex) else { return -1 }
            return page[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").count - 2
        }
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let collapsed = String(buffer: try await head.get(client, "/alerts/\(alertID)").body)
            #expect(rows(collapsed, "timeline") == WebApplication.collapsedRows)
            #expect(collapsed.contains("Showing the first \(WebApplication.collapsedRows) of \(total) events."))
            #expect(collapsed.contains("href=\"/alerts/\(alertID)?show=all#timeline\""))
            let all = String(buffer: try await head.get(client, "/alerts/\(alertID)?show=all").body)
            #expect(rows(all, "timeline") == total)
            #expect(rows(all, "people") == detail.people.count && !all.contains("Showing the first"))
        }
    }

    @Test("a decision needs an outcome and a written rationale; decisions not to act are recorded too", arguments: TestStores.engines)
    func decisions(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            _ = try await analyst.get(client, "/alerts/\(fixture.alertID)")
            let missing = try await analyst.post(client, "/alerts/\(fixture.alertID)/decisions", ["rationale": "short"])
            let page = String(buffer: missing.body)
            #expect(missing.status == .badRequest)
            #expect(page.contains("Select a decision") && page.contains("Enter the rationale"))
            #expect(page.contains("href=\"#rationale\""))
            let decided = try await analyst.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "no_further_action",
                "rationale": "Accesses match a welfare check tasked by the shift sergeant.",
            ])
            #expect(decided.status == .seeOther)
            let after = String(buffer: try await analyst.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(after.contains("No further action") && after.contains("welfare check tasked"))
        }
        let decisions = try await AlertCasework.decisions(
            key: try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database)).key,
            in: fixture.database)
        #expect(decisions.map(\.outcome) == [.noFurtherAction])
    }

    @Test("a decision that the accesses were legitimate asks for an exception, which enters a new rule set only when a second head of unit approves it",
          arguments: TestStores.engines)
    func exception(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("deputy", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            let past = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "no_further_action", "rationale": "Tasked to review these records for a problem profile.",
                "exception_until": "2001-01-01",
            ])
            #expect(String(buffer: past.body).contains("Enter a date in the future"))
            let decided = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "no_further_action", "rationale": "Tasked to review these records for a problem profile.",
                "exception_until": "2030-03-31", "tasking": "PP-2027-04",
            ])
            #expect(decided.status == .seeOther)
            // Asked for, not yet in the rules; the one who asked cannot approve it.
            #expect(try await StoredRules.current(in: fixture.database).version == 0)
            let asked = try #require(try await ExceptionRequests.all(in: fixture.database).first)
            #expect(asked.status == .pending && asked.requestedBy == "head")
            _ = try await head.get(client, "/exceptions")
            let own = try await head.post(client, "/exceptions/\(asked.requestID)/approve", [:])
            #expect(own.status == .badRequest)
            #expect(String(buffer: own.body).contains("Another head of unit must approve an exception you asked for"))
            var deputy = try await Browser.signIn(client, "deputy", fixture: fixture)
            let register = String(buffer: try await deputy.get(client, "/exceptions").body)
            #expect(register.contains("/exceptions/\(asked.requestID)/approve"))
            #expect(try await deputy.post(client, "/exceptions/\(asked.requestID)/approve", ["note": "Tasking confirmed."])
                .status == .seeOther)
            #expect(try await deputy.post(client, "/exceptions/\(asked.requestID)/refuse", [:]).status == .badRequest)
            let after = String(buffer: try await deputy.get(client, "/exceptions").body)
            #expect(after.contains("Approved</strong> by deputy") && after.contains("Tasking confirmed."))
        }
        let rules = try await StoredRules.current(in: fixture.database)
        #expect(rules.version >= 1)
        let record = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database))
        let fired = try AlertDetail.decode(record.detail).contributions.map(\.indicator)
        #expect(rules.rules.exceptions.compactMap(\.rule?.rawValue) == fired, "one exception per rule that fired")
        for exception in rules.rules.exceptions {
            #expect(exception.staffID == fixture.alertStaffID && exception.until == "2030-03-31")
            #expect(exception.reasonContains == "PP-2027-04" && exception.grantedBy == "head")
        }
        #expect(try await StoredRules.history(in: fixture.database).last?.changedBy == "deputy")
        #expect(rules.rules.exceptions.allSatisfy { $0.why.hasSuffix("(approved by deputy)") })
    }

    @Test("a form without the session's CSRF token is refused and changes nothing", arguments: TestStores.engines)
    func csrf(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            let missing = try await analyst.post(client, "/alerts/\(fixture.alertID)/comments", ["body": "x"], csrf: false)
            #expect(missing.status == .forbidden)
            let wrong = try await analyst.post(client, "/alerts/\(fixture.alertID)/comments",
                                               ["body": "x", "csrf": "not-the-token"])
            #expect(wrong.status == .forbidden)
            let signOut = try await analyst.post(client, "/sign-out", ["csrf": "forged"])
            #expect(signOut.status == .forbidden)
            #expect(try await analyst.get(client, "/alerts").status == .ok)
        }
        let key = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database)).key
        #expect(try await AlertCasework.comments(key: key, in: fixture.database).isEmpty)
    }

    @Test("the trail shows each step of a triage, verifies, and exports as CSV", arguments: TestStores.engines)
    func trail(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("auditor", role: .auditor)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts?sort=age")
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/reveal", ["reason": "Assessing for investigation."])
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/comments", ["body": "=HYPERLINK(\"x\")"])
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "open_investigation", "rationale": "Repeated unexplained access to a victim's record.",
            ])
            // A username typed at sign-in is the trail's own free text: a formula there must not run in a spreadsheet.
            var stranger = Browser()
            _ = try await stranger.post(client, "/sign-in", ["username": "=HYPERLINK(\"x\")", "password": "x"], csrf: false)
            var auditor = try await Browser.signIn(client, "auditor", fixture: fixture)
            let page = String(buffer: try await auditor.get(client, "/trail?user=head").body)
            for action in ["sign_in", "view_queue", "view_alert", "reveal", "comment", "decision"] {
                // Each action in words, with its code beside it.
                #expect(page.contains("(<code>\(action)</code>)"), "\(action) missing from the trail page")
            }
            #expect(page.contains("The chain is intact"))
            #expect(!page.contains("<code>auditor</code>"), "the user filter let another user's entries through")
            let csv = try await auditor.get(client, "/trail.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let text = String(buffer: csv.body)
            #expect(text.hasPrefix("seq,at,username,action,subject,detail,previous_hash,entry_hash\n"))
            #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "a formula in the CSV was not neutralised")
            try await fixture.database.sql.raw("UPDATE audit_trail SET detail = 'edited' WHERE action = 'reveal'").run()
            // The page checks in full every ten minutes, and entries added since then on every view.
            fixture.clock.advance(10 * 60)
            #expect(String(buffer: try await auditor.get(client, "/trail").body).contains("The chain is broken at entry"))
        }
        let exported = try await AuditTrail.entries(matching: .init(action: "export_trail"), limit: 5, in: fixture.database)
        #expect(exported.total == 1)
    }

    @Test("the queue filters, sorts and pages, and the API gives the same alerts", arguments: TestStores.engines)
    func queue(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        let open = try await fixture.database.sql.raw("SELECT COUNT(*) AS n FROM alerts WHERE status = 'open'").first()!
            .decode(column: "n", as: Int.self)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let page = String(buffer: try await head.get(client, "/alerts").body)
            #expect(page.contains("\(open) matching alert"))
            let first = try #require(page.range(of: "<a href=\"/alerts/")).upperBound
            #expect(page[first...].hasPrefix("\(fixture.alertID)\""), "highest risk is not first")
            let api = try await head.get(client, "/api/v1/alerts")
            let list = try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any]
            #expect(list?["total"] as? Int == open)
            let alerts = list?["alerts"] as? [[String: Any]] ?? []
            #expect(alerts.first?["id"] as? Int == Int(fixture.alertID))
            #expect(alerts.allSatisfy { ($0["staff_pseudonym"] as? String)?.hasPrefix("STF-") == true })
            let none = String(buffer: try await head.get(client, "/alerts?indicator=no_such_indicator").body)
            #expect(none.contains("0 matching alerts"))
            let decided = String(buffer: try await head.get(client, "/alerts?state=decided").body)
            #expect(decided.contains("0 matching alerts"))
        }
    }

    @Test("every response carries the security headers; errors show no internal detail", arguments: TestStores.engines)
    func headersAndErrors(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            for path in ["/sign-in", "/alerts", "/alerts/999999", "/no-such-page", "/assets/custodes.css"] {
                let response = try await analyst.get(client, path)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
                // Scripts only from this origin (the idle-timeout warning), never inline, eval'd or from elsewhere.
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self';") == true, "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe") == false, "\(path)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(path)")
                if path != "/assets/custodes.css" { #expect(response.headers[.cacheControl] == "no-store", "\(path)") }
            }
            let missing = try await analyst.get(client, "/alerts/999999")
            #expect(missing.status == .notFound)
            let body = String(buffer: missing.body)
            #expect(body.contains("Page not found") && !body.contains("Error(") && !body.contains(".swift"))
        }
    }
}
