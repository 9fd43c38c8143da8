public import CustodesStore
import Foundation
public import Hummingbird

/// Fills in the signed-in user from the session cookie on every request, ending sessions that are idle or too old
/// and ignoring those of disabled accounts. When a session has just lapsed under someone mid-task, what they sent is
/// kept as a draft and they are asked to sign in again; signing in brings them back to the page with it.
public struct SessionMiddleware: RouterMiddleware {
    public typealias Context = WebContext
    let database: StoreDatabase
    let settings: AccessSettings

    public init(database: StoreDatabase, settings: AccessSettings) {
        self.database = database
        self.settings = settings
    }

    public func handle(_ request: Request, context: WebContext,
                       next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        var lapsedOwner: Int64?
        if let token = SessionCookie.token(in: request, secure: settings.secureCookies) {
            let hash = SessionCookie.hash(token)
            let now = settings.now()
            let session = try await Sessions.live(tokenHash: hash, at: now, idle: settings.idleTimeout,
                                                  absolute: settings.absoluteTimeout, in: database)
            if let session, let user = try await UserAccounts.find(id: session.userID, in: database), !user.isDisabled {
                try await Sessions.touch(tokenHash: hash, at: now, in: database)
                context.user = user
                context.session = session
                context.sessionTokenHash = hash
                context.sessionToken = token
                if session.secondFactor, request.method == .get, QueryText.value("draft", in: request) == "1",
                   let draft = try await Drafts.take(userID: user.id, at: now, in: database),
                   draft.path == Self.page(of: request) {
                    context.draft = draft.fields
                }
            } else if session == nil, let owner = try await Sessions.lapsedOwner(
                tokenHash: hash, at: now, within: settings.absoluteTimeout + settings.idleTimeout,
                idle: settings.idleTimeout, absolute: settings.absoluteTimeout, in: database),
                      try await UserAccounts.find(id: owner, in: database)?.isDisabled == false {
                lapsedOwner = owner
            }
        }
        do {
            return try await next(request, context)
        } catch WebError.signInRequired where lapsedOwner != nil && Self.keepsDrafts(request) {
            try await keepDraft(request, owner: lapsedOwner!)
            return Response(status: .seeOther, headers: [.location: "/sign-in?expired=1"])
        }
    }

    /// Pages of the application, not its API, sign-in or account pages.
    static func keepsDrafts(_ request: Request) -> Bool {
        let path = request.uri.path
        return !path.hasPrefix("/api/") && !path.hasPrefix("/sign-") && !path.hasPrefix("/account/")
            && !path.hasPrefix("/assets/")
    }

    /// The page a request belongs to. Pages here send no referrer, so a form's page is found from where it posts:
    /// `/alerts/12/decisions` belongs to `/alerts/12`, `/reports/settings` to `/reports`.
    static func page(of request: Request) -> String {
        let path = request.uri.path
        guard request.method == .post else { return path }
        let parts = path.split(separator: "/")
        return parts.count > 1 ? "/" + parts.dropLast().joined(separator: "/") : path
    }

    func keepDraft(_ request: Request, owner: Int64) async throws {
        var fields: [String: String] = [:]
        if request.method == .post, let body = try? await request.body.collect(upTo: 64 * 1024) {
            fields = Form.parse(String(buffer: body))
            fields["csrf"] = nil
        }
        try await Drafts.save(userID: owner, path: Self.page(of: request), fields: fields, at: settings.now(), in: database)
    }
}
