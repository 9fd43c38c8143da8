import Dispatch
public import Hummingbird

/// Counts each request by the route it matched (the pattern, as `/alerts/{id}`, never the path as typed), its method
/// and status, and times it.
public struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
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
        metrics.requestFinished(listener: listener, route: context.endpointPath ?? "unmatched", method: method,
                                status: status, nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - started))
    }
}
