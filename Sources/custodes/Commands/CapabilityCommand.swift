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
            first triage; intelligence and cases; the partner register and the reporting portal. Without --analysts \
            or --hours-per-week, the capacity the head of unit saved on the capability page is used. Ends with the \
            force's self-assessment in the inspectorate's words (rules in docs/assurance.md).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Analysts the unit has for this work (default: as saved on the capability page).")
    var analysts: Int?

    @Option(help: "Hours a week the unit's analysts have for this work (default: as saved on the capability page).")
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
        let (figures, saved) = try await database.withStore { store in
            (try await CapabilityFigures.gather(from: store, asOf: asOfSeconds),
             (try await UnitSettings.setting(UnitSettings.analysts, in: store).flatMap { Int($0.value) },
              try await UnitSettings.setting(UnitSettings.hoursPerWeek, in: store).flatMap { Double($0.value) }))
        }
        print(CapabilityReport.text(figures, analysts: analysts ?? saved.0, hoursPerWeek: hoursPerWeek ?? saved.1, now: now))
    }
}
