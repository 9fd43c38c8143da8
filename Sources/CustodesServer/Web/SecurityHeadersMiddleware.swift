import HTTPTypes
public import Hummingbird

/// Headers on every response: a strict Content-Security-Policy (this origin's stylesheet and its one small script,
/// the idle-timeout warning; nothing inline, nothing from elsewhere, no frames, forms only to this origin), no referrer, no framing, and no caching of anything but the stylesheet,
/// because pages carry case content. Behind TLS, browsers are told to use nothing else for a year (HSTS).
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let strictTransportSecurity: Bool

    public init(strictTransportSecurity: Bool = false) {
        self.strictTransportSecurity = strictTransportSecurity
    }

    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        if !request.uri.path.hasPrefix("/assets/") { response.headers[.cacheControl] = "no-store" }
        if strictTransportSecurity { response.headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000" }
        return response
    }
}
