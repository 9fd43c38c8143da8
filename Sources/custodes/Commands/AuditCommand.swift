import ArgumentParser
import CustodesStore

/// `custodes audit verify --db URL`: checks the audit trail's hash chain and names the first broken entry.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the web application's audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the audit trail's hash chain; exits 1 and names the first broken entry if it was edited, reordered or had entries removed.",
            discussion: "The chain cannot show entries cut from its end: keep the printed head hash somewhere else and compare it next time.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let result = try await database.withStore { try await AuditTrail.verify(in: $0) }
            switch result {
            case .intact(let entries, let head):
                print("audit trail intact: \(entries) entries; head \(head)")
            case .broken(let seq, let reason):
                print("audit trail BROKEN at entry \(seq): \(reason)")
                throw ExitCode(1)
            }
        }
    }
}
