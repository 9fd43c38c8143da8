public import CustodesStore
public import Hummingbird

/// Fills in the signed-in user from the session cookie on every request, ending sessions that are idle or too old
/// and ignoring those of disabled accounts.
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
        if let token = SessionCookie.token(in: request, secure: settings.secureCookies) {
            let hash = SessionCookie.hash(token)
            let now = settings.now()
            if let session = try await Sessions.live(tokenHash: hash, at: now, idle: settings.idleTimeout,
                                                      absolute: settings.absoluteTimeout, in: database),
               let user = try await UserAccounts.find(id: session.userID, in: database), !user.isDisabled {
                try await Sessions.touch(tokenHash: hash, at: now, in: database)
                context.user = user
                context.session = session
                context.sessionTokenHash = hash
                context.sessionToken = token
            }
        }
        return try await next(request, context)
    }
}
