import ArgumentParser
import CustodesBundle
import CustodesDetection
import CustodesModel
import Foundation

/// `custodes detect BUNDLE --out alerts.jsonl`: active monitoring over a bundle's audit events; or
/// `custodes detect --db URL`: over a store's events, keeping its alerts up to date.
struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Explain every access in a bundle's audit events, score the rest, and write alerts.",
        discussion: """
            Loads the reference data, reads the audit events in time order (files may be out of order), explains each \
            access to a person or occurrence by a business link, scores what is left with the rules' indicators, and \
            writes one alert per line to --out (format: docs/data-format.md). People in alerts appear as stable \
            pseudonyms made with the deployment's key (--pseudonym-key; created on first use).

            With --db instead of a bundle, detection runs over the events in the store, under the store's current \
            rule set, and writes alerts, the run and its cursor to the store in one transaction. It runs only when \
            something changed (new events, rules or budget) unless --force is given; with --follow it keeps \
            checking every --interval seconds. An interrupted run is simply run again: the result is the same.
            """
    )

    @Argument(help: "The bundle folder (omit with --db).")
    var bundle: String?

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "With --db: run even if nothing changed since the last run.")
    var force = false

    @Flag(help: "With --db: keep running, checking for new events every --interval seconds.")
    var follow = false

    @Option(help: "With --follow: seconds between checks.")
    var interval: Int = 10

    @Option(help: "Where to write the alerts (JSON Lines).")
    var out: String = "alerts.jsonl"

    @Option(help: "A rules file (YAML); the built-in rules when omitted (see `custodes rules show`).")
    var rules: String?

    // `.unconditional` so that `--budget -3` is read as a (wrong) number and refused as one, not as a missing value.
    @Option(parsing: .unconditional, help: "Alerts a week the unit can triage; the rest are kept but marked over budget.")
    var budget: Int?

    @Option(help: """
        The deployment's key file (created, readable by its owner only, when missing). Default: custodes-pseudonym.key \
        for a bundle; with --db, the store's key, as `custodes serve` finds it (custodes.key beside a SQLite store).
        """)
    var pseudonymKey: String?

    @Option(help: "Where to write quarantined input rows (CSV).")
    var quarantine: String = "quarantine.csv"

    @Option(help: "How many alerts to list in the summary.")
    var show: Int = 10

    @Option(help: """
        Cores for reading, explaining and scoring a bundle: the work is split by member of staff (four parts a \
        core, taken in turn), with the same alerts as one core.
        """)
    var threads: Int = 1

    func validate() throws {
        if let budget, budget < 1 { throw ValidationError("--budget must be at least 1 alert a week.") }
        if bundle != nil && database.url != nil { throw ValidationError("Give a bundle folder or --db, not both.") }
        if interval < 1 { throw ValidationError("--interval must be at least 1 second.") }
        if !(1...64).contains(threads) { throw ValidationError("--threads must be between 1 and 64.") }
        if threads > 1 && database.url != nil { throw ValidationError("--threads applies to a bundle, not to --db.") }
    }

    func run() async throws {
        guard let bundle else {
            try await runOnStore()
            return
        }
        let ruleSet = try rules.map { try RulesFile.load(path: $0) } ?? RuleSet.standard
        AllocatorTuning.keepMemoryForLongRun()
        // The output is opened first, so a path that cannot be written fails at once, not after all the scoring.
        let writer = try BufferedFileWriter(path: out)
        let keyPath = pseudonymKey ?? "custodes-pseudonym.key"
        let (key, created) = try KeyFile.loadOrCreateKey(at: keyPath)
        if created { Progress.message("detect: created a new pseudonym key in \(keyPath); keep it with the deployment") }
        let sink = try QuarantineFile(path: quarantine)
        var run: DetectionRun
        do {
            run = try DetectionRun.run(bundle: bundle, rules: ruleSet, key: key, quarantine: sink, progress: true,
                                       threads: threads)
        } catch {
            try? writer.close()
            try? FileManager.default.removeItem(atPath: out)
            throw error
        }
        try sink.close()
        if let failure = Self.nothingAccepted(run.report, bundle: bundle, quarantinePath: quarantine) {
            try? writer.close()
            try? FileManager.default.removeItem(atPath: out)
            throw failure
        }
        if let budget { Budget.apply(&run.alerts, perWeek: budget, through: run.summary.lastEventAt) }
        let fingerprint = try EvaluateCommand.fingerprint(bundle: bundle)
        for alert in run.alerts {
            writer.append(AlertJSON.line(alert, bundle: fingerprint))
            try writer.newline()
        }
        try writer.close()
        print(DetectionReportText.render(run, budget: budget, out: out, show: show, quarantined: sink.count,
                                         quarantinePath: quarantine))
    }

    /// An error when audit rows were read but every one was quarantined (a column the contract requires left out
    /// of an export, say): a run that scored nothing and wrote no alerts would read as a force with nothing to find.
    static func nothingAccepted(_ report: BundleReport, bundle: String, quarantinePath: String) -> CommandFailure? {
        let audit = report.files.filter { $0.file.hasPrefix("audit") }
        let quarantined = audit.reduce(0) { $0 + $1.quarantined }
        guard quarantined > 0, audit.allSatisfy({ $0.accepted == 0 }) else { return nil }
        var reasons: [QuarantineReason: Int] = [:]
        for file in audit { reasons.merge(file.quarantinedByReason, uniquingKeysWith: +) }
        let commonest = reasons.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }!
        return CommandFailure("every one of the \(quarantined.formatted()) audit rows in \(bundle) was quarantined, "
            + "\(commonest.value.formatted()) of them for \(commonest.key.rawValue) (\(quarantinePath) names each "
            + "row's file, line, field and reason), so nothing was scored and no alerts were written")
    }
}
