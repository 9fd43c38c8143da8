import ArgumentParser
import CustodesModel
import CustodesServer
import CustodesStore
import Foundation

/// `custodes retention --db URL [--older-than DAYS]`: deletes audit events a force no longer keeps, and reports from
/// the portal closed longer ago than the unit keeps them.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Delete audit events and closed portal reports older than the force keeps them (alerts are kept).",
        discussion: "Counts first; deletes only with --apply, so the effect can be checked before it is made."
    )

    @Option(help: """
        The configuration file `serve` reads (default: $CUSTODES_CONFIG): its store and retention.events_days apply \
        when --db and --older-than are not given.
        """)
    var config: String?

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Delete events more than this many days old (events are kept when omitted).")
    var olderThan: Int?

    @Option(help: """
        Delete reports from the portal closed more than this many days ago (default: the unit's setting \
        portal.retention_days, or 365).
        """)
    var reportsClosedDays: Int?

    @OptionGroup var deploymentKey: DeploymentKeyOptions

    @Option(help: "Count the days back from this date (YYYY-MM-DD) instead of today, as for simulated data.")
    var asOf: String?

    @Flag(help: "Delete; without it, only count what would be deleted.")
    var apply = false

    func validate() throws {
        if let olderThan, olderThan < 1 { throw ValidationError("--older-than must be at least 1 day.") }
        if let reportsClosedDays, reportsClosedDays < 1 {
            throw ValidationError("--reports-closed-days must be at least 1 day.")
        }
        if let asOf, (try? Timestamp.parseDate(asOf).get()) == nil {
            throw ValidationError("--as-of must be a date as YYYY-MM-DD, got '\(asOf)'.")
        }
    }

    func run() async throws {
        let settings = try ConfigurationLayers.load(config, refusing: "nothing was deleted")
        var command = self
        command.olderThan = settings.number("retention.events_days", flag: olderThan)
        if database.url == nil, config != nil || settings.file != nil {
            command.database.url = try ConfigurationLayers.storeURL(flag: nil, settings).connectionString
        }
        try await command.prune(reference: try asOf.map { try Timestamp.parseDate($0).get().seconds }
            ?? Int64(Date().timeIntervalSince1970))
    }

    private func prune(reference: Int64) async throws {
        try await database.withStore { store in
            try await reports(store: store, reference: reference)
            guard let olderThan else { return }
            let cutoff = reference - Int64(olderThan) * 86_400
            let cutoffText = Timestamp(seconds: cutoff).iso8601
            if apply {
                let deleted = try await Retention.delete(olderThan: cutoff, in: store) {
                    Progress.line("retention: \($0.formatted()) events deleted")
                }
                Progress.done()
                print("retention: deleted \(deleted.formatted()) audit events from before \(cutoffText)")
            } else {
                let count = try await Retention.count(olderThan: cutoff, in: store)
                print("retention: \(count.formatted()) audit events are from before \(cutoffText); "
                      + "run again with --apply to delete them")
            }
        }
    }

    /// Reports from the portal closed longer ago than the retention period: counted, or deleted with a trail entry
    /// each (which says which report and when it closed, nothing of what it said).
    func reports(store: StoreDatabase, reference: Int64) async throws {
        var days = UnitSettings.reportRetentionDaysDefault
        if let reportsClosedDays {
            days = reportsClosedDays
        } else {
            days = try await UnitSettings.integer(UnitSettings.reportRetentionDays, default: days, in: store)
        }
        let due = try await PortalReports.closed(before: reference - Int64(days) * 86_400, in: store)
        guard apply else {
            print("retention: \(due.count) reports from the portal were closed more than \(days) days ago"
                  + (due.isEmpty ? "" : "; run again with --apply to delete them"))
            return
        }
        guard !due.isEmpty else {
            print("retention: no report from the portal was closed more than \(days) days ago")
            return
        }
        let key = try await deploymentKey.key(for: store, command: "retention")
        let seal = try await DeploymentKeyOptions.trailSeal(key: key, store: store, command: "retention")
        for report in due {
            try await PortalReports.delete(report.id, in: store)
            try await AuditTrail.append("report_deleted", by: "console:retention", subject: report.reference,
                                        detail: "closed \(Timestamp(seconds: report.closedAt).isoDate), kept \(days) days",
                                        at: Int64(Date().timeIntervalSince1970), sealedWith: seal, in: store)
        }
        print("retention: deleted \(due.count) reports from the portal closed more than \(days) days ago")
    }
}
