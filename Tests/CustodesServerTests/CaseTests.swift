@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// Cases through the web application: the referral gate and its overdue flag, safeguarding on the dashboard,
/// closing with open safeguarding, the case file's sanitised intelligence, and forms that keep what was typed.
/// The fixture's clock stands at 2027-01-15 (London), so days are chosen around it.
@Suite("Cases in the web application")
struct CaseTests {
    static func openAPSPCase(_ head: inout Browser, _ client: some TestClientProtocol, fixture: WebFixture,
                             becameClear: String) async throws -> Int64 {
        let form = String(buffer: try await head.get(client, "/cases/new?alert=\(fixture.alertID)").body)
        #expect(form.contains("name=\"alert\" value=\"\(fixture.alertID)\""))
        let opened = try await head.post(client, "/cases", [
            "alert": String(fixture.alertID), "title": "Contact with a victim after the case closed", "apsp": "yes",
            "became_clear_on": becameClear, "investigator": "investigator",
        ])
        #expect(opened.status == .seeOther)
        let location = try #require(opened.headers[.location])
        return try #require(Int64(location.replacingOccurrences(of: "/cases/", with: "")))
    }

    @Test("abuse of position: overdue referral flagged, no investigation before it is sent, then on to an outcome",
          arguments: TestStores.engines)
    func referralToOutcome(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("investigator", role: .investigator)
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let id = try await Self.openAPSPCase(&head, client, fixture: fixture, becameClear: "2027-01-13")
            let page = String(buffer: try await head.get(client, "/cases/\(id)").body)
            #expect(page.contains("Overdue: was due by the end of 2027-01-14"))
            let list = String(buffer: try await head.get(client, "/cases").body)
            #expect(list.contains("Overdue: was due by the end of 2027-01-14"))

            let early = try await head.post(client, "/cases/\(id)/status",
                                            ["status": "investigation", "status_rationale": "Enough to investigate now."])
            #expect(early.status == .badRequest)
            #expect(String(buffer: early.body).contains("Record the referral to the IOPC"))
            #expect(String(buffer: early.body).contains(">Enough to investigate now.</textarea>"))
            let notRequired = try await head.post(client, "/cases/\(id)/referrals",
                                                  ["decision": "not_required", "referral_rationale": "Seems minor."])
            #expect(notRequired.status == .badRequest)
            #expect(String(buffer: notRequired.body).contains("must be referred to the IOPC"))
            let referred = try await head.post(client, "/cases/\(id)/referrals", [
                "decision": "referred", "sent_on": "2027-01-15", "iopc_reference": "2027/000123",
                "referral_rationale": "Mandatory category.",
            ])
            #expect(referred.status == .seeOther)
            #expect(String(buffer: try await head.get(client, "/cases/\(id)").body)
                .contains("Referred on 2027-01-15, late (due by the end of 2027-01-14)"))
            #expect(try await head.post(client, "/cases/\(id)/status", [
                "status": "investigation", "status_rationale": "Referred; the IOPC will decide the mode.",
            ]).status == .seeOther)

            // The investigator named at opening sees the case; an analyst who had no part in it does not.
            var investigator = try await Browser.signIn(client, "investigator", fixture: fixture)
            #expect(try await investigator.get(client, "/cases/\(id)").status == .ok)
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            #expect(try await analyst.get(client, "/cases/\(id)").status == .notFound)
            #expect(!String(buffer: try await analyst.get(client, "/cases").body).contains("/cases/\(id)\""))

            // Safeguarding due yesterday: first on the investigator's alert queue, not on the analyst's.
            #expect(try await investigator.post(client, "/cases/\(id)/victims", [
                "person": "PSN-victim-1", "victim_description": "The victim of the closed case.", "risk_level": "high",
                "consent": "given", "organisation": "A domestic abuse service",
            ]).status == .seeOther)
            let victim = try #require(try await CaseStore.victims(of: id, in: fixture.database).first)
            #expect(try await investigator.post(client, "/cases/\(id)/actions", [
                "kind": "safeguarding", "action_description": "Agree a safety plan with her support worker.",
                "owner": "investigator", "due_on": "2027-01-14", "victim": String(victim.victimID),
            ]).status == .seeOther)
            #expect(try await investigator.post(client, "/cases/\(id)/victims/\(victim.victimID)", [
                "risk_level": "medium", "consent": "given", "organisation": "A domestic abuse service",
            ]).status == .seeOther)
            let plan = String(buffer: try await investigator.get(client, "/cases/\(id)").body)
            #expect(plan.contains("Note: Safeguarding plan for PSN-victim-1: risk high to medium"))
            #expect(plan.contains("Active: 1 open action, overdue"))
            // Only what the investigator may see can be linked: the other alert is not assigned to them.
            let hiddenLink = try await investigator.post(client, "/cases/\(id)/links",
                                                         ["target": String(fixture.otherAlertID)])
            #expect(hiddenLink.status == .badRequest)
            #expect(try await head.post(client, "/cases/\(id)/links", ["target": String(fixture.otherAlertID)]).status
                == .seeOther)
            #expect(try await CaseStore.links(of: id, in: fixture.database).map(\.target)
                .contains(String(fixture.otherAlertID)))
            let queue = String(buffer: try await investigator.get(client, "/alerts").body)
            let panel = try #require(queue.range(of: "id=\"due-safeguarding\""))
            let heading = try #require(queue.range(of: "<h1"))
            #expect(panel.lowerBound < heading.lowerBound)
            #expect(queue.contains("Overdue</strong> <a href=\"/cases/\(id)#safeguarding\">"))
            #expect(!String(buffer: try await analyst.get(client, "/alerts").body).contains("due-safeguarding"))

            #expect(try await investigator.post(client, "/cases/\(id)/outcome", [
                "outcome": "final_written_warning", "outcome_on": "2027-01-15",
                "outcome_rationale": "Misconduct meeting found the case proved.",
            ]).status == .seeOther)
            let blocked = try await investigator.post(client, "/cases/\(id)/status",
                                                      ["status": "closed", "status_rationale": "Outcome given."])
            #expect(blocked.status == .badRequest)
            #expect(String(buffer: blocked.body).contains("1 safeguarding action is still open"))
            #expect(try await investigator.post(client, "/cases/\(id)/status", [
                "status": "closed", "status_rationale": "Outcome given.",
                "close_reason": "The support service has taken over the safety plan.",
            ]).status == .seeOther)
            let closed = String(buffer: try await investigator.get(client, "/cases/\(id)").body)
            #expect(closed.contains("Closed with safeguarding open: The support service has taken over the safety plan."))
        }
        let trail = try await fixture.database.sql.raw("""
            SELECT action FROM audit_trail WHERE subject = \(bind: CaseRecord.reference(1)) ORDER BY seq
            """).all().map { try $0.decode(column: "action", as: String.self) }
        #expect(trail.contains("open_case") && trail.contains("case_referral") && trail.contains("case_status"))
        #expect(trail.contains("case_person_at_risk") && trail.contains("case_outcome"))
    }

    @Test("the case file carries graded intelligence as sanitised text only, and is recorded in the trail",
          arguments: TestStores.engines)
    func caseFile(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let itemID = try await IntelligenceTests.recordFromAlert(&head, client, fixture: fixture)
            _ = try await head.get(client, "/intelligence/\(itemID)")
            _ = try await head.post(client, "/intelligence/\(itemID)/grading", [
                "source_evaluation": "1", "intelligence_assessment": "B", "handling_code": "P",
            ])
            let form = String(buffer: try await head.get(client, "/cases/new?intelligence=\(itemID)").body)
            #expect(form.contains("name=\"intelligence\" value=\"\(itemID)\""))
            let opened = try await head.post(client, "/cases", [
                "intelligence": String(itemID), "title": "From the intelligence", "apsp": "no", "became_clear_on": "",
            ])
            #expect(opened.status == .seeOther)
            let location = try #require(opened.headers[.location])
            let file = try await head.get(client, location + "/file")
            #expect(file.status == .ok && file.headers[.cacheControl] == "no-store")
            let text = String(buffer: file.body)
            #expect(text.contains("OFFICIAL-SENSITIVE"))
            #expect(text.contains(IntelligenceItem.reference(itemID)) && text.contains("1B P"))
            #expect(text.contains("A member of staff was seen at the home of a domestic abuse victim"))
            #expect(!text.contains("ORIGINAL:"))
        }
        #expect(try await fixture.database.sql.raw(
            "SELECT seq FROM audit_trail WHERE action = 'export_case_file'").all().count == 1)
    }

    @Test("refused case forms say why and keep what was typed; impossible dates are refused",
          arguments: TestStores.engines)
    func validation(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("investigator", role: .investigator)
        try await Application(router: try fixture.router()).test(.router) { client in
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            let noDate = try await head.post(client, "/cases", [
                "alert": String(fixture.alertID), "title": "Typed title", "apsp": "yes", "became_clear_on": "2027-02-30",
            ])
            #expect(noDate.status == .badRequest)
            let body = String(buffer: noDate.body)
            #expect(body.contains("Enter the day it became clear the matter must be referred"))
            #expect(body.contains("value=\"Typed title\"") && body.contains("value=\"2027-02-30\""))
            let future = try await head.post(client, "/cases", [
                "alert": String(fixture.alertID), "title": "Typed title", "apsp": "yes", "became_clear_on": "2027-06-01",
            ])
            #expect(String(buffer: future.body).contains("cannot be in the future"))

            let id = try await Self.openAPSPCase(&head, client, fixture: fixture, becameClear: "2027-01-15")
            let badDue = try await head.post(client, "/cases/\(id)/actions", [
                "kind": "safeguarding", "action_description": "Call her support worker.", "owner": "head",
                "due_on": "2025-13-45",
            ])
            #expect(badDue.status == .badRequest)
            let refused = String(buffer: badDue.body)
            #expect(refused.contains("Enter the due date as YYYY-MM-DD"))
            #expect(refused.contains(">Call her support worker.</textarea>") && refused.contains("value=\"2025-13-45\""))
            let control = try await head.post(client, "/cases/\(id)/notes", ["note_body": "bell\u{7}"])
            #expect(String(buffer: control.body).contains("Remove the control characters from the note"))
            let noProceedings = try await head.post(client, "/cases/\(id)/assessments", [
                "severity": "no_case_to_answer", "proceedings": "hearing", "assessment_rationale": "Nothing found.",
            ])
            #expect(String(buffer: noProceedings.body).contains("With no case to answer there are no proceedings"))
            // A reveal on the case shows the name to its investigator, and only then.
            var investigator = try await Browser.signIn(client, "investigator", fixture: fixture)
            let before = String(buffer: try await investigator.get(client, "/cases/\(id)").body)
            #expect(before.contains("(pseudonymised)"))
            #expect(try await investigator.post(client, "/cases/\(id)/reveal",
                                                ["reveal_reason": "Needed to plan the interview."]).status == .seeOther)
            #expect(!String(buffer: try await investigator.get(client, "/cases/\(id)").body).contains("(pseudonymised)"))
        }
    }
    @Test("only the head of unit names who works a case, so nobody else can make themselves able to reveal",
          arguments: TestStores.engines)
    func noSelfAssignment(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await fixture.enrolledUser("investigator", role: .investigator)
        try await fixture.enrolledUser("head", role: .headOfUnit)
        let pseudonym = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database)).pseudonym
        try await Application(router: try fixture.router()).test(.router) { client in
            for name in ["analyst", "investigator"] {
                var user = try await Browser.signIn(client, name, fixture: fixture)
                _ = try await user.get(client, "/cases/new")
                let opened = try await user.post(client, "/cases", [
                    "subject": pseudonym, "title": "Opened to look", "apsp": "no", "investigator": name,
                ])
                #expect(opened.status == .seeOther, "\(name)")
                let location = try #require(opened.headers[.location])
                let page = String(buffer: try await user.get(client, location).body)
                #expect(page.contains("Nobody yet") && !page.contains("Reveal identity"), "\(name)")
                #expect(try await user.post(client, location + "/reveal",
                                            ["reveal_reason": "I would like to know who this is."]).status == .forbidden)
                #expect(String(buffer: try await user.get(client, location).body).contains("(pseudonymised)"))
            }
            // The timeline of a case shows an alert its reader may not open only as such.
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/cases/new")
            let opened = try await head.post(client, "/cases", [
                "alert": String(fixture.alertID), "title": "From the alert", "apsp": "no", "investigator": "investigator",
            ])
            let location = try #require(opened.headers[.location])
            var investigator = try await Browser.signIn(client, "investigator", fixture: fixture)
            let page = String(buffer: try await investigator.get(client, location).body)
            #expect(page.contains("Grew from an alert you cannot see") && !page.contains("Alert \(fixture.alertID) opened"))

            // A closed case takes no new safeguarding until it is reopened.
            _ = try await head.get(client, location)
            _ = try await head.post(client, location + "/outcome", [
                "outcome": "no_further_action", "outcome_on": "2027-01-15", "outcome_rationale": "Nothing found.",
            ])
            #expect(try await head.post(client, location + "/status", [
                "status": "closed", "status_rationale": "Nothing found on enquiry.",
            ]).status == .seeOther)
            let late = try await head.post(client, location + "/actions", [
                "kind": "safeguarding", "action_description": "Call her.", "owner": "head", "due_on": "2027-01-20",
            ])
            #expect(late.status == .badRequest)
            #expect(String(buffer: late.body).contains("The case is closed: reopen it"))
        }
    }
}
