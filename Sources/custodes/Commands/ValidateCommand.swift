import ArgumentParser
import CustodesBundle
import CustodesModel
import Foundation

/// `custodes validate BUNDLE`: reads every file of a bundle and reports what it would accept.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a force data bundle and report, per file, rows read, accepted, quarantined and duplicated.",
        discussion: """
            Every bad row is written to the quarantine file with its file, line, field, reason and original text; \
            the good rows are still counted as accepted. Exits with status 1 when anything was quarantined, unless \
            --allow-quarantine is given.
            """
    )

    @Argument(help: "The bundle folder.")
    var bundle: String

    @Option(help: "Where to write quarantined rows (CSV).")
    var quarantine: String = "quarantine.csv"

    @Flag(help: "Exit with status 0 even when rows were quarantined.")
    var allowQuarantine = false

    @Option(help: "How many quarantined rows to list on standard error (0 for none).")
    var show: Int = 10

    func run() throws {
        let sink = try QuarantineFile(path: quarantine)
        let echo = QuarantineEcho(inner: sink, limit: show)
        let reader = try BundleReader(directory: bundle, quarantine: echo)
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        var stream = reader.auditEvents(reference: reference)
        stream.progress = { count in Progress.line("validate: \(count.formatted()) audit rows read") }
        var events = 0
        try stream.forEach(report: &report) { _ in events += 1 }
        Progress.done()
        if reader.hasTruth { _ = try reader.loadTruth(reference: reference, report: &report) }
        try sink.close()

        print(ReportTable.render(report))
        if report.quarantined > 0 {
            print("\n\(report.quarantined.formatted()) row(s) quarantined; see \(quarantine)")
            if !allowQuarantine { throw ExitCode(1) }
        } else {
            print("\nNo rows quarantined.")
        }
    }
}

/// Passes entries on and shows the first few on standard error, so a user sees what is wrong without opening a file.
final class QuarantineEcho: QuarantineSink {
    let inner: any QuarantineSink
    let limit: Int
    private var shown = 0

    init(inner: any QuarantineSink, limit: Int) {
        self.inner = inner
        self.limit = limit
    }

    func quarantine(_ entry: QuarantineEntry) throws(BundleError) {
        if shown < limit {
            Progress.message(entry.message)
            shown += 1
        }
        try inner.quarantine(entry)
    }
}
