public import CustodesStore
public import Hummingbird
import NIOCore

/// The request context of every route: who is signed in (if anyone) and their session, filled in by
/// `SessionMiddleware` from the session cookie.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: UserAccount?
    public var session: Sessions.Session?
    /// The SHA-256 of the session token, which is how the store knows the session.
    public var sessionTokenHash: String?
    /// The session token itself, held only for this request: it opens the user's report key kept in the session.
    var sessionToken: String?
    /// What the user was typing on this page when their last session lapsed, given back once after signing in.
    var draft: [String: String]?
    /// The client's IP address as the server sees it (a proxy's, behind one), for sign-in throttling.
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The user, who must have completed both factors and hold one of `roles`.
    public func requireUser(_ roles: Set<Role>) throws -> UserAccount {
        guard let user, let session, session.secondFactor else { throw WebError.signInRequired }
        if user.passwordIsTemporary { throw WebError.passwordChangeRequired }
        guard roles.contains(user.role) else { throw WebError.forbidden }
        return user
    }

    /// The user part-way through signing in: password given, second factor not yet.
    public func requirePartialSignIn() throws -> (UserAccount, Sessions.Session) {
        guard let user, let session else { throw WebError.signInRequired }
        return (user, session)
    }
}
