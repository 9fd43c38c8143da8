import ArgumentParser
import Foundation
import CustodesDetection
import CustodesServer
import CustodesStore
import Hummingbird

/// `custodes serve --db URL`: the unit's web application, its JSON API and the ingest API, with detection running
/// beside it.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application, its JSON API and the ingest API, with detection running beside it.",
        discussion: """
            The unit signs in at / (accounts from `custodes user add`, with a second factor). Connectors push audit events to POST /api/v1/audit-events (CSV or JSON Lines, with a bearer token from \
            `custodes token add`); detection runs every --detect-interval seconds when anything changed. Listens \
            on 127.0.0.1 unless --host says otherwise; put TLS in front of it before exposing it to a network.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(help: "Seconds between detection runs (0: no detection in this process).")
    var detectInterval: Int = 10

    @Option(help: "Alerts a week the unit can triage (see `custodes detect --budget`).")
    var budget: Int?

    @Option(help: """
        The deployment's key file: pseudonyms and sealed second-factor secrets derive from it. Default: custodes.key \
        beside a SQLite store, or in the current folder for PostgreSQL. Created (readable by its owner only) only for \
        a store that holds nothing made with a key yet; a key that does not open the store is refused.
        """)
    var pseudonymKey: String?

    @Flag(help: "Mark session cookies Secure: use whenever the server is behind TLS.")
    var secureCookies = false

    func validate() throws {
        if !(1...65_535).contains(port) { throw ValidationError("--port must be between 1 and 65535.") }
        if detectInterval < 0 { throw ValidationError("--detect-interval must be 0 or more.") }
    }

    func run() async throws {
        try await database.withStore { store in
            let keyPath = pseudonymKey ?? Self.defaultKeyPath(for: store.url)
            let key = try await Self.deploymentKey(at: keyPath, for: store)
            let detection = detectInterval > 0 ? StoreDetection(database: store, pseudonymKey: key, budget: budget) : nil
            var access = AccessSettings(deploymentKey: key)
            access.secureCookies = secureCookies
            let application = try CustodesServerBuilder.application(
                database: store, detection: detection, access: access, pseudonymiser: Pseudonymiser(key: key),
                configuration: ServerConfiguration(host: host, port: port,
                                                   detectionInterval: detectInterval > 0 ? detectInterval : nil),
                report: { Progress.message($0) })
            Progress.message("serve: the unit's web application is at http://\(host):\(port)/ over \(store.url)")
            do {
                try await application.runService()
            } catch where AddressInUse.matches(error) {
                throw AddressInUse(host: host, port: port)
            }
        }
    }

    /// The key file's default place: beside a SQLite store (where `custodes demo` keeps it), so starting from another
    /// folder finds the same key; PostgreSQL has no folder of its own, so the current one.
    static func defaultKeyPath(for url: DatabaseURL) -> String {
        guard url.engine == .sqlite else { return "custodes.key" }
        let folder = (url.path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "custodes.key" : folder + "/custodes.key"
    }

    /// The deployment's key, refusing one that does not open what the store holds, and refusing to make a new one
    /// for a store that was set up with a key: either would leave old pseudonyms unmatched and every second factor
    /// failing.
    static func deploymentKey(at path: String, for store: StoreDatabase) async throws -> [UInt8] {
        if !FileManager.default.fileExists(atPath: path), try await DeploymentKeyCheck.storeIsKeyed(store) {
            throw DeploymentKeyProblem(message: """
                there is no key file at \(path), but this store was set up with a deployment key; pass the \
                deployment's key file with --pseudonym-key
                """)
        }
        let (key, created) = try KeyFile.loadOrCreateKey(at: path)
        if created { Progress.message("serve: created a new deployment key in \(path); keep it with the deployment") }
        if let why = try await DeploymentKeyCheck.mismatch(key, in: store) {
            throw DeploymentKeyProblem(message: """
                the key in \(path) is not the one this store was set up with: \(why). Pass the deployment's key \
                file with --pseudonym-key; if it is lost, second factors can be reset (`custodes user reset-totp`) but \
                stored pseudonyms cannot be matched again
                """)
        }
        return key
    }
}

/// A deployment key that does not belong to the store, said once, with the fix.
struct DeploymentKeyProblem: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
