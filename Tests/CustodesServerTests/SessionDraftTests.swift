@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Work is never lost to an idle timeout: a decision sent after the session lapsed is kept, the user is told why
/// they must sign in, and signing in brings them back to the alert with what they typed; signed-in pages warn
/// before the timeout and can keep the session alive.
@Suite("Sessions that lapse mid-task")
struct SessionDraftTests {
    @Test("a decision sent after the session lapsed comes back, typed and chosen, on the alert after signing in",
          arguments: TestStores.engines)
    func draftKept(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        let rationale = "Checked the duty roster: the accesses match no tasking, so this needs a management action."
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let alert = String(buffer: try await head.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(alert.contains("id=\"session-warning\"") && alert.contains("data-idle-seconds=\"900\""))
            #expect(alert.contains("<script src=\"/assets/session.js\" defer></script>"))
            #expect(try await head.get(client, "/session/alive").status == .ok)
            fixture.clock.advance(fixture.access().idleTimeout + 60)
            let lapsed = try await head.post(client, "/alerts/\(fixture.alertID)/decisions",
                                             ["outcome": "management_action", "rationale": rationale])
            #expect(lapsed.status == .seeOther && lapsed.headers[.location] == "/sign-in?expired=1")
            let notice = String(buffer: try await head.get(client, "/sign-in?expired=1").body)
            #expect(notice.contains("id=\"session-ended\"") && notice.contains("15 minutes"))

            // Signing in again goes back to the alert, with the draft in the form, once.
            var again = Browser()
            fixture.clock.advance(SecondFactor.stepSeconds)
            _ = try await again.post(client, "/sign-in", ["username": "head", "password": WebFixture.password], csrf: false)
            _ = try await again.get(client, "/sign-in/second-factor")
            let second = try await again.post(client, "/sign-in/second-factor",
                                              ["code": SecondFactor.code(secret: WebFixture.secret, at: fixture.clock.now)])
            let location = try #require(second.headers[.location])
            #expect(location == "/alerts/\(fixture.alertID)?draft=1")
            let restored = String(buffer: try await again.get(client, location).body)
            #expect(restored.contains("id=\"draft-notice\"") && restored.contains(rationale))
            #expect(restored.contains("value=\"management_action\" checked"))
            let later = String(buffer: try await again.get(client, location).body)
            #expect(!later.contains("id=\"draft-notice\"") && !later.contains(rationale))
            // Nothing was decided by the lapsed request.
            #expect(try await AlertCasework.decisions(key: try #require(try await AlertCasework.record(
                id: fixture.alertID, in: fixture.database)).key, in: fixture.database).isEmpty)
        }
        // The draft never appears in the trail.
        let trail = try await fixture.database.sql.raw("SELECT detail FROM audit_trail").all()
            .map { try $0.decode(column: "detail", as: String.self) }
        #expect(!trail.contains { $0.contains("duty roster") })
    }

    @Test("the warning's script is served from this origin, and the policy allows no other")
    func warningScript() async throws {
        let fixture = try await WebFixture.make(.sqlite)
        defer { Task { await fixture.close() } }
        try await Application(router: try fixture.router()).test(.router) { client in
            let script = try await client.execute(uri: "/assets/session.js", method: .get)
            #expect(script.status == .ok && String(buffer: script.body).contains("/session/alive"))
            #expect(script.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(try await client.execute(uri: "/session/alive", method: .get).headers[.location] == "/sign-in")
        }
    }
}
