public import CustodesDetection
public import CustodesStore
public import Hummingbird
public import Logging
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the server listens and what runs beside it.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Seconds between detection runs; nil to run no detection in this process.
    public var detectionInterval: Int?
    /// The reporting portal's own listener (host and port), and its questions; no portal when the port is nil.
    public var portalHost: String
    public var portalPort: Int?
    public var questionnaire: Questionnaire
    /// The server's own lowest log level: `info` logs one line per request.
    public var logLevel: Logger.Level
    /// Batches from connectors taken in at once, and the largest a connector may send.
    public var concurrentIngestBatches = 1
    public var maximumIngestBodyBytes = 64 << 20
    /// `/readyz` fails when an event has waited longer than this to be weighed by detection.
    public var maximumDetectionLagSeconds = Readiness.defaultMaximumLag
    /// A listener of its own for `/metrics` (none when the port is nil); on loopback it needs no token.
    public var metricsHost = "127.0.0.1"
    public var metricsPort: Int?

    public init(host: String = "127.0.0.1", port: Int = 8080, detectionInterval: Int? = 10, portalHost: String? = nil,
                portalPort: Int? = nil, questionnaire: Questionnaire = .standard, logLevel: Logger.Level = .notice) {
        self.logLevel = logLevel
        self.host = host
        self.port = port
        self.detectionInterval = detectionInterval
        self.portalHost = portalHost ?? host
        self.portalPort = portalPort
        self.questionnaire = questionnaire
    }
}

/// The address the server was asked to listen on is taken.
public struct AddressInUse: Error, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String {
        "\(host):\(port) is already in use (another Custodes, or another program); choose another with --port"
    }

    /// Whether `error` is the operating system refusing to bind because the address is taken.
    public static func matches(_ error: any Error) -> Bool {
        (error as? IOError)?.errnoCode == EADDRINUSE
    }
}

/// Builds the server: its routes over the store, and detection beside it as a service with the same lifecycle (a
/// clean shutdown on SIGINT or SIGTERM stops both).
public enum CustodesServerBuilder {
    /// Every route: the ingest API (bearer tokens, its own JSON errors), then the web application and its JSON API
    /// (sessions, roles, need-to-know, the trail). Security headers apply to all of them.
    public static func router(database: StoreDatabase, access: AccessSettings, pseudonymiser: Pseudonymiser,
                              metrics: ServerMetrics = ServerMetrics(),
                              configuration: ServerConfiguration = ServerConfiguration()) throws -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestRecordMiddleware(metrics: metrics, listener: "unit"))
        router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: access.secureCookies))
        router.get("/healthz") { _, _ in "ok" }
        // Ready to serve: the store answers, its schema is current, detection is not behind. 503 with the reasons if
        // not; nothing personal either way, so a load balancer or monitor may ask without signing in.
        router.get("/readyz") { _, _ in
            let report = await Readiness.check(database, now: access.now(),
                                               maximumLag: configuration.maximumDetectionLagSeconds)
            return JSONBody.response(ReadyBody(ready: report.isReady, problems: report.problems,
                                               schemaVersion: report.schemaVersion, detectionLagSeconds: report.detectionLagSeconds),
                                     status: report.isReady ? .ok : .serviceUnavailable)
        }
        MetricsRoute(database: database, metrics: metrics, now: access.now,
                     maximumLag: configuration.maximumDetectionLagSeconds, openWithoutToken: false).addRoutes(to: router)
        var ingest = IngestController(database: database, concurrentBatches: configuration.concurrentIngestBatches,
                                      metrics: metrics)
        ingest.maximumBodyBytes = configuration.maximumIngestBodyBytes
        ingest.addRoutes(to: router)
        try WebApplication(database: database, settings: access, pseudonymiser: pseudonymiser, metrics: metrics)
            .addRoutes(to: router)
        return router
    }

    /// The metrics listener's one route: open without the token when the listener is on loopback.
    public static func metricsRouter(database: StoreDatabase, access: AccessSettings, metrics: ServerMetrics,
                                     configuration: ServerConfiguration) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        MetricsRoute(database: database, metrics: metrics, now: access.now,
                     maximumLag: configuration.maximumDetectionLagSeconds,
                     openWithoutToken: MetricsRoute.isLoopback(configuration.metricsHost)).addRoutes(to: router)
        return router
    }

    public static func application(database: StoreDatabase, detection: StoreDetection?, access: AccessSettings,
                                   pseudonymiser: Pseudonymiser, configuration: ServerConfiguration,
                                   metrics: ServerMetrics = ServerMetrics(),
                                   report: @escaping @Sendable (String) -> Void) throws -> some ApplicationProtocol {
        var logger = Logger(label: "custodes.server")
        logger.logLevel = configuration.logLevel
        var application = Application(
            router: try router(database: database, access: access, pseudonymiser: pseudonymiser, metrics: metrics,
                               configuration: configuration),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "Custodes"),
            logger: logger)
        if let detection, let interval = configuration.detectionInterval {
            application.addServices(DetectionService(detection: detection, interval: .seconds(interval), metrics: metrics,
                                                     report: report))
        }
        if let metricsPort = configuration.metricsPort {
            var metricsLogger = Logger(label: "custodes.metrics")
            metricsLogger.logLevel = .notice
            application.addServices(Application(
                router: metricsRouter(database: database, access: access, metrics: metrics, configuration: configuration),
                configuration: .init(address: .hostname(configuration.metricsHost, port: metricsPort),
                                     serverName: "Custodes metrics"),
                logger: metricsLogger))
        }
        if let portalPort = configuration.portalPort {
            // A listener of its own with only the portal's routes: the unit's application is never reachable on it.
            var portalLogger = Logger(label: "custodes.portal")
            portalLogger.logLevel = configuration.logLevel
            let portal = Application(
                router: try PortalApplication(database: database, settings: access,
                                              questionnaire: configuration.questionnaire, metrics: metrics).router(),
                configuration: .init(address: .hostname(configuration.portalHost, port: portalPort),
                                     serverName: "Custodes portal"),
                logger: portalLogger)
            application.addServices(portal)
        }
        return application
    }
}

/// What `/readyz` answers.
struct ReadyBody: Encodable {
    var ready: Bool
    var problems: [String]
    var schemaVersion: Int?
    var detectionLagSeconds: Int64?

    enum CodingKeys: String, CodingKey {
        case ready, problems, schemaVersion = "schema_version", detectionLagSeconds = "detection_lag_seconds"
    }
}
