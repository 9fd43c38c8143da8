import ArgumentParser

/// The `custodes` command: one subcommand per job a counter-corruption unit or its engineers run.
@main
struct Custodes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custodes",
        abstract: "Counter-corruption intelligence: finds abuse of position for a sexual purpose in force audit logs.",
        discussion: """
            Custodes reads a force data bundle (a folder of CSV files exported from force systems: staff, rosters, \
            people, occurrences, assignments and audit events; see docs/data-format.md).

            Start with a synthetic force:
              custodes simulate --out demo-force --staff 500 --days 60
              custodes validate demo-force
            """,
        subcommands: [SimulateCommand.self, ValidateCommand.self, DetectCommand.self, EvaluateCommand.self, RulesCommand.self]
    )
}
