import ArgumentParser
import CustodesModel
import CustodesServer
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
            The unit: the analysts and hours configured, the alerts raised and decided per week, the backlog and the time to \
            first triage. What Custodes does not record yet (intelligence from partner organisations) is said to be \
            missing, not estimated. Ends with the \
            force's self-assessment in the inspectorate's words (rules in docs/assurance.md).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Analysts the unit has for this work.")
    var analysts: Int?

    @Option(help: "Hours a week the unit's analysts have for this work.")
    var hoursPerWeek: Double?

    @Option(help: "Report as of this date (YYYY-MM-DD) instead of today, as for a simulated force.")
    var asOf: String?

    func validate() throws {
        if let analysts, analysts < 0 { throw ValidationError("--analysts must be 0 or more.") }
        if let hoursPerWeek, !(0...10_000).contains(hoursPerWeek) {
            throw ValidationError("--hours-per-week must be between 0 and 10000.")
        }
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
        print(CapabilityReport.text(figures, analysts: analysts, hoursPerWeek: hoursPerWeek, now: now))
    }
}
