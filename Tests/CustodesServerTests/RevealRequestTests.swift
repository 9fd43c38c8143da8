@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Reveals asked for by an analyst and approved by the head of unit: off until the unit switches it on; the
/// analyst's reason; the approval makes it the analyst's reveal; every step in the trail; a refusal reveals nothing.
@Suite("Reveals asked for by analysts")
struct RevealRequestTests {
    @Test("switched on by the head of unit; asked with a reason; approved, it reveals to the analyst; refused, nothing",
          arguments: TestStores.engines)
    func askAndApprove(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("analyst", role: .analyst)
        let identity = try #require(try await StaffProfile.identity(staffID: fixture.alertStaffID, in: fixture.database))
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            let before = String(buffer: try await analyst.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(!before.contains("Ask to reveal who this is"))
            #expect(try await analyst.post(client, "/alerts/\(fixture.alertID)/reveal-requests",
                                           ["reason": "Need to know who this is."]).status == .badRequest)

            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/reveals")
            #expect(try await head.post(client, "/reveals/settings", ["requests": "on"]).status == .seeOther)

            let offered = String(buffer: try await analyst.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(offered.contains("Ask to reveal who this is"))
            #expect(try await analyst.post(client, "/alerts/\(fixture.alertID)/reveal-requests", ["reason": "short"])
                .status == .badRequest)
            #expect(try await analyst.post(client, "/alerts/\(fixture.alertID)/reveal-requests",
                                           ["reason": "The victim named an officer at the station; I need to match them."])
                .status == .seeOther)
            #expect(String(buffer: try await analyst.get(client, "/alerts/\(fixture.alertID)").body).contains("id=\"reveal-asked\""))
            #expect(String(buffer: try await head.get(client, "/notifications").body).contains("1 reveal asked for"))

            let register = String(buffer: try await head.get(client, "/reveals").body)
            #expect(register.contains("The victim named an officer"))
            let id = try #require(try await RevealRequests.all(in: fixture.database).first?.requestID)
            #expect(try await head.post(client, "/reveals/\(id)/approve", [:]).status == .seeOther)
            #expect(try await head.post(client, "/reveals/\(id)/refuse", [:]).status == .badRequest, "decided twice")
            let revealed = String(buffer: try await analyst.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(revealed.contains(identity.displayName))
        }
        let trail = try await fixture.database.sql.raw(
            "SELECT username, action FROM audit_trail WHERE action LIKE 'reveal%' ORDER BY seq").all()
            .map { try $0.decode(column: "username", as: String.self) + " " + $0.decode(column: "action", as: String.self) }
        #expect(trail == ["analyst reveal_requested", "head reveal_approved", "analyst reveal"])
    }
}
