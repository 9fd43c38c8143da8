import ArgumentParser
import CustodesModel
import CustodesStore

/// `custodes batches --db URL`: the store's recent ingest batches and how each ended, so an operator can see a load
/// that failed or was interrupted (and send its files again) without reading the database.
struct BatchesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batches",
        abstract: "List recent ingest batches, newest first, with how each ended.",
        discussion: """
            A batch is running, complete, failed, or interrupted: its process stopped without saying how it ended \
            (killed, or its machine lost) and it made no progress for 30 minutes. What an interrupted batch stored is \
            kept; send the same files again to finish it.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many batches to list.")
    var limit: Int = 20

    func validate() throws {
        if !(1...10_000).contains(limit) { throw ValidationError("--limit must be between 1 and 10000.") }
    }

    func run() async throws {
        let batches = try await database.withStore { try await IngestBatches.recent(limit: limit, in: $0) }
        if batches.isEmpty { print("no ingest batches yet") }
        for batch in batches {
            let started = Timestamp(seconds: batch.startedAt).iso8601
            print("\(batch.id)  \(batch.status.padding(toLength: 11, withPad: " ", startingAt: 0))  \(started)  "
                  + "\(batch.channel) from \(batch.source): \(batch.accepted) accepted, \(batch.duplicates) duplicate, "
                  + "\(batch.quarantined) quarantined")
        }
    }
}
