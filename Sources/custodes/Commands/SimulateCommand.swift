import ArgumentParser
import CustodesSimulator
import CustodesModel
import Foundation

/// `custodes simulate`: writes a synthetic force's bundle with ground truth.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write the data bundle of a synthetic force, with misconduct and look-alikes and their ground truth.",
        discussion: """
            The same options and seed always give the same files, byte for byte. The scenario catalogue is in \
            docs/scenarios.md; truth.csv names the staff cast in each scenario and their first event.
            """
    )

    @Option(help: "Folder to write the bundle into (created if needed; earlier bundle files are replaced).")
    var out: String

    @Option(help: "Members of staff.")
    var staff: Int = 500

    @Option(help: "Days of activity.")
    var days: Int = 60

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "First day, as YYYY-MM-DD.")
    var start: String = "2025-01-06"

    @Option(help: "Share of staff cast in a misconduct scenario (0 for none).")
    var misconductShare: Double = 0.01

    @Option(help: "Share of staff cast in a benign look-alike (0 for none).")
    var benignShare: Double = 0.01

    @Flag(help: "Write a clean export: no missing shifts, duplicates, disorder, clock skew or malformed rows.")
    var noNoise = false

    @Flag(help: "Write every audit file as CSV (by default the PNC's is JSON Lines, as some exporters write it).")
    var csvOnly = false

    @Option(help: """
        tidy (almost every access has a business link on record; the demo's) or realistic (person checks with a typed \
        reason and no record, briefings, research, many marked people, rosters that miss shifts, misuse from force \
        terminals): see docs/scenarios.md.
        """)
    var profile: String = "tidy"

    func validate() throws {
        guard staff >= 20 else { throw ValidationError("--staff must be at least 20, to hold every role.") }
        guard (1...3660).contains(days) else { throw ValidationError("--days must be from 1 to 3660.") }
        guard (0...0.5).contains(misconductShare), (0...0.5).contains(benignShare) else {
            throw ValidationError("--misconduct-share and --benign-share must be from 0 to 0.5.")
        }
        guard SimulationProfile(rawValue: profile) != nil else {
            throw ValidationError("--profile must be one of: "
                                  + SimulationProfile.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        guard case .success = Timestamp.parseDate(start), start.count == 10 else {
            throw ValidationError("--start must be a date written YYYY-MM-DD, such as 2025-01-06.")
        }
    }

    func run() throws {
        guard case .success(let first) = Timestamp.parseDate(start) else { return }
        let config = SimulationConfig(staff: staff, days: days, seed: seed, start: first,
                                      misconductShare: misconductShare, benignShare: benignShare, noise: !noNoise,
                                      jsonlForPNC: !csvOnly, profile: SimulationProfile(rawValue: profile) ?? .tidy)
        let clock = ContinuousClock()
        let began = clock.now
        let simulation = ForceSimulation(config: config)
        let summary = try simulation.write(to: out) { day, events in
            if day % 10 == 0 || day == days {
                Progress.line("simulate: day \(day) of \(days), \(events.formatted()) audit events written")
            }
        }
        Progress.done()
        let seconds = (clock.now - began).seconds
        print("""
            Wrote \(out): \(summary.staff.formatted()) staff, \(summary.persons.formatted()) people, \
            \(summary.occurrences.formatted()) occurrences, \(summary.assignments.formatted()) assignments, \
            \(summary.rosterShifts.formatted()) roster shifts, \(summary.auditEvents.formatted()) audit events \
            (\(summary.duplicateEvents.formatted()) duplicated, \(summary.malformedRows.formatted()) malformed rows added).
            Ground truth: \(summary.misconductStaff) staff in misconduct scenarios, \(summary.benignStaff) in benign look-alikes (truth.csv).
            Took \(String(format: "%.1f", seconds)) s (\((Double(summary.auditEvents) / max(seconds, 0.001)).rounded().formattedInt()) events/s).
            """)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension Double {
    func formattedInt() -> String { Int(self).formatted() }
}
