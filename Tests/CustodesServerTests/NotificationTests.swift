@testable import CustodesServer
import CustodesDetection
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Notifications: what is waiting for each user, worked out when they look: an alert assigned to them and not
/// decided; new alerts since they last opened the queue; for the head of unit, an exception waiting for a second
/// approver and a reader's key waiting for approval; nothing about alerts they may not see.
@Suite("Notifications")
struct NotificationTests {
    @Test("assigned alerts, new alerts since the last look, and what waits for the head of unit's approval",
          arguments: TestStores.engines)
    func notifications(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("other-head", role: .headOfUnit)
        try await fixture.enrolledUser("investigator", role: .investigator)
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            // The head's first look at the queue: every alert is new to them then, so nothing is "since".
            _ = try await head.get(client, "/alerts")
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/assign", ["assignee": "investigator"])
            // Another head of unit asks for an exception: it waits for this one.
            var other = try await Browser.signIn(client, "other-head", fixture: fixture)
            _ = try await other.get(client, "/alerts/\(fixture.otherAlertID)")
            _ = try await other.post(client, "/alerts/\(fixture.otherAlertID)/decisions", [
                "outcome": "no_further_action", "rationale": "Tasked to review these records by the duty inspector.",
                "exception_until": "2030-01-01",
            ])
            // The analyst makes a key, which waits for approval.
            _ = try await Browser.signIn(client, "analyst", fixture: fixture)

            var investigator = try await Browser.signIn(client, "investigator", fixture: fixture)
            let queue = String(buffer: try await investigator.get(client, "/alerts").body)
            #expect(queue.contains("id=\"notices\""))
            let mine = String(buffer: try await investigator.get(client, "/notifications").body)
            #expect(mine.contains("Alert \(fixture.alertID) is assigned to you and waiting for a decision"))
            #expect(!mine.contains("exception"))

            let heads = String(buffer: try await head.get(client, "/notifications").body)
            #expect(heads.contains("1 exception to the rules waiting"))
            #expect(heads.contains("waiting for your approval to read reports"))
            #expect(!heads.contains("is assigned to you and waiting"))
            // The analyst last opened the queue long ago (an entry from before every alert): each new one they may see
            // is counted, with the highest risk. (Signing in opens the queue, so the entry comes after it.)
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            try await AuditTrail.append("view_queue", by: "analyst", at: 0, sealedWith: WebFixture.seal, in: fixture.database)
            var newAlerts = AlertQueue.Query()
            newAlerts.state = .new
            let analystAccount = try #require(try await UserAccounts.find(username: "analyst", in: fixture.database))
            let expected = try await AlertQueue.page(newAlerts, visibility: try await NeedToKnow(
                database: fixture.database, pseudonymiser: Pseudonymiser(key: WebFixture.key)).visibility(for: analystAccount),
                in: fixture.database).total
            #expect(expected > 0)
            let theirs = String(buffer: try await analyst.get(client, "/notifications").body)
            #expect(theirs.contains("\(expected) new alert\(expected == 1 ? "" : "s") since you last opened the queue"), "\(expected)")
            // The one who asked for the exception is not asked to approve it.
            #expect(!String(buffer: try await other.get(client, "/notifications").body).contains("exception to the rules"))
        }
    }
}
