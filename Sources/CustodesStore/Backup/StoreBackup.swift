import Foundation
import SQLKit

/// Backs up a running store into one encrypted file, restores such a file into an empty store, and verifies one.
///
/// A backup is a consistent snapshot taken while the server keeps working: on SQLite `VACUUM INTO` copies the
/// database as one read transaction sees it; on PostgreSQL the counts and `pg_dump` share one exported snapshot. The
/// manifest's counts are taken from that same snapshot, so a restore must reproduce them exactly.
public struct StoreBackup: Sendable {
    /// Told what is happening during long work.
    public var progress: @Sendable (String) -> Void

    public init(progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.progress = progress
    }

    /// What a backup produced.
    public struct Made: Sendable {
        public var manifest: BackupManifest
        /// SHA-256 of the whole backup file, to be written down with it.
        public var fileSHA256: String
    }

    /// Takes a snapshot of `database` and seals it into a new file at `path`.
    public func backup(_ database: StoreDatabase, to path: String, key: BackupKey) async throws -> Made {
        let work = try Self.workFolder(beside: path)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let payload = work + "/payload"
        let census: BackupCensus
        let kind: String
        switch database.engine {
        case .sqlite:
            progress("backup: copying \(database.url) as one snapshot")
            try await database.sql.raw(SQLQueryString("VACUUM INTO '\(payload.replacingOccurrences(of: "'", with: "''"))'")).run()
            let copy = try await StoreDatabase.open(DatabaseURL(engine: .sqlite, path: payload), retry: .none)
            do { census = try await BackupCensus.take(in: copy) } catch { await copy.close(); throw error }
            await copy.close()
            kind = "sqlite-database"
        case .postgres:
            let dump = try ExternalTool("pg_dump")
            try await database.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            do {
                let snapshot = try await database.sql.raw("SELECT pg_export_snapshot() AS s").first()?
                    .decode(column: "s", as: String.self) ?? ""
                census = try await BackupCensus.take(in: database)
                progress("backup: dumping \(database.url) with pg_dump")
                _ = try await dump.run(["--format=custom", "--snapshot=" + snapshot, "--file=" + payload],
                                       environment: ExternalTool.environment(for: database.url))
                try await database.execute("COMMIT")
            } catch {
                try? await database.execute("ROLLBACK")
                throw error
            }
            kind = "pg_dump-custom"
        }
        for leftover in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: payload + leftover) }
        let size = (try FileManager.default.attributesOfItem(atPath: payload)[.size] as? NSNumber)?.int64Value ?? 0
        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, engine: database.engine.rawValue, payload: kind,
            schemaVersion: census.schemaVersion, takenAt: Clock.epochSeconds(), tables: census.tables,
            trailEntries: census.trailEntries, trailHead: census.trailHead, payloadBytes: size,
            payloadSHA256: try BackupFile.digest(of: payload), keyID: key.id)
        progress("backup: sealing \(size) bytes into \(path)")
        let digest = try BackupFile.write(manifest: manifest, payload: payload, key: key, to: path)
        return Made(manifest: manifest, fileSHA256: digest)
    }

    /// Restores the backup at `path` into the empty store at `url`, then counts what it restored against the
    /// manifest. Refuses a store that holds anything, a backup of the other engine, and a schema newer than this
    /// Custodes knows.
    public func restore(_ path: String, key: BackupKey, into url: DatabaseURL) async throws -> BackupManifest {
        let (manifest, _, _) = try BackupFile.manifest(of: path)
        guard manifest.engine == url.engine.rawValue else {
            throw BackupError.wrongEngine(path: path, backup: manifest.engine, store: url.engine.rawValue)
        }
        guard manifest.schemaVersion <= Schema.latestVersion else {
            throw BackupError.tooNew(path: path, found: manifest.schemaVersion, known: Schema.latestVersion)
        }
        guard manifest.keyID == key.id else { throw BackupError.wrongKey(path: path, sealedWith: manifest.keyID, given: key.id) }
        switch url.engine {
        case .sqlite:
            if FileManager.default.fileExists(atPath: url.path) {
                let existing = try await StoreDatabase.open(url, retry: .none)
                let tables = (try? await BackupCensus.take(in: existing))?.tables.count ?? 1
                await existing.close()
                guard tables == 0 else { throw BackupError.notEmpty(store: url.description, tables: tables) }
            }
            try StoreDatabase.prepareFolder(for: url)
            let restoring = url.path + ".restoring"
            try? FileManager.default.removeItem(atPath: restoring)
            progress("restore: opening \(path) into \(url.path)")
            do { _ = try BackupFile.open(path, key: key, into: restoring) } catch {
                try? FileManager.default.removeItem(atPath: restoring)
                throw error
            }
            for file in [url.path, url.path + "-wal", url.path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
            try FileManager.default.moveItem(atPath: restoring, toPath: url.path)
        case .postgres:
            let restore = try ExternalTool("pg_restore")
            let target = try await StoreDatabase.open(url, retry: .none)
            let tables = try await BackupCensus.take(in: target).tables.count
            await target.close()
            guard tables == 0 else { throw BackupError.notEmpty(store: url.description, tables: tables) }
            let work = try Self.workFolder(beside: NSTemporaryDirectory() + "custodes-restore")
            defer { try? FileManager.default.removeItem(atPath: work) }
            progress("restore: opening \(path)")
            _ = try BackupFile.open(path, key: key, into: work + "/payload")
            progress("restore: loading it into \(url) with pg_restore")
            _ = try await restore.run(["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                                       "--dbname=" + url.database, work + "/payload"],
                                      environment: ExternalTool.environment(for: url))
        }
        let restored = try await StoreDatabase.open(url, retry: .none)
        let census: BackupCensus
        do { census = try await BackupCensus.take(in: restored) } catch { await restored.close(); throw error }
        await restored.close()
        let problems = manifest.differences(from: census)
        guard problems.isEmpty else { throw BackupError.mismatch(store: url.description, problems: problems) }
        return manifest
    }

    /// What a verification checked.
    public struct Verified: Sendable {
        public var manifest: BackupManifest
        /// What was checked beyond the chunks and the digest, in words.
        public var checks: [String]
    }

    /// Opens every chunk of the backup and checks its digest; for SQLite also the database's integrity and its counts
    /// against the manifest, for PostgreSQL that `pg_restore` can read the archive. Writes nothing to any store.
    public func verify(_ path: String, key: BackupKey) async throws -> Verified {
        let work = try Self.workFolder(beside: NSTemporaryDirectory() + "custodes-verify")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let payload = work + "/payload"
        progress("verify: opening \(path)")
        let manifest = try BackupFile.open(path, key: key, into: payload)
        var checks = ["every chunk opened with the key", "the payload's SHA-256 matches the manifest"]
        if manifest.engine == DatabaseURL.Engine.sqlite.rawValue {
            let copy = try await StoreDatabase.open(DatabaseURL(engine: .sqlite, path: payload), retry: .none)
            do {
                let integrity = try await copy.sql.raw("PRAGMA integrity_check").all()
                    .map { try $0.decode(column: "integrity_check", as: String.self) }
                guard integrity == ["ok"] else {
                    throw BackupError.damaged(path: path, detail: "the database inside fails SQLite's integrity check: "
                                              + integrity.prefix(3).joined(separator: "; "))
                }
                let problems = manifest.differences(from: try await BackupCensus.take(in: copy))
                guard problems.isEmpty else { throw BackupError.mismatch(store: path, problems: problems) }
            } catch { await copy.close(); throw error }
            await copy.close()
            checks += ["SQLite's integrity check passes", "every table's count matches the manifest"]
        } else {
            let listing = try await ExternalTool("pg_restore").run(["--list", payload],
                                                                   environment: ProcessInfo.processInfo.environment)
            let entries = listing.split(separator: "\n").filter { !$0.hasPrefix(";") && !$0.isEmpty }.count
            checks.append("pg_restore reads the archive (\(entries) entries)")
        }
        return Verified(manifest: manifest, checks: checks)
    }

    /// A new folder readable by its owner only, beside `path`, for the plaintext payload while it is worked on.
    private static func workFolder(beside path: String) throws -> String {
        let folder = path + ".work-" + UUID().uuidString.prefix(8)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw BackupError.damaged(path: folder, detail: "cannot be created (check the folder exists and is writable)")
        }
        return folder
    }
}
