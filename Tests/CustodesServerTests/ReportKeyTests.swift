@testable import CustodesServer
import Crypto
import CustodesDetection
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Reports sealed per recipient: a report's key is wrapped for each reader who held a key when it arrived, for the
/// recovery key and for the receipt; the database and the deployment key together open none of it; a newcomer gets
/// the key from a colleague who signs in; a reset password loses the reader's key; the recovery key restores it.
@Suite("Report keys per recipient")
struct ReportKeyTests {
    static func signedInPage(_ fixture: WebFixture, _ username: String, _ path: String) async throws -> (HTTPResponse.Status, String) {
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, username, fixture: fixture)
            let response = try await browser.get(client, path)
            return (response.status, String(buffer: response.body))
        }
    }

    static func holders(_ reportID: Int64, _ fixture: WebFixture) async throws -> Set<String> {
        Set(try await ReportKeys.wraps(reportID, in: fixture.database).map(\.recipient))
    }

    /// The head of unit approves a reader's key from the report queue, quoting its fingerprint as the page shows it.
    static func approve(_ username: String, _ fixture: WebFixture) async throws -> HTTPResponse.Status {
        let reader = try #require(try await UserAccounts.find(username: username, in: fixture.database))
        return try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let queue = String(buffer: try await head.get(client, "/reports").body)
            let fingerprint = WebApplication.fingerprint(try #require(reader.reportPublicKey))
            #expect(queue.contains("<code>\(fingerprint)</code>"))
            return try await head.post(client, "/reports/readers/\(reader.id)/approve", ["fingerprint": fingerprint]).status
        }
    }

    @Test("wrapped for approved readers, the recovery key and the receipt; the deployment key opens nothing; approval, an administrator's reset, recovery",
          arguments: TestStores.engines)
    func perRecipient(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        let head = try await fixture.enrolledUser("head", role: .headOfUnit)
        let analyst = try await fixture.enrolledUser("analyst", role: .analyst)
        try await fixture.enrolledUser("auditor", role: .auditor)

        // A report before anyone has a key is sealed under the deployment key, until the first reader signs in.
        let early = try await PortalTests.storeReport(fixture, text: "EARLY-REPORT text")
        #expect(try await Self.holders(early, fixture) == ["deployment", "receipt"])
        let (status, page) = try await Self.signedInPage(fixture, "head", "/reports/\(early)")
        #expect(status == .ok && page.contains("EARLY-REPORT text"))
        #expect(try await Self.holders(early, fixture) == ["receipt", "user:\(head.id)"],
                "the first head of unit is approved, and their sign-in wraps it for them and retires the deployment wrap")
        // The analyst's first sign-in makes their key pair, which waits for the head of unit's approval: a colleague's
        // sign-in does not wrap for it. The auditor, who never reads reports, gets no key.
        let (_, waiting) = try await Self.signedInPage(fixture, "analyst", "/reports/\(early)")
        #expect(waiting.contains("waiting for the head of unit") && !waiting.contains("EARLY-REPORT"))
        _ = try await Self.signedInPage(fixture, "head", "/reports")
        _ = try await Self.signedInPage(fixture, "auditor", "/trail")
        #expect(try await Self.holders(early, fixture) == ["receipt", "user:\(head.id)"])
        #expect(try await UserAccounts.find(username: "auditor", in: fixture.database)?.reportPublicKey == nil)
        #expect(try await Self.approve("analyst", fixture) == .seeOther)
        #expect(try await Self.holders(early, fixture) == ["receipt", "user:\(analyst.id)", "user:\(head.id)"])
        #expect(try await Self.signedInPage(fixture, "analyst", "/reports/\(early)").1.contains("EARLY-REPORT text"))

        // The head makes the recovery key: shown once, and every report the head holds is wrapped for it. Replacing
        // it needs a confirmation.
        let recovery = try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await browser.get(client, "/reports")
            let made = String(buffer: try await browser.post(client, "/reports/recovery-key", [:]).body)
            let start = try #require(made.range(of: "<p class=\"lead\" id=\"recovery-key\"><code>"))
            _ = try await browser.get(client, "/reports")
            #expect(try await browser.post(client, "/reports/recovery-key", [:]).status == .badRequest)
            return String(made[start.upperBound...].prefix { $0 != "<" })
        }
        #expect(RecipientKey.recoveryKey(typed: recovery) != nil)
        #expect(try await ReportKeys.wrap(early, for: ReportKeys.recovery, in: fixture.database) != nil)

        // A report now is wrapped for both readers, the recovery key and the receipt, and nothing else.
        let later = try await PortalTests.storeReport(fixture, text: "LATER-REPORT text")
        let wraps = try await ReportKeys.wraps(later, in: fixture.database)
        #expect(try await Self.holders(later, fixture) == ["receipt", "recovery", "user:\(analyst.id)", "user:\(head.id)"])
        // Neither the deployment key nor anything else in the database opens it.
        let report = try #require(try await PortalReports.report(later, visibility: .init(scope: .all), in: fixture.database))
        let keyring = ReportKeyring(database: fixture.database, deploymentKey: WebFixture.key)
        #expect(try await keyring.legacyKey(report) == nil)
        for wrap in wraps {
            #expect((try? keyring.legacy.reportKey(wrapped: wrap.wrappedKey, lookup: report.lookup)) == nil)
        }
        #expect(try await keyring.reportKey(report, recipient: ReportKeys.user(analyst.id),
                                             privateKey: RecipientKey.PrivateKey()) == nil, "a stranger's key opens it")

        // An administrator resets the analyst's password: the old key and its wraps go, and the new key the analyst
        // makes is not given the reports by anyone's sign-in until the head of unit approves it.
        let administration = UserAdministration(database: fixture.database, trailSeal: WebFixture.seal, bcryptCost: 4)
        func reset(_ username: String) async throws {
            _ = try await administration.resetPassword(username: username, by: "console:test")
            let account = try #require(try await UserAccounts.find(username: username, in: fixture.database))
            try await UserAccounts.setPassword(account.id, hash: try await Passwords.hash(WebFixture.password, cost: 4),
                                               temporary: false, in: fixture.database)
        }
        try await reset("analyst")
        #expect(try await Self.holders(later, fixture) == ["receipt", "recovery", "user:\(head.id)"])
        _ = try await Self.signedInPage(fixture, "analyst", "/reports")
        _ = try await Self.signedInPage(fixture, "head", "/reports")
        #expect(try await Self.holders(later, fixture) == ["receipt", "recovery", "user:\(head.id)"])
        #expect(try await Self.approve("analyst", fixture) == .seeOther)
        #expect(try await Self.signedInPage(fixture, "analyst", "/reports/\(later)").1.contains("LATER-REPORT text"))

        // Every reader's password is reset: their keys are gone with the old passwords, and nobody can read.
        for username in ["head", "analyst"] { try await reset(username) }
        #expect(try await Self.holders(later, fixture) == ["receipt", "recovery"])
        #expect(!(try await Self.signedInPage(fixture, "head", "/reports/\(later)").1.contains("LATER-REPORT")))

        // The head of unit types the recovery key: every report opens again for every approved reader.
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await browser.get(client, "/reports")
            let wrong = try await browser.post(client, "/reports/recover", ["recovery": String(repeating: "ab", count: 32)])
            #expect(wrong.status == .badRequest && String(buffer: wrong.body).contains("current recovery key: check"))
            let used = try await browser.post(client, "/reports/recover", ["recovery": recovery.uppercased()])
            #expect(used.status == .seeOther && used.headers[.location] == "/reports?recovered=2")
            #expect(String(buffer: try await browser.get(client, "/reports/\(later)").body).contains("LATER-REPORT text"))
        }
        // The analyst, whose new key came after the recovery, is given the reports when the head approves it.
        _ = try await Self.signedInPage(fixture, "analyst", "/reports")
        #expect(try await Self.approve("analyst", fixture) == .seeOther)
        #expect(try await Self.signedInPage(fixture, "analyst", "/reports/\(early)").1.contains("EARLY-REPORT text"))
        let trail = try await fixture.database.sql.raw(
            "SELECT action FROM audit_trail WHERE action LIKE 'recovery_key%' ORDER BY seq").all()
            .map { try $0.decode(column: "action", as: String.self) }
        #expect(trail == ["recovery_key_created", "recovery_key_refused", "recovery_key_used"])
        // Only the head of unit makes or uses the recovery key, or approves a reader.
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, "analyst", fixture: fixture)
            _ = try await browser.get(client, "/reports")
            #expect(try await browser.post(client, "/reports/recovery-key", [:]).status == .forbidden)
            #expect(try await browser.post(client, "/reports/recover", ["recovery": recovery]).status == .forbidden)
            #expect(try await browser.post(client, "/reports/readers/\(head.id)/approve", [:]).status == .forbidden)
        }
    }

    @Test("a report linked to a member of staff who reads reports is no longer wrapped for them")
    func withheldFromSubject() async throws {
        let fixture = try await WebFixture.make(.sqlite)
        defer { Task { await fixture.close() } }
        let head = try await fixture.enrolledUser("head", role: .headOfUnit)
        let analyst = try await fixture.enrolledUser("analyst", role: .analyst, staffID: fixture.alertStaffID)
        _ = try await Self.signedInPage(fixture, "head", "/reports")
        _ = try await Self.signedInPage(fixture, "analyst", "/reports")
        #expect(try await Self.approve("analyst", fixture) == .seeOther)
        let reportID = try await PortalTests.storeReport(fixture, text: "ABOUT-THE-ANALYST text")
        #expect(try await Self.holders(reportID, fixture) == ["receipt", "user:\(analyst.id)", "user:\(head.id)"])
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await browser.get(client, "/reports/\(reportID)")
            let pseudonym = Pseudonymiser(key: WebFixture.key).staff(fixture.alertStaffID)
            #expect(try await browser.post(client, "/reports/\(reportID)/subject", ["subject": pseudonym]).status == .seeOther)
        }
        #expect(try await Self.holders(reportID, fixture) == ["receipt", "user:\(head.id)"])
        // Nor does a later sign-in give it back.
        _ = try await Self.signedInPage(fixture, "head", "/reports")
        #expect(try await Self.holders(reportID, fixture) == ["receipt", "user:\(head.id)"])
    }

    @Test("a new password reseals the same key; sealing by password and by session token round-trips and refuses others")
    func resealing() async throws {
        let key = RecipientKey.PrivateKey()
        let sealed = try await RecipientKey.seal(key, password: "correct horse battery", rounds: 1 << 10)
        #expect(try await RecipientKey.open(sealed, password: "correct horse battery")?.rawRepresentation == key.rawRepresentation)
        #expect(try await RecipientKey.open(sealed, password: "wrong horse battery") == nil)
        let session = try RecipientKey.seal(key, sessionToken: "token-one")
        #expect(try RecipientKey.open(session, sessionToken: "token-one").rawRepresentation == key.rawRepresentation)
        #expect(throws: (any Error).self) { try RecipientKey.open(session, sessionToken: "token-two") }
        let reportKey = SymmetricKey(size: .bits256)
        let wrapped = try ReportKeyWrap.wrap(reportKey, for: key.publicKey, lookup: "abcdefgh")
        #expect(try ReportKeyWrap.unwrap(wrapped, with: key, lookup: "abcdefgh") == reportKey)
        #expect(throws: (any Error).self) { try ReportKeyWrap.unwrap(wrapped, with: key, lookup: "otherone") }
        let text = RecipientKey.recoveryText(key)
        #expect(text.count == 71 && RecipientKey.recoveryKey(typed: text.uppercased())?.rawRepresentation == key.rawRepresentation)
    }

    @Test("changing one's password keeps the report key: reports still open after signing in with the new password",
          arguments: [DatabaseURL.Engine.sqlite])
    func passwordChange(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        _ = try await Self.signedInPage(fixture, "analyst", "/reports")
        let before = try #require(try await UserAccounts.find(username: "analyst", in: fixture.database)?.reportPublicKey)
        let reportID = try await PortalTests.storeReport(fixture, text: "KEPT-REPORT text")
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, "analyst", fixture: fixture)
            _ = try await browser.get(client, "/account/password")
            let changed = try await browser.post(client, "/account/password", [
                "current": WebFixture.password, "password": "a brand new passphrase", "confirm": "a brand new passphrase",
            ])
            #expect(changed.status == .seeOther)
        }
        let account = try #require(try await UserAccounts.find(username: "analyst", in: fixture.database))
        #expect(account.reportPublicKey == before)
        let opened = try await RecipientKey.open(try #require(account.sealedReportKey), password: "a brand new passphrase")
        #expect(opened.map(RecipientKey.publicText) == before)
        let report = try #require(try await PortalReports.report(reportID, visibility: .init(scope: .all), in: fixture.database))
        #expect(try await ReportKeyring(database: fixture.database, deploymentKey: WebFixture.key)
            .reportKey(report, recipient: ReportKeys.user(account.id), privateKey: opened) != nil)
    }
}
