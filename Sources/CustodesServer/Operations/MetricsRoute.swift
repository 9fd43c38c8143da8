import CustodesStore
import Hummingbird

/// `GET /metrics` in the Prometheus text format.
///
/// On the unit's listener it answers only a scraper presenting the metrics token: that listener sits behind the
/// force's proxy, and a proxy (or an SSH tunnel, or a TCP forwarder) can make any client look local, so being on
/// loopback proves nothing there. The metrics listener of its own (`metrics.port`, on 127.0.0.1 unless told
/// otherwise) answers without the token when it is bound to loopback. Anyone else gets 403 and nothing more: the
/// figures are about the unit's workload, which is itself sensitive.
struct MetricsRoute: Sendable {
    let database: StoreDatabase
    let metrics: ServerMetrics
    let now: @Sendable () -> Int64
    let maximumLag: Int64
    /// Whether a scrape without the token is answered: only on a metrics listener bound to loopback.
    let openWithoutToken: Bool

    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/metrics") { request, _ in
            guard openWithoutToken || metrics.admits(authorization: request.headers[.authorization]) else {
                return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "metrics need the metrics token here, or "
                                                                   + "the metrics listener on loopback\n")))
            }
            metrics.record(try? await OperationalFigures.take(in: database, now: now(), maximumLag: maximumLag))
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8",
                                                   .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }

    /// Whether `host` is a loopback address, so that a listener there is reachable from this machine only: `::1`,
    /// `localhost`, or four numbers starting 127 (a name such as `127.corp.example` is not one).
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}
