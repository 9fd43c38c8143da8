import CustodesStore
import CustodesTestSupport
import Foundation
import Testing

@Suite("Drop folder")
struct DropFolderTests {
    @Test("files dropped are ingested once, moved to ingested/, and files still being written are left alone",
          arguments: TestStores.engines)
    func dropFolder(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let drop = NSTemporaryDirectory() + "custodes-drop-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: drop) }
            let folder = DropFolder(directory: drop, ingest: BundleIngest(database: database))
            let source = TestBundles.small
            let reference = TestBundles.files(in: source).filter { !$0.hasPrefix("audit") && $0 != "truth.csv" }
            let audits = TestBundles.files(in: source).filter { $0.hasPrefix("audit") }

            #expect(try await folder.poll() == nil)
            for name in reference + audits.dropLast() {
                try FileManager.default.copyItem(atPath: source + "/" + name, toPath: drop + "/" + name)
            }
            // The last audit file is still being copied: under a name ingest does not take.
            try FileManager.default.copyItem(atPath: source + "/" + audits.last!, toPath: drop + "/" + audits.last! + ".part")
            let first = try #require(try await folder.poll())
            #expect(first.audit.map(\.file) == Array(audits.dropLast()))
            #expect(FileManager.default.fileExists(atPath: drop + "/" + audits.last! + ".part"))
            #expect(try await folder.poll() == nil)

            try FileManager.default.moveItem(atPath: drop + "/" + audits.last! + ".part", toPath: drop + "/" + audits.last!)
            let second = try #require(try await folder.poll())
            #expect(second.audit.map(\.file) == [audits.last!])
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events") == IngestTests.facts.distinctEvents)
            let done = try FileManager.default.contentsOfDirectory(atPath: drop + "/ingested")
            #expect(done.count == 2)
            #expect(DropFolderTests.recognised(drop).isEmpty)
        }
    }

    static func recognised(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".csv") }
    }
}
