@testable import CustodesServer
import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// The partner register through the web application: a partnership officer keeps it, analysts read it, engagement
/// falls overdue by the unit's own period, and every change is in the trail. The fixture's clock is 2027-01-15.
@Suite("Partner register in the web application")
struct PartnerTests {
    @Test("a partnership officer adds an organisation, a contact and contacts; analysts read; overdue follows the period",
          arguments: TestStores.engines)
    func register(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("pat", role: .partnership)
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await fixture.enrolledUser("auditor", role: .auditor)
        try await Application(router: try fixture.router()).test(.router) { client in
            var pat = try await Browser.signIn(client, "pat", fixture: fixture)
            let home = try await pat.get(client, "/")
            #expect(home.headers[.location] == "/partners")
            _ = try await pat.get(client, "/partners/new")
            let refused = try await pat.post(client, "/partners", ["name": "A refuge", "kind": "", "area": "North\u{7}"])
            #expect(refused.status == .badRequest)
            let body = String(buffer: refused.body)
            #expect(body.contains("Select a kind of organisation from the list"))
            #expect(body.contains("Enter the area it covers on one line, without control characters"))
            #expect(body.contains("value=\"A refuge\""))
            let added = try await pat.post(client, "/partners", [
                "name": "A refuge", "kind": "domestic_abuse", "area": "North", "liaison": "pat",
            ])
            #expect(added.status == .seeOther)
            let location = try #require(added.headers[.location])
            #expect(try await pat.post(client, location + "/contacts", [
                "contact_name": "A. Worker", "contact_role": "Outreach manager", "reach": "01234 567890",
            ]).status == .seeOther)
            let page = String(buffer: try await pat.get(client, location).body)
            #expect(page.contains("No contact recorded") && page.contains("Engagement overdue"))
            #expect(try await pat.post(client, location + "/engagements", [
                "engagement_kind": "training", "on_day": "2026-12-01", "summary": "Trained their outreach team.",
            ]).status == .seeOther)
            let future = try await pat.post(client, location + "/engagements", [
                "engagement_kind": "meeting", "on_day": "2027-02-01", "summary": "Not yet.",
            ])
            #expect(String(buffer: future.body).contains("not in the future"))
            let agreement = try await pat.post(client, location + "/engagements", [
                "engagement_kind": "agreement", "on_day": "2026-12-02", "summary": "Information-sharing agreement.",
            ])
            #expect(String(buffer: agreement.body).contains("Enter the agreement&#39;s review day")
                    || String(buffer: agreement.body).contains("Enter the agreement's review day"))
            // 45 days since the training: within the default 90, overdue once the unit sets 30.
            var list = String(buffer: try await pat.get(client, "/partners").body)
            #expect(list.contains("45 days ago") && !list.contains("Engagement overdue</strong>"))
            #expect(try await pat.post(client, "/partners/settings", ["overdue_days": "30"]).status == .seeOther)
            list = String(buffer: try await pat.get(client, "/partners").body)
            #expect(list.contains("Engagement overdue</strong>") && list.contains("now: changed by pat"))
            let absurd = try await pat.post(client, "/partners/settings", ["overdue_days": "99999999999999999999"])
            #expect(absurd.status == .badRequest)

            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            let read = String(buffer: try await analyst.get(client, location).body)
            #expect(read.contains("A. Worker") && !read.contains("Add a contact"))
            #expect(try await analyst.post(client, location + "/contacts", [
                "contact_name": "x", "contact_role": "y", "reach": "z",
            ]).status == .forbidden)

            var auditor = try await Browser.signIn(client, "auditor", fixture: fixture)
            let trail = String(buffer: try await auditor.get(client, "/trail.csv").body)
            for action in ["partner_add", "partner_contact_add", "partner_engagement", "setting_change"] {
                #expect(trail.contains(action), "\(action)")
            }
            #expect(!trail.contains("01234 567890"))
        }
    }
}
