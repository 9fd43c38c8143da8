import ArgumentParser
import CustodesModel
import CustodesStore
import Foundation

/// `custodes retention --db URL --older-than DAYS`: deletes audit events a force no longer keeps.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Delete stored audit events older than the force keeps them (alerts are kept).",
        discussion: "Counts first; deletes only with --apply, so the effect can be checked before it is made."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Delete events more than this many days old.")
    var olderThan: Int

    @Option(help: "Count the days back from this date (YYYY-MM-DD) instead of today, as for simulated data.")
    var asOf: String?

    @Flag(help: "Delete; without it, only count what would be deleted.")
    var apply = false

    func validate() throws {
        if olderThan < 1 { throw ValidationError("--older-than must be at least 1 day.") }
        if let asOf, (try? Timestamp.parseDate(asOf).get()) == nil {
            throw ValidationError("--as-of must be a date as YYYY-MM-DD, got '\(asOf)'.")
        }
    }

    func run() async throws {
        let reference = try asOf.map { try Timestamp.parseDate($0).get().seconds }
            ?? Int64(Date().timeIntervalSince1970)
        let cutoff = reference - Int64(olderThan) * 86_400
        let cutoffText = Timestamp(seconds: cutoff).iso8601
        try await database.withStore { store in
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
}
