import CustodesBundle
import CustodesModel
import Foundation

/// Writing the reference files of a simulated bundle, once the simulation has run and every marker and link is known.
enum BundleDirectory {
    /// Creates the folder, and removes bundle files a previous run left there so the result is exactly this run's.
    static func prepare(_ directory: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: directory)
        where BundleFile.allCases.contains(where: { $0.fileName == name })
            || (name.hasPrefix("audit") && (name.hasSuffix(".csv") || name.hasSuffix(".jsonl"))) {
            try manager.removeItem(atPath: directory + "/" + name)
        }
    }

    static func writeReference(_ sim: ForceSimulation, to directory: String) throws -> SimulationSummary {
        var summary = SimulationSummary()
        func file(_ kind: BundleFile) throws -> CSVWriter {
            let writer = try CSVWriter(path: directory + "/" + kind.fileName)
            try writer.write(kind.columns + kind.optionalColumns)
            return writer
        }

        let staff = try file(.staff)
        for member in sim.staff {
            let record = member.record
            try staff.write([record.staffID, record.collarNumber, record.displayName, record.role.rawValue, record.team,
                             record.station, record.startDate.isoDate, record.endDate?.isoDate ?? "",
                             record.homePostcode ?? ""])
        }
        try staff.close()
        summary.staff = sim.staff.count

        let persons = try file(.persons)
        for person in sim.population.persons {
            try persons.write([person.personID, person.familyName, person.givenName, person.sex.rawValue,
                               person.birthYear.map(String.init) ?? "", person.postcode ?? "",
                               person.markers.markers.map(\.rawValue).joined(separator: ";")])
        }
        try persons.close()
        summary.persons = sim.population.count

        let links = try file(.personLinks)
        for link in sim.population.links {
            try links.write([sim.personID(Int(link.person)), sim.personID(Int(link.linkedPerson)),
                             link.relation.rawValue])
        }
        try links.close()

        let occurrences = try file(.occurrences)
        for occurrence in sim.occurrences {
            try occurrences.write([occurrence.occurrenceID, occurrence.category.rawValue, occurrence.openedAt.iso8601,
                                   occurrence.closedAt?.iso8601 ?? "", occurrence.station])
        }
        try occurrences.close()
        summary.occurrences = sim.occurrences.count

        let involvement = try file(.occurrencePersons)
        for link in sim.occurrencePersons {
            try involvement.write([sim.occurrenceID(Int(link.occurrence)), sim.personID(Int(link.person)),
                                   link.role.rawValue])
        }
        try involvement.close()

        let assignments = try file(.assignments)
        for assignment in sim.assignments {
            try assignments.write([sim.occurrenceID(Int(assignment.occurrence)),
                                   sim.staff[Int(assignment.staff)].record.staffID, assignment.role.rawValue,
                                   assignment.start.iso8601, assignment.end?.iso8601 ?? ""])
        }
        try assignments.close()
        summary.assignments = sim.assignments.count

        let declared = try file(.declaredAssociations)
        for association in sim.declaredAssociations {
            try declared.write([sim.staff[Int(association.staff)].record.staffID, sim.personID(Int(association.person)),
                                association.relation.rawValue, association.declaredOn.isoDate])
        }
        try declared.close()

        let truth = try file(.truth)
        for entry in sim.truth {
            guard let eventID = entry.firstEventID, let at = entry.firstAt else { continue }
            try truth.write([sim.staff[entry.staff].record.staffID, entry.scenario.rawValue, eventID, at.iso8601,
                             entry.scenario.kind.rawValue])
            if entry.scenario.kind == .misconduct { summary.misconductStaff += 1 } else { summary.benignStaff += 1 }
        }
        try truth.close()
        return summary
    }
}
