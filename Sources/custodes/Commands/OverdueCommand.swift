import CustodesModel
import ArgumentParser
import CustodesAssurance
import Foundation

/// `custodes overdue FINDINGS --inspection FILE`: the forces behind the inspection's timetable.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List the forces whose next step of the inspection is past its due date, most overdue first.",
        discussion: """
            Only each force's next outstanding step is listed (a force that has not submitted is late with its \
            submission, not also with its letter). --today fixes the day, so a listing can be reproduced.
            """
    )

    @Argument(help: "The findings file (YAML), with each force's lifecycle dates.")
    var findings: String

    @Option(help: "The inspection file (YAML), whose dates say when each step is due.")
    var inspection: String

    @Option(help: "The day to list as of (YYYY-MM-DD); today when omitted.")
    var today: String?

    @Option(help: "A force file correcting or adding to the built-in forces (YAML).")
    var forces: String?

    func validate() throws {
        if let today, CalendarDate(iso: today) == nil {
            throw ValidationError("--today must be a date as YYYY-MM-DD, got '\(today)'.")
        }
    }

    func run() throws {
        let catalog = try forces.map { try ForceFile.load(path: $0, onto: .englandAndWales) } ?? .englandAndWales
        let file = try FindingsFile.load(path: findings, catalog: catalog)
        let inspection = try InspectionFile.load(path: inspection)
        let day = today.flatMap { CalendarDate(iso: $0) } ?? Self.today()
        let overdue = OverdueListing.overdue(file.findings, dates: inspection.dates, today: day)
        guard !overdue.isEmpty else {
            print("No force is behind the timetable on \(day.iso).")
            return
        }
        print("\(overdue.count) force\(overdue.count == 1 ? " is" : "s are") behind the timetable on \(day.iso):")
        let bySlug = Dictionary(file.findings.map { ($0.force, $0) }, uniquingKeysWith: { first, _ in first })
        for step in overdue {
            let name = bySlug[step.force].map { file.force(for: $0).name } ?? step.force
            print("  \(name): \(step.step.rawValue), due \(step.due.iso), "
                  + "\(step.daysOverdue) day\(step.daysOverdue == 1 ? "" : "s") overdue")
        }
    }

    private static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
