import CustodesStore
import CustodesTestSupport
import Foundation
import Testing

/// The backup file refuses to open when altered, cut short, or given the wrong key, and says which.
@Suite("Backup files")
struct BackupFileTests {
    static let key = try! BackupKey(bytes: BackupKey.generate())

    /// A backup of a small store, made once: (folder, file).
    static func made() async throws -> (String, String) {
        let folder = NSTemporaryDirectory() + "custodes-backup-file-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try await TestStores.fresh(.sqlite)
        let database = try await store.migrated()
        _ = try await BundleIngest(database: database).ingest(directory: TestBundles.small)
        _ = try await StoreBackup().backup(database, to: folder + "/store.backup", key: key)
        await database.close()
        await store.remove()
        return (folder, folder + "/store.backup")
    }

    @Test("a flipped byte, a cut end, bytes added, a wrong key and an existing file are each refused by name")
    func refusals() async throws {
        let (folder, file) = try await Self.made()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        _ = try await StoreBackup().verify(file, key: Self.key)

        func expectRefusal(_ bytes: Data, key: BackupKey = BackupFileTests.key, _ words: String,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let altered = folder + "/altered-" + UUID().uuidString + ".backup"
            try bytes.write(to: URL(fileURLWithPath: altered))
            do {
                _ = try await StoreBackup().verify(altered, key: key)
                Issue.record("an altered backup verified", sourceLocation: sourceLocation)
            } catch let error as BackupError {
                #expect(error.description.contains(words), "\(error)", sourceLocation: sourceLocation)
            }
        }
        var flipped = original
        flipped[original.count / 2] ^= 0x01
        try await expectRefusal(flipped, "chunk")
        try await expectRefusal(original.prefix(original.count - 100), "cut short")
        // Cutting exactly at a chunk boundary leaves no final chunk.
        try await expectRefusal(original + Data([0]), "after its final chunk")
        try await expectRefusal(original, key: try BackupKey(bytes: BackupKey.generate()), "not with the key given")
        var manifestEdited = original
        let field = try #require(original.range(of: Data("\"schema_version\":".utf8)))
        let offset = field.upperBound
        manifestEdited[offset] = manifestEdited[offset] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        try await expectRefusal(manifestEdited, "chunk 0 does not open")
        try await expectRefusal(Data("not a backup\n".utf8), "not a Custodes backup")

        await #expect(throws: BackupError.self) {
            let store = try await TestStores.fresh(.sqlite)
            defer { Task { await store.remove() } }
            let database = try await store.migrated()
            defer { Task { await database.close() } }
            _ = try await StoreBackup().backup(database, to: file, key: Self.key)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == original)
    }
}
