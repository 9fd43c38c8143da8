import ArgumentParser
import CustodesStore
import Foundation

/// `custodes ingest BUNDLE --db URL`: loads a bundle (or an update: some files only) into a store.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load a bundle into the store: reference data updated in place, audit events added once each.",
        discussion: """
            The folder may hold a whole bundle or only some of its files (the day's audit files, say): reference \
            files update the stored records, audit events already stored (by event_id) are skipped, and a file \
            already ingested (by its SHA-256) is not read again, so running the same ingest twice adds nothing. \
            Quarantined rows are kept in the store with their reasons (`custodes quarantine --db URL` lists them). \
            An interrupted ingest is completed by running it again.
            """
    )

    @Argument(help: "The bundle folder (with --watch: the drop folder).")
    var bundle: String

    @Flag(help: "Treat the folder as a drop folder: ingest files as they arrive, until stopped.")
    var watch = false

    @Option(help: "With --watch: seconds between looks at the folder.")
    var interval: Int = 5

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Audit events per transaction: larger is faster, smaller loses less work to a crash.")
    var chunkSize: Int = 50_000

    @Option(help: """
        Audit events (estimated at 100 bytes a row) from which a load that is also at least half the size of what is \
        stored drops the audit-event indexes and builds them again at the end (default: 1000000).
        """)
    var bulkThreshold: Int?

    func validate() throws {
        if chunkSize < 1 { throw ValidationError("--chunk-size must be at least 1.") }
        if let bulkThreshold, bulkThreshold < 1 { throw ValidationError("--bulk-threshold must be at least 1.") }
        if interval < 1 { throw ValidationError("--interval must be at least 1 second.") }
    }

    func run() async throws {
        try await database.withStore { store in try await run(on: store) }
    }

    private func run(on store: StoreDatabase) async throws {
        var ingest = BundleIngest(database: store)
        ingest.chunkSize = chunkSize
        if let bulkThreshold { ingest.bulkThreshold = bulkThreshold }
        ingest.progress = { file, rows in
            if rows % 500_000 < 50_000 { Progress.line("ingest: \(file): \(rows.formatted()) rows") }
        }
        ingest.notice = { Progress.message("ingest: " + $0) }
        if watch {
            let folder = DropFolder(directory: bundle, ingest: ingest)
            Progress.message("ingest: watching \(bundle) every \(interval) s; files are moved to ingested/ once stored")
            while true {
                let started = ContinuousClock.now
                if let report = try await folder.poll() {
                    print(IngestReportText.render(report, seconds: (ContinuousClock.now - started).seconds,
                                                  store: store.url.description))
                }
                try await Task.sleep(for: .seconds(interval))
            }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let report = try await ingest.ingest(directory: bundle, source: (bundle as NSString).lastPathComponent)
        Progress.done()
        let seconds = (clock.now - started).seconds
        print(IngestReportText.render(report, seconds: seconds, store: store.url.description))
    }
}
