@testable import CustodesServer
import CustodesDetection
import CustodesStore
import CustodesTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// Regression tests for the holes a probe of the running service found: absurd numbers in the address, case content
/// reaching the trail's readers, and words typed into a decision breaking the rules for the whole store.
@Suite("Hardening against probes")
struct HardeningTests {
    @Test("absurd, negative and non-numeric pages and figures are a 400 naming the parameter, and the server carries on", arguments: TestStores.engines)
    func absurdNumbers(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            for path in ["/alerts", "/api/v1/alerts", "/trail", "/api/v1/trail"] {
                for page in ["9223372036854775807", "-9223372036854775808", "100001", "0", "-1", "abc", "1e3",
                             "99999999999999999999999"] {
                    let response = try await head.get(client, "\(path)?page=\(page)")
                    #expect(response.status == .badRequest, "\(path)?page=\(page) answered \(response.status)")
                    #expect(String(buffer: response.body).contains("page&#39; must be a whole number")
                            || String(buffer: response.body).contains("'page' must be a whole number"), "\(path)?page=\(page)")
                }
                #expect(try await head.get(client, "\(path)?page=2").status == .ok, "\(path)?page=2")
            }
            // The capacity is a saved setting now, not a query: absurd values are refused with the field named.
            _ = try await head.get(client, "/capability")
            for (analysts, hours) in [("abc", "10"), ("-5", "10"), ("9223372036854775807", "10"), ("3", "-5"), ("3", "nan"),
                                      ("3", "inf"), ("3", "1e308"), ("3\u{0}", "10")] {
                let refused = try await head.post(client, "/capability/settings", ["analysts": analysts, "hours": hours])
                #expect(refused.status == .badRequest, "\(analysts) \(hours)")
                #expect(String(buffer: refused.body).contains("There is a problem"), "\(analysts) \(hours)")
            }
            #expect(try await head.post(client, "/capability/settings", ["analysts": "3", "hours": "37.5"]).status == .seeOther)
        }
    }

    @Test("the trail shows the auditor and a head of unit linked to the subject who did what, never the case content", arguments: TestStores.engines)
    func trailWithoutCaseContent(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("linkedhead", role: .headOfUnit, staffID: fixture.alertStaffID)
        try await fixture.enrolledUser("deputy", role: .headOfUnit)
        try await fixture.enrolledUser("auditor", role: .auditor)
        let pseudonym = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database)).pseudonym
        let secrets = ["Comment-words-only-the-case-may-read", "Reveal-reason-only-the-case-may-read",
                       "Rationale-only-the-case-may-read, at length", "Tasking-ref-only-the-case-may-read", pseudonym]
        // Entries written by an earlier version, with case content in the detail.
        try await AuditTrail.append("comment", by: "head", subject: "alert \(fixture.alertID)",
                                    detail: "Legacy-comment-only-the-case-may-read", at: fixture.clock.now,
                                    sealedWith: WebFixture.seal, in: fixture.database)
        try await AuditTrail.append("rule_exception", by: "head", subject: "alert \(fixture.alertID)",
                                    detail: "rules off_duty, until 2030-01-01, tasking Legacy-tasking-only-the-case-may-read",
                                    at: fixture.clock.now, sealedWith: WebFixture.seal, in: fixture.database)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/reveal", ["reason": secrets[1]])
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/comments", ["body": secrets[0]])
            let decided = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "no_further_action", "rationale": secrets[2], "exception_until": "2030-03-31",
                "tasking": secrets[3],
            ])
            #expect(decided.status == .seeOther)
            #expect(try await head.get(client, "/staff/\(pseudonym)").status == .ok)
            // The head of unit who may see the case still reads it, on the alert.
            let alert = String(buffer: try await head.get(client, "/alerts/\(fixture.alertID)").body)
            #expect(alert.contains(secrets[0]) && alert.contains(secrets[1]) && alert.contains(secrets[2]))

            for reader in ["auditor", "linkedhead"] {
                var browser = try await Browser.signIn(client, reader, fixture: fixture)
                for path in ["/trail", "/trail.csv", "/api/v1/trail", "/trail?user=head", "/trail?action=view_staff",
                             "/trail.csv?subject=\(pseudonym)", "/api/v1/trail?subject=\(pseudonym)"] {
                    let body = String(buffer: try await browser.get(client, path).body)
                    for secret in secrets + ["Legacy-comment-only-the-case-may-read", "Legacy-tasking-only-the-case-may-read"] {
                        #expect(!body.contains(secret), "\(reader) read '\(secret)' from \(path)")
                    }
                }
                // Who did what, when, to which record is all there.
                let page = String(buffer: try await browser.get(client, "/trail?user=head").body)
                for action in ["reveal", "comment", "decision", "exception_requested", "view_staff"] {
                    // Each action in words, with its code beside it.
                #expect(page.contains("(<code>\(action)</code>)"), "\(action) missing for \(reader)")
                }
                #expect(page.contains("alert \(fixture.alertID)"))
                // A new exception's entry says which rules and until when: administration of the rules, not content.
                #expect(page.contains("until 2030-03-31"), "the exception's rules and date were withheld too")
                // Filtering by the pseudonym tells nothing either.
                let filtered = String(buffer: try await browser.get(client, "/api/v1/trail?subject=\(pseudonym)").body)
                #expect(filtered.contains("\"total\":0"), "\(reader) learnt from the subject filter: \(filtered.prefix(200))")
                // (The page repeats the reader's own filter back in its form; its table has nothing.)
                let filteredPage = String(buffer: try await browser.get(client, "/trail?subject=\(pseudonym)").body)
                #expect(filteredPage.contains("0 entries") && !filteredPage.contains("<td>view_staff</td>"))
            }
            // The head of unit the exception is about cannot approve it; a second head of unit does.
            let asked = try #require(try await ExceptionRequests.all(in: fixture.database).first)
            var linked = try await Browser.signIn(client, "linkedhead", fixture: fixture)
            #expect(!String(buffer: try await linked.get(client, "/exceptions").body).contains(secrets[2]),
                    "the head of unit the exception is about read its rationale in the register")
            #expect(try await linked.post(client, "/exceptions/\(asked.requestID)/approve", [:]).status == .badRequest)
            var deputy = try await Browser.signIn(client, "deputy", fixture: fixture)
            _ = try await deputy.get(client, "/exceptions")
            #expect(try await deputy.post(client, "/exceptions/\(asked.requestID)/approve", [:]).status == .seeOther)
            // The administrator sees that an exception exists, what it covers and until when: not whom or why.
            try await fixture.enrolledUser("admin", role: .administrator)
            var admin = try await Browser.signIn(client, "admin", fixture: fixture)
            let rules = try await admin.get(client, "/admin/rules")
            #expect(rules.status == .ok)
            let text = String(buffer: rules.body)
            #expect(text.contains("a member of staff") && text.contains("2030-03-31"))
            for secret in secrets + [fixture.alertStaffID] {
                #expect(!text.contains(secret), "the administrator read '\(secret)' on /admin/rules")
            }
        }
    }

    @Test("control characters typed into a decision are refused; awkward but printable words keep detection running", arguments: TestStores.engines)
    func controlCharactersInAnException(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("deputy", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            let rationale = "Tasked to review these records for a problem profile."
            for (field, value) in [("rationale", rationale + "\u{1}"), ("tasking", "PP-2027\u{7}"),
                                   ("tasking", "PP-2027\nexceptions: []"), ("rationale", rationale + "\u{2028}x")] {
                var fields = ["outcome": "no_further_action", "rationale": rationale, "exception_until": "2030-03-31"]
                fields[field] = value
                let refused = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", fields)
                #expect(refused.status == .badRequest, "\(field) with a control character was accepted")
                #expect(String(buffer: refused.body).contains("control characters"))
            }
            #expect(try await StoredRules.current(in: fixture.database).version == 0, "a refused decision changed the rules")
            let awkward = "PP-\"2027\" \\ # : - [x] {y} 'z' é 🚓"
            let decided = try await head.post(client, "/alerts/\(fixture.alertID)/decisions", [
                "outcome": "no_further_action", "rationale": rationale + "\nOn two lines, \"quoted\" \\ too.",
                "exception_until": "2030-03-31", "tasking": awkward,
            ])
            #expect(decided.status == .seeOther)
            #expect(try await head.get(client, "/admin/rules").status == .ok)
            let decidedAgain = try await head.post(client, "/alerts/\(fixture.otherAlertID)/decisions", [
                "outcome": "no_further_action", "rationale": rationale, "exception_until": "2030-03-31",
            ])
            #expect(decidedAgain.status == .seeOther, "a later exception failed after the first")
            // A second head of unit approves both; each enters the rules.
            var deputy = try await Browser.signIn(client, "deputy", fixture: fixture)
            _ = try await deputy.get(client, "/exceptions")
            for asked in try await ExceptionRequests.all(in: fixture.database) {
                #expect(try await deputy.post(client, "/exceptions/\(asked.requestID)/approve", [:]).status == .seeOther)
            }
            #expect(try await deputy.get(client, "/admin/rules").status == .ok)
        }
        let rules = try await StoredRules.current(in: fixture.database)
        #expect(rules.rules.exceptions.contains { $0.reasonContains == "PP-\"2027\" \\ # : - [x] {y} 'z' é 🚓" })
        // Detection reads the stored rules and runs.
        _ = try await StoreDetection(database: fixture.database, pseudonymKey: WebFixture.key, budget: 1).run(force: true)
    }

    @Test("the trail page checks only what is new between full checks, yet sees at once a trail cut back past its last check", arguments: TestStores.engines)
    func trailCutBack(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("auditor", role: .auditor)
        try await Application(router: try fixture.router()).test(.router) { client in
            var auditor = try await Browser.signIn(client, "auditor", fixture: fixture)
            #expect(String(buffer: try await auditor.get(client, "/trail").body).contains("The chain is intact"))
            #expect(String(buffer: try await auditor.get(client, "/trail").body).contains("The chain is intact"))
            // Someone with the database removes the newest entries; the next entry chains onto what is left.
            let newest = try #require(try await fixture.database.sql.raw("SELECT MAX(seq) AS n FROM audit_trail").first()?
                .decode(column: "n", as: Int64.self))
            try await fixture.database.sql.raw("DELETE FROM audit_trail WHERE seq > \(bind: newest - 3)").run()
            // The chain alone cannot see a cut from its end...
            if case .broken = try await AuditTrail.verify(sealedWith: WebFixture.seal, in: fixture.database) { Issue.record("the cut trail did not verify") }
            // ...but the page's last checkpoint is gone from it.
            let page = String(buffer: try await auditor.get(client, "/trail").body)
            #expect(page.contains("The chain is broken at entry"), "a cut back past the last check went unseen")
        }
    }

    @Test("a post another site sends is refused, sign-in included; the service's own posts go through", arguments: TestStores.engines)
    func crossSitePosts(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            let form = "username=analyst&password=" + (WebFixture.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            for (name, value) in [("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"),
                                  ("Origin", "https://attacker.example"), ("Origin", "null")] {
                let response = try await client.execute(
                    uri: "/sign-in", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name(name)!: value],
                    body: ByteBuffer(string: form))
                #expect(response.status == .forbidden, "\(name): \(value) answered \(response.status)")
                #expect(response.headers[.setCookie] == nil)
            }
            let own = try await client.execute(
                uri: "/sign-in", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"],
                body: ByteBuffer(string: form))
            #expect(own.headers[.location] == "/sign-in/second-factor")
            // Signed in, with the right CSRF token, a cross-site post is still refused.
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            _ = try await analyst.get(client, "/alerts/\(fixture.alertID)")
            var headers = analyst.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            let comment = try await client.execute(uri: "/alerts/\(fixture.alertID)/comments", method: .post, headers: headers,
                                                   body: ByteBuffer(string: "body=planted&csrf=" + (analyst.csrf ?? "")))
            #expect(comment.status == .forbidden)
        }
        let key = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database)).key
        #expect(try await AlertCasework.comments(key: key, in: fixture.database).isEmpty)
    }

    @Test("behind TLS the session cookie is Secure with the __Host- prefix, and browsers are told to keep to HTTPS", arguments: TestStores.engines)
    func secureDeployment(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        var access = fixture.access()
        access.secureCookies = true
        let router = try CustodesServerBuilder.router(database: fixture.database, access: access,
                                                      pseudonymiser: Pseudonymiser(key: WebFixture.key))
        try await Application(router: router).test(.router) { client in
            let signIn = try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=analyst&password=" + (WebFixture.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))
            let cookie = try #require(signIn.headers[.setCookie])
            #expect(cookie.hasPrefix("__Host-custodes_session=") && cookie.contains("; Secure") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Domain"))
            #expect(signIn.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
            let token = String(cookie.dropFirst("__Host-custodes_session=".count).prefix { $0 != ";" })
            let named = try await client.execute(uri: "/sign-in/second-factor", method: .get,
                                                 headers: [.cookie: "__Host-custodes_session=" + token])
            #expect(named.status == .ok)
            let plain = try await client.execute(uri: "/sign-in/second-factor", method: .get,
                                                 headers: [.cookie: "custodes_session=" + token])
            #expect(plain.headers[.location] == "/sign-in", "the unprefixed cookie was taken behind TLS")
        }
        try await Application(router: try fixture.router()).test(.router) { client in
            let response = try await client.execute(uri: "/sign-in", method: .get, headers: [:])
            #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
        }
    }
}
