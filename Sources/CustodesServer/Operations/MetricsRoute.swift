import CustodesStore
import Hummingbird

/// `GET /metrics`: the Prometheus text format, to loopback clients or to a scraper with the metrics token. Anyone
/// else gets 403 and nothing else: the figures are about the unit's workload, which is itself sensitive.
struct MetricsRoute: Sendable {
    let database: StoreDatabase
    let metrics: ServerMetrics
    let now: @Sendable () -> Int64
    let maximumLag: Int64

    func addRoutes(to router: Router<WebContext>) {
        router.get("/metrics") { request, context in
            let forwarded = request.headers[.init("X-Forwarded-For")!] != nil || request.headers[.init("Forwarded")!] != nil
                || request.headers[.init("X-Real-IP")!] != nil
            guard metrics.admits(authorization: request.headers[.authorization], clientAddress: context.clientAddress,
                                 forwarded: forwarded) else {
                return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(
                                    string: "metrics are served to loopback clients, or with the metrics token\n")))
            }
            metrics.record(try? await OperationalFigures.take(in: database, now: now(), maximumLag: maximumLag))
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8",
                                                   .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
