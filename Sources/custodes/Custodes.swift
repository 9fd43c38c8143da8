import ArgumentParser
import Foundation

/// The `custodes` command: one subcommand per job a counter-corruption unit or its engineers run.
@main
struct Custodes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custodes",
        abstract: "Counter-corruption intelligence: finds abuse of position for a sexual purpose in force audit logs.",
        discussion: """
            Custodes reads a force data bundle (a folder of CSV files exported from force systems: staff, rosters, \
            people, occurrences, assignments and audit events; see docs/data-format.md).

            See it working: `custodes demo` simulates a force, stores and scores it, creates one account per role \
            and serves the unit's web application on http://127.0.0.1:8080/.

            Start with a synthetic force:
              custodes simulate --out demo-force --staff 500 --days 60
              custodes validate demo-force
              custodes detect demo-force --out alerts.jsonl --budget 2
              custodes evaluate demo-force --alerts alerts.jsonl

            With a store (SQLite by default; PostgreSQL in production; see docs/store.md):
              custodes ingest demo-force --db sqlite:custodes.sqlite
              custodes detect --db sqlite:custodes.sqlite --budget 2

            Assurance (the inspectorate's assessment of forces' plans; see docs/assurance.md):
              custodes letters examples/assurance/findings.yaml --inspection examples/assurance/inspection.yaml \\
                --format html --out letters
              custodes overview examples/assurance/findings.yaml --html overview.html
            """,
        subcommands: [
            SimulateCommand.self, ValidateCommand.self, DetectCommand.self, EvaluateCommand.self, RulesCommand.self,
            MigrateCommand.self, IngestCommand.self, BatchesCommand.self, RetentionCommand.self, QuarantineCommand.self, ServeCommand.self,
            TokenCommand.self, UserCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, ConfigCommand.self,
            DemoCommand.self,
            LettersCommand.self, OverviewCommand.self, OverdueCommand.self, CapabilityCommand.self,
        ]
    )

    /// Runs the command, and says what went wrong in one plain line: a file-system error names the path and the
    /// reason (never a raw `NSCocoaErrorDomain` dump), and a check that fails while a command runs prints its message
    /// without the usage text, which is for mistakes in how the command was typed.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CommandFailure {
            exit(withError: error)
        } catch let error as ValidationError {
            exit(withError: CommandFailure(error.message))
        } catch let error as CocoaError {
            exit(withError: CommandFailure(Self.describe(error)))
        } catch {
            exit(withError: error)
        }
    }

    static func describe(_ error: CocoaError) -> String {
        let path = error.filePath ?? error.url?.path ?? (error.userInfo[NSFilePathErrorKey] as? String) ?? "the file"
        switch error.code {
        case .fileWriteFileExists: return "\(path) already exists: choose another name, or remove it first"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "\(path) does not exist"
        case .fileWriteNoPermission, .fileReadNoPermission: return "\(path): permission denied"
        case .fileWriteOutOfSpace: return "\(path): the disk is full"
        case .fileWriteVolumeReadOnly: return "\(path): the disk is read-only"
        default:
            let reason = (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
            return "\(path): \(reason)"
        }
    }
}

/// A command that could not do its job, for a reason that is not how it was typed: printed as one line, no usage.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
