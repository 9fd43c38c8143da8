public import CustodesAssurance
import CustodesModel
public import CustodesStore

/// The capability report as plain text: the same for `custodes capability` and the head of unit's page, so a
/// force shows an inspector one set of figures.
public enum CapabilityReport {
    /// - Parameters:
    ///   - analysts: analysts the unit has for this work, as the force configures it.
    ///   - hoursPerWeek: the hours a week they have for it, as the force configures it.
    ///   - unset: what to say when the capacity is not given (at the console, the options that give it).
    public static func text(_ figures: CapabilityFigures, analysts: Int?, hoursPerWeek: Double? = nil,
                            now: Int64, unset: (analysts: String, hours: String) = ("--analysts", "--hours-per-week")) -> String {
        func days(_ seconds: Int64) -> Double { Double(now - seconds) / 86_400 }
        func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
        var out = ["IT systems' monitoring capability"]
        if figures.sources.isEmpty { out.append("  no system has delivered audit data") }
        for source in figures.sources {
            out.append(String(format: "  %@: %@ events, latest access %@, last delivered %.1f days ago",
                              source.system, source.events.formatted(),
                              Timestamp(seconds: source.latestEventAt).isoDate, days(source.lastDeliveredAt)))
        }
        out.append("  staff in post covered by audit data: \(figures.staffSeen.formatted()) of "
                   + "\(figures.staffInPost.formatted()) (\(percent(figures.staffCoverage)))")
        if let share = figures.explainedShare, let inScope = figures.accessesInScope {
            out.append("  accesses explained by a business link in the latest detection run: \(percent(share)) of "
                       + inScope.formatted())
        } else {
            out.append("  detection has not run over the stored events yet")
        }
        let work = figures.casework
        out.append("  alerts found proactively (from audit data): \(figures.alerts.formatted()); cases begun by "
                   + "monitoring: \(work.fromMonitoring) of \(work.cases)")
        out.append("")
        out.append("Capability and capacity of the counter-corruption unit")
        out.append("  analysts configured: " + (analysts.map(String.init) ?? "not given (\(unset.analysts))")
                   + (hoursPerWeek.map { String(format: ", with %g hours a week for this work", $0) }
                      ?? "; hours a week not given (\(unset.hours))"))
        let recent = figures.alertsPerWeek.suffix(8)
        out.append("  alerts raised per week (\(weeks(recent.count)) with alerts, by week starting): "
                   + (recent.isEmpty ? "none" : recent.map {
                       "\(Timestamp(seconds: $0.week * 7 * 86_400 - 3 * 86_400).isoDate) \($0.count)"
                   }.joined(separator: ", ")))
        let triage = figures.triage
        let decidedWeeks = triage.decidedPerWeek.suffix(8)
        out.append("  alerts decided per week (\(weeks(decidedWeeks.count)) with decisions, by week starting): "
                   + (decidedWeeks.isEmpty ? "none" : decidedWeeks.map {
                       "\(Timestamp(seconds: $0.week * 7 * 86_400 - 3 * 86_400).isoDate) \($0.count)"
                   }.joined(separator: ", ")))
        out.append("  alerts decided: \(triage.decided.formatted()); waiting for a decision: \(triage.outstanding.formatted())"
                   + (triage.oldestOutstandingSeconds.map { ", the oldest for " + duration($0) } ?? ""))
        out.append("  time from an alert being raised to its first comment or decision (median): "
                   + (triage.medianSecondsToFirstTriage.map { String(format: "%.1f hours", Double($0) / 3_600) }
                      ?? "no alert has been triaged yet"))
        if let evaluation = figures.latestEvaluation {
            out.append(String(format: "  recall at the unit's capacity: %.3f (%d of %d misconduct staff alerted within the "
                              + "weekly budget), precision %.3f, evaluated against %@ on %@",
                              evaluation.recall, evaluation.detected, evaluation.misconductStaff, evaluation.precision,
                              evaluation.bundle, Timestamp(seconds: evaluation.at).isoDate))
        } else {
            out.append("  recall at the unit's capacity: no evaluation is stored (`custodes evaluate BUNDLE --db URL` "
                       + "measures the store's alerts against a simulated force's ground truth)")
        }
        out.append("")
        out.append(contentsOf: casework(work))
        out.append("")
        let register = figures.partners
        out.append("Intelligence from organisations that support vulnerable people")
        out.append("  organisations in the partner register with an active relationship: \(register.active); contact "
                   + "within \(register.periodDays) days: \(register.engagedRecently); engagement overdue: \(register.overdue)")
        out.append("  intelligence recorded from support organisations: \(work.partnerIntelligence); reports through "
                   + "the reporting portal: \(register.reports), of which \(register.reportsToIntelligence) recorded as "
                   + "intelligence and \(register.reportsOverdue) past the unit's deadline")
        out.append("")
        let assessment = self.assessment(figures, analysts: analysts, now: now)
        out.append("Self-assessment")
        for element in AssessedElement.allCases {
            out.append("  \(element.title): \(assessment.statuses[element].rawValue) — "
                       + (assessment.reasons[element] ?? ""))
        }
        out.append("")
        out.append(FindingsParagraph.compose(assessment.statuses, strategy: "the national strategy"))
        return out.joined(separator: "\n")
    }

    /// "the last week" or "the last 3 weeks".
    static func weeks(_ count: Int) -> String { count == 1 ? "the last week" : "the last \(count) weeks" }

    /// A wait in words a person reads at a glance: "under an hour", "5 hours", "1 day", "12 days".
    public static func duration(_ seconds: Int64) -> String {
        if seconds < 3_600 { return "under an hour" }
        if seconds < 86_400 { let hours = seconds / 3_600; return hours == 1 ? "1 hour" : "\(hours) hours" }
        let days = seconds / 86_400
        return days == 1 ? "1 day" : "\(days) days"
    }

    /// The force's self-assessment from the live figures and the capacity the unit gave.
    public static func assessment(_ figures: CapabilityFigures, analysts: Int?, now: Int64) -> SelfAssessment {
        func days(_ seconds: Int64) -> Double { Double(now - seconds) / 86_400 }
        let triage = figures.triage, work = figures.casework, register = figures.partners
        let oldest = figures.sources.map(\.lastDeliveredAt).min().map(days)
        return SelfAssessment(
            monitoring: .init(sources: figures.sources.count, staffCoverage: figures.staffCoverage,
                              oldestDeliveryDays: oldest, explainedShare: figures.explainedShare,
                              detectionHasRun: figures.lastDetectionAt != nil),
            analysts: analysts, intelligenceReceived: figures.intelligenceReceived,
            capacity: .init(decided: triage.decided, outstanding: triage.outstanding,
                            oldestOutstandingDays: triage.oldestOutstandingSeconds.map { Double($0) / 86_400 },
                            overdueSafeguarding: work.safeguardingOverdue, overdueReferrals: work.referralsOverdue),
            partnerships: .init(active: register.active, engagedRecently: register.engagedRecently,
                                periodDays: register.periodDays, reportsOverdue: register.reportsOverdue))
    }

    /// What the unit made of what it found: intelligence, cases and where they began, the time each step took,
    /// safeguarding, referrals and outcomes.
    static func casework(_ work: CaseworkFigures) -> [String] {
        func days(_ value: Double?) -> String { value.map { String(format: "%.1f days", $0) } ?? "none yet" }
        var out = ["Intelligence and cases"]
        out.append("  intelligence items: \(work.intelligenceItems), graded 3x5x2: \(work.intelligenceGraded)")
        out.append("  cases: \(work.cases) (\(work.openCases) open); began with monitoring \(work.fromMonitoring), with "
                   + "support organisations \(work.fromPartners), otherwise (colleagues, open sources, other forces) "
                   + "\(work.fromOtherSources)")
        out.append("  median time from an alert to intelligence: \(days(work.medianDaysAlertToIntelligence)); from "
                   + "intelligence to a case: \(days(work.medianDaysIntelligenceToCase)); from an alert to a case: "
                   + days(work.medianDaysAlertToCase))
        out.append("  safeguarding actions open: \(work.safeguardingOpen), overdue: \(work.safeguardingOverdue)")
        out.append("  mandatory IOPC referrals: \(work.referralsRequired); made on time \(work.referralsOnTime), late "
                   + "\(work.referralsLate), overdue \(work.referralsOverdue)")
        let outcomes = CaseOutcome.allCases.compactMap { outcome in
            work.outcomes[outcome].map { "\(outcome.title.lowercased()) \($0)" }
        }
        out.append("  outcomes: " + (outcomes.isEmpty ? "none yet" : outcomes.joined(separator: ", ")))
        return out
    }
}
