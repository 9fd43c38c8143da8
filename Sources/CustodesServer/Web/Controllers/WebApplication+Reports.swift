import CustodesModel
import CustodesStore
import Crypto
import Foundation
import Hummingbird

/// Reports from the portal, in the unit's application: a queue beside the alert queue, with the deadlines the unit
/// set (acknowledged within 2 working days, assessed within 7, by default); each report opened (and each opening in
/// the trail), acknowledged, answered through the portal, assessed, linked to a member of staff and to alerts, and
/// recorded as intelligence. The head of unit and analysts work it; nobody sees a report once it is linked to them.
extension WebApplication {
    static let reportRoles: Set<Role> = [.analyst, .headOfUnit]

    func addReportRoutes(to router: Router<WebContext>) {
        router.get("/reports") { request, context in try await reportQueue(request, context, errors: [:]) }
        router.get("/reports/{id}") { request, context in try await reportPage(request, context, errors: [:]) }
        router.post("/reports/{id}/acknowledge") { request, context in try await acknowledgeReport(request, context) }
        router.post("/reports/{id}/messages") { request, context in try await replyToReport(request, context) }
        router.post("/reports/{id}/assessment") { request, context in try await assessReport(request, context) }
        router.post("/reports/{id}/subject") { request, context in try await setReportSubject(request, context) }
        router.post("/reports/{id}/alerts") { request, context in try await linkReportAlert(request, context) }
        router.post("/reports/{id}/intelligence") { request, context in try await reportToIntelligence(request, context) }
        router.post("/reports/{id}/close") { request, context in try await closeReport(request, context) }
        router.post("/reports/settings") { request, context in try await changeReportSettings(request, context) }
        router.get("/reports/{id}/attachments/{attachment}") { request, context in
            try await downloadAttachment(request, context)
        }
    }

    /// Where a report stands against the unit's deadlines.
    func reportStanding(_ report: PortalReports.Stored) -> [String: Any] {
        if report.closedAt != nil { return ["label": "Closed", "tag": "grey", "overdue": false] }
        if report.assessedAt != nil { return ["label": "Assessed", "tag": "decided", "overdue": false] }
        if report.acknowledgedAt != nil {
            let late = report.assessBy < today
            return ["label": late ? "Assessment overdue (due \(report.assessBy.iso))" : "Assess by \(report.assessBy.iso)",
                    "tag": late ? "new" : "in", "overdue": late]
        }
        let late = report.acknowledgeBy < today
        return ["label": late ? "Acknowledgement overdue (due \(report.acknowledgeBy.iso))"
                    : "Acknowledge by \(report.acknowledgeBy.iso)", "tag": late ? "new" : "in", "overdue": late]
    }

    func reportQueue(_ request: Request, _ context: WebContext, errors: [String: String],
                     form: Form? = nil) async throws -> Response {
        let user = try context.requireUser(Self.reportRoles)
        let reports = try await PortalReports.queue(visibility: try await needToKnow.visibility(for: user), in: database)
        if errors.isEmpty { try await audit("view_reports", by: user.username) }
        var rows: [[String: Any]] = []
        for report in reports {
            rows.append(["id": report.reportID, "reference": report.reference, "channel": report.channel.title,
                         "received": displayTime(report.receivedAt), "standing": reportStanding(report),
                         "subject": try await subjectLabel(report.subjectStaffID, for: user)])
        }
        let overdue = rows.filter { (($0["standing"] as? [String: Any])?["overdue"] as? Bool) == true }.count
        var values: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty, "overdue": overdue,
                                     "maySet": user.role == .headOfUnit]
        for (name, key, fallback) in Self.reportSettings {
            let setting = try await UnitSettings.setting(name, in: database)
            values[key] = errors.isEmpty ? (setting?.value ?? String(fallback)) : (form?[key] ?? "")
            values[key + "Changed"] = setting.map { "changed by \($0.changedBy), \(displayTime($0.changedAt))" } ?? "the default"
        }
        if let publicKey = user.reportPublicKey {
            values["ownKey"] = ["fingerprint": Self.fingerprint(publicKey),
                                "state": user.isReportRecipient ? "approved" : "waiting for the head of unit's approval"]
        }
        if user.role == .headOfUnit {
            values["readers"] = try await readerRows()
            values["recoveryMade"] = try await UnitSettings.setting(UnitSettings.recoveryPublicKey, in: database)
                .map { "by \($0.changedBy), \(displayTime($0.changedAt))" } ?? false
            let waiting = try await ReportKeys.deploymentOnlyCount(in: database)
            values["waiting"] = waiting > 0 ? waiting : false
        }
        values["recovered"] = request.uri.queryParameters.get("recovered", as: Int.self) ?? false
        addErrors(errors, fields: ["settingsError": "acknowledge", "recoveryError": "recovery", "replaceError": "replace"],
                  to: &values)
        return page(.init(title: "Reports", template: "reports", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    /// The unit's deadlines and retention for reports: (setting, form field, default).
    static let reportSettings: [(String, String, Int)] = [
        (UnitSettings.acknowledgeWorkingDays, "acknowledge", 2), (UnitSettings.assessWorkingDays, "assess", 7),
        (UnitSettings.reportRetentionDays, "retention", UnitSettings.reportRetentionDaysDefault),
    ]

    func changeReportSettings(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        let form = try await Form.read(request, context: context)
        var values: [(String, Int)] = []
        for (name, key, _) in Self.reportSettings {
            let range = key == "retention" ? 30...3_650 : 1...60
            guard let value = Int(form.trimmed(key)), range.contains(value) else {
                return try await reportQueue(request, context, errors: [
                    "settingsError": "Enter whole numbers: 1 to 60 working days for the deadlines, 30 to 3,650 days to keep closed reports",
                ], form: form)
            }
            values.append((name, value))
        }
        for (name, value) in values where try await UnitSettings.setting(name, in: database)?.value != String(value) {
            try await UnitSettings.set(name, to: String(value), by: user.username, at: settings.now(), in: database)
            try await audit("setting_change", by: user.username, subject: name, detail: String(value))
        }
        return redirect("/reports")
    }

    func visibleReport(_ context: WebContext, user: UserAccount) async throws -> PortalReports.Stored {
        guard let id = context.parameters.get("id", as: Int64.self),
              let report = try await PortalReports.report(id, visibility: try await needToKnow.visibility(for: user),
                                                          in: database) else { throw WebError.notFound }
        return report
    }

    /// The reporter's answers and the report's key, opened with the signed-in reader's key.
    func openedReport(_ report: PortalReports.Stored, user: UserAccount,
                      context: WebContext) async throws -> (answers: [[String: String]], key: SymmetricKey) {
        let key = try await reportKey(report, user: user, context: context)
        let json = try reportSealer.open(report.sealedAnswers, with: key, lookup: report.lookup)
        let answers = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]]) ?? []
        return (answers, key)
    }

    func reportPage(_ request: Request, _ context: WebContext, errors: [String: String],
                    form: Form? = nil) async throws -> Response {
        let user = try context.requireUser(Self.reportRoles)
        let report = try await visibleReport(context, user: user)
        // A report not yet wrapped for this reader still shows where it stands; what the reporter wrote does not.
        var opened: (answers: [[String: String]], key: SymmetricKey)?
        var sealedNotice: String?
        do {
            opened = try await openedReport(report, user: user, context: context)
        } catch WebError.conflict(let why) {
            sealedNotice = why
        }
        if errors.isEmpty { try await audit("view_report", by: user.username, subject: report.reference) }
        var messages: [[String: Any]] = []
        for message in try await PortalReports.messages(of: report.reportID, in: database) {
            guard let key = opened?.key else { break }
            messages.append(["fromReporter": message.fromReporter, "by": message.username ?? "", "at": displayTime(message.at),
                             "body": try reportSealer.open(message.sealedBody, with: key, lookup: report.lookup)])
        }
        let visibility = try await needToKnow.visibility(for: user)
        var alerts: [[String: Any]] = []
        for id in try await PortalReports.linkedAlerts(of: report.reportID, in: database) {
            var visible = false
            if let alert = try await AlertCasework.record(id: id, in: database) {
                visible = try await AlertQueue.isVisible(key: alert.key, visibility: visibility, in: database)
            }
            alerts.append(["id": id, "visible": visible])
        }
        var attachments: [[String: Any]] = []
        for attachment in try await PortalReports.attachments(of: report.reportID, in: database) {
            guard let key = opened?.key else { break }
            attachments.append(["id": attachment.attachmentID,
                                "name": try reportSealer.open(attachment.sealedName, with: key, lookup: report.lookup),
                                "kind": AttachmentKind(rawValue: attachment.kind)?.title ?? attachment.kind,
                                "size": ByteCountFormatter.string(fromByteCount: Int64(attachment.size), countStyle: .file)])
        }
        var values: [String: Any] = [
            "attachments": attachments,
            "reportID": report.reportID, "reference": report.reference, "channel": report.channel.title,
            "received": displayTime(report.receivedAt), "standing": reportStanding(report),
            "acknowledged": report.acknowledgedAt.map { "\(report.acknowledgedBy ?? ""), \(displayTime($0))" } ?? false,
            "assessed": report.assessedAt.map { "\(report.assessedBy ?? ""), \(displayTime($0))" } ?? false,
            "assessment": report.assessment ?? false,
            "answers": (opened?.answers ?? []).map { ["label": $0["label"] ?? "", "answer": $0["answer"] ?? ""] },
            "sealedNotice": sealedNotice ?? false, "opened": opened != nil,
            "messages": messages, "hasMessages": !messages.isEmpty,
            "subject": try await subjectLabel(report.subjectStaffID, for: user),
            "alerts": alerts, "intelligence": report.intelligenceItemID.map(IntelligenceItem.reference) ?? false,
            "intelligenceID": report.intelligenceItemID ?? 0,
            "form": form?.shown ?? [:],
        ]
        if let accountID = report.partnerAccountID, let account = try await PartnerAccounts.account(id: accountID, in: database) {
            values["partner"] = [
                "account": account.displayName, "organisationID": account.organisationID,
                "organisation": try await PartnerRegister.organisation(account.organisationID, in: database)?.name ?? "",
            ]
        }
        values["closed"] = report.closedAt.map { "\(report.closedBy ?? ""), \(displayTime($0))" } ?? false
        values["retentionDays"] = try await UnitSettings.integer(UnitSettings.reportRetentionDays,
                                                                 default: UnitSettings.reportRetentionDaysDefault, in: database)
        addErrors(errors, fields: ["closeError": "close", "replyError": "reply", "assessmentError": "assessment", "subjectError": "subject",
                                   "alertError": "alert", "sanitisedError": "sanitised"], to: &values)
        return page(.init(title: "Report \(report.reference)", template: "report", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    /// An attachment, only ever as a download (never shown in the unit's pages, so nothing in it can run there),
    /// and each download in the trail.
    func downloadAttachment(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.reportRoles)
        let report = try await visibleReport(context, user: user)
        guard let attachmentID = context.parameters.get("attachment", as: Int64.self),
              let sealed = try await PortalReports.attachmentContent(report.reportID, attachmentID: attachmentID,
                                                                     in: database) else { throw WebError.notFound }
        let (_, key) = try await openedReport(report, user: user, context: context)
        let bytes = try reportSealer.openBytes(sealed, with: key, lookup: report.lookup)
        try await audit("download_attachment", by: user.username, subject: report.reference,
                        detail: "attachment \(attachmentID)")
        let kind = try await PortalReports.attachments(of: report.reportID, in: database)
            .first { $0.attachmentID == attachmentID }.flatMap { AttachmentKind(rawValue: $0.kind) }
        let suffix = switch kind { case .pdf: "pdf"; case .png: "png"; case .jpeg: "jpg"; case .text, nil: "txt" }
        return Response(status: .ok, headers: [
            .contentType: "application/octet-stream",
            .contentDisposition: "attachment; filename=\"\(report.reference)-\(attachmentID).\(suffix)\"",
            .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    func closeReport(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, report) = try await reportForm(request, context)
        do {
            try await PortalReports.close(report.reportID, by: user.username, at: settings.now(), in: database)
        } catch let error as PortalReports.ReportError {
            return try await reportPage(request, context, errors: ["closeError": error.description], form: form)
        }
        try await audit("report_close", by: user.username, subject: report.reference)
        return redirect("/reports/\(report.reportID)")
    }

    func reportForm(_ request: Request, _ context: WebContext) async throws
        -> (UserAccount, Form, PortalReports.Stored) {
        let user = try context.requireUser(Self.reportRoles)
        let form = try await Form.read(request, context: context)
        return (user, form, try await visibleReport(context, user: user))
    }

    func acknowledgeReport(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, _, report) = try await reportForm(request, context)
        try await PortalReports.acknowledge(report.reportID, by: user.username, at: settings.now(), in: database)
        try await audit("report_acknowledge", by: user.username, subject: report.reference)
        return redirect("/reports/\(report.reportID)")
    }

    func replyToReport(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, report) = try await reportForm(request, context)
        let reply = form.trimmed("reply")
        if let message = Self.textError(reply, name: "your reply", maximum: 10_000) {
            return try await reportPage(request, context, errors: ["replyError": message], form: form)
        }
        let (_, key) = try await openedReport(report, user: user, context: context)
        try await PortalReports.addMessage(report.reportID, fromReporter: false, username: user.username,
                                           at: settings.now(),
                                           sealedBody: try reportSealer.seal(reply, with: key, lookup: report.lookup),
                                           in: database)
        // A reply is also an acknowledgement: the reporter has heard from the unit.
        try await PortalReports.acknowledge(report.reportID, by: user.username, at: settings.now(), in: database)
        try await audit("report_reply", by: user.username, subject: report.reference)
        return redirect("/reports/\(report.reportID)#messages")
    }

    func assessReport(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, report) = try await reportForm(request, context)
        let assessment = form.trimmed("assessment")
        if let message = Self.textError(assessment, name: "the assessment", maximum: 4_000) {
            return try await reportPage(request, context, errors: ["assessmentError": message], form: form)
        }
        try await PortalReports.assess(report.reportID, assessment: assessment, by: user.username, at: settings.now(),
                                       in: database)
        try await audit("report_assess", by: user.username, subject: report.reference)
        return redirect("/reports/\(report.reportID)")
    }

    func setReportSubject(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, report) = try await reportForm(request, context)
        let text = form.trimmed("subject")
        guard let staffID = try await resolveStaff(text, byCollarNumber: user.role == .headOfUnit),
              staffID != user.staffID else {
            return try await reportPage(request, context, errors: ["subjectError": Self.unknownStaff(user)], form: form)
        }
        try await PortalReports.setSubject(report.reportID, staffID: staffID, in: database)
        try await keyring.withhold(report.reportID, fromStaff: staffID)
        // Intelligence recorded from the report is about the same member of staff, and hidden from them the same way.
        if let itemID = report.intelligenceItemID {
            try await IntelligenceLog.setSubject(itemID, staffID: staffID, in: database)
        }
        try await audit("report_subject", by: user.username, subject: report.reference,
                        detail: needToKnow.pseudonymiser.staff(staffID))
        return redirect(try await PortalReports.report(report.reportID, visibility: try await needToKnow.visibility(for: user),
                                                       in: database) == nil ? "/reports" : "/reports/\(report.reportID)")
    }

    func linkReportAlert(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, report) = try await reportForm(request, context)
        guard let id = Int64(form.trimmed("alert")), let alert = try? await visibleAlert(id: id, user: user) else {
            return try await reportPage(request, context, errors: ["alertError": "Enter the number of an alert you can see"],
                                        form: form)
        }
        if try await PortalReports.linkAlert(report.reportID, alertID: alert.alertID, by: user.username,
                                             at: settings.now(), in: database) {
            try await audit("report_link_alert", by: user.username, subject: report.reference,
                            detail: "alert \(alert.alertID)")
        }
        if report.subjectStaffID == nil {
            try await PortalReports.setSubject(report.reportID, staffID: alert.staffID, in: database)
        }
        if let itemID = report.intelligenceItemID {
            try await IntelligenceLog.link(itemID, kind: .alert, target: String(alert.alertID), by: user.username,
                                           at: settings.now(), in: database)
            if report.subjectStaffID == nil {
                try await IntelligenceLog.setSubject(itemID, staffID: alert.staffID, in: database)
            }
        }
        return redirect("/reports/\(report.reportID)")
    }

    /// Records the report as intelligence: what the reporter wrote is the original (kept apart, as every original
    /// is), the analyst writes the sanitised version, and the item is linked to the member of staff and alerts.
    func reportToIntelligence(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, form, report) = try await reportForm(request, context)
        if let itemID = report.intelligenceItemID { return redirect("/intelligence/\(itemID)") }
        let sanitised = form.trimmed("sanitised")
        if let message = Self.textError(sanitised, name: "the sanitised version", maximum: 5_000) {
            return try await reportPage(request, context, errors: ["sanitisedError": message], form: form)
        }
        let (answers, key) = try await openedReport(report, user: user, context: context)
        var original = answers.map { "\($0["label"] ?? ""): \($0["answer"] ?? "")" }.joined(separator: "\n\n")
        for message in try await PortalReports.messages(of: report.reportID, in: database) where message.fromReporter {
            original += "\n\nLater, from the reporter: "
                + (try reportSealer.open(message.sealedBody, with: key, lookup: report.lookup))
        }
        var links = try await PortalReports.linkedAlerts(of: report.reportID, in: database).map {
            (kind: IntelligenceLinkKind.alert, target: String($0))
        }
        // A report from a partner account is intelligence from its organisation.
        if let organisationID = report.organisationID { links.append((.organisation, String(organisationID))) }
        let itemID = try await IntelligenceLog.record(
            .init(sourceKind: .partnerReport, sourceDescription: "Portal report \(report.reference) (\(report.channel.rawValue))",
                  originalText: original, sanitisedText: sanitised, subjectStaffID: report.subjectStaffID, links: links),
            by: user.username, at: settings.now(), in: database)
        try await PortalReports.setIntelligence(report.reportID, itemID: itemID, in: database)
        try await audit("record_intelligence", by: user.username, subject: IntelligenceItem.reference(itemID),
                        detail: "source partner_report; original kept apart, from \(report.reference)")
        return redirect("/intelligence/\(itemID)")
    }
}
