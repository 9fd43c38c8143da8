import Foundation
import ArgumentParser
import CustodesDetection
import CustodesModel
import CustodesStore

extension RulesCommand {
    /// `custodes rules apply FILE --db URL --by NAME --note WHY`: changes the rules a store's detection runs under.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a rules file the store's rule set, recording who changed it and why.",
            discussion: """
                The file is checked first (errors name the line and field). The next detection run, including one \
                inside a running `custodes serve` or `detect --follow`, uses it; no restart is needed. Applying the \
                rules already in force records nothing.
                """
        )

        @Argument(help: "The rules file (YAML).")
        var file: String
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Who is making the change.")
        var by: String
        @Option(help: "Why: what the change is for.")
        var note: String
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        func validate() throws {
            if by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by must name who is changing the rules.") }
            if note.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--note must say why.") }
        }

        func run() async throws {
            let rules = try RulesFile.load(path: file)
            let version = try await database.withStore { store in
                let seal = try await deploymentKey.trailSeal(for: store, command: "rules")
                let version = try await StoredRules.record(rules, by: by, note: note, in: store)
                if let version {
                    try await AuditTrail.append("rules_changed", by: "console:" + by, subject: "rules version \(version)",
                                                detail: note, at: Int64(Date().timeIntervalSince1970), sealedWith: seal,
                                                in: store)
                }
                return version
            }
            if let version {
                print("rule set version \(version) recorded; the next detection run applies it")
            } else {
                print("these are the rules already in force; nothing recorded")
            }
        }
    }

    /// `custodes rules history --db URL`: every change to the rules, oldest first.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every change to the store's rule set.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let changes = try await database.withStore { try await StoredRules.history(in: $0) }
            if changes.isEmpty { print("the built-in rules; never changed") }
            for change in changes {
                print("version \(change.version)  \(Timestamp(seconds: change.changedAt).iso8601)  \(change.changedBy): "
                      + change.note)
            }
        }
    }
}
