import ArgumentParser
import CustodesAssurance
import CustodesModel
import CustodesStore
import Foundation

/// `custodes capability --db URL`: a force's evidence of its own capability, from its running store.
struct CapabilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capability",
        abstract: "Report, from the live store, the evidence for each element the inspectorate assesses.",
        discussion: """
            IT monitoring: the systems feeding audit data and how recently each delivered, the share of staff in \
            post whose activity the data covers, and the share of accesses explained by the latest detection run. \
            The unit: the analysts configured and the alerts raised per week. What Custodes does not record yet \
            (triage, intelligence from partner organisations) is said to be missing, not estimated. Ends with the \
            force's self-assessment in the inspectorate's words (rules in docs/assurance.md).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Analysts the unit has for this work.")
    var analysts: Int?

    @Option(help: "Report as of this date (YYYY-MM-DD) instead of today, as for a simulated force.")
    var asOf: String?

    func validate() throws {
        if let analysts, analysts < 0 { throw ValidationError("--analysts must be 0 or more.") }
        if let asOf, (try? Timestamp.parseDate(asOf).get()) == nil {
            throw ValidationError("--as-of must be a date as YYYY-MM-DD, got '\(asOf)'.")
        }
    }

    func run() async throws {
        let now = Int64(Date().timeIntervalSince1970)
        let asOfSeconds = try asOf.map { try Timestamp.parseDate($0).get().seconds } ?? now
        let figures = try await database.withStore {
            try await CapabilityFigures.gather(from: $0, asOf: asOfSeconds)
        }
        print(CapabilityReportText.render(figures, analysts: analysts, now: now))
    }
}

/// The capability report as plain text.
enum CapabilityReportText {
    static func render(_ figures: CapabilityFigures, analysts: Int?, now: Int64) -> String {
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
        out.append("  alerts found proactively (from audit data): \(figures.alerts.formatted()); reactively (from "
                   + "intelligence received): none recorded, as Custodes holds no intelligence yet")
        out.append("")
        out.append("Capability and capacity of the counter-corruption unit")
        out.append("  analysts configured: " + (analysts.map(String.init) ?? "not given (--analysts)"))
        let recent = figures.alertsPerWeek.suffix(8)
        out.append("  alerts raised per week (last \(recent.count) weeks with alerts, by week starting): "
                   + (recent.isEmpty ? "none" : recent.map {
                       "\(Timestamp(seconds: $0.week * 7 * 86_400 - 3 * 86_400).isoDate) \($0.count)"
                   }.joined(separator: ", ")))
        out.append("  triaged, outstanding, backlog age, time to first triage: not recorded yet (triage arrives with "
                   + "the web application)")
        out.append("  recall at the unit's capacity: no evaluation is stored (see `custodes evaluate`)")
        out.append("")
        out.append("Intelligence from organisations that support vulnerable people")
        out.append("  organisations engaged and intelligence received: none recorded; the partner portal does not "
                   + "exist yet")
        out.append("")
        let oldest = figures.sources.map(\.lastDeliveredAt).min().map(days)
        let assessment = SelfAssessment(
            monitoring: .init(sources: figures.sources.count, staffCoverage: figures.staffCoverage,
                              oldestDeliveryDays: oldest, explainedShare: figures.explainedShare,
                              detectionHasRun: figures.lastDetectionAt != nil),
            analysts: analysts, intelligenceReceived: figures.intelligenceReceived)
        out.append("Self-assessment")
        for element in AssessedElement.allCases {
            out.append("  \(element.title): \(assessment.statuses[element].rawValue) — "
                       + (assessment.reasons[element] ?? ""))
        }
        out.append("")
        out.append(FindingsParagraph.compose(assessment.statuses, strategy: "the national strategy"))
        return out.joined(separator: "\n")
    }
}
