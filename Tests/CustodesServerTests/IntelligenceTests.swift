@testable import CustodesServer
import CustodesDetection
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// The intelligence log through the web application: recording from an alert, the original kept from every role
/// that may only read sanitised items (pages, lists, export, trail), grading rules at the form, dissemination only
/// once graded, and need-to-know.
@Suite("Intelligence log in the web application")
struct IntelligenceTests {
    static let original = "ORIGINAL: PC Example's neighbour, who asked not to be named, saw the officer at the flat."
    static let sanitised = "A member of staff was seen at the home of a domestic abuse victim after the case closed."

    /// The head of unit records an item from the top alert and returns its id.
    static func recordFromAlert(_ head: inout Browser, _ client: some TestClientProtocol,
                                fixture: WebFixture) async throws -> Int64 {
        let form = String(buffer: try await head.get(client, "/intelligence/new?alert=\(fixture.alertID)").body)
        #expect(form.contains("name=\"alert\" value=\"\(fixture.alertID)\""))
        let recorded = try await head.post(client, "/intelligence", [
            "alert": String(fixture.alertID), "source_kind": "alert", "source_description": "Monitoring alert",
            "original": original, "sanitised": sanitised,
        ])
        #expect(recorded.status == .seeOther)
        let location = try #require(recorded.headers[.location])
        return try #require(Int64(location.replacingOccurrences(of: "/intelligence/", with: "")))
    }

    @Test("the original is shown only to the head of unit, and every reading is in the trail; analysts, exports and the trail never carry it",
          arguments: TestStores.engines)
    func originalKeptApart(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await fixture.enrolledUser("auditor", role: .auditor)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let id = try await Self.recordFromAlert(&head, client, fixture: fixture)
            let headPage = String(buffer: try await head.get(client, "/intelligence/\(id)").body)
            #expect(headPage.contains(Self.sanitised.replacingOccurrences(of: "'", with: "&#39;")))
            #expect(!headPage.contains("ORIGINAL:"))
            let reading = try await head.post(client, "/intelligence/\(id)/original", [:])
            #expect(reading.status == .ok)
            #expect(reading.headers[.cacheControl] == "no-store")
            #expect(String(buffer: reading.body).contains("ORIGINAL:"))

            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            for path in ["/intelligence/\(id)", "/intelligence", "/alerts/\(fixture.alertID)", "/intelligence.json"] {
                let response = try await analyst.get(client, path)
                #expect(response.status == .ok, "\(path)")
                #expect(!String(buffer: response.body).contains("ORIGINAL:"), "\(path)")
            }
            let alertPage = String(buffer: try await analyst.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(alertPage.contains("/intelligence/\(id)\""))
            #expect(!String(buffer: try await analyst.get(client, "/intelligence/\(id)").body).contains("Read the original"))
            #expect(try await analyst.post(client, "/intelligence/\(id)/original", [:]).status == .forbidden)

            var auditor = try await Browser.signIn(client, "auditor", fixture: fixture)
            let trail = String(buffer: try await auditor.get(client, "/trail.csv").body)
            #expect(trail.contains("read_original"))
            #expect(!trail.contains("ORIGINAL:") && !trail.contains("neighbour"))
        }
        let readings = try await fixture.database.sql.raw("""
            SELECT username, subject FROM audit_trail WHERE action = 'read_original'
            """).all().map { try ($0.decode(column: "username", as: String.self), $0.decode(column: "subject", as: String.self)) }
        #expect(readings.count == 1 && readings.first?.0 == "head" && readings.first?.1.hasPrefix("INT-") == true)
        #expect(try await fixture.database.sql.raw(
            "SELECT seq FROM audit_trail WHERE detail LIKE '%neighbour%' OR subject LIKE '%neighbour%'").all().isEmpty)
    }

    @Test("grading at the form: C needs conditions, a change needs a reason, and nothing is shared ungraded",
          arguments: TestStores.engines)
    func grading(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let id = try await Self.recordFromAlert(&head, client, fixture: fixture)
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            _ = try await analyst.get(client, "/intelligence/\(id)")

            let early = try await analyst.post(client, "/intelligence/\(id)/disseminations",
                                               ["recipient": "IOPC", "purpose": "Referral of a conduct matter"])
            #expect(early.status == .badRequest)
            #expect(String(buffer: early.body).contains("Grade the item (3x5x2) before disseminating it"))

            let noConditions = try await analyst.post(client, "/intelligence/\(id)/grading", [
                "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "C", "conditions": " ",
            ])
            #expect(noConditions.status == .badRequest)
            let body = String(buffer: noConditions.body)
            #expect(body.contains("Write the conditions of sharing"))
            #expect(body.contains("id=\"handling_code-C\" name=\"handling_code\" type=\"radio\" value=\"C\" checked"))

            let graded = try await analyst.post(client, "/intelligence/\(id)/grading", [
                "source_evaluation": "2", "intelligence_assessment": "C", "handling_code": "P",
            ])
            #expect(graded.status == .seeOther)
            let unexplained = try await analyst.post(client, "/intelligence/\(id)/grading", [
                "source_evaluation": "1", "intelligence_assessment": "B", "handling_code": "C",
                "conditions": "Not to the member of staff's line management",
            ])
            #expect(unexplained.status == .badRequest)
            #expect(String(buffer: unexplained.body).contains("Enter why the grading is changing"))
            let regraded = try await analyst.post(client, "/intelligence/\(id)/grading", [
                "source_evaluation": "1", "intelligence_assessment": "B", "handling_code": "C",
                "conditions": "Not to the member of staff's line management",
                "reason": "Corroborated by the audit log of the same evenings.",
            ])
            #expect(regraded.status == .seeOther)
            let shared = try await analyst.post(client, "/intelligence/\(id)/disseminations",
                                                ["recipient": "IOPC", "purpose": "Referral of a conduct matter"])
            #expect(shared.status == .seeOther)
            let page = String(buffer: try await analyst.get(client, "/intelligence/\(id)").body)
            #expect(page.contains("<strong>IOPC</strong> under 1B C"))
            #expect(page.contains("2C P") && page.contains("Corroborated by the audit log"))

            let export = try await analyst.get(client, "/intelligence.json")
            #expect(export.headers[.contentDisposition]?.contains("attachment") == true)
            let document = try JSONDecoder().decode(IntelligenceExport.Document.self,
                                                    from: Data(buffer: export.body))
            let item = try #require(document.items.first)
            #expect(item.grading == "1B C" && item.admiralty == "B2" && item.tlp == "TLP:AMBER+STRICT")
            #expect(item.text == Self.sanitised)
            #expect(item.links.contains { $0.hasPrefix("staff:STF-") } && !item.links.contains(fixture.alertStaffID))
        }
        let actions = try await fixture.database.sql.raw("""
            SELECT action, detail FROM audit_trail WHERE action IN ('grade_intelligence', 'disseminate_intelligence', \
            'export_intelligence') ORDER BY seq
            """).all().map { try ($0.decode(column: "action", as: String.self), $0.decode(column: "detail", as: String.self)) }
        #expect(actions.map(\.0) == ["grade_intelligence", "grade_intelligence", "disseminate_intelligence",
                                     "export_intelligence"])
        #expect(actions[1].1 == "regraded from 2C P to 1B C")
    }

    @Test("a decision to record intelligence or open an investigation leads to that form, filled in from the alert",
          arguments: TestStores.engines)
    func decisionLeadsOn(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            let intelligence = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "record_as_intelligence", "rationale": "A pattern worth recording as intelligence.",
            ])
            #expect(intelligence.headers[.location] == "/intelligence/new?alert=\(fixture.alertID)")
            let form = String(buffer: try await head.get(client, intelligence.headers[.location]!).body)
            #expect(form.contains("value=\"Monitoring alert \(fixture.alertID)\""))
            let investigation = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "open_investigation", "rationale": "Enough to investigate: repeated access to a victim.",
            ])
            #expect(investigation.headers[.location] == "/cases/new?alert=\(fixture.alertID)")
        }
    }

    @Test("recording keeps what was typed when it is refused, and refuses control characters, bidirectional overrides, unknown staff and others' collar numbers",
          arguments: TestStores.engines)
    func validation(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            _ = try await analyst.get(client, "/intelligence/new")
            let refused = try await analyst.post(client, "/intelligence", [
                "source_kind": "open_source", "source_description": "A dating site\u{7}",
                "original": "Profile text kept as found.", "sanitised": "Kept as typed", "subject": "NO-SUCH-COLLAR",
            ])
            #expect(refused.status == .badRequest)
            let body = String(buffer: refused.body)
            #expect(body.contains("Enter who or what the source is on one line, without control characters"))
            #expect(body.contains("Enter a member of staff&#39;s pseudonym") || body.contains("Enter a member of staff's pseudonym"))
            #expect(body.contains(">Kept as typed</textarea>") && body.contains(">Profile text kept as found.</textarea>"))
            #expect(body.contains("value=\"open_source\" checked"))
            let same = try await analyst.post(client, "/intelligence", [
                "source_kind": "open_source", "source_description": "A dating site", "original": "Same text",
                "sanitised": "Same text",
            ])
            #expect(String(buffer: same.body).contains("Write a sanitised version that differs from the original"))
            let collar = try #require(try await fixture.database.sql.raw(
                "SELECT collar_number FROM staff WHERE staff_id = \(bind: fixture.alertStaffID)").first()?
                .decode(column: "collar_number", as: String.self))
            // A collar number would turn into the pseudonym on the page: only the head of unit may use one.
            let report = [
                "source_kind": "internal_report", "source_description": "A colleague",
                "original": "Named colleague's account.", "sanitised": "A colleague reported a concern.",
                "subject": collar,
            ]
            let refusedCollar = try await analyst.post(client, "/intelligence", report)
            #expect(refusedCollar.status == .badRequest)
            #expect(String(buffer: refusedCollar.body).contains("only the head of unit can record one by collar number"))
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/intelligence/new")
            let byCollar = try await head.post(client, "/intelligence", report)
            #expect(byCollar.status == .seeOther)
            let page = String(buffer: try await analyst.get(client, byCollar.headers[.location]!).body)
            #expect(page.contains("STF-") && page.contains("(pseudonymised)") && !page.contains(collar + "<"))
            let bidi = try await analyst.post(client, "/intelligence", [
                "source_kind": "open_source", "source_description": "A site \u{202E}IOPC",
                "original": "Text as found.", "sanitised": "Text sanitised.",
            ])
            #expect(String(buffer: bidi.body).contains("Enter who or what the source is on one line, without control characters"))
        }
    }

    @Test("an investigator sees items once the alert behind them is assigned to them; nobody sees items about themselves",
          arguments: TestStores.engines)
    func needToKnow(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("investigator", role: .investigator)
        try await fixture.enrolledUser("subject", role: .analyst, staffID: fixture.alertStaffID)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let id = try await Self.recordFromAlert(&head, client, fixture: fixture)
            var investigator = try await Browser.signIn(client, "investigator", fixture: fixture)
            #expect(try await investigator.get(client, "/intelligence/\(id)").status == .notFound)
            #expect(!String(buffer: try await investigator.get(client, "/intelligence").body).contains("/intelligence/\(id)\""))
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/assign", ["assignee": "investigator"])
            #expect(try await investigator.get(client, "/intelligence/\(id)").status == .ok)
            #expect(try await investigator.post(client, "/intelligence/\(id)/original", [:]).status == .forbidden)

            // An item about someone else, linked to the alert about "subject": hidden from them too.
            let other = try await IntelligenceLog.record(
                .init(sourceKind: .internalReport, sourceDescription: "a colleague", originalText: "o",
                      sanitisedText: "s", links: [(.alert, String(fixture.alertID))]), by: "head", at: 0,
                in: fixture.database)
            var subject = try await Browser.signIn(client, "subject", fixture: fixture)
            #expect(try await subject.get(client, "/intelligence/\(id)").status == .notFound)
            #expect(try await subject.get(client, "/intelligence/\(other)").status == .notFound)
            #expect(!String(buffer: try await subject.get(client, "/intelligence").body).contains("/intelligence/\(id)\""))
            let export = String(buffer: try await subject.get(client, "/intelligence.json").body)
            #expect(!export.contains(IntelligenceItem.reference(id)))
            let aboutSelf = try await subject.post(client, "/intelligence", [
                "source_kind": "internal_report", "source_description": "A colleague", "original": "About me.",
                "sanitised": "About a member of staff.",
                "subject": needToKnowPseudonym(fixture),
            ])
            #expect(aboutSelf.status == .badRequest)
            #expect(String(buffer: aboutSelf.body).contains("You cannot record intelligence about yourself"))
        }
    }

    func needToKnowPseudonym(_ fixture: WebFixture) -> String {
        Pseudonymiser(key: WebFixture.key).staff(fixture.alertStaffID)
    }
}
