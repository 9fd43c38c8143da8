import CustodesAssurance
import Foundation
import Testing

/// Bad input names the file, the field and the line.
@Suite struct InputErrorTests {
    static let header = "findings:\n"

    static func entry(force: String = "wiltshire", strategy: String = "in place") -> String {
        """
          - force: \(force)
            strategy: \(strategy)
            ccu-review: started
            it-monitoring: started
            support-organisations: started

        """
    }

    func error(_ yaml: String) -> AssuranceInputError? {
        do {
            _ = try FindingsFile.parse(yaml, file: "findings.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func aValidFileLoads() throws {
        let file = try FindingsFile.parse(Self.header + Self.entry() + Self.entry(force: "kent"), file: "f.yaml")
        #expect(file.findings.map(\.force) == ["wiltshire", "kent"])
        #expect(file.findings[0].statuses == ElementStatuses(
            strategy: .inPlace, ccuReview: .started, itMonitoring: .started, supportOrganisations: .started))
    }

    @Test func anUnknownStatusNamesFileFieldLineAndTheAcceptedValues() throws {
        let yaml = Self.header + Self.entry() + Self.entry(force: "kent", strategy: "done")
        let error = try #require(self.error(yaml))
        #expect(error.file == "findings.yaml")
        #expect(error.field == "findings[1].strategy")
        #expect(error.line == 8)
        #expect(error.problem.hasPrefix("unknown status 'done'; expected one of 'in place', 'started'"))
        #expect(error.description.hasPrefix("findings.yaml:8: findings[1].strategy: unknown status 'done'"))
    }

    @Test func anUnknownForceIsNamed() throws {
        let error = try #require(self.error(Self.header + Self.entry(force: "atlantis")))
        #expect(error.field == "findings[0].force")
        #expect(error.line == 2)
        #expect(error.problem.contains("unknown force 'atlantis'"))
    }

    @Test func aMissingFieldIsNamedWithTheLineOfItsEntry() throws {
        let yaml = Self.header + "  - force: kent\n    strategy: started\n    ccu-review: started\n    it-monitoring: started\n"
        let error = try #require(self.error(yaml))
        #expect(error.field == "findings[0].support-organisations")
        #expect(error.problem == "is missing")
        #expect(error.line == 2)
    }

    @Test func aMisspeltFieldIsRejectedNotIgnored() throws {
        let yaml = Self.header + Self.entry().replacingOccurrences(of: "it-monitoring", with: "it-monitor")
        let error = try #require(self.error(yaml))
        #expect(error.field == "findings[0].it-monitor")
        #expect(error.problem.hasPrefix("unknown field"))
    }

    @Test func duplicateForcesAreRejected() throws {
        let error = try #require(self.error(Self.header + Self.entry() + Self.entry()))
        #expect(error.field == "findings[1].force")
        #expect(error.problem == "'wiltshire' has findings twice")
    }

    @Test func brokenYAMLGivesTheParsersLine() throws {
        let error = try #require(self.error("findings:\n  - force: kent\n   strategy: [oops\n"))
        #expect(error.file == "findings.yaml")
        #expect(error.line != nil)
        #expect(error.problem.hasPrefix("not valid YAML"))
    }

    @Test func badLifecycleDatesAreNamed() throws {
        let yaml = Self.header + Self.entry() + "    lifecycle: {requested: 2017-05-16, submitted: 2017-05-40}\n"
        let error = try #require(self.error(yaml))
        #expect(error.field == "findings[0].lifecycle.submitted")
        #expect(error.problem == "'2017-05-40' is not a date; write YYYY-MM-DD")
    }

    @Test func forceCorrectionsAndAdditionsApply() throws {
        let yaml = """
            forces:
              - slug: kent
                delivery: By hand
                copied-to: [Police and Crime Commissioner, Chief Executive]
              - slug: example-island
                name: Example Island Constabulary
            findings:

            """ + Self.entry(force: "example-island") + Self.entry(force: "kent")
        let file = try FindingsFile.parse(yaml, file: "f.yaml")
        let kent = try #require(file.catalog.force(slug: "kent"))
        #expect(kent.name == "Kent Police")
        #expect(kent.delivery == "By hand")
        #expect(kent.copiedTo == ["Police and Crime Commissioner", "Chief Executive"])
        let island = try #require(file.catalog.force(slug: "example-island"))
        #expect(island.addressee == "Chief Constable")
        #expect(file.catalog.forces.count == 44)
        #expect(ForceCatalog.englandAndWales.forces.count == 43)
    }

    @Test func aNewForceWithoutANameIsRejected() throws {
        let error = try #require(self.error("forces:\n  - slug: nowhere\nfindings: []\n"))
        #expect(error.field == "forces[0].name")
        #expect(error.problem == "is missing")
    }

    @Test func theInspectionFileReportsMissingFields() throws {
        let yaml = SampleInspection.yaml.replacingOccurrences(of: "  email: sam.sample@example.org\n", with: "")
            .replacingOccurrences(of: "  email: sam.sample@example.org", with: "")
        do {
            _ = try InspectionFile.parse(yaml, file: "inspection.yaml") { _ in [] }
            Issue.record("a missing contact email was accepted")
        } catch {
            #expect(error.file == "inspection.yaml")
            #expect(error.field == "contact.email")
            #expect(error.problem == "is missing")
            #expect(error.line != nil)
        }
    }
}
