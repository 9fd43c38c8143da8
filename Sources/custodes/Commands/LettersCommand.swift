import ArgumentParser
import CustodesAssurance
import Foundation

/// `custodes letters FINDINGS --inspection FILE --format FORMAT --out DIR`: one assessment letter per force.
struct LettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "Write the inspectorate's assessment letter for every force in a findings file.",
        discussion: """
            The findings paragraph of each letter is composed from the force's element statuses (see \
            docs/assurance.md); everything the letters share comes from the inspection file. Files are named after \
            the forces' slugs, such as avon-and-somerset.txt.

            Example:
              custodes letters examples/assurance/findings.yaml --inspection examples/assurance/inspection.yaml \\
                --format markdown --out letters
            """
    )

    @Argument(help: "The findings file (YAML).")
    var findings: String

    @Option(help: "The inspection file (YAML): recommendation, dates, signature and contact.")
    var inspection: String

    @Option(help: "text, markdown or html.")
    var format: String = "text"

    @Option(help: "The folder to write the letters to; created if missing.")
    var out: String

    @Option(help: "A force file correcting or adding to the built-in forces (YAML).")
    var forces: String?

    func validate() throws {
        guard LetterFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of \(LetterFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(format)'")
        }
    }

    func run() throws {
        let format = LetterFormat(rawValue: format)!
        let catalog = try forces.map { try ForceFile.load(path: $0, onto: .englandAndWales) } ?? .englandAndWales
        let file = try FindingsFile.load(path: findings, catalog: catalog)
        let inspection = try InspectionFile.load(path: inspection)

        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("\(out): cannot create the folder: \(error.localizedDescription)")
        }
        let folder = URL(fileURLWithPath: out)
        var written: [(letter: Letter, findings: ForceFindings, file: String)] = []
        for entry in file.findings {
            let letter = Letter(inspection: inspection, force: file.force(for: entry), findings: entry)
            let name = "\(entry.force).\(format.fileExtension)"
            let path = folder.appendingPathComponent(name).path
            do {
                try format.render(letter).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("\(path): cannot be written: \(error.localizedDescription)")
            }
            written.append((letter, entry, name))
        }
        // HTML letters get an index page linking each, with the category of each force's plan.
        if format == .html {
            let index = folder.appendingPathComponent("index.html").path
            let heading = "\(inspection.inspectorate) assessment: \(inspection.subject)"
            do {
                try LetterIndex.html(title: heading, letters: written).write(toFile: index, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("\(index): cannot be written: \(error.localizedDescription)")
            }
        }
        print("Wrote \(file.findings.count) letter\(file.findings.count == 1 ? "" : "s") (\(format.rawValue)) to \(out)"
              + (format == .html ? ", with index.html" : ""))
    }
}
