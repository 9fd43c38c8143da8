import Dispatch
public import Hummingbird
import Logging

/// Counts, times and logs each request by the route it matched: the pattern, as `/people/{pseudonym}`, never the
/// path as typed, which can carry a pseudonym, an alert number or a search for a name. The log line (level info)
/// carries the request id Hummingbird gives each request, the method, the route, the status and the time taken;
/// never a query, a header, a cookie, a body or the client's address.
public struct RequestRecordMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    /// Which listener: `unit` or `portal`.
    let listener: String

    public init(metrics: ServerMetrics, listener: String) {
        self.metrics = metrics
        self.listener = listener
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let method = Self.methods.contains(request.method.rawValue) ? request.method.rawValue : "other"
        do {
            let response = try await next(request, context)
            record(context, method, Int(response.status.code), started)
            return response
        } catch {
            record(context, method, Int((error as? any HTTPResponseError)?.status.code ?? 500), started)
            throw error
        }
    }

    /// Methods counted by name; anything else a client sends is `other`, so a label cannot grow without bound.
    static var methods: Set<String> { ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] }

    private func record(_ context: Context, _ method: String, _ status: Int, _ started: UInt64) {
        let nanoseconds = Int64(DispatchTime.now().uptimeNanoseconds - started)
        let route = context.endpointPath ?? "NotFound"
        metrics.requestFinished(listener: listener, route: route, method: method, status: status, nanoseconds: nanoseconds)
        context.logger.log(level: status >= 500 ? .error : .info, "request", metadata: [
            "listener": .string(listener), "method": .string(method), "route": .string(route),
            "status": .stringConvertible(status), "ms": .stringConvertible(nanoseconds / 1_000_000),
        ])
    }
}
