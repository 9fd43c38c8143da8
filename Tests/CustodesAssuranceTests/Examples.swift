import CustodesAssurance
import Foundation
import Testing

/// The example data in examples/assurance and the seed letters in Fixtures, located from this file so the tests
/// run from any working directory.
enum Examples {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = repository.appendingPathComponent("examples/assurance")
    static let inspectionPath = directory.appendingPathComponent("inspection.yaml").path
    static let findingsPath = directory.appendingPathComponent("findings.yaml").path

    static func inspection() throws -> Inspection { try InspectionFile.load(path: inspectionPath) }
    static func findings() throws -> FindingsFile { try FindingsFile.load(path: findingsPath) }

    /// A seed letter exactly as published, from the test bundle's copy.
    static func seed(_ name: String) throws -> String {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func letter(for slug: String) throws -> Letter {
        let file = try findings()
        let entry = try #require(file.findings.first { $0.force == slug })
        return Letter(inspection: try inspection(), force: file.force(for: entry), findings: entry)
    }
}

/// A valid inspection for tests that need one without files; the image is a few stand-in bytes.
enum SampleInspection {
    static let yaml = """
        inspectorate: HMICFRS
        subject: Abuse of position for a sexual purpose
        recommendation:
          report: "PEEL: police legitimacy 2016"
          published: 2016-12
          former-term: abuse of authority for sexual gain
          current-term: abuse of position for a sexual purpose
          concern: The report highlighted our concerns.
          text: Forces should have started a plan.
        strategy:
          agreed-by: National Police Chiefs' Council
          agreed: 2017-04
        dates:
          documents-requested: 2017-05-16
          submission-deadline: 2017-05-31
          assessment: {from: 2017-06-01, to: 2017-06-30}
          letter: 2017-10-02
          publication: 2017-10-05
          return-visit-due: 2018-09-28
        signature:
          name: Alex Example
          titles: [Inspector]
          image: sig.png
          alt: A signature.
        contact:
          name: Sam Sample
          email: sam.sample@example.org
        """

    static func inspection() throws -> Inspection {
        try InspectionFile.parse(yaml, file: "sample.yaml") { _ in [0x89, 0x50, 0x4E, 0x47] }
    }
}
