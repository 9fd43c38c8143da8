@testable import CustodesServer
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// Search and the person-centred view: by alert number, staff pseudonym, person pseudonym, and the name or collar
/// number of someone revealed; always within need-to-know; names never written to the trail.
@Suite("Search and the person-centred view")
struct SearchTests {
    @Test("alert numbers, pseudonyms and revealed names find what the user may see, and nothing else",
          arguments: TestStores.engines)
    func search(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("head", role: .headOfUnit)
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await fixture.enrolledUser("investigator", role: .investigator)
        // Someone the alert is about must not find it, and someone whose associate is in it must not either.
        try await fixture.enrolledUser("subject", role: .analyst, staffID: fixture.alertStaffID)
        let record = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database))
        let person = try #require(try await fixture.database.sql.raw(
            "SELECT pseudonym FROM alert_people WHERE alert_key = \(bind: record.key) ORDER BY pseudonym").first()?
            .decode(column: "pseudonym", as: String.self))
        let identity = try #require(try await StaffProfile.identity(staffID: fixture.alertStaffID, in: fixture.database))
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            let byNumber = String(buffer: try await analyst.get(client, "/search?q=alert+\(fixture.alertID)").body)
            #expect(byNumber.contains("href=\"/alerts/\(fixture.alertID)\""))
            let byStaff = String(buffer: try await analyst.get(client, "/search?q=\(record.pseudonym.lowercased())").body)
            #expect(byStaff.contains("href=\"/alerts/\(fixture.alertID)\""))
            let byPerson = String(buffer: try await analyst.get(client, "/search?q=\(person)").body)
            #expect(byPerson.contains("href=\"/people/\(person)\""))
            // The person-centred view: who opened the record, and the alert; the alert page links to it.
            let view = String(buffer: try await analyst.get(client, "/people/\(person)").body)
            #expect(view.contains("id=\"accessors\"") && view.contains(record.pseudonym))
            #expect(view.contains("href=\"/alerts/\(fixture.alertID)\""))
            #expect(String(buffer: try await analyst.get(client, "/alerts/\(fixture.alertID)").body)
                .contains("href=\"/people/\(person)\""))
            #expect(try await analyst.get(client, "/people/PSN-notaperson").status == .notFound)
            // A name is searched only among those the user revealed: the analyst has revealed nobody.
            let byName = String(buffer: try await analyst.get(client, "/search?q=\(identity.displayName.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)").body)
            #expect(byName.contains("id=\"no-results\"") && !byName.contains("/alerts/\(fixture.alertID)\""))
            let wildcard = String(buffer: try await analyst.get(client, "/search?q=%25").body)
            #expect(wildcard.contains("id=\"no-results\""))
            #expect(try await analyst.get(client, "/search?q=a%00b").status == .badRequest)
            #expect(try await analyst.get(client, "/search?q=" + String(repeating: "x", count: 65)).status == .badRequest)
        }
        try await Application(router: try fixture.router()).test(.router) { client in
            // The head of unit, after revealing the member of staff, finds them by name and by collar number.
            var head = try await Browser.signIn(client, "head", fixture: fixture)
            _ = try await head.get(client, "/alerts/\(fixture.alertID)")
            _ = try await head.post(client, "/alerts/\(fixture.alertID)/reveal", ["reason": "Need to know who this is to assess it."])
            let part = String(identity.displayName.split(separator: " ").last ?? "")
            let byName = String(buffer: try await head.get(client, "/search?q=\(part.lowercased())").body)
            #expect(byName.contains("href=\"/alerts/\(fixture.alertID)\""))
            let byCollar = String(buffer: try await head.get(client, "/search?q=\(identity.collarNumber)").body)
            #expect(byCollar.contains("href=\"/alerts/\(fixture.alertID)\"") && !byCollar.contains("Entries in the audit trail"))
            // The member of staff it is about finds nothing, by number, pseudonym or person.
            var subject = try await Browser.signIn(client, "subject", fixture: fixture)
            for query in ["\(fixture.alertID)", record.pseudonym] {
                #expect(!String(buffer: try await subject.get(client, "/search?q=\(query)").body)
                    .contains("href=\"/alerts/\(fixture.alertID)\""), "\(query)")
            }
            // An investigator sees only what is assigned to them, and has no person-centred view.
            var investigator = try await Browser.signIn(client, "investigator", fixture: fixture)
            #expect(!String(buffer: try await investigator.get(client, "/search?q=\(fixture.alertID)").body)
                .contains("href=\"/alerts/\(fixture.alertID)\""))
            #expect(try await investigator.get(client, "/people/\(person)").status == .forbidden)
        }
        let searches = try await fixture.database.sql.raw(
            "SELECT detail FROM audit_trail WHERE action = 'search' ORDER BY seq").all()
            .map { try $0.decode(column: "detail", as: String.self) }
        #expect(searches.contains("member of staff \(record.pseudonym)"))
        #expect(!searches.contains { $0.lowercased().contains(identity.displayName.lowercased()) || $0.contains(identity.collarNumber) },
                "a name or collar number was written to the trail")
    }
}
