import CustodesTestSupport
import Foundation
import Testing

/// `custodes backup`, `backup verify` and `restore` at the console, as an operator types them.
@Suite("Backup commands")
struct BackupCommandTests {
    @Test("backup makes a key and a file, verify checks it, restore fills a new store once and refuses a second time or a wrong key")
    func roundTrip() async throws {
        let folder = NSTemporaryDirectory() + "custodes-backup-command-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:\(folder)/store/custodes.sqlite"
        #expect(try await CustodesProcess.runCapturing(["ingest", TestBundles.small, "--db", db]).status == 0)

        let key = folder + "/keys/backup.key", file = folder + "/store.backup"
        let backup = try await CustodesProcess.runCapturing(["backup", "--db", db, "--key", key, "--out", file])
        #expect(backup.status == 0, "\(backup.error)")
        #expect(backup.output.contains("backup written: \(file)") && backup.output.contains("file SHA-256 "))
        #expect(backup.error.contains("created a new backup key in \(key)"))
        let permissions = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o600)

        let again = try await CustodesProcess.runCapturing(["backup", "--db", db, "--key", key, "--out", file])
        #expect(again.status != 0 && again.error.contains("already exists"))

        let verify = try await CustodesProcess.runCapturing(["backup", "verify", file, "--key", key])
        #expect(verify.status == 0 && verify.output.contains("every table's count matches the manifest"), "\(verify.error)")

        let restoredDB = "sqlite:\(folder)/restored/custodes.sqlite"
        let restore = try await CustodesProcess.runCapturing(["restore", file, "--key", key, "--db", restoredDB])
        #expect(restore.status == 0 && restore.output.contains("every count matches the manifest"), "\(restore.error)")
        let twice = try await CustodesProcess.runCapturing(["restore", file, "--key", key, "--db", restoredDB])
        #expect(twice.status != 0 && twice.error.contains("restored only into an empty store"))

        let otherKey = folder + "/other.key"
        try Data("\(Data(repeating: 5, count: 32).base64EncodedString())\n".utf8).write(to: URL(fileURLWithPath: otherKey))
        let wrong = try await CustodesProcess.runCapturing(["restore", file, "--key", otherKey, "--db", "sqlite:\(folder)/third.sqlite"])
        #expect(wrong.status != 0 && wrong.error.contains("not with the key given"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/third.sqlite"))
        let missing = try await CustodesProcess.runCapturing(["backup", "verify", file, "--key", folder + "/none.key"])
        #expect(missing.status != 0 && missing.error.contains("there is no backup key there"))
        #expect(try await CustodesProcess.runCapturing(["quarantine", "--db", restoredDB]).status == 0)
    }
}
