import CustodesStore
import Hummingbird

/// What is waiting for the user, gathered when they look (no store of its own): alerts assigned to them and not yet
/// decided, new alerts since they last opened the queue, exceptions and readers' keys waiting for a head of
/// unit's approval, and reports past the unit's deadline. The queue says how many; `/notifications` lists them.
extension WebApplication {
    struct Notice {
        var text: String
        var href: String
    }

    func addNotificationRoutes(to router: Router<WebContext>) {
        router.get("/notifications") { request, context in
            let user = try context.requireUser(Self.caseRoles)
            try await audit("view_notifications", by: user.username)
            let notices = try await notifications(for: user)
            return page(.init(title: "Notifications", template: "notifications", context: [
                "notices": notices.map { ["text": $0.text, "href": $0.href] }, "hasNotices": !notices.isEmpty,
            ]), request, context)
        }
    }

    func notifications(for user: UserAccount) async throws -> [Notice] {
        let visibility = try await needToKnow.visibility(for: user)
        var notices: [Notice] = []
        var assigned = AlertQueue.Query()
        assigned.assignee = user.username
        assigned.openWork = true
        assigned.pageSize = 20
        for row in try await AlertQueue.page(assigned, visibility: visibility, in: database).rows {
            notices.append(.init(text: "Alert \(row.alertID) is assigned to you and waiting for a decision (risk "
                                 + "\(String(format: "%.1f", row.score)))", href: "/alerts/\(row.alertID)"))
        }
        if let since = try await AuditTrail.lastAt("view_queue", by: user.username, in: database) {
            // Counted in the database: one row (the highest risk) and the total, not every new alert.
            var fresh = AlertQueue.Query()
            fresh.state = .new
            fresh.openedAfter = since
            fresh.pageSize = 1
            let page = try await AlertQueue.page(fresh, visibility: visibility, in: database)
            if let highest = page.rows.first {
                notices.append(.init(text: "\(page.total) new alert\(page.total == 1 ? "" : "s") since you last opened the "
                                     + "queue, the highest at risk \(String(format: "%.1f", highest.score))",
                                     href: "/alerts?state=new"))
            }
        }
        if user.role == .headOfUnit {
            var waiting: [ExceptionRequests.Request] = []
            for request in try await ExceptionRequests.all(in: database)
            where request.status == .pending && request.requestedBy != user.username {
                // Only those the head of unit may decide: never about themselves or an associate.
                if let record = try await AlertCasework.record(id: request.alertID, in: database),
                   try await AlertQueue.isVisible(key: record.key, visibility: visibility, in: database) {
                    waiting.append(request)
                }
            }
            if !waiting.isEmpty {
                notices.append(.init(text: "\(waiting.count) exception\(waiting.count == 1 ? "" : "s") to the rules waiting "
                                     + "for a second head of unit's approval", href: "/exceptions"))
            }
            var reveals = 0
            for item in try await RevealRequests.all(in: database)
            where item.status == .pending && item.requestedBy != user.username {
                if try await AlertQueue.isVisible(key: item.alertKey, visibility: visibility, in: database) { reveals += 1 }
            }
            if reveals > 0 {
                notices.append(.init(text: "\(reveals) reveal\(reveals == 1 ? "" : "s") asked for by an analyst waiting for your "
                                     + "decision", href: "/reveals"))
            }
            let readers = try await UserAccounts.all(in: database).filter {
                ReportKeyring.readerRoles.contains($0.role) && !$0.isDisabled && $0.reportPublicKey != nil
                    && !$0.isReportRecipient
            }
            if !readers.isEmpty {
                notices.append(.init(text: "\(readers.count) reader\(readers.count == 1 ? "" : "s")' key\(readers.count == 1 ? "" : "s") "
                                     + "waiting for your approval to read reports", href: "/reports#recovery-section"))
            }
        }
        if Self.reportRoles.contains(user.role) {
            let overdue = try await PortalReports.counts(today: today, in: database).overdue
            if overdue > 0 {
                notices.append(.init(text: "\(overdue) report\(overdue == 1 ? "" : "s") from the portal past the unit's "
                                     + "deadline", href: "/reports"))
            }
        }
        return notices
    }
}
