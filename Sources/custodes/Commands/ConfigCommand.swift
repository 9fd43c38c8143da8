import ArgumentParser
import CustodesServer
import CustodesStore
import Foundation

/// `custodes config check FILE`: every mistake in a configuration file, each with its line, before a server is
/// started with it.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check a configuration file for `custodes serve`.",
        subcommands: [Check.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Report every mistake in a configuration file (and in CUSTODES_* variables), with its line.",
            discussion: """
                Unknown sections and settings, values of the wrong kind or out of range, and *_file settings naming \
                files that do not exist are all mistakes. With none, prints each setting in force and where it comes \
                from (file or environment); secrets are never printed, only the files that hold them.
                """
        )

        @Argument(help: "The configuration file (YAML), as examples/custodes.yaml.")
        var file: String

        func run() async throws {
            let settings = LayeredSettings(file: SettingsFile(path: file))
            guard settings.problems.isEmpty else {
                for problem in settings.problems { print(problem.description) }
                throw CommandFailure("\(file): \(settings.problems.count) mistake\(settings.problems.count == 1 ? "" : "s")")
            }
            print("\(file): no mistakes")
            for key in ServeSettings.keys {
                guard let (value, origin) = settings.value(key.path) else { continue }
                let shown: String = switch value {
                case .text(let text) where key.path == "store.url": (try? DatabaseURL(text).description) ?? "(not a store URL)"
                case .text(let text): text
                case .number(let number): String(number)
                case .flag(let on): on ? "true" : "false"
                }
                let line = origin == .file ? settings.file?.lines[key.path].map { " (line \($0))" } ?? "" : " (\(key.environmentVariable))"
                print("  \(key.path) = \(shown)  from \(origin.rawValue)\(line)")
            }
        }
    }
}
