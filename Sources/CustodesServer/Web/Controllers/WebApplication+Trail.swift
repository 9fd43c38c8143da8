import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// The auditor's view of the trail: the chain's check, filters, paging and a CSV export. Viewing and exporting the
/// trail are themselves recorded.
extension WebApplication {
    static let trailRoles: Set<Role> = [.auditor, .headOfUnit]
    static let trailActions = ["sign_in", "sign_in_failed", "sign_in_refused", "sign_in_throttled", "account_locked", "password_accepted",
                               "sign_out", "second_factor_enrolled", "recovery_code_used", "password_changed",
                               "view_queue", "view_alert", "view_staff", "reveal", "comment", "assign", "decision",
                               "rule_exception", "rules_changed", "view_trail", "export_trail", "user_added", "user_disabled",
                               "password_reset", "second_factor_reset", "view_users", "view_sources", "source_token_added",
                               "source_token_revoked", "view_rules", "view_capability", "api_alerts", "api_alert", "api_trail"]

    func addTrailRoutes(to router: Router<WebContext>) {
        router.get("/trail") { request, context in
            let user = try context.requireUser(Self.trailRoles)
            let filter = try Self.trailFilter(request)
            let pageNumber = try QueryNumber.page(request)
            try await audit("view_trail", by: user.username, detail: request.uri.query ?? "")
            var view = TrailView(viewer: user, database: database)
            let (entries, total) = try await view.entries(matching: filter, limit: 100, offset: (pageNumber - 1) * 100)
            let (verification, fullCheckAt) = try await trailCheck.verify(database, sealedWith: trailSeal, now: settings.now())
            var intact = false
            let summary: String
            switch verification {
            case .intact(let count, let head):
                intact = true
                summary = "The chain is intact: \(count) entries, newest hash \(head.prefix(16))… (checked in full at "
                    + "\(displayTime(fullCheckAt)), new entries since then now)"
            case .broken(let seq, let reason):
                summary = "The chain is broken at entry \(seq): \(reason)."
            }
            let query = request.uri.query.map { "?" + $0 } ?? ""
            func link(_ page: Int) -> String {
                var items = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("page=") }.map(String.init)
                items.append("page=\(page)")
                return "/trail?" + items.joined(separator: "&")
            }
            // People by name as well as username, so the trail reads without a look-up table.
            let names = Dictionary(try await UserAccounts.all(in: database).map { ($0.username, $0.displayName) },
                                   uniquingKeysWith: { first, _ in first })
            return page(.init(title: "Audit trail", template: "trail", context: [
                "verification": summary, "intact": intact, "total": total, "single": total == 1,
                "user": filter.username ?? "", "subject": filter.subject ?? "",
                "from": QueryText.value("from", in: request) ?? "", "to": QueryText.value("to", in: request) ?? "",
                "actions": Self.trailActions.map {
                    ["value": $0, "label": TrailActionTitles.title($0), "selected": $0 == filter.action] as [String: Any]
                },
                "csv": "/trail.csv" + query,
                "entries": entries.map {
                    ["seq": $0.seq, "at": displayTimeToTheSecond($0.at), "username": $0.username,
                     "name": names[$0.username] ?? false, "action": TrailActionTitles.title($0.action), "code": $0.action,
                     "subject": $0.subject, "detail": $0.detail] as [String: Any]
                },
                "previous": pageNumber > 1 ? link(min(pageNumber - 1, max(1, (total + 99) / 100))) : false,
                "next": pageNumber * 100 < total ? link(pageNumber + 1) : false,
            ]), request, context)
        }
        router.get("/trail.csv") { request, context in
            let user = try context.requireUser(Self.trailRoles)
            let filter = try Self.trailFilter(request)
            try await audit("export_trail", by: user.username, detail: request.uri.query ?? "")
            var view = TrailView(viewer: user, database: database)
            let (entries, _) = try await view.entries(matching: filter, limit: 1_000_000)
            var csv = "seq,at,username,action,subject,detail,previous_hash,entry_hash\n"
            for entry in entries.reversed() {
                csv += [String(entry.seq), Timestamp(seconds: entry.at).iso8601, entry.username, entry.action,
                        entry.subject, entry.detail, entry.previousHash, entry.entryHash].map(Self.csvField)
                    .joined(separator: ",") + "\n"
            }
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"custodes-trail.csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    /// The trail's filter from the address; dates (YYYY-MM-DD, UTC) bound it by day, `to` included.
    static func trailFilter(_ request: Request) throws -> AuditTrail.Filter {
        func day(_ name: String) throws -> Int64? {
            guard let text = QueryText.value(name, in: request)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                return nil
            }
            guard let date = CalendarDate(iso: text) else {
                throw WebError.badRequest("'\(name)' must be a date as YYYY-MM-DD, like 2027-03-31")
            }
            return Int64(date.dayNumber) * 86_400
        }
        return AuditTrail.Filter(username: QueryText.value("user", in: request), action: QueryText.value("action", in: request),
                                 subject: QueryText.value("subject", in: request), from: try day("from"),
                                 until: try day("to").map { $0 + 86_400 })
    }

    /// A CSV field, quoted when needed; a leading =, +, - or @ is prefixed with a quote mark so a spreadsheet does
    /// not run it as a formula.
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
