import CustodesBundle
import CustodesSimulator
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// The restore drill: a year of a small force, with its alerts, decisions, reveals and trail, is backed up while
/// ingest and sign-ins carry on, restored elsewhere, and must come back whole.
@Suite("Backup and restore")
struct BackupDrillTests {
    static let deploymentKey = [UInt8](repeating: 11, count: 32)
    static let backupKey = try! BackupKey(bytes: BackupKey.generate())

    /// A year of a 40-strong force, split in two: everything but the last 30 days of records-system events, and those
    /// events, which arrive while the backup is taken.
    static let year: (main: String, late: String) = {
        let directory = NSTemporaryDirectory() + "custodes-drill-" + UUID().uuidString
        _ = try! ForceSimulation(config: SimulationConfig(staff: 40, days: 365, seed: 23)).write(to: directory)
        let late = directory + "-late"
        try! FileManager.default.createDirectory(atPath: late, withIntermediateDirectories: true)
        let lines = try! String(contentsOfFile: directory + "/audit_rms.csv", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        let times = lines.dropFirst().map { $0.split(separator: ",", maxSplits: 2)[1] }.sorted()
        let cut = times[times.count * 11 / 12]
        let early = lines.dropFirst().filter { $0.split(separator: ",", maxSplits: 2)[1] < cut }
        let after = lines.dropFirst().filter { $0.split(separator: ",", maxSplits: 2)[1] >= cut }
        try! ([lines[0]] + early).joined(separator: "\n").appending("\n")
            .write(toFile: directory + "/audit_rms.csv", atomically: true, encoding: .utf8)
        try! ([lines[0]] + after).joined(separator: "\n").appending("\n")
            .write(toFile: late + "/audit_rms.csv", atomically: true, encoding: .utf8)
        return (directory, late)
    }()

    @Test("a backup taken during ingest and sign-ins restores elsewhere with the same counts, trail head and alerts",
          arguments: TestStores.engines)
    func drill(engine: DatabaseURL.Engine) async throws {
        let seal = TrailSeal(deploymentKey: Self.deploymentKey)
        let folder = NSTemporaryDirectory() + "custodes-backups-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = try await TestStores.fresh(engine)
        defer { Task { await target.remove() } }

        try await TestStores.withStore(engine) { database, store in
            _ = try await BundleIngest(database: database).ingest(directory: Self.year.main)
            let opened = try await StoreDetection(database: database, pseudonymKey: Self.deploymentKey).run().opened
            #expect(opened > 0)
            let keys = try await AlertFingerprint.all(in: database).map(\.key)
            try #require(keys.count >= 2)
            try await AlertCasework.decide(key: keys[0], by: "analyst", outcome: .recordAsIntelligence,
                                           rationale: "drill", exceptionUntil: nil, rulesVersion: nil, at: 1_000,
                                           in: database)
            try await AlertCasework.reveal(key: keys[1], by: "head", reason: "drill", at: 1_001, in: database)
            for (index, action) in ["sign_in", "view_alert", "reveal", "decide"].enumerated() {
                try await AuditTrail.append(action, by: "analyst", subject: keys[0], at: 1_000 + Int64(index),
                                            sealedWith: seal, in: database)
            }
            let alertsBefore = try await AlertFingerprint.all(in: database)

            // Ingest and sign-ins carry on while the backup is taken, on a connection of its own as the command's.
            // Sign-ins as the web application records them: a session row and a trail entry each.
            let user = try await UserAccounts.create(username: "analyst", displayName: "Analyst", role: .analyst,
                                                     passwordHash: "$2b$04$synthetic", staffID: nil, at: 1_500, in: database)
            let signIns = Task {
                for index in 0..<40 {
                    try await Sessions.create(tokenHash: "drill-session-\(index)", userID: user.id, csrfToken: "csrf",
                                              at: 2_000 + Int64(index), in: database)
                    try await AuditTrail.append("sign_in", by: "analyst", at: 2_000 + Int64(index),
                                                sealedWith: seal, in: database)
                }
            }
            let ingest = Task { try await BundleIngest(database: database).ingest(directory: Self.year.late) }
            let backupConnection = try await store.open()
            let backupFile = folder + "/drill.backup"
            let made = try await StoreBackup().backup(backupConnection, to: backupFile, key: Self.backupKey)
            await backupConnection.close()
            try await signIns.value
            _ = try await ingest.value

            // The manifest describes a snapshot, the file verifies, and restores into an empty store.
            #expect(made.manifest.tables["alerts"] == alertsBefore.count)
            #expect(made.manifest.trailEntries >= 4)
            let verified = try await StoreBackup().verify(backupFile, key: Self.backupKey)
            #expect(verified.manifest == made.manifest)
            let restoredManifest = try await StoreBackup().restore(backupFile, key: Self.backupKey, into: target.url)
            #expect(restoredManifest == made.manifest)

            let restored = try await target.open()
            do {
                #expect(try await BackupCensus.take(in: restored).tables == made.manifest.tables)
                #expect(try await AuditTrail.verify(sealedWith: seal, in: restored)
                        == .intact(entries: made.manifest.trailEntries, head: made.manifest.trailHead))
                #expect(try await AlertFingerprint.all(in: restored) == alertsBefore)
                #expect(try await restored.integer("SELECT COUNT(*) AS n FROM alert_decisions") == 1)
                #expect(try await restored.integer("SELECT COUNT(*) AS n FROM reveals") == 1)
                // Sessions and their trail entries came across as one snapshot holds them: each sign-in writes its
                // session, then its entry, so the snapshot may fall between the two of one sign-in, never further.
                let sessions = try await restored.integer("SELECT COUNT(*) AS n FROM sessions")
                #expect(sessions == made.manifest.trailEntries - 4 || sessions == made.manifest.trailEntries - 3)

                // Carried on from where the snapshot stood, the restored store reaches the same alerts as the
                // original: the late events are taken in again (those already in the snapshot are skipped) and both
                // are weighed by detection.
                try await Migrator(database: restored).migrate()
                _ = try await BundleIngest(database: restored).ingest(directory: Self.year.late)
                _ = try await StoreDetection(database: restored, pseudonymKey: Self.deploymentKey).run()
                _ = try await StoreDetection(database: database, pseudonymKey: Self.deploymentKey).run()
                #expect(try await restored.integer("SELECT COUNT(*) AS n FROM audit_events")
                        == database.integer("SELECT COUNT(*) AS n FROM audit_events"))
                #expect(try await AlertFingerprint.all(in: restored) == AlertFingerprint.all(in: database))
            } catch {
                await restored.close()
                throw error
            }
            await restored.close()

            // A second restore into the now-filled store is refused.
            await #expect(throws: BackupError.self) {
                try await StoreBackup().restore(backupFile, key: Self.backupKey, into: target.url)
            }
        }
    }
}
