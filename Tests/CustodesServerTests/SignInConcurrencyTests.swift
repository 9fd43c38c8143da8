@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Guessing in parallel: the lock-out and the throttle count attempts before any factor is checked, and a locked
/// account cannot be finished signing in to from a spare half-signed-in session.
@Suite("Sign-in under concurrent guessing")
struct SignInConcurrencyTests {
    /// How many times a factor was actually checked for `username`: wrong ones and right ones.
    static func factorsChecked(_ username: String, in database: StoreDatabase) async throws -> Int {
        let entries = try await AuditTrail.entries(matching: .init(username: username), limit: 1_000, in: database).entries
        return entries.filter { ($0.action == "sign_in_failed" && $0.detail.hasPrefix("wrong"))
            || $0.action == "password_accepted" || $0.action == "sign_in" }.count
    }

    /// Sends `count` sign-ins for "analyst" at once, each in a browser of its own, with the passwords given.
    static func signInsAtOnce(_ client: some TestClientProtocol, _ count: Int,
                              password: @escaping @Sendable (Int) -> String) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    var browser = Browser()
                    _ = try await browser.post(client, "/sign-in", ["username": "analyst", "password": password(index)],
                                               csrf: false)
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("forty passwords sent at once: five are checked, the account locks, and the right password is then refused", arguments: TestStores.engines)
    func parallelPasswords(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            try await Self.signInsAtOnce(client, 40) { "guess \($0)" }
            var browser = Browser()
            let right = try await browser.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password],
                                               csrf: false)
            #expect(right.headers[.setCookie] == nil, "the right password got in after forty parallel guesses")
        }
        #expect(try await Self.factorsChecked("analyst", in: fixture.database) == 5)
        let account = try #require(try await UserAccounts.find(username: "analyst", in: fixture.database))
        #expect(account.lockedUntil != nil)
        let locks = try await AuditTrail.entries(matching: .init(action: "account_locked"), limit: 10, in: fixture.database)
        #expect(locks.total == 1)
    }

    @Test("a right password among thirty-nine wrong ones sent at once: at most five wrong ones are checked", arguments: TestStores.engines)
    func parallelMix(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            try await Self.signInsAtOnce(client, 40) { $0 == 20 ? WebFixture.password : "guess \($0)" }
        }
        // The right password is given back, not counted, so another guess may take its place: the allowance is five
        // wrong ones.
        let wrong = try await AuditTrail.entries(matching: .init(username: "analyst", action: "sign_in_failed"),
                                                 limit: 100, in: fixture.database).total
        #expect(wrong <= 5)
    }

    @Test("sixty codes sent at once on one half-signed-in session: five are checked and the session ends", arguments: TestStores.engines)
    func parallelCodes(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = Browser()
            _ = try await browser.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password],
                                       csrf: false)
            _ = try await browser.get(client, "/sign-in/second-factor")
            let shared = browser
            let right = SecondFactor.code(secret: WebFixture.secret, at: fixture.clock.now)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        var copy = shared
                        var code = String(format: "%06d", (index * 7_919) % 1_000_000)
                        if code == right { code = "000000" == right ? "000001" : "000000" }
                        _ = try await copy.post(client, "/sign-in/second-factor", ["code": code])
                    }
                }
                try await group.waitForAll()
            }
            var after = shared
            let last = try await after.post(client, "/sign-in/second-factor", ["code": right])
            #expect(last.headers[.location] == "/sign-in", "the right code signed in on a session that guessed sixty times")
        }
        let wrongCodes = try await AuditTrail.entries(matching: .init(username: "analyst"), limit: 1_000,
                                                      in: fixture.database).entries
            .filter { $0.action == "sign_in_failed" && $0.detail == "wrong second factor" }
        #expect(wrongCodes.count == 5)
        #expect(try await UserAccounts.find(username: "analyst", in: fixture.database)?.lockedUntil != nil)
    }

    @Test("a spare half-signed-in session cannot finish signing in once the account is locked, nor lift the lock", arguments: TestStores.engines)
    func spareSessionAfterLock(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var spares: [Browser] = []
            for _ in 0..<3 {
                var spare = Browser()
                _ = try await spare.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password],
                                         csrf: false)
                _ = try await spare.get(client, "/sign-in/second-factor")
                spares.append(spare)
            }
            var guesser = spares.removeFirst()
            for _ in 0..<5 {
                _ = try await guesser.post(client, "/sign-in/second-factor", ["code": "000000"])
            }
            fixture.clock.advance(SecondFactor.stepSeconds)
            let code = SecondFactor.code(secret: WebFixture.secret, at: fixture.clock.now)
            for var spare in spares {
                let attempt = try await spare.post(client, "/sign-in/second-factor", ["code": code])
                #expect(attempt.headers[.location] == "/sign-in")
                #expect(try await spare.get(client, "/alerts").headers[.location] == "/sign-in")
            }
        }
        let account = try #require(try await UserAccounts.find(username: "analyst", in: fixture.database))
        #expect(account.lockedUntil != nil, "a spare session lifted the lock")
        #expect(!(try await AuditTrail.entries(matching: .init(username: "analyst", action: "sign_in"), limit: 10,
                                               in: fixture.database).entries.contains { $0.action == "sign_in" }))
    }

    @Test("forty sign-ins sent at once from one address: the address throttle counts them before checking any", arguments: TestStores.engines)
    func parallelFromOneAddress(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        // Over real sockets, so the server sees the client's address.
        try await Application(router: try fixture.router()).test(.live) { client in
            let port = try #require(client.port)
            // Raw connections, all open before any answer is read; each answer is awaited on a thread of its own
            // for up to two minutes, because the test client's fixed 20 s read timeout ran out on a loaded machine.
            let senders = try (0..<40).map { index in
                let body = "username=user\(index)&password=guess"
                return try SlowSender(port: port, head: """
                    POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                    Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)
                    """)
            }
            defer { senders.forEach { $0.close() } }
            var statuses: [String] = []
            for sender in senders {
                let answer = await sender.answer(timeout: 120)
                statuses.append(String(answer.split(separator: " ", maxSplits: 2).dropFirst().first ?? ""))
            }
            #expect(statuses.filter { $0 == "200" }.count == 10)
            #expect(statuses.filter { $0 == "429" }.count == 30)
        }
        // Thirty refusals, one trail entry: a flood of refused guesses does not flood the trail.
        let throttled = try await AuditTrail.entries(matching: .init(action: "sign_in_throttled"), limit: 100,
                                                     in: fixture.database)
        #expect(throttled.total == 1)
    }

    @Test("changing a chosen password needs the current one, and ends the account's other sessions", arguments: TestStores.engines)
    func passwordChange(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var here = try await Browser.signIn(client, "analyst", fixture: fixture)
            var elsewhere = try await Browser.signIn(client, "analyst", fixture: fixture)
            _ = try await here.get(client, "/account/password")
            let new = "a different long password"
            let without = try await here.post(client, "/account/password", ["password": new, "confirm": new])
            #expect(without.status == .badRequest)
            #expect(String(buffer: without.body).contains("Enter your current password"))
            let wrong = try await here.post(client, "/account/password",
                                            ["current": "not it at all", "password": new, "confirm": new])
            #expect(wrong.status == .badRequest)
            let changed = try await here.post(client, "/account/password",
                                              ["current": WebFixture.password, "password": new, "confirm": new])
            #expect(changed.headers[.location] == "/alerts")
            #expect(try await here.get(client, "/alerts").status == .ok)
            #expect(try await elsewhere.get(client, "/alerts").headers[.location] == "/sign-in",
                    "another session outlived the password change")
            // Guessing the current password from a signed-in session counts towards the lock-out.
            for _ in 0..<5 {
                _ = try await here.post(client, "/account/password",
                                        ["current": "a guess at it", "password": "yet another password", "confirm": "yet another password"])
            }
            let locked = try await here.post(client, "/account/password",
                                             ["current": new, "password": "yet another password", "confirm": "yet another password"])
            #expect(locked.status == .badRequest)
            #expect(String(buffer: locked.body).contains("locked"))
        }
        #expect(try await UserAccounts.find(username: "analyst", in: fixture.database)?.lockedUntil != nil)
    }

    @Test("a locked account's answer is the same page as an unknown username's, so it does not say the account exists", arguments: TestStores.engines)
    func lockedLooksUnknown(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            for _ in 0..<5 {
                var guess = Browser()
                _ = try await guess.post(client, "/sign-in", ["username": "analyst", "password": "wrong"], csrf: false)
            }
            var locked = Browser()
            let lockedAnswer = try await locked.post(client, "/sign-in",
                                                     ["username": "analyst", "password": WebFixture.password], csrf: false)
            var unknown = Browser()
            let unknownAnswer = try await unknown.post(client, "/sign-in", ["username": "nobodyxx", "password": "wrong"],
                                                       csrf: false)
            #expect(lockedAnswer.status == unknownAnswer.status)
            #expect(String(buffer: lockedAnswer.body).replacingOccurrences(of: "analyst", with: "NAME")
                    == String(buffer: unknownAnswer.body).replacingOccurrences(of: "nobodyxx", with: "NAME"))
        }
    }

    @Test("a session's token changes when the second factor completes", arguments: TestStores.engines)
    func tokenRenewed(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = Browser()
            _ = try await browser.post(client, "/sign-in", ["username": "analyst", "password": WebFixture.password],
                                       csrf: false)
            let before = browser
            _ = try await browser.get(client, "/sign-in/second-factor")
            fixture.clock.advance(SecondFactor.stepSeconds)
            let done = try await browser.post(client, "/sign-in/second-factor",
                                              ["code": SecondFactor.code(secret: WebFixture.secret, at: fixture.clock.now)])
            #expect(done.headers[.location] == "/alerts")
            #expect(browser.cookie != nil && browser.cookie != before.cookie)
            #expect(try await browser.get(client, "/alerts").status == .ok)
            var old = before
            #expect(try await old.get(client, "/alerts").headers[.location] == "/sign-in",
                    "the token from before the second factor still works")
        }
    }
}
