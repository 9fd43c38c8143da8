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
    ///
    /// The plaintext snapshot is kept while it is sealed in a scratch folder readable by its owner only: beside a
    /// SQLite store (on the same disk, as sensitive as the store itself), in the temporary folder for PostgreSQL;
    /// never beside the backup, whose disk is the one most likely to be copied elsewhere.
    public func backup(_ database: StoreDatabase, to path: String, key: BackupKey) async throws -> Made {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw BackupError.damaged(path: path, detail: "already exists: a backup never overwrites a file")
        }
        let storeFolder = (database.url.path as NSString).deletingLastPathComponent
        let work = try ScratchFolder.make(in: database.engine == .sqlite && !storeFolder.isEmpty ? storeFolder : NSTemporaryDirectory(),
                                          purpose: "backup")
        defer { ScratchFolder.remove(work) }
        let payload = work + "/payload"
        let census: BackupCensus
        let kind: String
        switch database.engine {
        case .sqlite:
            progress("backup: copying \(database.url) as one snapshot")
            try await database.sql.raw("VACUUM INTO \(bind: payload)").run()
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
                _ = try await dump.run(["--format=custom", "--snapshot=" + snapshot, "--lock-wait-timeout=120000",
                                        "--file=" + payload],
                                       environment: ExternalTool.environment(for: database.url))
                try await database.execute("COMMIT")
            } catch {
                try? await database.execute("ROLLBACK")
                throw error
            }
            kind = "pg_dump-custom"
        }
        // A URL that names the wrong file or database opens an empty store; a backup of nothing must not pass for one.
        guard census.schemaVersion > 0 else {
            throw BackupError.emptyStore(store: database.url.description)
        }
        for leftover in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: payload + leftover) }
        let size = (try FileManager.default.attributesOfItem(atPath: payload)[.size] as? NSNumber)?.int64Value ?? 0
        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, engine: database.engine.rawValue, payload: kind,
            schemaVersion: census.schemaVersion, takenAt: Clock.epochSeconds(), tables: census.tables,
            trailEntries: census.trailEntries, trailHead: census.trailHead, payloadBytes: size,
            payloadSHA256: try FileDigest.sha256(path: payload), keyID: key.id)
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
            // Only a new path: a file there, even an empty one, may be a store a server has just made and is using.
            for file in [url.path, url.path + "-wal", url.path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                throw BackupError.notEmpty(store: url.description, tables: nil)
            }
            try StoreDatabase.prepareFolder(for: url)
            let folder = (url.path as NSString).deletingLastPathComponent
            let work = try ScratchFolder.make(in: folder.isEmpty ? "." : folder, purpose: "restore")
            defer { ScratchFolder.remove(work) }
            progress("restore: opening \(path) into \(url.path)")
            _ = try BackupFile.open(path, key: key, into: work + "/store.sqlite")
            // link() never replaces: if a file appeared at the path meanwhile, the restore fails and it is untouched.
            guard link(work + "/store.sqlite", url.path) == 0 else {
                throw errno == EEXIST ? BackupError.notEmpty(store: url.description, tables: nil)
                    : BackupError.damaged(path: url.path, detail: "cannot be written (\(String(cString: strerror(errno))))")
            }
        case .postgres:
            let restore = try ExternalTool("pg_restore")
            let target = try await StoreDatabase.open(url, retry: .none)
            let relations: Int
            do { relations = try await Self.relations(in: target) } catch { await target.close(); throw error }
            await target.close()
            guard relations == 0 else { throw BackupError.notEmpty(store: url.description, tables: relations) }
            let work = try ScratchFolder.make(purpose: "restore")
            defer { ScratchFolder.remove(work) }
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
        guard problems.isEmpty else {
            throw BackupError.mismatch(store: url.description + " (left as restored, for inspection)", problems: problems)
        }
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
        let work = try ScratchFolder.make(purpose: "verify")
        defer { ScratchFolder.remove(work) }
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

    /// Tables, views, sequences and the like in any schema but PostgreSQL's own: a database holding any is not
    /// empty, whichever schema they are in.
    static func relations(in database: StoreDatabase) async throws -> Int {
        try await database.sql.raw("""
            SELECT COUNT(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' \
            AND n.nspname NOT LIKE 'pg_temp%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
