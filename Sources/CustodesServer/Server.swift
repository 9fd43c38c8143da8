public import CustodesStore
public import Hummingbird
import Logging

/// Where the server listens and what runs beside it.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Seconds between detection runs; nil to run no detection in this process.
    public var detectionInterval: Int?

    public init(host: String = "127.0.0.1", port: Int = 8080, detectionInterval: Int? = 10) {
        self.host = host
        self.port = port
        self.detectionInterval = detectionInterval
    }
}

/// Builds the server: its routes over the store, and detection beside it as a service with the same lifecycle (a
/// clean shutdown on SIGINT or SIGTERM stops both).
public enum CustodesServerBuilder {
    public static func router(database: StoreDatabase) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in "ok" }
        IngestController(database: database).addRoutes(to: router)
        return router
    }

    public static func application(database: StoreDatabase, detection: StoreDetection?,
                                   configuration: ServerConfiguration,
                                   report: @escaping @Sendable (String) -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "custodes.server")
        logger.logLevel = .notice
        var application = Application(
            router: router(database: database),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "Custodes"),
            logger: logger)
        if let detection, let interval = configuration.detectionInterval {
            application.addServices(DetectionService(detection: detection, interval: .seconds(interval), report: report))
        }
        return application
    }
}
