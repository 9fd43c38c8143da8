@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// Work on an alert is never lost or hidden: a refused decision comes back with everything typed, and a decided
/// alert that detection later withdraws stays in the queue and the counts.
@Suite("Triage keeps the unit's work")
struct TriageWorkTests {
    @Test("a refused decision keeps the outcome, rationale, date and tasking typed", arguments: TestStores.engines)
    func refusedDecisionKeepsTyping(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            let rationale = String(repeating: "Accesses explained by a tasking the unit confirmed. ", count: 4)
            let refused = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "no_further_action", "rationale": rationale, "exception_until": "2025-13-45",
                "tasking": "OP-SYNTHETIC-7",
            ])
            #expect(refused.status == .badRequest)
            let page = String(buffer: refused.body)
            #expect(page.contains("value=\"no_further_action\" checked"))
            #expect(page.contains(">" + rationale + "</textarea>"))
            #expect(page.contains("value=\"2025-13-45\"") && page.contains("value=\"OP-SYNTHETIC-7\""))
            let comment = try await head.post(client, "/alerts/\(fixture.alertID)/comments", ["body": "typed\u{7}"])
            #expect(String(buffer: comment.body).contains(">typed</textarea>"))
            #expect(String(buffer: comment.body).contains("Remove the control characters from the comment"))
        }
    }

    @Test("a decided alert that detection withdraws stays in the queue and the counts", arguments: TestStores.engines)
    func decidedStays(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "no_further_action", "rationale": "Accesses explained by a confirmed tasking.",
            ])
            try await fixture.database.sql.raw(
                "UPDATE alerts SET status = 'withdrawn' WHERE alert_id = \(bind: fixture.alertID)").run()
            let queue = String(buffer: try await head.get(client, "/alerts?state=decided").body)
            #expect(queue.contains("href=\"/alerts/\(fixture.alertID)?back=state%3Ddecided\""))
            #expect(queue.contains("Withdrawn"))
            #expect(queue.contains("<span class=\"count\">1</span> Decided"))
        }
        let figures = try await CapabilityFigures.gather(from: fixture.database, asOf: fixture.clock.now, now: fixture.clock.now)
        #expect(figures.triage.decided == 1)
    }
    @Test("the decision sits above the evidence, can move on to the next alert, and the way back keeps the queue's filters",
          arguments: TestStores.engines)
    func triageFlow(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let queue = String(buffer: try await head.get(client, "/alerts?state=new&sort=age").body)
            #expect(queue.contains("/alerts/\(fixture.alertID)?back=state%3Dnew%26sort%3Dage\""))
            let page = String(buffer: try await head.get(client, "/alerts/\(fixture.alertID)?back=state%3Dnew%26sort%3Dage").body)
            #expect(page.contains("href=\"/alerts?state=new&amp;sort=age\""))
            // Other alerts about the same member of staff are linked.
            let others = try await fixture.database.sql.raw("""
                SELECT alert_id FROM alerts WHERE staff_id = \(bind: fixture.alertStaffID) AND alert_id <> \(bind: fixture.alertID)
                """).all().map { try $0.decode(column: "alert_id", as: Int64.self) }
            for other in others { #expect(page.contains("<a href=\"/alerts/\(other)\">Alert \(other)</a>")) }
            if others.isEmpty { #expect(page.contains("None you can see")) }
            let form = try #require(page.range(of: "id=\"rationale\""))
            let timeline = try #require(page.range(of: "id=\"timeline\""))
            #expect(form.lowerBound < timeline.lowerBound, "the decision form is below the evidence")
            for hostile in ["%2F%2Fevil.example", "javascript%3Aalert(1)", "x%20y"] {
                let away = String(buffer: try await head.get(client, "/alerts/\(fixture.alertID)?back=\(hostile)").body)
                #expect(away.contains("href=\"/alerts\">Back to the alerts"), "\(hostile)")
            }
            let next = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "no_further_action", "rationale": "Accesses explained by the officer's own case work.",
                "next": "1",
            ])
            let location = try #require(next.headers[.location])
            #expect(location.hasPrefix("/alerts/") && location != "/alerts/\(fixture.alertID)")
            let nextID = try #require(Int64(location.dropFirst("/alerts/".count)))
            #expect(try await AlertCasework.record(id: nextID, in: fixture.database)?.state != .decided)
        }
    }
}
