@testable import CustodesServer
import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// Each role against each route: allowed or refused, on a fresh store per role so one role's actions (an
/// assignment) cannot change what the next sees. "Hidden" means 404: an alert outside need-to-know is not
/// admitted to exist.
@Suite("Authorisation matrix")
struct AuthorizationTests {
    enum Outcome: Equatable, CustomStringConvertible {
        /// `invalid` is a 400: the role may use the route, and the test's input was refused on its merits.
        case ok, redirect, forbidden, hidden, signIn, invalid

        init(_ response: TestResponse) {
            switch response.status {
            case .ok: self = .ok
            case .seeOther: self = response.headers[.location] == "/sign-in" ? .signIn : .redirect
            case .forbidden: self = .forbidden
            case .notFound: self = .hidden
            case .unauthorized: self = .signIn
            case .badRequest: self = .invalid
            default: self = .forbidden
            }
        }

        var description: String {
            switch self {
            case .ok: "ok"
            case .redirect: "redirect"
            case .forbidden: "forbidden"
            case .hidden: "hidden"
            case .signIn: "signIn"
            case .invalid: "invalid"
            }
        }
    }

    struct Route: CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var fields: [String: String] = [:]
        var description: String { "\(method) \(path)" }
    }

    /// The routes, with `{A}` for the highest-risk alert (unassigned), `{U}` for another user's id and `{T}` for the
    /// first source token (the one adding a source makes, for the administrator).
    static let routes: [Route] = [
        Route(method: .get, path: "/alerts"),
        Route(method: .get, path: "/alerts/{A}"),
        Route(method: .get, path: "/api/v1/alerts"),
        Route(method: .get, path: "/api/v1/alerts/{A}"),
        Route(method: .post, path: "/alerts/{A}/comments", fields: ["body": "Looked at the timeline."]),
        Route(method: .post, path: "/alerts/{A}/decisions",
              fields: ["outcome": "record_as_intelligence", "rationale": "Pattern worth recording as intelligence."]),
        Route(method: .post, path: "/alerts/{A}/reveal", fields: ["reason": "Need to know who this is to assess it."]),
        Route(method: .get, path: "/staff/{S}"),
        Route(method: .post, path: "/alerts/{A}/assign", fields: ["assignee": "investigator"]),
        Route(method: .get, path: "/trail"),
        Route(method: .get, path: "/trail.csv"),
        Route(method: .get, path: "/api/v1/trail"),
        Route(method: .get, path: "/admin/users"),
        Route(method: .post, path: "/admin/users/{U}/reset-second-factor"),
        Route(method: .get, path: "/admin/sources"),
        Route(method: .post, path: "/admin/sources", fields: ["source": "rms"]),
        Route(method: .get, path: "/admin/rules"),
        Route(method: .get, path: "/capability"),
        // With the confirmation the page asks for (without it, the answer is the question).
        Route(method: .post, path: "/admin/users/{U}/disable", fields: ["confirm": "yes"]),
        Route(method: .post, path: "/admin/sources/{T}/revoke"),
        Route(method: .get, path: "/intelligence"),
        Route(method: .get, path: "/intelligence/new"),
        Route(method: .post, path: "/intelligence",
              fields: ["source_kind": "internal_report", "source_description": "a colleague",
                       "original": "Named colleague's words.", "sanitised": "A colleague reported a concern."]),
        Route(method: .get, path: "/intelligence.json"),
        Route(method: .get, path: "/intelligence/{I}"),
        Route(method: .post, path: "/intelligence/{I}/original"),
        Route(method: .post, path: "/intelligence/{I}/grading",
              fields: ["source_evaluation": "2", "intelligence_assessment": "C", "handling_code": "P"]),
        Route(method: .post, path: "/intelligence/{I}/links", fields: ["kind": "person", "target": "PSN-matrix"]),
        Route(method: .post, path: "/intelligence/{I}/disseminations",
              fields: ["recipient": "Professional standards", "purpose": "Assessment"]),
        Route(method: .get, path: "/cases"),
        Route(method: .get, path: "/cases/new"),
        Route(method: .post, path: "/cases", fields: ["alert": "{A}", "title": "From the alert", "apsp": "no"]),
        Route(method: .get, path: "/cases/{C}"),
        Route(method: .get, path: "/cases/{C}/file"),
        Route(method: .post, path: "/cases/{C}/notes", fields: ["note_body": "Called the supervisor."]),
        Route(method: .post, path: "/cases/{C}/victims",
              fields: ["person": "PSN-matrix", "victim_description": "", "risk_level": "high", "consent": "given"]),
        Route(method: .post, path: "/cases/{C}/victims/{V}",
              fields: ["risk_level": "medium", "consent": "given", "organisation": "A refuge"]),
        Route(method: .post, path: "/cases/{C}/links", fields: ["target": "{A}"]),
        Route(method: .post, path: "/cases/{C}/actions",
              fields: ["kind": "safeguarding", "action_description": "Safety plan", "owner": "head", "due_on": "2030-01-01"]),
        Route(method: .post, path: "/cases/{C}/actions/{X}/finish", fields: ["finish_status": "done"]),
        Route(method: .post, path: "/cases/{C}/assessments",
              fields: ["severity": "misconduct", "proceedings": "meeting", "assessment_rationale": "Repeated access."]),
        Route(method: .post, path: "/cases/{C}/measures",
              fields: ["measure": "restricted_duties", "started_on": "2027-01-01", "review_on": "2027-02-01",
                       "measure_rationale": "Away from victims."]),
        Route(method: .post, path: "/cases/{C}/measures/{M}/end", fields: ["ended_on": "2027-01-10"]),
        Route(method: .post, path: "/cases/{C}/referrals",
              fields: ["decision": "referred", "sent_on": "2027-01-02", "referral_rationale": "Referred as a precaution."]),
        Route(method: .post, path: "/cases/{C}/iopc-decision", fields: ["mode": "local_investigation", "decided_on": "2027-01-05"]),
        Route(method: .post, path: "/cases/{C}/outcome",
              fields: ["outcome": "management_action", "outcome_on": "2027-01-10", "outcome_rationale": "Words of advice given."]),
        Route(method: .post, path: "/cases/{C}/status", fields: ["status": "investigation", "status_rationale": "Enough to investigate."]),
        Route(method: .post, path: "/cases/{C}/assign", fields: ["investigator": "investigator"]),
        Route(method: .post, path: "/cases/{C}/reveal", fields: ["reveal_reason": "Needed to plan the interview."]),
        Route(method: .get, path: "/partners"),
        Route(method: .get, path: "/partners/new"),
        Route(method: .post, path: "/partners", fields: ["name": "A refuge", "kind": "domestic_abuse", "area": "North"]),
        Route(method: .post, path: "/partners/kinds", fields: ["title": "Veterans' charity"]),
        Route(method: .post, path: "/partners/settings", fields: ["overdue_days": "60"]),
        Route(method: .get, path: "/partners/{O}"),
        Route(method: .post, path: "/partners/{O}",
              fields: ["name": "A refuge", "kind": "domestic_abuse", "area": "North", "status": "paused"]),
        Route(method: .post, path: "/partners/{O}/contacts",
              fields: ["contact_name": "A. Worker", "contact_role": "Manager", "reach": "01234 567890"]),
        Route(method: .post, path: "/partners/{O}/contacts/{K}/remove"),
        Route(method: .post, path: "/partners/{O}/engagements",
              fields: ["engagement_kind": "meeting", "on_day": "2027-01-10", "summary": "Met the team."]),
        Route(method: .get, path: "/exceptions"),
        Route(method: .post, path: "/exceptions/{E}/approve", fields: ["note": "Confirmed with the tasking officer."]),
        Route(method: .post, path: "/exceptions/{G}/refuse"),
        Route(method: .get, path: "/reports"),
        Route(method: .post, path: "/reports/settings", fields: ["acknowledge": "3", "assess": "10", "retention": "400"]),
        Route(method: .get, path: "/reports/{R}"),
        Route(method: .post, path: "/reports/{R}/acknowledge"),
        Route(method: .post, path: "/reports/{R}/messages", fields: ["reply": "Thank you: we are looking into it."]),
        Route(method: .post, path: "/reports/{R}/assessment", fields: ["assessment": "Credible; links to an alert."]),
        Route(method: .post, path: "/reports/{R}/subject", fields: ["subject": "{S}"]),
        Route(method: .post, path: "/reports/{R}/alerts", fields: ["alert": "{A}"]),
        Route(method: .get, path: "/reports/{R}/attachments/{F}"),
        Route(method: .post, path: "/reports/{R}/intelligence", fields: ["sanitised": "A member of staff contacted a client."]),
        Route(method: .post, path: "/reports/{R}/close"),
        Route(method: .post, path: "/reports/recovery-key"),
        Route(method: .post, path: "/reports/recover", fields: ["recovery": "not the key"]),
        // The organisation was paused above, so an invitation is refused on its merits (400) to those who may issue one.
        Route(method: .post, path: "/partners/{O}/invitations"),
        Route(method: .post, path: "/partners/{O}/invitations/{N}/withdraw"),
        Route(method: .post, path: "/partners/{O}/accounts/{P}/disable"),
        Route(method: .post, path: "/reports/readers/{U}/approve", fields: ["fingerprint": "0000"]),
        Route(method: .post, path: "/capability/settings", fields: ["analysts": "2", "hours": "30"]),
        Route(method: .get, path: "/capability.txt"),
        Route(method: .get, path: "/search?q={A}"),
        Route(method: .get, path: "/people/{H}"),
        Route(method: .post, path: "/admin/users/{U}/enable"),
        Route(method: .get, path: "/admin/rules.yaml"),
        Route(method: .get, path: "/notifications"),
        // Reveals asked for are off by default, so an analyst's request is refused on its merits (400).
        Route(method: .post, path: "/alerts/{A}/reveal-requests", fields: ["reason": "Need to know who this is to assess it."]),
        Route(method: .get, path: "/reveals"),
        Route(method: .post, path: "/reveals/{W}/approve"),
        Route(method: .post, path: "/reveals/{Y}/refuse"),
        Route(method: .post, path: "/reveals/settings", fields: ["requests": "on"]),
    ]

    static let expected: [Role: [Outcome]] = [
        //   queue, alert, apiQ, apiA, comment, decide, reveal, staff, assign,
        //   trail, csv, apiTrail, users, resetTOTP, sources, addSource, rules, capability, disable, revokeSource
        .analyst: [.ok, .ok, .ok, .ok, .redirect, .redirect, .forbidden, .hidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden,
                   .ok, .ok, .redirect, .ok, .ok, .forbidden, .redirect, .redirect, .redirect,
                   .ok, .ok, .redirect, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .forbidden, .hidden,
                   .ok, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .ok, .forbidden, .ok, .redirect, .redirect, .redirect, .redirect, .redirect, .ok, .redirect, .redirect,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .ok, .forbidden, .forbidden, .ok, .invalid, .forbidden, .forbidden, .forbidden, .forbidden],
        .investigator: [.ok, .hidden, .ok, .hidden, .hidden, .hidden, .hidden, .hidden, .forbidden,
                        .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                        .forbidden,
                        .ok, .ok, .redirect, .forbidden, .hidden, .hidden, .forbidden, .hidden, .forbidden,
                        .ok, .ok, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .hidden, .forbidden, .hidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .forbidden, .ok, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden],
        .headOfUnit: [.ok, .ok, .ok, .ok, .redirect, .redirect, .redirect, .ok, .redirect,
                      .ok, .ok, .ok, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .ok, .forbidden,
                      .forbidden,
                      .ok, .ok, .redirect, .ok, .ok, .ok, .redirect, .redirect, .redirect,
                      .ok, .ok, .redirect, .ok, .ok, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect, .redirect,
                   .ok, .ok, .redirect, .redirect, .redirect, .ok, .redirect, .redirect, .redirect, .redirect,
                   .ok, .redirect, .redirect, .ok, .redirect, .ok, .redirect, .redirect, .redirect, .redirect, .redirect, .ok, .redirect, .redirect,
                   .ok, .invalid, .invalid, .redirect, .redirect, .hidden, .redirect, .ok, .ok, .ok, .forbidden, .ok, .ok, .forbidden, .ok, .redirect, .redirect, .redirect],
        .auditor: [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .ok, .ok, .ok, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden],
        .administrator: [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                         .forbidden, .forbidden, .forbidden, .ok, .redirect, .ok, .ok, .ok, .forbidden, .redirect,
                         .redirect,
                         .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                         .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .redirect, .ok, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden],
        .partnership: [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                       .ok, .ok, .redirect, .redirect, .redirect, .ok, .redirect, .redirect, .redirect, .redirect,
                   .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden,
                   .forbidden, .forbidden, .invalid, .redirect, .redirect, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden],
    ]

    /// Routes every visitor reaches by design (signing in, the stylesheet, health) or that carry their own
    /// credentials (the connectors' bearer tokens); each is tested in its own suite.
    static let openRoutes: Set<String> = [
        "GET /", "GET /healthz", "GET /readyz", "GET /assets/custodes.css", "GET /sign-in", "POST /sign-in",
        "GET /sign-in/second-factor", "POST /sign-in/second-factor", "GET /account/enrol", "POST /account/enrol",
        "GET /account/password", "POST /account/password", "POST /sign-out", "POST /api/v1/audit-events",
        // The idle-timeout warning's script, and its "stay signed in" (any signed-in user; tested in SessionDraftTests).
        "GET /assets/session.js", "GET /session/alive",
        // Needs the metrics token, not a session (tested in MetricsTests).
        "GET /metrics",
    ]

    @Test("every route the router has is in the matrix or among the open routes, so a new one cannot be missed", arguments: TestStores.engines)
    func everyRouteCovered(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        // The matrix's placeholders stand for the router's parameters.
        let parameters: [(String, String)] = [
            ("{A}", "{id}"), ("{U}", "{id}"), ("{S}", "{pseudonym}"), ("{T}", "{id}"), ("{I}", "{id}"), ("{C}", "{id}"),
            ("{X}", "{action}"), ("{M}", "{measure}"), ("{V}", "{victim}"), ("{O}", "{id}"), ("{K}", "{contact}"),
            ("{R}", "{id}"), ("{F}", "{attachment}"), ("{E}", "{id}"), ("{G}", "{id}"), ("{N}", "{invitation}"),
            ("{P}", "{account}"), ("{H}", "{pseudonym}"), ("{W}", "{id}"), ("{Y}", "{id}"), ("?q={id}", ""),
        ]
        let covered = Set(Self.routes.map { route in
            "\(route.method) " + parameters.reduce(route.path) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        })
        let registered = try fixture.router().routes.map { "\($0.method) \($0.path)" }
        #expect(registered.count > 20)
        for route in registered {
            #expect(covered.contains(route) || Self.openRoutes.contains(route),
                    "\(route) is in neither the authorisation matrix nor the open routes")
        }
        for route in covered.union(Self.openRoutes) {
            #expect(registered.contains(route), "\(route) is tested but the router has no such route")
        }
    }

    @Test("each role gets exactly what it should from each route", arguments: Role.allCases, TestStores.engines)
    func matrix(role: Role, engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("subject", role: role)
        try await fixture.enrolledUser("investigator", role: .investigator)
        let other = try #require(try await UserAccounts.find(username: "investigator", in: fixture.database))
        let topAlert = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database))
        let pseudonym = topAlert.pseudonym
        let personPseudonym = try #require(try await fixture.database.sql.raw(
            "SELECT pseudonym FROM alert_people WHERE alert_key = \(bind: topAlert.key) ORDER BY pseudonym").first()?
            .decode(column: "pseudonym", as: String.self))
        // An item someone else recorded from the top alert (unassigned): the investigator's need-to-know excludes it.
        let itemID = try await IntelligenceLog.record(
            .init(sourceKind: .alert, sourceDescription: "alert", originalText: "As the source told it.",
                  sanitisedText: "What the unit may read.", subjectStaffID: fixture.alertStaffID,
                  links: [(.alert, String(fixture.alertID))]), by: "recorder", at: 0, in: fixture.database)
        // A case someone else opened, with nobody assigned: only the head of unit may see it.
        let caseID = try await CaseStore.open(.init(title: "Matrix case", subjectStaffID: fixture.alertStaffID,
                                                    apsp: false, becameClearOn: nil), by: "recorder", at: 0,
                                              in: fixture.database)
        let actionID = try await CaseStore.addAction(caseID, victimID: nil, kind: .task, description: "Read the file",
                                                     owner: "recorder", dueOn: CalendarDate(iso: "2030-01-01")!, by: "recorder",
                                                     at: 0, in: fixture.database)
        try await CaseStore.addMeasure(caseID, kind: .suspension, startedOn: CalendarDate(iso: "2027-01-01")!,
                                       reviewOn: CalendarDate(iso: "2027-02-01")!, rationale: "r", by: "recorder", at: 0,
                                       in: fixture.database)
        let measureID = try #require(try await CaseStore.measures(of: caseID, in: fixture.database).first).measureID
        let victimID = try await CaseStore.addVictim(caseID, person: "PSN-matrix-victim", description: "",
                                                     riskLevel: .high, organisation: "", consent: .notAsked,
                                                     by: "recorder", at: 0, in: fixture.database)
        let organisationID = try await PartnerRegister.add(name: "A sexual violence service", kind: "sexual_violence",
                                                           area: "South", liaison: nil, by: "recorder", at: 0,
                                                           in: fixture.database)
        let contactID = try await PartnerRegister.addContact(organisationID, name: "B. Worker", role: "Outreach",
                                                             reach: "by phone", by: "recorder", at: 0, in: fixture.database)
        let reportID = try await PortalTests.storeReport(fixture, text: "A worker saw an officer with a client.")
        // An open invitation and a partner account made with another, at the organisation.
        let invitationID = try await PartnerAccounts.issue(organisationID: organisationID, codeHash: "open", by: "recorder",
                                                           at: 0, expiresAt: 4_000_000_000, in: fixture.database)
        let usedID = try await PartnerAccounts.issue(organisationID: organisationID, codeHash: "used", by: "recorder",
                                                     at: 0, expiresAt: 4_000_000_000, in: fixture.database)
        let partnerAccount = try await PartnerAccounts.redeem(usedID, account: .init(
            username: "worker", displayName: "A. Worker", passwordHash: "x", sealedTOTPSecret: "x", publicKey: "x",
            sealedPrivateKey: "x"), at: 1, in: fixture.database)
        // Two reveals asked for by someone else on the top alert: one to approve, one to refuse.
        let approveRevealID = try await RevealRequests.ask(alertID: fixture.alertID, alertKey: topAlert.key,
                                                           reason: "Asked in the matrix.", by: "recorder", at: 0, in: fixture.database)
        let refuseRevealID = try await RevealRequests.ask(alertID: fixture.alertID, alertKey: topAlert.key,
                                                          reason: "Asked again.", by: "recorder", at: 0, in: fixture.database)
        var asked: [Int64] = []
        for _ in 0..<2 {
            asked.append(try await ExceptionRequests.request(alertID: fixture.alertID, staffID: fixture.alertStaffID,
                                                             indicators: ["off_duty"], tasking: nil, until: "2030-01-01",
                                                             rationale: "Tasked review.", by: "recorder", at: 0,
                                                             in: fixture.database))
        }
        let (approveID, refuseID) = (asked[0], asked[1])
        let placeholders: [(String, String)] = [
            ("{A}", String(fixture.alertID)), ("{U}", String(other.id)), ("{S}", pseudonym), ("{T}", "1"),
            ("{I}", String(itemID)), ("{C}", String(caseID)), ("{X}", String(actionID)), ("{M}", String(measureID)),
            ("{V}", String(victimID)), ("{O}", String(organisationID)), ("{K}", String(contactID)),
            ("{R}", String(reportID)), ("{F}", "1"), ("{E}", String(approveID)), ("{G}", String(refuseID)),
            ("{N}", String(invitationID)), ("{P}", String(partnerAccount.accountID)), ("{H}", personPseudonym),
            ("{W}", String(approveRevealID)), ("{Y}", String(refuseRevealID)),
        ]
        @Sendable func fill(_ text: String) -> String {
            placeholders.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, "subject", fixture: fixture)
            var outcomes: [Outcome] = []
            for route in Self.routes {
                let path = fill(route.path)
                let response = route.method == .get ? try await browser.get(client, path)
                    : try await browser.post(client, path, route.fields.mapValues(fill))
                outcomes.append(Outcome(response))
            }
            #expect(outcomes.count == Self.expected[role]!.count)
            for (index, route) in Self.routes.enumerated() {
                #expect(outcomes[index] == Self.expected[role]![index], "\(role.rawValue): \(route)")
            }
        }
    }

    @Test("without a session, pages send you to sign in and the API answers 401", arguments: TestStores.engines)
    func anonymous(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await Application(router: try fixture.router()).test(.router) { client in
            var browser = Browser()
            for route in Self.routes where route.method == .get {
                let path = route.path.replacingOccurrences(of: "{A}", with: String(fixture.alertID))
                    .replacingOccurrences(of: "{S}", with: "STF-0").replacingOccurrences(of: "{I}", with: "1")
                    .replacingOccurrences(of: "{C}", with: "1").replacingOccurrences(of: "{O}", with: "1")
                    .replacingOccurrences(of: "{R}", with: "1").replacingOccurrences(of: "{F}", with: "1")
                let response = try await browser.get(client, path)
                if path.hasPrefix("/api/") {
                    #expect(response.status == .unauthorized, "\(path)")
                    #expect(String(buffer: response.body).contains("\"error\""))
                } else {
                    #expect(response.headers[.location] == "/sign-in", "\(path)")
                }
            }
        }
    }

    @Test("an investigator sees an alert once it is assigned to them, and may then reveal", arguments: TestStores.engines)
    func assignment(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("investigator", role: .investigator)
        try await Application(router: try fixture.router()).test(.router) { client in
            var investigator = try await Browser.signIn(client, "investigator", fixture: fixture)
            #expect(try await investigator.get(client, "/alerts/\(fixture.alertID)").status == .notFound)
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            let assigned = try await head.post(client, "/alerts/\(fixture.alertID)/assign", ["assignee": "investigator"])
            #expect(assigned.status == .seeOther)
            #expect(try await investigator.get(client, "/alerts/\(fixture.alertID)").status == .ok)
            let reveal = try await investigator.post(client, "/alerts/\(fixture.alertID)/reveal",
                                                     ["reason": "Assigned to me for investigation."])
            #expect(reveal.status == .seeOther)
            let queue = String(buffer: try await investigator.get(client, "/alerts").body)
            #expect(queue.contains("/alerts/\(fixture.alertID)\""))
            #expect(!queue.contains("/alerts/\(fixture.otherAlertID)\""))
        }
    }

    @Test("nobody sees alerts about themselves or their declared associates, whatever their role", arguments: TestStores.engines)
    func selfAndAssociates(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        // The head of unit is the member of staff under the top alert.
        try await fixture.enrolledUser("head", role: .headOfUnit, staffID: fixture.alertStaffID)
        // An analyst who has declared as an associate someone whose record the other alert's evidence opened.
        let other = try #require(try await AlertCasework.record(id: fixture.otherAlertID, in: fixture.database))
        let event = try #require(try AlertDetail.decode(other.detail).evidence_detail.first { $0.entity_type == "person" })
        let person = try #require(try await fixture.database.sql.raw(
            "SELECT entity_id FROM audit_events WHERE event_id = \(bind: event.event_id)").first()?
            .decode(column: "entity_id", as: String.self))
        let analystStaff = try #require(try await fixture.database.sql.raw("""
            SELECT staff_id FROM staff WHERE staff_id NOT IN (SELECT staff_id FROM alerts) LIMIT 1
            """).first()?.decode(column: "staff_id", as: String.self))
        try await fixture.database.sql.raw("""
            INSERT INTO declared_associations (staff_id, person_id, relation, declared_on, batch_id) VALUES \
            (\(bind: analystStaff), \(bind: person), 'friend', 0, 0)
            """).run()
        try await fixture.enrolledUser("analyst", role: .analyst, staffID: analystStaff)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            #expect(try await head.get(client, "/alerts/\(fixture.alertID)").status == .notFound)
            #expect(try await head.get(client, "/api/v1/alerts/\(fixture.alertID)").status == .notFound)
            let queue = String(buffer: try await head.get(client, "/alerts").body)
            #expect(!queue.contains("/alerts/\(fixture.alertID)\""))
            #expect(queue.contains("/alerts/\(fixture.otherAlertID)\""))
            let reveal = try await head.post(client, "/alerts/\(fixture.alertID)/reveal", ["reason": "Trying to see myself."])
            #expect(reveal.status == .notFound)

            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            #expect(try await analyst.get(client, "/alerts/\(fixture.otherAlertID)").status == .notFound)
            #expect(try await analyst.get(client, "/alerts/\(fixture.alertID)").status == .ok)

            // Nor can they be assigned it by someone who can see it.
            try await fixture.enrolledUser("boss", role: .headOfUnit)
            var boss = try await Browser.signIn(client, "boss", fixture: fixture)
            let page = String(buffer: try await boss.get(client, "/alerts/\(fixture.otherAlertID)").body)
            #expect(!page.contains("<option value=\"analyst\""), "the associate is offered as an assignee")
            let assign = try await boss.post(client, "/alerts/\(fixture.otherAlertID)/assign", ["assignee": "analyst"])
            #expect(assign.status == .badRequest)
            let assignSelf = try await boss.post(client, "/alerts/\(fixture.alertID)/assign", ["assignee": "head"])
            #expect(assignSelf.status == .badRequest)
        }
    }
}
