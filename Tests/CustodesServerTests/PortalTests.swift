@testable import CustodesServer
import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

/// The reporting portal: its own routes only; a report that keeps what was typed when refused; nothing of the
/// reporter's connection anywhere in the store; nothing of the report in the clear; the receipt that brings the
/// reporter back to the unit's reply and cannot be guessed; the unit's queue with its deadlines.
@Suite("Reporting portal")
struct PortalTests {
    static let text = "PORTAL-TEXT: the officer from the response team keeps messaging our client at night."
    static let agent = "MARKED-AGENT/9.9 (reporter-browser)"
    static let address = "203.0.113.77"

    /// A report stored as the portal stores it, for tests of the unit's side.
    static func storeReport(_ fixture: WebFixture, text: String) async throws -> Int64 {
        let sealer = ReportSealer(deploymentKey: WebFixture.key)
        let code = ReceiptCode.generate()
        let (key, wraps) = try await ReportKeyring(database: fixture.database, deploymentKey: WebFixture.key)
            .newReport(lookup: code.lookup, receiptSecret: code.secret)
        let answers = String(decoding: try JSONSerialization.data(withJSONObject: [
            ["id": "what_happened", "label": "What happened?", "answer": text],
        ]), as: UTF8.self)
        let today = ReferralRule().day(at: fixture.clock.now)
        let reportID = try await PortalReports.add(.init(
            lookup: code.lookup, receiptHash: try await Passwords.hash(code.secret, cost: 4), channel: .anonymous,
            receivedAt: fixture.clock.now, wraps: wraps,
            sealedAnswers: try sealer.seal(answers, with: key, lookup: code.lookup),
            acknowledgeBy: today.adding(workingDays: 2), assessBy: today.adding(workingDays: 7)), in: fixture.database)
        try await PortalReports.addAttachment(reportID, kind: "text", size: 5,
                                              sealedName: try sealer.seal("notes.txt", with: key, lookup: code.lookup),
                                              sealedContent: try sealer.seal(bytes: Array("notes".utf8), with: key,
                                                                             lookup: code.lookup), in: fixture.database)
        return reportID
    }

    static func portal(_ fixture: WebFixture) throws -> Router<BasicRequestContext> {
        try PortalApplication(database: fixture.database, settings: fixture.access()).router()
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [String: String],
                     marked: Bool = true) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if marked {
            headers[.userAgent] = agent
            headers[HTTPField.Name("X-Forwarded-For")!] = address
        }
        let body = fields.map { key, value in
            key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func receipt(in response: TestResponse) throws -> String {
        let body = String(buffer: response.body)
        let start = try #require(body.range(of: "<p class=\"lead\" id=\"receipt\"><strong>"))
        return String(body[start.upperBound...].prefix { $0 != "<" })
    }

    /// Every row of every table, as text, to search for what must not be there.
    static func everything(in database: StoreDatabase) async throws -> String {
        let tables: [String]
        if database.engine == .sqlite {
            tables = try await database.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                .map { try $0.decode(column: "name", as: String.self) }
        } else {
            tables = try await database.sql.raw("""
                SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'
                """).all().map { try $0.decode(column: "name", as: String.self) }
        }
        var text = ""
        for table in tables {
            let query = database.engine == .sqlite ? "SELECT * FROM \(table)" : "SELECT t::text AS row FROM \(table) t"
            for row in try await database.sql.raw(SQLQueryString(query)).all() {
                if database.engine == .sqlite {
                    for column in row.allColumns {
                        if let value = try? row.decode(column: column, as: String?.self) { text += (value ?? "") + "\n" }
                    }
                } else {
                    text += (try row.decode(column: "row", as: String.self)) + "\n"
                }
            }
        }
        return text
    }

    @Test("the portal's listener serves only the portal", arguments: TestStores.engines)
    func onlyThePortal(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        let router = try Self.portal(fixture)
        let paths = Set(router.routes.map(\.path.description))
        #expect(paths.allSatisfy { $0 == "/" || $0.hasPrefix("/report") || $0.hasPrefix("/receipt") || $0.hasPrefix("/partner")
                                   || $0.hasPrefix("/assets") || $0 == "/healthz" }, "\(paths)")
        try await Application(router: router).test(.router) { client in
            for path in ["/alerts", "/sign-in", "/trail", "/api/v1/alerts", "/reports", "/partners"] {
                #expect(try await client.execute(uri: path, method: .get).status == .notFound, "\(path)")
            }
            let start = try await client.execute(uri: "/", method: .get)
            #expect(start.status == .ok && start.headers[.setCookie] == nil)
            #expect(start.headers[.cacheControl] == "no-store")
            #expect(start.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        }
    }

    @Test("a report: refused answers kept, nothing of the reporter's connection stored, nothing of it in the clear, and the receipt brings back the unit's reply",
          arguments: TestStores.engines)
    func reportAndReply(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        let receipt = try await Application(router: try Self.portal(fixture)).test(.router) { client in
            let missing = try await Self.post(client, "/report/anonymous", ["what_happened": Self.text])
            #expect(missing.status == .badRequest)
            let refused = String(buffer: missing.body)
            #expect(refused.contains("There is a problem") && refused.contains("Select yes or no"))
            #expect(refused.contains("PORTAL-TEXT: the officer"))
            let sent = try await Self.post(client, "/report/anonymous", [
                "what_happened": Self.text, "when_where": "Last Tuesday, outside the day centre",
                "consent_to_contact": "no",
            ])
            #expect(sent.status == .ok)
            let receipt = try Self.receipt(in: sent)
            #expect(ReceiptCode(typed: receipt) != nil)
            return receipt
        }
        let stored = try await Self.everything(in: fixture.database)
        #expect(!stored.contains("MARKED-AGENT") && !stored.contains(Self.address), "the reporter's connection was stored")
        #expect(!stored.contains("PORTAL-TEXT") && !stored.contains("day centre"), "the report is readable in the store")
        #expect(!stored.contains(ReceiptCode(typed: receipt)!.secret), "the receipt's secret is stored in the clear")
        if engine == .sqlite, let path = fixture.store.directory.map({ $0 + "/store.sqlite" }) {
            try await fixture.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: Data("PORTAL-TEXT".utf8)) == nil, "the database file holds the report's text")
        }

        // The unit: the report in the queue, opened, answered.
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            let queue = String(buffer: try await analyst.get(client, "/reports").body)
            #expect(queue.contains("Acknowledge by "))
            let id = try #require(try await PortalReports.queue(visibility: .init(scope: .all), in: fixture.database).first)
            let page = String(buffer: try await analyst.get(client, "/reports/\(id.reportID)").body)
            #expect(page.contains("PORTAL-TEXT: the officer"))
            #expect(try await analyst.post(client, "/reports/\(id.reportID)/messages",
                                           ["reply": "Thank you. We are looking into this. Can you tell us which night?"])
                .status == .seeOther)
        }
        // The reporter comes back with the receipt, reads the reply and adds to it.
        try await Application(router: try Self.portal(fixture)).test(.router) { client in
            let back = try await Self.post(client, "/receipt", ["receipt": receipt.uppercased().replacingOccurrences(of: "-", with: " ")])
            #expect(back.status == .ok)
            #expect(String(buffer: back.body).contains("Can you tell us which night?"))
            let added = try await Self.post(client, "/receipt/messages", ["receipt": receipt, "message": "It was the 14th."])
            #expect(String(buffer: added.body).contains("It was the 14th."))
        }
        let messages = try await PortalReports.messages(of: 1, in: fixture.database)
        #expect(messages.map(\.fromReporter) == [false, true] && messages.allSatisfy { $0.username != Self.address })
        let trail = try await fixture.database.sql.raw(
            "SELECT username, action, detail FROM audit_trail WHERE username = 'portal'").all()
        #expect(trail.count == 2)
    }

    static func multipart(_ fields: [String: String], files: [(name: String, bytes: [UInt8])]) -> (String, ByteBuffer) {
        let boundary = "----custodes-test-boundary"
        var body = ByteBuffer()
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"\(file.name)\"\r\n"
                             + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    @Test("attachments: checked by content, kept sealed, refused ones named with the answers kept, and only downloaded in the unit",
          arguments: TestStores.engines)
    func attachments(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        let answers = ["what_happened": "Attachment test", "when_where": "Here", "consent_to_contact": "no"]
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        let note = Array("ATTACHED-NOTE: messages from the officer, copied out".utf8)
        try await Application(router: try Self.portal(fixture)).test(.router) { client in
            let (type, refused) = Self.multipart(answers, files: [("photo.png", png), ("run-me.exe", [0x4D, 0x5A, 0x90, 0])])
            let refusal = try await client.execute(uri: "/report/anonymous", method: .post,
                                                   headers: [.contentType: type], body: refused)
            #expect(refusal.status == .badRequest)
            let page = String(buffer: refusal.body)
            #expect(page.contains("run-me.exe is not a kind of file the portal takes"))
            #expect(page.contains(">Attachment test</textarea>"))
            let (okType, accepted) = Self.multipart(answers, files: [("photo.png", png), ("notes.txt", note)])
            let sent = try await client.execute(uri: "/report/anonymous", method: .post,
                                                headers: [.contentType: okType], body: accepted)
            #expect(sent.status == .ok)
        }
        let stored = try await Self.everything(in: fixture.database)
        #expect(!stored.contains("ATTACHED-NOTE") && !stored.contains("notes.txt"))
        let report = try #require(try await PortalReports.queue(visibility: .init(scope: .all), in: fixture.database).first)
        let files = try await PortalReports.attachments(of: report.reportID, in: fixture.database)
        #expect(files.map(\.kind) == ["png", "text"])
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            let page = String(buffer: try await analyst.get(client, "/reports/\(report.reportID)").body)
            #expect(page.contains("Download notes.txt") && !page.contains("ATTACHED-NOTE"))
            let download = try await analyst.get(client, "/reports/\(report.reportID)/attachments/\(files[1].attachmentID)")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(download.headers[.contentType] == "application/octet-stream")
            #expect(Array(download.body.readableBytesView) == note)
            #expect(try await analyst.get(client, "/reports/\(report.reportID)/attachments/999999").status == .notFound)
        }
        #expect(try await fixture.database.sql.raw(
            "SELECT seq FROM audit_trail WHERE action = 'download_attachment'").all().count == 1)
    }

    @Test("intelligence recorded from a report is hidden, as the report is, from the member of staff it is later linked to; times are kept to the hour",
          arguments: TestStores.engines)
    func intelligenceFollowsTheReport(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await fixture.enrolledUser("analyst", role: .analyst)
        try await fixture.enrolledUser("subject", role: .analyst, staffID: fixture.alertStaffID)
        let reportID = try await Self.storeReport(fixture, text: "A worker saw an officer with a client.")
        let pseudonym = try #require(try await AlertCasework.record(id: fixture.alertID, in: fixture.database)).pseudonym
        try await Application(router: try fixture.router()).test(.router) { client in
            var analyst = try await Browser.signIn(client, "analyst", fixture: fixture)
            _ = try await analyst.get(client, "/reports/\(reportID)")
            let recorded = try await analyst.post(client, "/reports/\(reportID)/intelligence",
                                                  ["sanitised": "A support worker saw a member of staff with a client."])
            let item = try #require(recorded.headers[.location])
            var subject = try await Browser.signIn(client, "subject", fixture: fixture)
            #expect(try await subject.get(client, item).status == .ok)
            #expect(try await analyst.post(client, "/reports/\(reportID)/subject", ["subject": pseudonym]).status == .seeOther)
            #expect(try await subject.get(client, item).status == .notFound)
            #expect(try await subject.get(client, "/reports/\(reportID)").status == .notFound)
        }
        try await Application(router: try Self.portal(fixture)).test(.router) { client in
            _ = try await Self.post(client, "/report/anonymous", [
                "what_happened": "Hour test", "when_where": "Here", "consent_to_contact": "no",
            ], marked: false)
        }
        let reports = try await PortalReports.queue(visibility: .init(scope: .all), in: fixture.database)
        #expect(reports.allSatisfy { $0.receivedAt % 3_600 == 0 || $0.reportID == reportID })
        #expect(reports.contains { $0.reference == "REP-000002" })
    }

    @Test("a receipt cannot be guessed: wrong secrets stop the attempts for that report, and a guess names nothing",
          arguments: TestStores.engines)
    func receiptGuessing(engine: DatabaseURL.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        defer { Task { await fixture.close() } }
        try await Application(router: try Self.portal(fixture)).test(.router) { client in
            let sent = try await Self.post(client, "/report/confidential", [
                "what_happened": "Guessing test", "when_where": "Here", "consent_to_contact": "yes",
                "contact_details": "leave a message at the office",
            ], marked: false)
            let code = try #require(ReceiptCode(typed: try Self.receipt(in: sent)))
            let unknown = try await Self.post(client, "/receipt", ["receipt": String(repeating: "a", count: 24)])
            let wrongLength = try await Self.post(client, "/receipt", ["receipt": "abc"])
            #expect(String(buffer: unknown.body).contains("does not match a report"))
            #expect(String(buffer: wrongLength.body).contains("does not match a report"))
            for attempt in 0..<5 {
                let guess = ReceiptCode(lookup: code.lookup, secret: String(repeating: Array("bcdefghjkmn")[attempt], count: 16))
                #expect(try await Self.post(client, "/receipt", ["receipt": guess.display]).status == .badRequest)
            }
            let right = try await Self.post(client, "/receipt", ["receipt": code.display])
            #expect(right.status == .tooManyRequests)
            #expect(String(buffer: right.body).contains("Too many attempts"))
        }
    }

    @Test("the questions file: mistakes named with file, line and field")
    func questionnaire() {
        #expect(Questionnaire.standard.questions(for: .confidential).contains { $0.id == "contact_details" })
        #expect(!Questionnaire.standard.questions(for: .anonymous).contains { $0.id == "contact_details" })
        let unknown = """
            questions:
              - id: what
                label: What?
                kind: long_text
                channels: [anonymous, confidential]
                colour: red
            """
        #expect(throws: QuestionnaireError.self) { try Questionnaire.parse(unknown, file: "q.yaml") }
        do {
            _ = try Questionnaire.parse(unknown, file: "q.yaml")
        } catch {
            #expect(error.description.hasPrefix("q.yaml, line 6, questions[0].colour: is not a question field"))
        }
        let oneChannel = """
            questions:
              - id: what
                label: What?
                kind: sing
                channels: [anonymous]
            """
        do {
            _ = try Questionnaire.parse(oneChannel, file: "q.yaml")
            Issue.record("an unknown kind was accepted")
        } catch {
            #expect(error.description.contains("line 4, questions[0].kind: expected one of short_text"))
        }
    }

    @Test("deadlines count working days")
    func workingDays() {
        let friday = CalendarDate(iso: "2027-01-15")!
        #expect(friday.adding(workingDays: 2) == CalendarDate(iso: "2027-01-19"))
        #expect(friday.adding(workingDays: 7) == CalendarDate(iso: "2027-01-26"))
        #expect(CalendarDate(iso: "2027-01-16")!.isWorkingDay == false)
    }
}
