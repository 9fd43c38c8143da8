import CustodesDetection
import CustodesStore
import Foundation
import Hummingbird

/// A member of staff's page: every alert about them and their risk over time. It sits behind the reveal rule: only
/// a user who has revealed this member of staff (with a recorded reason) may open it, and never about themselves.
extension WebApplication {
    func addStaffRoutes(to router: Router<WebContext>) {
        router.get("/staff/{pseudonym}") { request, context in
            let user = try context.requireUser(Self.caseRoles)
            let pseudonym = context.parameters.get("pseudonym") ?? ""
            guard pseudonym.hasPrefix("STF-"), let staffID = try await resolveStaff(pseudonym), staffID != user.staffID,
                  try await AlertCasework.hasRevealed(staffID: staffID, username: user.username, in: database),
                  let identity = try await StaffProfile.identity(staffID: staffID, in: database) else {
                throw WebError.notFound
            }
            try await audit("view_staff", by: user.username, subject: pseudonym)
            let visibility = try await needToKnow.visibility(for: user)
            let history = try await StaffProfile.alerts(staffID: staffID, in: database)
            var rows: [[String: Any]] = []
            for point in history {
                var visible = false
                if let record = try await AlertCasework.record(id: point.alertID, in: database) {
                    visible = try await AlertQueue.isVisible(key: record.key, visibility: visibility, in: database)
                }
                rows.append(["id": point.alertID, "opened": displayTime(point.openedAt),
                             "score": String(format: "%.1f", point.score),
                             "indicators": point.indicators.map(IndicatorName.title).joined(separator: "; "), "status": point.status,
                             "visible": visible])
            }
            var intelligence: [[String: Any]] = []
            for item in try await IntelligenceLog.items(visibility: visibility, subjectStaffID: staffID, limit: 500,
                                                        in: database).items {
                intelligence.append(try await itemSummary(item, for: user))
            }
            let cases = try await CaseStore.list(visibility: visibility, subjectStaffID: staffID, in: database).map { ["id": $0.caseID, "reference": $0.reference, "title": $0.title, "status": $0.status.title] as [String: Any] }
            let series = RiskChart.series(try await StaffProfile.alertDetails(staffID: staffID, in: database))
            let threshold = try await StoredRules.current(in: database).rules.risk.alertThreshold
            return page(.init(title: identity.displayName, template: "staff", context: [
                "intelligence": intelligence, "cases": cases,
                "displayName": identity.displayName, "collarNumber": identity.collarNumber, "role": identity.role,
                "team": identity.team, "station": identity.station, "pseudonym": pseudonym, "alerts": rows,
                "chart": RiskChart.svg(series,
                                       title: "Risk of \(pseudonym) by day, from \(history.count) alert\(history.count == 1 ? "" : "s")",
                                       threshold: threshold),
                "riskRows": RiskChart.rows(series),
            ]), request, context)
        }
    }
}
