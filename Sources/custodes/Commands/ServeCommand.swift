import ArgumentParser
import Logging
import Foundation
import CustodesDetection
import CustodesServer
import CustodesStore
import Hummingbird

/// `custodes serve --db URL`: the unit's web application, its JSON API and the ingest API, with detection running
/// beside it. Every setting may come from a configuration file (`--config`), overridden by environment variables,
/// overridden by these flags.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application, its JSON API and the ingest API, with detection running beside it.",
        discussion: """
            The unit signs in at / (accounts from `custodes user add`, with a second factor). Connectors push audit \
            events to POST /api/v1/audit-events (CSV or JSON Lines, with a bearer token from `custodes token add`); \
            detection runs every --detect-interval seconds when anything changed. Listens on 127.0.0.1 unless told \
            otherwise; put TLS in front of it before exposing it to a network.

            Settings come from the configuration file (--config, or $CUSTODES_CONFIG; see examples/custodes.yaml and \
            `custodes config check`), then environment variables (CUSTODES_LISTEN_PORT for listen.port, and so on), \
            then these flags, each overriding the one before.
            """
    )

    @Option(help: "The configuration file (YAML; default: $CUSTODES_CONFIG).")
    var config: String?

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (default 8080).")
    var port: Int?

    @Option(help: "Seconds between detection runs (0: no detection in this process; default 10).")
    var detectInterval: Int?

    @Option(help: "Alerts a week the unit can triage (see `custodes detect --budget`).")
    var budget: Int?

    @Option(help: "Port for the reporting portal's own listener (only the portal's pages; none of the unit's). No portal when omitted.")
    var portalPort: Int?

    @Option(help: "Address the portal listens on (default: --host).")
    var portalHost: String?

    @Option(help: "The portal's questions (YAML); the built-in ones when omitted (see docs/partners.md).")
    var portalQuestions: String?

    @OptionGroup var deploymentKey: DeploymentKeyOptions

    @Option(help: """
        A file holding the token a metrics scraper presents (Authorization: Bearer …) to read /metrics on the unit's \
        listener (or on a metrics listener that is not on loopback).
        """)
    var metricsTokenFile: String?

    @Option(help: "Port for a metrics listener of its own, where /metrics needs no token when it is on loopback.")
    var metricsPort: Int?

    @Option(help: "Address the metrics listener listens on (default 127.0.0.1).")
    var metricsHost: String?

    @Flag(inversion: .prefixedNo, help: "Mark session cookies Secure: use whenever the server is behind TLS.")
    var secureCookies: Bool?

    @OptionGroup var logs: LogOptions

    func validate() throws {
        if let port, !(1...65_535).contains(port) { throw ValidationError("--port must be between 1 and 65535.") }
        if let detectInterval, detectInterval < 0 { throw ValidationError("--detect-interval must be 0 or more.") }
        if let portalPort, !(1...65_535).contains(portalPort) {
            throw ValidationError("--portal-port must be between 1 and 65535.")
        }
    }

    func run() async throws {
        let settings = try ConfigurationLayers.load(config, refusing: "nothing was started")
        let logFormat = logs.logFormat ?? settings.text("logs.format") ?? "text"
        let logLevel = logs.level ?? settings.text("logs.level").flatMap(Logger.Level.init(rawValue:)) ?? .info
        LogOptions.bootstrap(format: logFormat, level: logLevel)

        let url = try ConfigurationLayers.storeURL(flag: database.url, settings)
        let retry = DatabaseOptions.retryPolicy(seconds: settings.number("store.retry_seconds", flag: database.retrySeconds) ?? 300)
        let host = settings.text("listen.host", flag: host) ?? "127.0.0.1"
        let port = settings.number("listen.port", flag: port) ?? 8080
        let portalPort = settings.number("portal.port", flag: portalPort)
        let portalHost = settings.text("portal.host", flag: portalHost)
        if let portalPort, portalPort == port, (portalHost ?? host) == host {
            throw CommandFailure("the portal's port must differ from the unit's (\(port)): the portal has a listener of its own")
        }
        let detectInterval = settings.number("detection.interval_seconds", flag: detectInterval) ?? 10
        let budget = settings.number("detection.budget", flag: budget)
        let questions = try settings.text("portal.questions_file", flag: portalQuestions).map(Questionnaire.load) ?? .standard
        let metricsToken = try metricsTokenFile.map {
            try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } ?? settings.secret(fromFile: "metrics.token_file")
        var keyOptions = deploymentKey
        keyOptions.path = settings.text("keys.deployment_key_file", flag: deploymentKey.path)

        try await database.withStore(url: url, retry: retry) { store in
            let key = try await keyOptions.key(for: store, command: "serve")
            _ = try await DeploymentKeyOptions.trailSeal(key: key, store: store, command: "serve")
            let detection = detectInterval > 0 ? StoreDetection(database: store, pseudonymKey: key, budget: budget) : nil
            var access = AccessSettings(deploymentKey: key)
            access.secureCookies = settings.flag("sessions.secure_cookies", flag: secureCookies) ?? false
            if let minutes = settings.number("sessions.idle_minutes") { access.idleTimeout = Int64(minutes) * 60 }
            if let hours = settings.number("sessions.absolute_hours") { access.absoluteTimeout = Int64(hours) * 3_600 }
            if let failures = settings.number("sign_in.failures_before_lockout") { access.failuresBeforeLockout = failures }
            if let minutes = settings.number("sign_in.lockout_minutes") { access.lockoutSeconds = Int64(minutes) * 60 }
            var configuration = ServerConfiguration(
                host: host, port: port, detectionInterval: detectInterval > 0 ? detectInterval : nil,
                portalHost: portalHost, portalPort: portalPort, questionnaire: questions, logLevel: logLevel)
            if let batches = settings.number("ingest.concurrent_batches") { configuration.concurrentIngestBatches = batches }
            if let megabytes = settings.number("ingest.max_body_megabytes") { configuration.maximumIngestBodyBytes = megabytes << 20 }
            configuration.metricsPort = settings.number("metrics.port", flag: metricsPort)
            configuration.metricsHost = settings.text("metrics.host", flag: metricsHost) ?? "127.0.0.1"
            if let minutes = settings.number("detection.maximum_lag_minutes") {
                configuration.maximumDetectionLagSeconds = Int64(minutes) * 60
            }
            let application = try CustodesServerBuilder.application(
                database: store, detection: detection, access: access, pseudonymiser: Pseudonymiser(key: key),
                configuration: configuration, metrics: ServerMetrics(token: metricsToken),
                report: { Progress.message($0) })
            Progress.message("serve: the unit's web application is at http://\(host):\(port)/ over \(store.url)")
            if let portalPort {
                Progress.message("serve: the reporting portal is at http://\(portalHost ?? host):\(portalPort)/")
            }
            if let port = configuration.metricsPort {
                Progress.message("serve: metrics are at http://\(configuration.metricsHost):\(port)/metrics")
            }
            do {
                try await application.runService()
            } catch where AddressInUse.matches(error) {
                throw AddressInUse(host: host, port: port)
            }
        }
    }

}
