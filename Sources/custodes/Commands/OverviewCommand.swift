import ArgumentParser
import CustodesAssurance
import Foundation

/// `custodes overview FINDINGS [--html FILE] [--svg FILE]`: the national overview of forces' plans.
struct OverviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Report how many forces fall in each category, which they are, and how each element stands.",
        discussion: """
            Prints the counts and force lists per category and the status of each element across forces. With \
            --svg, also writes the bar chart; with --html, a self-contained report with the chart embedded.

            Example:
              custodes overview examples/assurance/findings.yaml --html overview.html --svg overview.svg
            """
    )

    @Argument(help: "The findings file (YAML).")
    var findings: String

    @Option(help: "Write the overview as a self-contained HTML report to this file.")
    var html: String?

    @Option(help: "Write the bar chart as SVG to this file.")
    var svg: String?

    @Option(help: "A force file correcting or adding to the built-in forces (YAML).")
    var forces: String?

    func run() throws {
        let catalog = try forces.map { try ForceFile.load(path: $0, onto: .englandAndWales) } ?? .englandAndWales
        let overview = NationalOverview(try FindingsFile.load(path: findings, catalog: catalog))
        print(OverviewTextReport.render(overview))
        if let svg { try write(OverviewChart.render(overview), to: svg) }
        if let html { try write(OverviewHTMLReport.render(overview), to: html) }
    }

    func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("\(path): cannot be written: \(error.localizedDescription)")
        }
    }
}
