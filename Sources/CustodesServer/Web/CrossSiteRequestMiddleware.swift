import HTTPTypes
public import Hummingbird

/// Refuses a state-changing request that a browser says came from another site. The CSRF token protects forms
/// behind a session, but sign-in has no session yet: another site could post a form that signs the unit's browser
/// in to an account of the attacker's choosing (login CSRF). Browsers say where a request came from in
/// `Sec-Fetch-Site` and, for posts, `Origin`; a request with neither (a script, an old browser) still meets the CSRF
/// token and SameSite cookies.
public struct CrossSiteRequestMiddleware: RouterMiddleware {
    public typealias Context = WebContext

    public init() {}

    public func handle(_ request: Request, context: WebContext,
                       next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head, !Self.isSameSite(request) { throw WebError.csrf }
        return try await next(request, context)
    }

    static func isSameSite(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            return site == "same-origin" || site == "none"
        }
        guard let origin = request.headers[.origin] else { return true }
        // The origin's host and port against the address the request was sent to.
        guard let authority = request.head.authority, let schemeEnd = origin.range(of: "://") else { return false }
        return origin[schemeEnd.upperBound...].lowercased() == authority.lowercased()
    }
}
