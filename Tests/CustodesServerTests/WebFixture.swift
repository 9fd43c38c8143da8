@testable import CustodesServer
import CustodesDetection
import CustodesSimulator
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit

/// A time the tests move by hand, to check session expiry, lock-out and TOTP steps without waiting.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int64 = 1_800_000_000

    var now: Int64 { lock.withLock { seconds } }
    func advance(_ by: Int64) { lock.withLock { seconds += by } }
}

/// A synthetic force already ingested and scored, built once per engine and test run and copied for each test (a
/// file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL), with one enrolled account per role plus two
/// that test the self-and-associates rule.
actor TemplateStore {
    static let shared = TemplateStore()
    // Each is built by the first test that asks; the rest wait for the same task rather than build their own.
    private var sqliteTemplate: Task<String, any Error>?
    private var postgresTemplate: Task<String, any Error>?
    private var bundle: Task<String, any Error>?

    /// A fresh copy of the template, open.
    func copy(_ engine: DatabaseURL.Engine) async throws -> (StoreDatabase, TestStore) {
        switch engine {
        case .sqlite:
            let template = try await sqliteTemplatePath()
            let store = try await TestStores.fresh(.sqlite)
            try FileManager.default.createDirectory(atPath: store.directory!, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: template, toPath: store.url.path)
            return (try await store.open(), store)
        case .postgres:
            let store = try await TestStores.postgresDatabase(copying: try await postgresTemplateName())
            return (try await store.open(), store)
        }
    }

    private func sqliteTemplatePath() async throws -> String {
        if sqliteTemplate == nil {
            sqliteTemplate = Task {
                let store = try await TestStores.fresh(.sqlite)
                try await self.fill(store)
                let database = try await store.open()
                try await database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                await database.close()
                return store.url.path
            }
        }
        return try await sqliteTemplate!.value
    }

    private func postgresTemplateName() async throws -> String {
        if postgresTemplate == nil {
            postgresTemplate = Task {
                let store = try await TestStores.fresh(.postgres)
                try await self.fill(store)
                return store.databaseName!
            }
        }
        return try await postgresTemplate!.value
    }

    private func fill(_ store: TestStore) async throws {
        let database = try await store.migrated()
        _ = try await BundleIngest(database: database).ingest(directory: try await simulatedBundle())
        _ = try await StoreDetection(database: database, pseudonymKey: WebFixture.key, budget: 1).run(force: true)
        await database.close()
    }

    private func simulatedBundle() async throws -> String {
        if bundle == nil {
            bundle = Task {
                let folder = NSTemporaryDirectory() + "custodes-web-template-" + UUID().uuidString
                _ = try ForceSimulation(config: SimulationConfig(staff: 300, days: 45, seed: 2017)).write(to: folder)
                return folder
            }
        }
        return try await bundle!.value
    }
}

struct WebFixture {
    static let key = [UInt8](repeating: 7, count: 32)
    static let seal = TrailSeal(deploymentKey: key)
    static let password = "correct horse battery staple"
    static let secret = "JBSWY3DPEHPK3PXPJBSW"
    static let recoveryCode = "abcde-fghjk"

    let database: StoreDatabase
    let store: TestStore
    let clock = TestClock()
    let settings: AccessSettings
    /// The highest-risk alert's id and the staff member it is about.
    let alertID: Int64
    let alertStaffID: String
    /// An alert about someone else, and a person in it (for the associates rule).
    let otherAlertID: Int64

    /// A fresh copy of the scored template store, on `engine`.
    static func make(_ engine: DatabaseURL.Engine = .sqlite) async throws -> WebFixture {
        let (database, store) = try await TemplateStore.shared.copy(engine)
        let rows = try await database.sql.raw(
            "SELECT alert_id, staff_id FROM alerts WHERE status = 'open' ORDER BY score DESC").all()
        let alerts = try rows.map { (try $0.decode(column: "alert_id", as: Int64.self), try $0.decode(column: "staff_id", as: String.self)) }
        guard let top = alerts.first, let other = alerts.first(where: { $0.1 != top.1 }) else {
            throw FixtureError.tooFewAlerts
        }
        let fixture = WebFixture(database: database, store: store, settings: Self.settings(), alertID: top.0,
                                 alertStaffID: top.1, otherAlertID: other.0)
        return fixture
    }

    static func settings() -> AccessSettings {
        var settings = AccessSettings(deploymentKey: key)
        settings.bcryptCost = 4
        return settings
    }

    func access() -> AccessSettings {
        var settings = settings
        let clock = clock
        settings.now = { clock.now }
        return settings
    }

    func router() throws -> Router<WebContext> {
        try CustodesServerBuilder.router(database: database, access: access(), pseudonymiser: Pseudonymiser(key: Self.key))
    }

    /// An account that has already enrolled its second factor and chosen its password.
    @discardableResult
    func enrolledUser(_ username: String, role: Role, staffID: String? = nil) async throws -> UserAccount {
        let administration = UserAdministration(database: database, trailSeal: Self.seal, bcryptCost: 4, now: { clock.now })
        _ = try await administration.add(username: username, displayName: username.capitalized, role: role,
                                         staffID: staffID, by: "console:test")
        guard let account = try await UserAccounts.find(username: username, in: database) else {
            throw FixtureError.noUser
        }
        try await UserAccounts.setPassword(account.id, hash: try await Passwords.hash(Self.password, cost: 4),
                                           temporary: false, in: database)
        let sealed = try SecretBox(deploymentKey: Self.key).seal(Self.secret, userID: account.id)
        try await UserAccounts.setTOTP(account.id, sealedSecret: sealed, in: database)
        try await UserAccounts.completeEnrolment(account.id, step: 0,
                                                 recoveryCodeHashes: [SecondFactor.recoveryCodeHash(Self.recoveryCode)],
                                                 in: database)
        return try await UserAccounts.find(username: username, in: database)!
    }

    func close() async {
        await database.close()
        await store.remove()
    }
}

enum FixtureError: Error { case tooFewAlerts, noUser, signInFailed(String) }

/// A browser's state across requests: its session cookie and the CSRF token of the last page it saw.
struct Browser {
    var cookie: String?
    var csrf: String?

    var headers: HTTPFields {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = SessionCookie.name + "=" + cookie }
        return headers
    }

    mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        remember(response)
        return response
    }

    mutating func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [String: String],
                       csrf: Bool = true) async throws -> TestResponse {
        var fields = fields
        if csrf, let token = self.csrf, fields["csrf"] == nil { fields["csrf"] = token }
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { key, value in
            key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers,
                                                body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    mutating func remember(_ response: TestResponse) {
        if let setCookie = response.headers[.setCookie], setCookie.hasPrefix(SessionCookie.name + "=") {
            let value = setCookie.dropFirst(SessionCookie.name.count + 1).prefix { $0 != ";" }
            cookie = value.isEmpty ? nil : String(value)
        }
        let body = String(buffer: response.body)
        if let range = body.range(of: "name=\"csrf\" value=\"") {
            csrf = String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// Signs in with the fixture's password and a TOTP code for the clock's current time (moved on a step first, so
    /// each sign-in uses a fresh code).
    static func signIn(_ client: some TestClientProtocol, _ username: String, fixture: WebFixture) async throws -> Browser {
        var browser = Browser()
        fixture.clock.advance(SecondFactor.stepSeconds)
        let first = try await browser.post(client, "/sign-in", ["username": username, "password": WebFixture.password],
                                           csrf: false)
        guard first.headers[.location] == "/sign-in/second-factor" else {
            throw FixtureError.signInFailed("password step: \(first.status) \(first.headers[.location] ?? "")")
        }
        _ = try await browser.get(client, "/sign-in/second-factor")
        let code = SecondFactor.code(secret: WebFixture.secret, at: fixture.clock.now)
        let second = try await browser.post(client, "/sign-in/second-factor", ["code": code])
        guard second.status == .seeOther, second.headers[.location] != "/sign-in" else {
            throw FixtureError.signInFailed("second factor: \(second.status)")
        }
        // Pick up a CSRF token from a signed-in page.
        _ = try await browser.get(client, second.headers[.location] ?? "/")
        return browser
    }
}
