import ArgumentParser
import Logging
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
        Port for the reporting portal's own listener (only the portal's pages; none of the unit's). No portal when         omitted.
        """)
    var portalPort: Int?

    @Option(help: "Address the portal listens on (default: --host).")
    var portalHost: String?

    @Option(help: "The portal's questions (YAML); the built-in ones when omitted (see docs/partners.md).")
    var portalQuestions: String?

    @OptionGroup var deploymentKey: DeploymentKeyOptions

    @Option(help: """
        A file holding the token a metrics scraper presents (Authorization: Bearer …) to read /metrics from another \
        machine; without it /metrics answers loopback clients only.
        """)
    var metricsTokenFile: String?

    @Flag(help: "Mark session cookies Secure: use whenever the server is behind TLS.")
    var secureCookies = false

    @OptionGroup var logs: LogOptions

    func validate() throws {
        if !(1...65_535).contains(port) { throw ValidationError("--port must be between 1 and 65535.") }
        if detectInterval < 0 { throw ValidationError("--detect-interval must be 0 or more.") }
        if let portalPort {
            if !(1...65_535).contains(portalPort) { throw ValidationError("--portal-port must be between 1 and 65535.") }
            if portalPort == port && (portalHost ?? host) == host {
                throw ValidationError("--portal-port must differ from --port: the portal has a listener of its own.")
            }
        }
    }

    func run() async throws {
        logs.bootstrap(level: logs.level(or: .info))
        try await database.withStore { store in
            let key = try await deploymentKey.key(for: store, command: "serve")
            _ = try await DeploymentKeyOptions.trailSeal(key: key, store: store, command: "serve")
            let detection = detectInterval > 0 ? StoreDetection(database: store, pseudonymKey: key, budget: budget) : nil
            var access = AccessSettings(deploymentKey: key)
            access.secureCookies = secureCookies
            let metricsToken = try metricsTokenFile.map {
                try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let application = try CustodesServerBuilder.application(
                database: store, detection: detection, access: access, pseudonymiser: Pseudonymiser(key: key),
                configuration: ServerConfiguration(host: host, port: port,
                                                   detectionInterval: detectInterval > 0 ? detectInterval : nil,
                                                   portalHost: portalHost, portalPort: portalPort,
                                                   questionnaire: try portalQuestions.map(Questionnaire.load) ?? .standard,
                                                   logLevel: logs.level(or: .info)),
                metrics: ServerMetrics(token: metricsToken), report: { Progress.message($0) })
            Progress.message("serve: the unit's web application is at http://\(host):\(port)/ over \(store.url)")
            if let portalPort {
                Progress.message("serve: the reporting portal is at http://\(portalHost ?? host):\(portalPort)/")
            }
            do {
                try await application.runService()
            } catch where AddressInUse.matches(error) {
                throw AddressInUse(host: host, port: port)
            }
        }
    }
}
