@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// The head of unit's dashboard: the backlog with its ages, weeks of work as charts beside tables of the same
/// figures, throughput per person, outcomes, the self-assessment; the capacity saved as a setting with who changed it,
/// validated, and in the trail; the text report as a download.
@Suite("Head of unit's dashboard")
struct DashboardTests {
    @Test("backlog, weeks, people and outcomes as charts and tables; capacity saved with who and when; the text report",
          arguments: TestStores.engines)
    func dashboard(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            #expect(try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "record_as_intelligence", "rationale": "A pattern worth keeping as intelligence.",
            ]).status == .seeOther)
            let page = String(buffer: try await head.get(client, "/capability").body)
            // Charts are drawn, each with a table of the same figures beside it.
            #expect(page.contains("aria-labelledby=\"waiting-chart-title\"") && page.contains("id=\"waiting\""))
            #expect(page.contains("aria-labelledby=\"weeks-chart-title\"") && page.contains("id=\"weeks\""))
            #expect(page.components(separatedBy: "<tr><td>20").count - 1 == 12, "twelve weeks in the table")
            #expect(page.contains("<code>head</code></td><td class=\"numeric\">1</td><td class=\"numeric\">1</td>"))
            #expect(page.contains("<td>Record as intelligence</td><td class=\"numeric\">1</td>"))
            #expect(page.contains("not set yet") && !page.contains("(--analysts)") && !page.contains("<pre"))
            let total = try await fixture.database.sql.raw(
                "SELECT COUNT(*) AS n FROM alerts WHERE status = 'open'").first()!.decode(column: "n", as: Int.self)
            let waiting = try #require(page.range(of: "<dd id=\"outstanding\">"))
            #expect(Int(page[waiting.upperBound...].prefix { $0.isNumber }) == total - 1)

            // Refused values are named and kept; a good one is saved, with who and when, and in the trail.
            let refused = try await head.post(client, "/capability/settings", ["analysts": "three", "hours": "-5"])
            #expect(refused.status == .badRequest)
            let refusedPage = String(buffer: refused.body)
            #expect(refusedPage.contains("whole number from 0 to 1,000") && refusedPage.contains("from 0 to 10,000"))
            #expect(refusedPage.contains("value=\"three\""))
            #expect(try await head.post(client, "/capability/settings", ["analysts": "3", "hours": "37.5"]).status == .seeOther)
            let saved = String(buffer: try await head.get(client, "/capability").body)
            #expect(saved.contains("value=\"3\"") && saved.contains("value=\"37.5\"") && saved.contains("set by head"))
            let text = try await head.get(client, "/capability.txt")
            #expect(text.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let report = String(buffer: text.body)
            #expect(report.contains("analysts configured: 3, with 37.5 hours a week for this work"))
            #expect(report.contains("alerts decided: 1") && !report.contains("1 weeks"))
        }
        let changes = try await fixture.database.sql.raw(
            "SELECT subject, detail FROM audit_trail WHERE action = 'setting_change' ORDER BY seq").all()
            .map { try $0.decode(column: "subject", as: String.self) + "=" + $0.decode(column: "detail", as: String.self) }
        #expect(changes == ["capacity.analysts=3", "capacity.hours_per_week=37.5"])
    }

    @Test("a head of unit's dashboard and text report leave out alerts about themselves, as their queue does")
    func needToKnow() async throws {
        let fixture = try await WebFixture.make(.sqlite)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("subject", role: .headOfUnit, staffID: fixture.alertStaffID)
        let about = try await fixture.database.sql.raw(
            "SELECT COUNT(*) AS n FROM alerts WHERE status = 'open' AND staff_id = \(bind: fixture.alertStaffID)").first()!
            .decode(column: "n", as: Int.self)
        func waiting(_ username: String) async throws -> (page: Int, text: String) {
            try await Application(router: try fixture.router()).test(.router) { client in
                var browser = try await Browser.signIn(client, username, fixture: fixture)
                let page = String(buffer: try await browser.get(client, "/capability").body)
                let start = try #require(page.range(of: "<dd id=\"outstanding\">"))
                let text = String(buffer: try await browser.get(client, "/capability.txt").body)
                return (Int(page[start.upperBound...].prefix { $0.isNumber }) ?? -1, text)
            }
        }
        let head = try await waiting("head"), subject = try await waiting("subject")
        #expect(about > 0 && subject.page == head.page - about)
        #expect(subject.text.contains("waiting for a decision: \(subject.page)"))
        #expect(head.text.contains("waiting for a decision: \(head.page)"))
    }

    @Test("waits read as a person would say them, and chart axes are round")
    func words() {
        #expect(CapabilityReport.duration(59 * 60) == "under an hour")
        #expect(CapabilityReport.duration(3_600) == "1 hour" && CapabilityReport.duration(5 * 3_600) == "5 hours")
        #expect(CapabilityReport.duration(86_400) == "1 day" && CapabilityReport.duration(12 * 86_400 + 5) == "12 days")
        #expect(BarChart.niceStep(0) == 1 && BarChart.niceStep(3.2) == 5 && BarChart.niceStep(17) == 20)
        let chart = BarChart(id: "c", title: "A <title>", categories: ["a&b"], series: [.init(name: "n", values: [3], colour: BarChart.blue)]).svg
        #expect(chart.contains("A &lt;title&gt;") && chart.contains("a&amp;b") && !chart.contains("<title>A <"))
    }
}
