import SQLKit

extension CaseStore {
    /// Everything on a case in time order, with the alerts and intelligence it grew from: what an investigator reads
    /// first, and what the case file prints. Intelligence appears by reference and grading only (its sanitised text
    /// is on the item's own page and in the case file's intelligence section). Alerts and items outside
    /// `visibility` appear only as "an alert" or "an intelligence item" the reader may not open, with no detail.
    public static func timeline(of record: CaseRecord, visibility: AlertQueue.Visibility,
                                in database: StoreDatabase) async throws -> [CaseTimelineEntry] {
        let caseID = record.caseID
        var entries = [CaseTimelineEntry(at: record.openedAt, what: "Case opened: \(record.title)", by: record.openedBy)]
        for link in try await links(of: caseID, in: database) {
            switch link.kind {
            case .alert:
                guard let id = Int64(link.target), let alert = try await AlertCasework.record(id: id, in: database)
                else { continue }
                if try await AlertQueue.isVisible(key: alert.key, visibility: visibility, in: database) {
                    entries.append(.init(at: alert.openedAt,
                                         what: "Alert \(id) opened (risk \(String(format: "%.1f", alert.score)))",
                                         by: "monitoring"))
                } else {
                    entries.append(.init(at: record.openedAt, what: "Grew from an alert you cannot see", by: ""))
                }
            case .intelligence:
                guard let id = Int64(link.target) else { continue }
                if let item = try await IntelligenceLog.item(id, visibility: visibility, in: database) {
                    entries.append(.init(at: item.recordedAt,
                                         what: "Intelligence \(item.reference) recorded (\(item.grading?.code ?? "not graded"))",
                                         by: item.recordedBy))
                } else {
                    entries.append(.init(at: record.openedAt, what: "Grew from an intelligence item you cannot see",
                                         by: ""))
                }
            }
        }
        for change in try await statusChanges(of: caseID, in: database) {
            entries.append(.init(at: change.at, what: "Status: \(change.from.title) to \(change.to.title). \(change.rationale)",
                                 by: change.username))
        }
        for victim in try await victims(of: caseID, in: database) {
            entries.append(.init(at: victim.addedAt,
                                 what: "Person at risk added: \(victim.person) (\(victim.riskLevel.title) risk)",
                                 by: victim.addedBy))
        }
        for action in try await actions(of: caseID, in: database) {
            entries.append(.init(at: action.createdAt,
                                 what: "\(action.kind.title) set for \(action.owner), due \(action.dueOn): \(action.description)",
                                 by: action.createdBy))
            if let finishedAt = action.finishedAt {
                entries.append(.init(at: finishedAt,
                                     what: "\(action.kind.title) \(action.status.rawValue): \(action.description)"
                                        + (action.finishNote.map { $0.isEmpty ? "" : ". \($0)" } ?? ""),
                                     by: action.finishedBy ?? ""))
            }
        }
        for note in try await notes(of: caseID, in: database) {
            entries.append(.init(at: note.at, what: "Note: \(note.body)", by: note.username))
        }
        for assessment in try await assessments(of: caseID, in: database) {
            entries.append(.init(at: assessment.at,
                                 what: "Severity assessed: \(assessment.severity.title), \(assessment.proceedings.title.lowercased()). \(assessment.rationale)",
                                 by: assessment.username))
        }
        for measure in try await measures(of: caseID, in: database) {
            entries.append(.init(at: measure.at,
                                 what: "Interim measure: \(measure.kind.title) from \(measure.startedOn), review \(measure.reviewOn)"
                                    + (measure.endedOn.map { ", ended \($0)" } ?? "") + ". \(measure.rationale)",
                                 by: measure.username))
        }
        for referral in try await referrals(of: caseID, in: database) {
            var what = "\(referral.decision.title)"
            if let sent = referral.sentOn { what += ", sent \(sent)" }
            if let reference = referral.iopcReference { what += ", IOPC reference \(reference)" }
            if let mode = referral.iopcMode { what += "; IOPC decided: \(mode.title.lowercased())" }
            entries.append(.init(at: referral.at, what: what + ". \(referral.rationale)", by: referral.username))
        }
        return entries.sorted { $0.at != $1.at ? $0.at < $1.at : $0.what < $1.what }
    }
}
