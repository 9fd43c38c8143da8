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

    @Test("nothing but an alert's decision, comment or reveal is kept; a form without the session's token, or sent with a signed-out session, keeps nothing")
    func draftsKeepOnlyWhatTheyShould() async throws {
        let fixture = try await WebFixture.make(.sqlite)
        defer { Task { await fixture.close() } }
        let head = try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            // A lapsed recovery key (or any other form) is never written down.
            var lapsing = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await lapsing.get(client, "/reports")
            fixture.clock.advance(fixture.access().idleTimeout + 60)
            let recover = try await lapsing.post(client, "/reports/recover", ["recovery": "SECRET-RECOVERY-KEY"])
            #expect(recover.headers[.location] == "/sign-in?expired=1")
            #expect(try await Drafts.pendingPath(userID: head.id, at: fixture.clock.now, in: fixture.database) == nil)

            // A decision sent with the lapsed cookie but not the session's own token keeps nothing.
            var forged = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await forged.get(client, "/alerts/\(fixture.alertID)")
            fixture.clock.advance(fixture.access().idleTimeout + 60)
            _ = try await forged.post(client, "/alerts/\(fixture.alertID)/decisions",
                                      ["csrf": "not-the-token", "outcome": "no_further_action", "rationale": "Planted words."])
            #expect(try await Drafts.pendingPath(userID: head.id, at: fixture.clock.now, in: fixture.database) == nil)

            // A session that was signed out is not a lapsed one.
            var leaving = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await leaving.get(client, "/alerts/\(fixture.alertID)")
            let cookie = leaving.cookie, token = leaving.csrf
            _ = try await leaving.post(client, "/sign-out", [:])
            var stale = Browser(cookie: cookie, csrf: token)
            let after = try await stale.post(client, "/alerts/\(fixture.alertID)/decisions",
                                             ["outcome": "no_further_action", "rationale": "Words after signing out."])
            #expect(after.headers[.location] == "/sign-in")
            #expect(try await Drafts.pendingPath(userID: head.id, at: fixture.clock.now, in: fixture.database) == nil)
        }
        let stored = try await PortalTests.everything(in: fixture.database)
        #expect(!stored.contains("SECRET-RECOVERY-KEY") && !stored.contains("Planted words"))
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
