import CustodesStore
import Foundation
import Hummingbird

/// The case file: one printable page for the investigating officer or the IOPC, with the timeline, the graded
/// intelligence (sanitised text only), the people at risk and their safeguarding, and every decision with its
/// rationale. Producing it is recorded in the trail.
extension WebApplication {
    func caseFile(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser(Self.caseRoles)
        let record = try await visibleCase(context, user: user)
        let visibility = try await needToKnow.visibility(for: user)
        var intelligence: [[String: Any]] = []
        var alerts: [[String: Any]] = []
        for link in try await CaseStore.links(of: record.caseID, in: database) {
            guard let id = Int64(link.target) else { continue }
            switch link.kind {
            case .intelligence:
                guard let item = try await IntelligenceLog.item(id, visibility: visibility, in: database) else { continue }
                intelligence.append(["reference": item.reference, "source": item.sourceKind.title,
                                     "grading": item.grading?.code ?? "Not graded",
                                     "conditions": item.grading?.conditions ?? false, "text": item.sanitisedText,
                                     "recorded": displayTime(item.recordedAt)])
            case .alert:
                guard let alert = try await AlertCasework.record(id: id, in: database),
                      try await AlertQueue.isVisible(key: alert.key, visibility: visibility, in: database) else { continue }
                alerts.append(["id": id, "opened": displayTime(alert.openedAt),
                               "score": String(format: "%.1f", alert.score),
                               "why": (try? AlertDetail.decode(alert.detail).why) ?? ""])
            }
        }
        let victims = try await CaseStore.victims(of: record.caseID, in: database)
        let names = Dictionary(uniqueKeysWithValues: victims.map { ($0.victimID, $0.person) })
        try await audit("export_case_file", by: user.username, subject: record.reference)
        let values: [String: Any] = [
            "reference": record.reference, "title": record.title, "status": record.status.title,
            "subject": try await subjectLabel(record.subjectStaffID, for: user),
            "investigator": record.investigator ?? "Nobody", "supervisor": record.supervisor ?? "Nobody",
            "apsp": record.apsp, "becameClearOn": record.becameClearOn?.description ?? "Not recorded",
            "referral": try await referralLabel(record),
            "victims": victims.map {
                ["person": $0.person, "description": $0.description, "risk": $0.riskLevel.title,
                 "organisation": $0.organisation, "consent": $0.consent.title] as [String: Any]
            },
            "actions": try await CaseStore.actions(of: record.caseID, in: database).map {
                ["kind": $0.kind.title, "description": $0.description, "owner": $0.owner, "due": $0.dueOn.description,
                 "status": $0.status.title, "for": $0.victimID.flatMap { names[$0] } ?? ""] as [String: Any]
            },
            "intelligence": intelligence, "alerts": alerts,
            "outcome": record.outcome.map { ["title": $0.title, "on": record.outcomeOn?.description ?? "",
                                             "rationale": record.outcomeRationale ?? ""] as [String: Any] } ?? false,
            "timeline": try await CaseStore.timeline(of: record, visibility: try await needToKnow.visibility(for: user), in: database).map {
                ["at": displayTime($0.at), "what": $0.what, "by": $0.by] as [String: Any]
            },
            "exported": "\(displayTime(settings.now())) by \(user.username)",
        ]
        return pages.response(.init(title: "Case file \(record.reference)", template: "case-file", context: values),
                              user: context.user, session: context.session, path: request.uri.path,
                              headers: [.cacheControl: "no-store"])
    }
}
