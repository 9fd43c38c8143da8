import ArgumentParser
import CustodesStore

/// `custodes migrate --db URL`: brings a store's schema to this version's, explicitly (every command does it too).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create a store, or upgrade an older one in place, to this version's schema.",
        discussion: "Migrations only go forward and each runs in its own transaction; running this twice is harmless."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withStore(migrate: false) { store in
            let migrator = Migrator(database: store)
            let ran = try await migrator.migrate()
            let versions = try await migrator.appliedVersions()
            print("store \(store.url): schema version \(versions.last ?? 0) "
                  + "(\(ran.count) migration\(ran.count == 1 ? "" : "s") applied now)")
        }
    }
}
