import CustodesTestSupport
import Foundation
import Testing

/// `custodes backup`, `backup verify` and `restore` at the console, as an operator types them.
@Suite("Backup commands")
struct BackupCommandTests {
    @Test("new-key makes a key once; backup refuses a missing or loose key and a missing store; verify checks the file; restore fills a new store once and refuses a second time or a wrong key")
    func roundTrip() async throws {
        let folder = NSTemporaryDirectory() + "custodes-backup-command-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:\(folder)/store/custodes.sqlite"
        #expect(try await CustodesProcess.runCapturing(["ingest", TestBundles.small, "--db", db]).status == 0)

        let key = folder + "/backup.key", file = folder + "/store.backup"
        // A mistyped key path makes no key nobody has a copy of.
        let noKey = try await CustodesProcess.runCapturing(["backup", "--db", db, "--key", key, "--out", file])
        #expect(noKey.status != 0 && noKey.error.contains("custodes backup new-key --out \(key)"), "\(noKey.error)")
        #expect(!FileManager.default.fileExists(atPath: key) && !FileManager.default.fileExists(atPath: file))
        let made = try await CustodesProcess.runCapturing(["backup", "new-key", "--out", key])
        #expect(made.status == 0 && made.output.contains("written to \(key)"), "\(made.error)")
        let permissions = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o600)
        #expect(try await CustodesProcess.runCapturing(["backup", "new-key", "--out", key]).status != 0)
        // A store that is not there is not backed up as an empty one (and is not made).
        let noStore = try await CustodesProcess.runCapturing(["backup", "--db", "sqlite:\(folder)/typo.sqlite", "--key", key,
                                                              "--out", folder + "/typo.backup"])
        #expect(noStore.status != 0 && noStore.error.contains("there is no store at"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/typo.sqlite"))

        let backup = try await CustodesProcess.runCapturing(["backup", "--db", db, "--key", key, "--out", file])
        #expect(backup.status == 0, "\(backup.error)")
        #expect(backup.output.contains("backup written: \(file)") && backup.output.contains("file SHA-256 "))
        // No plaintext copy is left beside the store or the backup.
        let leftovers = (try FileManager.default.contentsOfDirectory(atPath: folder + "/store")
            + FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasPrefix(".custodes-") }
        #expect(leftovers.isEmpty, "\(leftovers)")

        let again = try await CustodesProcess.runCapturing(["backup", "--db", db, "--key", key, "--out", file])
        #expect(again.status != 0 && again.error.contains("already exists"))

        let verify = try await CustodesProcess.runCapturing(["backup", "verify", file, "--key", key])
        #expect(verify.status == 0 && verify.output.contains("every table's count matches the manifest"), "\(verify.error)")

        let restoredDB = "sqlite:\(folder)/restored/custodes.sqlite"
        let restore = try await CustodesProcess.runCapturing(["restore", file, "--key", key, "--db", restoredDB])
        #expect(restore.status == 0 && restore.output.contains("every count matches the manifest"), "\(restore.error)")
        let twice = try await CustodesProcess.runCapturing(["restore", file, "--key", key, "--db", restoredDB])
        #expect(twice.status != 0 && twice.error.contains("restored only into an empty store"))
        // An empty file where the store would go may be one a server has just made: refused too, and left alone.
        _ = FileManager.default.createFile(atPath: folder + "/empty.sqlite", contents: Data())
        let onEmpty = try await CustodesProcess.runCapturing(["restore", file, "--key", key, "--db", "sqlite:\(folder)/empty.sqlite"])
        #expect(onEmpty.status != 0 && onEmpty.error.contains("already exists"))
        #expect((try FileManager.default.attributesOfItem(atPath: folder + "/empty.sqlite")[.size] as? NSNumber)?.intValue == 0)

        let otherKey = folder + "/other.key"
        try Data("\(Data(repeating: 5, count: 32).base64EncodedString())\n".utf8).write(to: URL(fileURLWithPath: otherKey))
        let loose = try await CustodesProcess.runCapturing(["backup", "verify", file, "--key", otherKey])
        #expect(loose.status != 0 && loose.error.contains("may be read by others"), "\(loose.error)")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: otherKey)
        let wrong = try await CustodesProcess.runCapturing(["restore", file, "--key", otherKey, "--db", "sqlite:\(folder)/third.sqlite"])
        #expect(wrong.status != 0 && wrong.error.contains("not with the key given"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/third.sqlite"))
        let missing = try await CustodesProcess.runCapturing(["backup", "verify", file, "--key", folder + "/none.key"])
        #expect(missing.status != 0 && missing.error.contains("there is no backup key at"))
        #expect(try await CustodesProcess.runCapturing(["quarantine", "--db", restoredDB]).status == 0)
    }
}
