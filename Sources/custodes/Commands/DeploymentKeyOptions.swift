import ArgumentParser
import CustodesServer
import CustodesStore
import Foundation

/// `--pseudonym-key FILE`: the deployment's key, for every command that pseudonymises, seals a second-factor secret
/// or writes to the audit trail. Trail entries are sealed with a key derived from it, so a console command that
/// records what it did needs the same key as the server.
struct DeploymentKeyOptions: ParsableArguments {
    @Option(name: .customLong("pseudonym-key"), help: """
        The deployment's key file: pseudonyms, sealed second-factor secrets and the audit trail's seals derive from \
        it. Default: custodes.key beside a SQLite store, or in the current folder for PostgreSQL. Created (readable \
        by its owner only) only for a store that holds nothing made with a key yet; a key that does not open the \
        store is refused.
        """)
    var path: String?

    /// The key file's default place: beside a SQLite store (where `custodes demo` keeps it), so starting from another
    /// folder finds the same key; PostgreSQL has no folder of its own, so the current one.
    static func defaultPath(for url: DatabaseURL) -> String {
        guard url.engine == .sqlite else { return "custodes.key" }
        let folder = (url.path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "custodes.key" : folder + "/custodes.key"
    }

    func path(for store: StoreDatabase) -> String { path ?? Self.defaultPath(for: store.url) }

    /// The deployment's key, refusing one that does not open what the store holds, and refusing to make a new one
    /// for a store that was set up with a key: either would leave old pseudonyms unmatched, every second factor
    /// failing and the trail's seals unchecked.
    func key(for store: StoreDatabase, command: String) async throws -> [UInt8] {
        let path = path(for: store)
        if !FileManager.default.fileExists(atPath: path), try await DeploymentKeyCheck.storeIsKeyed(store) {
            throw DeploymentKeyProblem(message: """
                there is no key file at \(path), but this store was set up with a deployment key; pass the \
                deployment's key file with --pseudonym-key
                """)
        }
        let (key, created) = try KeyFile.loadOrCreateKey(at: path)
        if created { Progress.message("\(command): created a new deployment key in \(path); keep it with the deployment") }
        if let why = try await DeploymentKeyCheck.mismatch(key, in: store) {
            throw DeploymentKeyProblem(message: """
                the key in \(path) is not the one this store was set up with: \(why). Pass the deployment's key \
                file with --pseudonym-key; if it is lost, second factors can be reset (`custodes user reset-totp`) but \
                stored pseudonyms cannot be matched again
                """)
        }
        return key
    }

    /// The seal for trail entries this command writes, sealing first any entries written before seals existed.
    func trailSeal(for store: StoreDatabase, command: String) async throws -> TrailSeal {
        try await Self.trailSeal(key: try await key(for: store, command: command), store: store, command: command)
    }

    /// The seal made from `key`, sealing first any entries written before seals existed.
    static func trailSeal(key: [UInt8], store: StoreDatabase, command: String) async throws -> TrailSeal {
        let seal = TrailSeal(deploymentKey: key)
        let sealed = try await AuditTrail.sealEarlierEntries(with: seal, in: store)
        if sealed > 0 { Progress.message("\(command): sealed \(sealed) audit trail entries written before seals existed") }
        return seal
    }
}

/// A deployment key that does not belong to the store, said once, with the fix.
struct DeploymentKeyProblem: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
