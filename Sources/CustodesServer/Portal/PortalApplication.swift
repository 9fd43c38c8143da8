import CustodesModel
public import CustodesStore
import Foundation
public import Hummingbird
import HummingbirdBcrypt

/// The reporting portal: a listener of its own (`custodes serve --portal-port`) with only these routes, so a force
/// can put it on the internet and keep the unit's application inside. A support worker or anyone else tells the
/// unit what they know, anonymously or confidentially, gets a receipt, and comes back with it to read the unit's
/// replies and add to what they said. Nothing about the reporter's connection (address, browser) is read into the
/// store, the trail or the logs.
public struct PortalApplication: Sendable {
    let database: StoreDatabase
    let settings: AccessSettings
    let questionnaire: Questionnaire
    let pages: Pages
    let sealer: ReportSealer
    let keyring: ReportKeyring
    let throttle: PortalThrottle
    let gate: PortalWorkGate
    let secrets: SecretBox
    /// Checked against when a receipt's lookup is unknown, so an unknown one takes as long as a wrong one.
    let dummyHash: String

    /// Counts partner sign-in failures and lock-outs, and the portal's requests, for `/metrics`; nil counts nothing.
    let metrics: ServerMetrics?

    public init(database: StoreDatabase, settings: AccessSettings, questionnaire: Questionnaire = .standard,
                metrics: ServerMetrics? = nil) throws {
        self.database = database
        self.metrics = metrics
        self.settings = settings
        self.questionnaire = questionnaire
        pages = try Pages()
        sealer = ReportSealer(deploymentKey: settings.deploymentKey)
        keyring = ReportKeyring(database: database, deploymentKey: settings.deploymentKey)
        throttle = PortalThrottle()
        gate = PortalWorkGate()
        secrets = SecretBox(deploymentKey: settings.deploymentKey)
        dummyHash = Bcrypt.hash(ReceiptCode.generate().secret, cost: settings.bcryptCost)
    }

    /// The portal's router: its pages, the stylesheet, the same security headers as the unit's application.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let metrics { router.add(middleware: RequestRecordMiddleware(metrics: metrics, listener: "portal")) }
        router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: settings.secureCookies))
        router.get("/assets/custodes.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Stylesheet.text)))
        }
        router.get("/healthz") { _, _ in "ok" }
        router.get("/") { _, _ in page("Tell the counter-corruption unit", "portal-start", [:]) }
        router.get("/report/{channel}") { _, context in
            guard let channel = context.parameters.get("channel").flatMap(PortalReports.Channel.init),
                  channel != .partner else {
                return notFound()
            }
            return reportForm(channel, answers: [:], errors: [:])
        }
        router.post("/report/{channel}") { request, context in
            guard let channel = context.parameters.get("channel").flatMap(PortalReports.Channel.init),
                  channel != .partner else {
                return notFound()
            }
            return try await submit(request, channel: channel)
        }
        router.get("/receipt") { _, _ in page("Check your report", "portal-receipt", [:]) }
        router.post("/receipt") { request, _ in try await openReceipt(request, adding: false) }
        router.post("/receipt/messages") { request, _ in try await openReceipt(request, adding: true) }
        addPartnerRoutes(to: router)
        return router
    }

    // MARK: Reporting

    func reportForm(_ channel: PortalReports.Channel, answers: [String: String], errors: [String: String],
                    status: HTTPResponse.Status = .ok) -> Response {
        let questions = questionnaire.questions(for: channel).map { question -> [String: Any] in
            let answer = answers[question.id] ?? ""
            var values: [String: Any] = [
                "id": question.id, "label": question.label, "hint": question.hint ?? false,
                "required": question.required, "value": answer, "error": errors[question.id] ?? false,
            ]
            switch question.kind {
            case .shortText: values["shortText"] = true
            case .longText: values["longText"] = true
            case .date: values["date"] = true
            case .yesNo: values["yesNo"] = true; values["yes"] = answer == "yes"; values["no"] = answer == "no"
            }
            return values
        }
        var values: [String: Any] = ["channel": channel.rawValue, "anonymous": channel == .anonymous,
                                     "partner": channel == .partner, "questions": questions,
                                     "action": channel == .partner ? "/partner/report" : "/report/\(channel.rawValue)"]
        if !errors.isEmpty {
            values["hasErrors"] = true
            values["errors"] = questionnaire.questions(for: channel).compactMap { question in
                errors[question.id].map {
                    ["field": question.kind == .yesNo ? question.id + "-yes" : question.id, "message": $0]
                }
            } + (errors["form"].map { [["field": "main", "message": $0]] } ?? [])
        }
        let title = switch channel {
        case .anonymous: "Report anonymously"
        case .confidential: "Report confidentially"
        case .partner: "Send a report"
        }
        return page(title, "portal-report", values, status: status)
    }

    /// Takes a report on `channel`; `partner` is the signed-in partner account on the partner channel.
    func submit(_ request: Request, channel: PortalReports.Channel,
                partner: PartnerAccounts.Account? = nil) async throws -> Response {
        guard CrossSiteRequestMiddleware.isSameSite(request) else { return forbidden() }
        var errors: [String: String] = [:]
        let upload: ReportForm
        do {
            upload = try await ReportForm.read(request)
        } catch let problem as ReportForm.Problem {
            // Nothing of a body too large or unreadable to parse can be shown again; the reporter is told why.
            return reportForm(channel, answers: [:],
                              errors: ["form": Self.describe(problem) + " Nothing was sent: please fill in the form again."],
                              status: .badRequest)
        }
        let form = upload.form
        if let problem = upload.problem {
            errors["form"] = Self.describe(problem) + " Your answers are kept below: choose the files again, or send without them."
        }
        var answers: [String: String] = [:]
        for question in questionnaire.questions(for: channel) {
            let answer = form.trimmed(question.id)
            answers[question.id] = answer
            if answer.isEmpty {
                if question.required {
                    errors[question.id] = question.kind == .yesNo ? "Select yes or no" : "Enter \(question.label.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "?")))"
                }
                continue
            }
            switch question.kind {
            case .yesNo where answer != "yes" && answer != "no": errors[question.id] = "Select yes or no"
            case .date where CalendarDate(iso: answer) == nil:
                errors[question.id] = "Enter the date as YYYY-MM-DD, like 2027-03-31"
            case .shortText where Form.hasControlCharacters(answer, multiline: false),
                 .longText where Form.hasControlCharacters(answer, multiline: true):
                errors[question.id] = "Remove the control characters (they may have come with pasted text)"
            default:
                if answer.count > question.maximum {
                    errors[question.id] = "Shorten this to \(question.maximum) characters or fewer"
                }
            }
        }
        guard errors.isEmpty else { return reportForm(channel, answers: answers, errors: errors, status: .badRequest) }
        let now = settings.now()
        guard throttle.mayReport(now: now) else {
            return reportForm(channel, answers: answers,
                              errors: ["form": "The portal is taking many reports just now. Please try again in a few minutes; nothing you typed was sent."],
                              status: .tooManyRequests)
        }
        // A partner's worker finds their reports in their account, so their receipt is never shown: its hash is one
        // nobody can match, and there is no slow work to do for it.
        let code = ReceiptCode.generate()
        guard let receiptHash = partner != nil ? dummyHash : try await gate.run({ [cost = settings.bcryptCost] in
            try await Passwords.hash(code.secret, cost: cost)
        }) else {
            return reportForm(channel, answers: answers,
                              errors: ["form": "The portal is busy. Please try again in a minute; nothing you typed was sent."],
                              status: .serviceUnavailable)
        }
        let (key, wraps) = try await keyring.newReport(
            lookup: code.lookup, receiptSecret: partner == nil ? code.secret : nil,
            partner: partner.map { ($0.accountID, $0.publicKey) })
        let record = questionnaire.questions(for: channel).compactMap { question -> [String: String]? in
            guard let answer = answers[question.id], !answer.isEmpty else { return nil }
            return ["id": question.id, "label": question.label, "answer": answer]
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]),
                          as: UTF8.self)
        let today = ReferralRule().day(at: now)
        let acknowledgeDays = try await UnitSettings.integer(UnitSettings.acknowledgeWorkingDays, default: 2, in: database)
        let assessDays = try await UnitSettings.integer(UnitSettings.assessWorkingDays, default: 7, in: database)
        let reportID = try await PortalReports.add(.init(
            lookup: code.lookup, receiptHash: receiptHash, channel: channel, receivedAt: Self.toTheHour(now), wraps: wraps, sealedAnswers: try sealer.seal(json, with: key, lookup: code.lookup),
            acknowledgeBy: today.adding(workingDays: acknowledgeDays), assessBy: today.adding(workingDays: assessDays),
            partnerAccountID: partner?.accountID, organisationID: partner?.organisationID),
            in: database)
        for file in upload.files {
            try await PortalReports.addAttachment(reportID, kind: file.kind.rawValue, size: file.bytes.count,
                                                  sealedName: try sealer.seal(file.name, with: key, lookup: code.lookup),
                                                  sealedContent: try sealer.seal(bytes: file.bytes, with: key, lookup: code.lookup),
                                                  in: database)
        }
        // The trail says a report arrived and on which channel; nothing of it, and nothing of who sent it.
        // The trail names no reporter: for a partner's report, only the organisation (auditors read the trail, not
        // the reports, and need not learn which worker sent which report).
        try await AuditTrail.append("portal_report", by: "portal", subject: PortalReports.reference(reportID),
                                    detail: channel.rawValue + (partner.map { ", organisation \($0.organisationID)" } ?? "")
                                        + (upload.files.isEmpty ? "" : ", \(upload.files.count) attachments"),
                                    at: Self.toTheHour(now), sealedWith: TrailSeal(deploymentKey: settings.deploymentKey),
                                    in: database)
        if partner != nil { return redirect("/partner/reports/\(reportID)?sent=1") }
        return page("Your report has been sent", "portal-sent", ["receipt": code.display])
    }

    /// What the store and trail keep of when a reporter acted: the hour, not the second, so a report cannot be
    /// matched to a line in some other system's log by its time.
    static func toTheHour(_ seconds: Int64) -> Int64 { seconds - seconds % 3_600 }

    static func describe(_ problem: ReportForm.Problem) -> String {
        switch problem {
        case .tooLarge: "The report and its files are too large (at most \(ReportForm.maximumFiles) files of 5 MB each)."
        case .tooManyFiles: "Attach at most \(ReportForm.maximumFiles) files."
        case .fileTooLarge(let name): "\(name) is larger than 5 MB."
        case .unsupported(let name):
            "\(name) is not a kind of file the portal takes: send a photograph (JPEG or PNG), a PDF or a text file."
        case .unreadable: "The form could not be read."
        }
    }

    // MARK: Coming back with a receipt

    func openReceipt(_ request: Request, adding: Bool) async throws -> Response {
        guard CrossSiteRequestMiddleware.isSameSite(request) else { return forbidden() }
        let form = try await Self.readForm(request)
        let refused = "That receipt does not match a report. Check it and try again."
        guard let code = ReceiptCode(typed: form["receipt"]) else {
            return page("Check your report", "portal-receipt", ["error": refused], status: .badRequest)
        }
        let now = settings.now()
        guard throttle.mayTry(lookup: code.lookup, now: now) else {
            return page("Check your report", "portal-receipt",
                        ["error": "Too many attempts with that receipt. Wait 15 minutes and try again."],
                        status: .tooManyRequests)
        }
        let found = try await PortalReports.report(lookup: code.lookup, in: database)
        guard let matches = try await gate.run({ [dummyHash] in
            try await Passwords.verify(code.secret, hash: found?.receiptHash ?? dummyHash)
        }) else {
            return page("Check your report", "portal-receipt",
                        ["error": "The portal is busy. Wait a minute and try again."], status: .serviceUnavailable)
        }
        guard let report = found, matches else {
            throttle.failed(lookup: code.lookup, now: now)
            return page("Check your report", "portal-receipt", ["error": refused], status: .badRequest)
        }
        guard let key = try await keyring.reportKey(report, receiptSecret: code.secret) else {
            // A report from before receipts held keys, already taken over by the unit's readers: say so plainly.
            return page("Your report", "portal-message", [
                "message": "Your report reached the unit, but it can no longer be opened here. Send a new report if you want to add to it.",
            ], status: .conflict)
        }
        var messageError: String?
        if adding {
            let message = form.trimmed("message")
            if let problem = WebApplication.textError(message, name: "what you want to add", maximum: 10_000) {
                messageError = problem
            } else {
                try await PortalReports.addMessage(report.reportID, fromReporter: true, username: nil, at: Self.toTheHour(now),
                                                   sealedBody: try sealer.seal(message, with: key, lookup: report.lookup),
                                                   in: database)
                try await AuditTrail.append("portal_message", by: "portal", subject: report.reference,
                                            detail: "from the reporter", at: Self.toTheHour(now),
                                            sealedWith: TrailSeal(deploymentKey: settings.deploymentKey), in: database)
            }
        }
        var messages: [[String: Any]] = []
        for message in try await PortalReports.messages(of: report.reportID, in: database) {
            messages.append(["fromReporter": message.fromReporter, "at": displayTime(message.at),
                             "body": try sealer.open(message.sealedBody, with: key, lookup: report.lookup)])
        }
        return page("Your report", "portal-conversation", [
            "receipt": code.display, "received": displayTime(report.receivedAt),
            "acknowledged": report.acknowledgedAt != nil, "assessed": report.assessedAt != nil,
            "messages": messages, "hasMessages": !messages.isEmpty,
            "messageError": messageError ?? false, "message": messageError == nil ? "" : form["message"],
        ], status: messageError == nil ? .ok : .badRequest)
    }

    // MARK: Pages

    static func readForm(_ request: Request) async throws -> Form {
        let buffer = try await request.body.collect(upTo: 128 * 1024)
        return Form(fields: Form.parse(String(buffer: buffer)))
    }

    func page(_ title: String, _ template: String, _ values: [String: Any],
              status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: pages.renderPortal(title: title, template: template,
                                                                               context: values))))
    }

    func notFound() -> Response {
        page("Page not found", "portal-message", ["message": "Page not found"], status: .notFound)
    }

    func forbidden() -> Response {
        page("Not sent", "portal-message", ["message": "This form must be sent from the portal's own page."],
             status: .forbidden)
    }
}
