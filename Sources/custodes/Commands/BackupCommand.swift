import ArgumentParser
import CustodesStore
import Foundation

/// `custodes backup`: a consistent, encrypted backup of a running store, and `custodes backup verify` to check one.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up a store, while the server runs, into one encrypted file; or verify a backup.",
        discussion: """
            The backup is one snapshot (SQLite: VACUUM INTO; PostgreSQL: pg_dump from the PATH, in its custom format), \
            sealed with AES-256-GCM under a backup key kept apart from the store and from the deployment key. Its \
            manifest (readable without the key) records the schema version, the rows in every table, the audit \
            trail's head and a digest of the payload. See docs/operations.md for a schedule and retention.

              custodes backup new-key --out /etc/custodes/backup.key
              custodes backup --db sqlite:custodes.sqlite --key /etc/custodes/backup.key --out custodes-2026-12-03.backup
              custodes backup verify custodes-2026-12-03.backup --key /etc/custodes/backup.key
              custodes restore custodes-2026-12-03.backup --key /etc/custodes/backup.key --db sqlite:restored.sqlite
            """,
        subcommands: [Create.self, Verify.self, NewKey.self],
        defaultSubcommand: Create.self
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Back up a store into a new encrypted file (the default).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var key: BackupKeyOptions

        @Option(help: "The backup file to write; never overwritten.")
        var out: String

        func run() async throws {
            InterruptCleanup.install()
            let key = try self.key.load()
            let url = try DatabaseURL.resolve(database.url)
            if url.engine == .sqlite, !FileManager.default.fileExists(atPath: url.path) {
                throw CommandFailure("there is no store at \(url.path): check --db; nothing was backed up")
            }
            let backup = StoreBackup { Progress.message($0) }
            let made = try await database.withStore(migrate: false, url: url) { store in
                try await backup.backup(store, to: out, key: key)
            }
            let manifest = made.manifest
            let rows = manifest.tables.values.reduce(0, +)
            print("""
                backup written: \(out)
                  schema version \(manifest.schemaVersion), \(manifest.tables.count) tables, \(rows) rows, \
                audit trail \(manifest.trailEntries) entries ending \(manifest.trailHead.prefix(16))
                  payload \(manifest.payloadBytes) bytes, sealed with backup key \(manifest.keyID)
                  file SHA-256 \(made.fileSHA256)
                """)
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Check that a backup opens with its key and holds what its manifest says.")

        @Argument(help: "The backup file.")
        var file: String
        @OptionGroup var key: BackupKeyOptions

        func run() async throws {
            InterruptCleanup.install()
            let verified = try await StoreBackup { Progress.message($0) }.verify(file, key: try key.load())
            let manifest = verified.manifest
            print("\(file): verified, a \(manifest.engine) store at schema version \(manifest.schemaVersion), taken "
                  + Date(timeIntervalSince1970: TimeInterval(manifest.takenAt)).formatted(.iso8601))
            for check in verified.checks { print("  ✓ " + check) }
        }
    }
}

/// `custodes restore FILE --db URL`: a backup into an empty store.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into an empty store, and check it holds what the backup's manifest records.",
        discussion: """
            The store must be empty: a new SQLite path, or a PostgreSQL database made for the purpose (createdb). \
            A store that holds anything is refused, so nothing is ever overwritten. PostgreSQL restores use \
            pg_restore from the PATH. Afterwards `custodes audit verify` checks the trail with the deployment key.
            """
    )

    @Argument(help: "The backup file.")
    var file: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var key: BackupKeyOptions

    func run() async throws {
        InterruptCleanup.install()
        let url = try DatabaseURL.resolve(database.url)
        let started = Date()
        let manifest = try await StoreBackup { Progress.message($0) }.restore(file, key: try key.load(), into: url)
        let rows = manifest.tables.values.reduce(0, +)
        print("""
            restored \(file) into \(url) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s
              schema version \(manifest.schemaVersion), \(manifest.tables.count) tables, \(rows) rows: every count \
            matches the manifest
              audit trail \(manifest.trailEntries) entries ending \(manifest.trailHead.prefix(16)); check its seals with \
            `custodes audit verify --db \(url)`
            """)
    }
}

extension BackupCommand {
    /// `custodes backup new-key --out FILE`: a backup key, made once, on purpose.
    struct NewKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new-key",
            abstract: "Make a new backup key (256 bits), readable by its owner only; never overwrites one.",
            discussion: "Keep a copy offline and apart from the backups and the store: without it no backup opens.")

        @Option(help: "Where to write the key.")
        var out: String

        func run() async throws {
            guard !FileManager.default.fileExists(atPath: out) else {
                throw CommandFailure("\(out) already exists: a backup key is never overwritten")
            }
            let (bytes, _) = try KeyFile.loadOrCreateKey(at: out, kind: "backup key", create: true, minimumBytes: 32)
            print("backup key \(try BackupKey(bytes: bytes).id) written to \(out); keep a copy offline, apart from the "
                  + "backups and the store")
        }
    }
}

/// `--key FILE`: the backup key, kept apart from the store and the deployment key.
struct BackupKeyOptions: ParsableArguments {
    @Option(name: .customLong("key"), help: """
        The backup key file (256 bits in base64), made by `custodes backup new-key`; readable by its owner only, kept \
        apart from the backups and from the store.
        """)
    var path: String

    init() {}
    init(path: String) { self.path = path }

    /// The key; refused when missing (a mistyped path must not quietly start a key nobody has a copy of) or when
    /// others may read it.
    func load() throws -> BackupKey {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("there is no backup key at \(path): make one with `custodes backup new-key --out "
                                 + "\(path)` (once), or give the key the backups were made with")
        }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber,
           mode.intValue & 0o077 != 0 {
            throw CommandFailure("\(path) may be read by others (mode \(String(mode.intValue, radix: 8))): "
                                 + "chmod 600 it, as a key needs")
        }
        let (bytes, _) = try KeyFile.loadOrCreateKey(at: path, kind: "backup key", create: false, minimumBytes: 32)
        return try BackupKey(bytes: bytes)
    }
}
