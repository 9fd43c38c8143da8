@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Sign-in: both factors, enrolment at first sign-in, lock-out, TOTP replay, recovery codes, session expiry.
@Suite("Sign-in and sessions")
struct SignInTests {
    @Test("a new account enrols a second factor, gets recovery codes, and must choose its own password", arguments: TestStores.engines)
    func firstSignIn(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        let temporary = try await UserAdministration(database: fixture.database, trailSeal: WebFixture.seal, bcryptCost: 4)
            .add(username: "newcomer", displayName: "New Comer", role: .analyst, staffID: nil, by: "console:test")
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = Browser()
            let signIn = try await browser.post(client, "/sign-in", ["username": "newcomer", "password": temporary], csrf: false)
            #expect(signIn.headers[.location] == "/account/enrol")
            let cookie = try #require(signIn.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            // Half signed in: nothing but the second-factor pages.
            #expect(try await browser.get(client, "/alerts").headers[.location] == "/sign-in")
            let enrol = try await browser.get(client, "/account/enrol")
            let page = String(buffer: enrol.body)
            #expect(page.contains("<svg") && page.contains("otpauth://totp/"))
            let account = try #require(try await UserAccounts.find(username: "newcomer", in: fixture.database))
            let secret = try SecretBox(deploymentKey: WebFixture.key).open(try #require(account.sealedTOTPSecret),
                                                                           userID: account.id)
            #expect(page.contains(SecondFactor.manualEntryKey(secret: secret)))
            let wrong = try await browser.post(client, "/account/enrol", ["code": "000000"])
            #expect(String(buffer: wrong.body).contains("There is a problem"))
            let codes = try await browser.post(client, "/account/enrol",
                                               ["code": SecondFactor.code(secret: secret, at: fixture.clock.now)])
            #expect(String(buffer: codes.body).components(separatedBy: "<li><code>").count == 11)
            // The temporary password must be replaced before anything else.
            #expect(try await browser.get(client, "/alerts").headers[.location] == "/account/password")
            let short = try await browser.post(client, "/account/password", ["password": "short", "confirm": "short"])
            #expect(String(buffer: short.body).contains("at least 12 characters"))
            let changed = try await browser.post(client, "/account/password",
                                                 ["password": "a much longer password", "confirm": "a much longer password"])
            #expect(changed.headers[.location] == "/alerts")
            #expect(try await browser.get(client, "/alerts").status == .ok)
        }
        let actions = try await AuditTrail.entries(matching: .init(username: "newcomer"), limit: 50, in: fixture.database)
            .entries.map(\.action)
        #expect(actions.contains("second_factor_enrolled") && actions.contains("password_changed"))
    }

    @Test("five failed attempts lock the account for a while, even against the right password", arguments: TestStores.engines)
    func lockOut(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = Browser()
            for _ in 0..<5 {
                let response = try await browser.post(client, "/sign-in", ["username": "analyst", "password": "wrong"], csrf: false)
                #expect(String(buffer: response.body).contains(WebApplication.badCredentials))
            }
            let locked = try await browser.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password],
                                                csrf: false)
            #expect(locked.headers[.setCookie] == nil)
            #expect(String(buffer: locked.body).contains("locked"))
            fixture.clock.advance(15 * 60 + 1)
            _ = try await Browser.signIn(client, "analyst", fixture: fixture)
        }
        let actions = try await AuditTrail.entries(matching: .init(username: "analyst"), limit: 50, in: fixture.database)
            .entries.map(\.action)
        #expect(actions.contains("account_locked") && actions.contains("sign_in_refused") && actions.contains("sign_in"))
    }

    @Test("an unknown username gets the same answer as a wrong password", arguments: TestStores.engines)
    func unknownUser(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = Browser()
            let response = try await browser.post(client, "/sign-in", ["username": "nobody", "password": "x"], csrf: false)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains(WebApplication.badCredentials))
        }
    }

    @Test("a TOTP code works once; a wrong one fails; a recovery code works once", arguments: TestStores.engines)
    func secondFactor(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            _ = try await Browser.signIn(client, "analyst", fixture: fixture)
            // The same code again, in a new session within the same step: a replay.
            var replay = Browser()
            _ = try await replay.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password], csrf: false)
            _ = try await replay.get(client, "/sign-in/second-factor")
            let code = SecondFactor.code(secret: WebFixture.secret, at: fixture.clock.now)
            let replayed = try await replay.post(client, "/sign-in/second-factor", ["code": code])
            #expect(replayed.status == .ok)
            #expect(String(buffer: replayed.body).contains("Enter the current code"))
            let wrong = try await replay.post(client, "/sign-in/second-factor", ["code": "123456"])
            #expect(String(buffer: wrong.body).contains("Enter the current code"))
            let recovered = try await replay.post(client, "/sign-in/second-factor", ["code": WebFixture.recoveryCode])
            #expect(recovered.headers[.location] == "/alerts")
            var again = Browser()
            _ = try await again.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password], csrf: false)
            _ = try await again.get(client, "/sign-in/second-factor")
            let reused = try await again.post(client, "/sign-in/second-factor", ["code": WebFixture.recoveryCode])
            #expect(reused.status == .ok)
        }
    }

    @Test("a session ends after 15 idle minutes and after 8 hours however busy, and at sign-out", arguments: TestStores.engines)
    func expiry(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var idle = try await Browser.signIn(client, "analyst", fixture: fixture)
            fixture.clock.advance(14 * 60)
            #expect(try await idle.get(client, "/alerts").status == .ok)
            fixture.clock.advance(15 * 60 + 1)
            // A lapsed session sends the user to sign in with the reason (expired=1); one signed out does not.
            #expect(try await idle.get(client, "/alerts").headers[.location] == "/sign-in?expired=1")

            var busy = try await Browser.signIn(client, "analyst", fixture: fixture)
            for _ in 0..<48 {
                fixture.clock.advance(10 * 60)
                #expect(try await busy.get(client, "/alerts").status == .ok)
            }
            fixture.clock.advance(10 * 60)
            #expect(try await busy.get(client, "/alerts").headers[.location] == "/sign-in?expired=1")

            var leaving = try await Browser.signIn(client, "analyst", fixture: fixture)
            let cookie = leaving.cookie
            let signOut = try await leaving.post(client, "/sign-out", [:])
            #expect(signOut.headers[.location] == "/sign-in")
            var stale = Browser(cookie: cookie)
            #expect(try await stale.get(client, "/alerts").headers[.location] == "/sign-in")
        }
    }

    @Test("a disabled account cannot sign in and its open session stops working", arguments: TestStores.engines)
    func disabled(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, "analyst", fixture: fixture)
            try await UserAdministration(database: fixture.database, trailSeal: WebFixture.seal, bcryptCost: 4)
                .disable(username: "analyst", by: "console:test")
            #expect(try await browser.get(client, "/alerts").headers[.location] == "/sign-in")
            var again = Browser()
            let refused = try await again.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password],
                                               csrf: false)
            #expect(String(buffer: refused.body).contains(WebApplication.badCredentials))
        }
        #expect(try await UserAccounts.find(username: "analyst", in: fixture.database)?.isDisabled == true)
    }

    @Test("many failed sign-ins from one address, across accounts, are spaced out but never lock anyone out", arguments: TestStores.engines)
    func throttlePerAddress(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        // Over real sockets, so the server sees the client's address.
        try await Application(router: try fixture.router()).test(.live) { client in
            var browser = Browser()
            for index in 0..<10 {
                let guess = try await browser.post(client, "/sign-in", ["username": "user\(index)", "password": "guess"],
                                                   csrf: false)
                #expect(guess.status == .ok)
            }
            let spaced = try await browser.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password],
                                                csrf: false)
            #expect(spaced.status == .tooManyRequests)
            #expect(spaced.headers[.retryAfter] != nil)
            #expect(String(buffer: spaced.body).contains("Too many failed sign-ins from this address"))
            fixture.clock.advance(11)
            let allowed = try await browser.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password],
                                                 csrf: false)
            #expect(allowed.headers[.location] == "/sign-in/second-factor")
            let again = try await browser.post(client, "/sign-in", ["username": "analyst", "password": "guess"], csrf: false)
            #expect(again.status == .tooManyRequests)
        }
        let throttled = try await AuditTrail.entries(matching: .init(action: "sign_in_throttled"), limit: 10,
                                                     in: fixture.database)
        #expect(throttled.total == 2)
    }
}
