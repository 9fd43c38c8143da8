import ArgumentParser
import CustodesStore

/// `custodes quarantine --db URL`: the rows ingest set aside, with file, line, field and reason.
struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List the input rows the store's ingests quarantined, newest first, with their reasons."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only rows from this ingest batch.")
    var batch: Int64?

    @Option(help: "How many rows to list.")
    var limit: Int = 50

    func run() async throws {
        try await database.withStore { store in
            let counts = try await StoredQuarantine.countsByReason(in: store)
            let rows = try await StoredQuarantine.list(in: store, batch: batch, limit: limit)
            let total = counts.values.reduce(0, +)
            print("\(total.formatted()) quarantined rows in \(store.url)"
                  + (counts.isEmpty ? "" : ": " + counts.sorted { $0.key < $1.key }
                        .map { "\($0.value.formatted()) \($0.key)" }.joined(separator: ", ")))
            for row in rows { print("batch \(row.batchID): \(row.entry.message)") }
        }
    }
}
