@testable import CustodesServer
import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing

/// Partner accounts: an invitation issued in the unit, redeemed once on the portal; a password and a second factor;
/// reports on the partner channel, attributed to the worker and their organisation and sealed for them too; the
/// unit's reply read in the account; a disabled account shut out; and every portal route for every kind of visitor.
@Suite("Partner accounts on the portal")
struct PartnerPortalTests {
    static let password = "a long partner passphrase"

    /// A visitor to the portal: the partner cookie it holds.
    struct Visitor {
        var cookie: String?

        var headers: HTTPFields {
            var headers: HTTPFields = [:]
            if let cookie { headers[.cookie] = PartnerCookie.name(secure: false) + "=" + cookie }
            return headers
        }

        mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
            let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
            remember(response)
            return response
        }

        mutating func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [String: String]) async throws -> TestResponse {
            var headers = headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = fields.map { key, value in
                key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            }.joined(separator: "&")
            let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
            remember(response)
            return response
        }

        mutating func send(_ client: some TestClientProtocol, _ fields: [String: String],
                           files: [(name: String, bytes: [UInt8])]) async throws -> TestResponse {
            let (type, body) = PortalTests.multipart(fields, files: files)
            var headers = headers
            headers[.contentType] = type
            let response = try await client.execute(uri: "/partner/report", method: .post, headers: headers, body: body)
            remember(response)
            return response
        }

        mutating func remember(_ response: TestResponse) {
            let name = PartnerCookie.name(secure: false) + "="
            if let setCookie = response.headers[.setCookie], setCookie.hasPrefix(name) {
                let value = setCookie.dropFirst(name.count).prefix { $0 != ";" }
                cookie = value.isEmpty ? nil : String(value)
            }
        }
    }

    static func manualKey(in response: TestResponse) throws -> String {
        let body = String(buffer: response.body)
        let start = try #require(body.range(of: "<code id=\"manual-key\">"))
        return String(body[start.upperBound...].prefix { $0 != "<" }).replacingOccurrences(of: " ", with: "")
    }

    /// Redeems `code` as `username` and enrols the second factor; returns the signed-in visitor and TOTP secret.
    static func redeem(_ client: some TestClientProtocol, code: String, username: String,
                       fixture: WebFixture) async throws -> (Visitor, String) {
        var visitor = Visitor()
        let made = try await visitor.post(client, "/partner/invitation", [
            "code": code, "name": username.capitalized, "username": username, "password": password, "confirm": password,
        ])
        #expect(made.status == .seeOther && made.headers[.location] == "/partner/enrol", "\(made.status)")
        #expect(try manualKey(in: try await visitor.get(client, "/partner/enrol")).count == 32)
        // The secret as the authenticator app holds it, from the store (sealed there, bound to the account).
        let account = try #require(try await PartnerAccounts.account(username: username, in: fixture.database))
        let secret = try SecretBox(deploymentKey: WebFixture.key).open(account.sealedTOTPSecret, binding: "partner:" + username)
        fixture.clock.advance(SecondFactor.stepSeconds)
        let enrolled = try await visitor.post(client, "/partner/enrol",
                                              ["code": SecondFactor.code(secret: secret, at: fixture.clock.now)])
        #expect(enrolled.headers[.location] == "/partner", "\(enrolled.status)")
        return (visitor, secret)
    }

    static func signIn(_ client: some TestClientProtocol, _ username: String, secret: String,
                       fixture: WebFixture) async throws -> Visitor {
        var visitor = Visitor()
        let first = try await visitor.post(client, "/partner/sign-in", ["username": username, "password": password])
        #expect(first.headers[.location] == "/partner/second-factor")
        fixture.clock.advance(SecondFactor.stepSeconds)
        let second = try await visitor.post(client, "/partner/second-factor",
                                            ["code": SecondFactor.code(secret: secret, at: fixture.clock.now)])
        #expect(second.headers[.location] == "/partner")
        return visitor
    }

    /// An invitation issued through the unit's application by a partnership officer; the code as shown once.
    static func issue(_ fixture: WebFixture, organisationID: Int64) async throws -> String {
        try await Application(router: try fixture.router()).test(.router) { client in
            var officer = try await Browser.signIn(client, "officer", fixture: fixture)
            _ = try await officer.get(client, "/partners/\(organisationID)")
            let issued = String(buffer: try await officer.post(client, "/partners/\(organisationID)/invitations", [:]).body)
            let start = try #require(issued.range(of: "<p class=\"lead\" id=\"invitation-code\"><code>"))
            return String(issued[start.upperBound...].prefix { $0 != "<" })
        }
    }

    @Test("an invitation makes one account; the worker signs in with two factors, reports, reads the unit's reply; the unit sees who and counts it; a disabled account is shut out",
          arguments: TestStores.engines)
    func invitationToReply(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("officer", role: .partnership)
        try await fixture.enrolledUser("analyst", role: .analyst)
        let head = try await fixture.enrolledUser("head", role: .headOfUnit)
        // The head of unit and the analyst sign in once and the head approves the analyst's key, so the report is
        // sealed for both.
        _ = try await ReportKeyTests.signedInPage(fixture, "head", "/reports")
        _ = try await ReportKeyTests.signedInPage(fixture, "analyst", "/reports")
        #expect(try await ReportKeyTests.approve("analyst", fixture) == .seeOther)
        let organisationID = try await PartnerRegister.add(name: "Harbour Refuge", kind: "domestic_abuse", area: "East",
                                                           liaison: nil, by: "officer", at: 0, in: fixture.database)
        let code = try await Self.issue(fixture, organisationID: organisationID)
        #expect(code.count == 29)
        let portal = try PortalTests.portal(fixture)
        let (reportID, secret) = try await Application(router: portal).test(.router) { client in
            // Mistakes are named and what was typed is kept (never the password).
            var stranger = Visitor()
            let wrong = try await stranger.post(client, "/partner/invitation", [
                "code": "not-a-code", "name": "Sam", "username": "sam", "password": "short", "confirm": "short",
            ])
            #expect(wrong.status == .badRequest)
            let wrongPage = String(buffer: wrong.body)
            #expect(wrongPage.contains("There is a problem") && wrongPage.contains("at least 12 characters"))
            #expect(wrongPage.contains("value=\"sam\"") && !wrongPage.contains("value=\"short\""))
            let closed = try await stranger.post(client, "/partner/invitation", [
                "code": "aaaa-bbbb-cccc-dddd-eeee-ffff", "name": "Sam", "username": "sam", "password": Self.password,
                "confirm": Self.password,
            ])
            #expect(String(buffer: closed.body).contains("used, withdrawn or has expired"))

            var (worker, secret) = try await Self.redeem(client, code: code.uppercased(), username: "sam", fixture: fixture)
            // The code works once.
            var second = Visitor()
            let again = try await second.post(client, "/partner/invitation", [
                "code": code, "name": "Other", "username": "other", "password": Self.password, "confirm": Self.password,
            ])
            #expect(again.status == .badRequest && String(buffer: again.body).contains("used, withdrawn or has expired"))

            // Signed in: the home page, and a report with a file.
            #expect(String(buffer: try await worker.get(client, "/partner").body).contains("Harbour Refuge"))
            #expect(try await worker.get(client, "/partner/report").status == .ok)
            let sent = try await worker.send(client, [
                "what_happened": "PARTNER-TEXT: an officer keeps visiting our client after hours.",
                "when_where": "Evenings last week", "consent_to_contact": "yes",
            ], files: [("note.txt", Array("PARTNER-NOTE".utf8))])
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers[.location])
            let reportID = try #require(Int64(location.dropFirst("/partner/reports/".count).prefix { $0.isNumber }))
            let page = String(buffer: try await worker.get(client, location).body)
            #expect(page.contains("PARTNER-TEXT") && page.contains("has been sent"))
            // Signing out ends the session; signing in needs the password and a fresh code.
            _ = try await worker.post(client, "/partner/sign-out", [:])
            #expect(try await worker.get(client, "/partner").headers[.location] == "/partner/sign-in")
            return (reportID, secret)
        }
        let stored = try await PortalTests.everything(in: fixture.database)
        #expect(!stored.contains("PARTNER-TEXT") && !stored.contains("PARTNER-NOTE") && !stored.contains(Self.password))
        #expect(!stored.contains(secret), "the TOTP secret is stored in the clear")
        #expect(!stored.contains(code) && !stored.contains(PortalApplication.normalisedInvitation(code)))
        let holders = Set(try await ReportKeys.wraps(reportID, in: fixture.database).map(\.recipient))
        let account = try #require(try await PartnerAccounts.account(username: "sam", in: fixture.database))
        let analyst = try #require(try await UserAccounts.find(username: "analyst", in: fixture.database))
        #expect(holders == ["partner:\(account.accountID)", "user:\(analyst.id)", "user:\(head.id)"])

        // The unit: who sent it, a reply, and the count on the organisation's page once it is intelligence.
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, "analyst", fixture: fixture)
            let page = String(buffer: try await browser.get(client, "/reports/\(reportID)").body)
            #expect(page.contains("PARTNER-TEXT") && page.contains("Sent by Sam of") && page.contains("Harbour Refuge"))
            _ = try await browser.post(client, "/reports/\(reportID)/messages", ["reply": "Thank you. Which evenings?"])
            _ = try await browser.post(client, "/reports/\(reportID)/intelligence",
                                       ["sanitised": "A partner reports repeated visits to a client after hours."])
            let organisation = String(buffer: try await browser.get(client, "/partners/\(organisationID)").body)
            #expect(organisation.contains("1, of which 1 recorded as intelligence"))
            #expect(organisation.contains("<code>sam</code>"))
        }
        try await Application(router: portal).test(.router) { client in
            var worker = try await Self.signIn(client, "sam", secret: secret, fixture: fixture)
            #expect(String(buffer: try await worker.get(client, "/partner/reports/\(reportID)").body).contains("Which evenings?"))
            let added = try await worker.post(client, "/partner/reports/\(reportID)/messages", ["message": "Tuesday and Thursday."])
            #expect(added.status == .seeOther)
            #expect(String(buffer: try await worker.get(client, "/partner/reports/\(reportID)").body).contains("Tuesday and Thursday."))
            // The unit disables the account: the open session stops working and signing in is refused.
            try await Application(router: try fixture.router()).test(.router) { unit in
                var officer = try await Browser.signIn(unit, "officer", fixture: fixture)
                _ = try await officer.get(unit, "/partners/\(organisationID)")
                #expect(try await officer.post(unit, "/partners/\(organisationID)/accounts/\(account.accountID)/disable", [:])
                    .status == .seeOther)
            }
            #expect(try await worker.get(client, "/partner").headers[.location] == "/partner/sign-in")
            var again = Visitor()
            let refused = try await again.post(client, "/partner/sign-in", ["username": "sam", "password": Self.password])
            #expect(refused.status == .badRequest && again.cookie == nil)
        }
        let trail = Set(try await fixture.database.sql.raw("SELECT action FROM audit_trail").all()
            .map { try $0.decode(column: "action", as: String.self) })
        // The trail names the worker for their account's events, never as the sender of a report.
        let senders = try await fixture.database.sql.raw(
            "SELECT username FROM audit_trail WHERE action IN ('portal_report', 'portal_message')").all()
            .map { try $0.decode(column: "username", as: String.self) }
        #expect(!senders.isEmpty && senders.allSatisfy { $0 == "portal" })
        #expect(trail.isSuperset(of: ["partner_invitation_issued", "partner_account_created", "partner_sign_in",
                                      "partner_sign_out", "portal_report", "partner_account_disabled"]))
    }

    @Test("wrong passwords and codes lock a partner account for a while; withdrawn and expired invitations are refused",
          arguments: [DatabaseURL.Engine.sqlite])
    func lockoutAndClosedInvitations(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("officer", role: .partnership)
        let organisationID = try await PartnerRegister.add(name: "Night Shelter", kind: "homelessness", area: "West",
                                                           liaison: nil, by: "officer", at: 0, in: fixture.database)
        let code = try await Self.issue(fixture, organisationID: organisationID)
        let withdrawn = try await Self.issue(fixture, organisationID: organisationID)
        let withdrawnID = try #require(try await PartnerAccounts.invitations(of: organisationID, in: fixture.database).first?.invitationID)
        try await Application(router: try fixture.router()).test(.router) { client in
            var officer = try await Browser.signIn(client, "officer", fixture: fixture)
            _ = try await officer.get(client, "/partners/\(organisationID)")
            #expect(try await officer.post(client, "/partners/\(organisationID)/invitations/\(withdrawnID)/withdraw", [:])
                .status == .seeOther)
        }
        let expired = try await Self.issue(fixture, organisationID: organisationID)
        try await Application(router: try PortalTests.portal(fixture)).test(.router) { client in
            let (_, secret) = try await Self.redeem(client, code: code, username: "kim", fixture: fixture)
            var visitor = Visitor()
            for _ in 0..<fixture.access().failuresBeforeLockout {
                #expect(try await visitor.post(client, "/partner/sign-in", ["username": "kim", "password": "wrong password!"])
                    .status == .badRequest)
            }
            // Locked: even the right password is refused, and looks the same.
            let locked = try await visitor.post(client, "/partner/sign-in", ["username": "kim", "password": Self.password])
            #expect(locked.status == .badRequest && visitor.cookie == nil)
            fixture.clock.advance(fixture.access().lockoutSeconds + 1)
            _ = try await Self.signIn(client, "kim", secret: secret, fixture: fixture)
            // Knowing the password does not buy endless guesses at the code: wrong codes count across sign-ins.
            for _ in 0..<fixture.access().failuresBeforeLockout {
                var guesser = Visitor()
                #expect(try await guesser.post(client, "/partner/sign-in", ["username": "kim", "password": Self.password])
                    .headers[.location] == "/partner/second-factor")
                let right = SecondFactor.code(secret: secret, at: fixture.clock.now)
                let wrong = String((Int(right)! + 500_001) % 1_000_000).leftPadded(to: 6)
                #expect(try await guesser.post(client, "/partner/second-factor", ["code": wrong]).status == .badRequest)
            }
            var afterGuesses = Visitor()
            #expect(try await afterGuesses.post(client, "/partner/sign-in", ["username": "kim", "password": Self.password])
                .status == .badRequest && afterGuesses.cookie == nil)
            fixture.clock.advance(fixture.access().lockoutSeconds + 1)
            _ = try await Self.signIn(client, "kim", secret: secret, fixture: fixture)
            // A closed invitation is refused.
            fixture.clock.advance(WebApplication.invitationDays * 86_400 + 1)
            for closed in [withdrawn, expired] {
                var stranger = Visitor()
                let refused = try await stranger.post(client, "/partner/invitation", [
                    "code": closed, "name": "Lee", "username": "lee", "password": Self.password, "confirm": Self.password,
                ])
                #expect(refused.status == .badRequest && String(buffer: refused.body).contains("used, withdrawn or has expired"))
            }
        }
    }

    /// The portal's partner routes, with `{R}` for the signed-in worker's own report and `{Q}` for another worker's.
    static let routes: [(HTTPRequest.Method, String)] = [
        (.get, "/partner"), (.get, "/partner/report"), (.post, "/partner/report"), (.get, "/partner/reports/{R}"),
        (.post, "/partner/reports/{R}/messages"), (.get, "/partner/reports/{Q}"), (.post, "/partner/reports/{Q}/messages"),
    ]

    @Test("every portal route for no session, a half-signed-in session, a unit user's cookie, and partner accounts",
          arguments: [DatabaseURL.Engine.sqlite])
    func portalMatrix(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("officer", role: .partnership)
        let organisationID = try await PartnerRegister.add(name: "Outreach Van", kind: "sex_worker_outreach", area: "North",
                                                           liaison: nil, by: "officer", at: 0, in: fixture.database)
        let first = try await Self.issue(fixture, organisationID: organisationID)
        let second = try await Self.issue(fixture, organisationID: organisationID)
        let portal = try PortalTests.portal(fixture)
        // Open routes are for everyone; the routes below need a signed-in partner account.
        let registered = Set(portal.routes.map { "\($0.method) \($0.path)" })
        let open: Set<String> = [
            "GET /", "GET /healthz", "GET /assets/custodes.css", "GET /report/{channel}", "POST /report/{channel}",
            "GET /receipt", "POST /receipt", "POST /receipt/messages", "GET /partner/invitation", "POST /partner/invitation",
            "GET /partner/sign-in", "POST /partner/sign-in", "GET /partner/enrol", "POST /partner/enrol",
            "GET /partner/second-factor", "POST /partner/second-factor", "POST /partner/sign-out",
        ]
        let guarded = Set(Self.routes.map { "\($0.0) " + $0.1.replacingOccurrences(of: "{R}", with: "{id}")
            .replacingOccurrences(of: "{Q}", with: "{id}") })
        #expect(registered == open.union(guarded), "\(registered.symmetricDifference(open.union(guarded)))")
        try await Application(router: portal).test(.router) { client in
            let message = ["what_happened": "Matrix report", "when_where": "Here", "consent_to_contact": "no"]
            var (own, _) = try await Self.redeem(client, code: first, username: "own", fixture: fixture)
            #expect(try await own.send(client, message, files: []).status == .seeOther)
            var (other, _) = try await Self.redeem(client, code: second, username: "other", fixture: fixture)
            #expect(try await other.send(client, message, files: []).status == .seeOther)
            let ownAccount = try #require(try await PartnerAccounts.account(username: "own", in: fixture.database))
            let ownReport = try #require(try await PortalReports.sent(byPartner: ownAccount.accountID,
                                                                      in: fixture.database).first?.reportID)
            let otherReport = ownReport + 1
            var half = Visitor()
            _ = try await half.post(client, "/partner/sign-in", ["username": "own", "password": Self.password])
            #expect(half.cookie != nil)
            let visitors: [(String, Visitor, [String])] = [
                ("no session", Visitor(), ["signIn", "signIn", "signIn", "signIn", "signIn", "signIn", "signIn"]),
                ("password only", half, ["signIn", "signIn", "signIn", "signIn", "signIn", "signIn", "signIn"]),
                ("partner", own, ["ok", "ok", "invalid", "ok", "redirect", "hidden", "hidden"]),
            ]
            for (name, visitor, expected) in visitors {
                var visitor = visitor
                var outcomes: [String] = []
                for (method, path) in Self.routes {
                    let uri = path.replacingOccurrences(of: "{R}", with: String(ownReport))
                        .replacingOccurrences(of: "{Q}", with: String(otherReport))
                    let response = method == .get ? try await visitor.get(client, uri)
                        : try await visitor.post(client, uri, ["message": "More detail.", "what_happened": ""])
                    switch (response.status, response.headers[.location]) {
                    case (.ok, _): outcomes.append("ok")
                    case (.seeOther, "/partner/sign-in"): outcomes.append("signIn")
                    case (.seeOther, _): outcomes.append("redirect")
                    case (.notFound, _): outcomes.append("hidden")
                    case (.badRequest, _): outcomes.append("invalid")
                    default: outcomes.append("\(response.status.code)")
                    }
                }
                #expect(outcomes == expected, "\(name)")
            }
            // A unit user's cookie is not a partner's.
            var headers: HTTPFields = [:]
            headers[.cookie] = SessionCookie.name + "=" + (own.cookie ?? "")
            #expect(try await client.execute(uri: "/partner", method: .get, headers: headers, body: nil)
                .headers[.location] == "/partner/sign-in")
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
