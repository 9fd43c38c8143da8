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
        var lapsed: (userID: Int64, csrfToken: String)?
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
                if session.secondFactor, request.method == .get, QueryText.value("draft", in: request) == "1" {
                    context.draft = try await Drafts.take(userID: user.id, path: request.uri.path, at: now, in: database)
                }
            } else if session == nil, let owner = try await Sessions.lapsedOwner(
                tokenHash: hash, at: now, within: settings.absoluteTimeout, in: database),
                      try await UserAccounts.find(id: owner.userID, in: database)?.isDisabled == false {
                lapsed = owner
            }
        }
        do {
            return try await next(request, context)
        } catch WebError.signInRequired where lapsed != nil && !request.uri.path.hasPrefix("/api/") {
            if let page = Self.draftPage(of: request) { try await keepDraft(request, page: page, owner: lapsed!) }
            return Response(status: .seeOther, headers: [.location: "/sign-in?expired=1"])
        }
    }

    /// The forms whose words are kept when a session lapses: a decision, a comment or a reveal's reason on an
    /// alert, which the alert's page shows again. Nothing else (a recovery key, an intelligence original, a reply to
    /// a reporter) is ever written to a draft.
    static let draftForms = ["decisions", "comments", "reveal"]
    static let draftFields: Set<String> = ["outcome", "rationale", "exception_until", "tasking", "body", "reason"]

    /// The alert page a lapsed form belongs to, if it is one of those kept.
    static func draftPage(of request: Request) -> String? {
        guard request.method == .post else { return nil }
        let parts = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, parts[1] == "alerts", !parts[2].isEmpty,
              parts[2].allSatisfy(\.isNumber), draftForms.contains(String(parts[3])) else { return nil }
        return "/alerts/\(parts[2])"
    }

    /// Keeps the form's allowed fields, if it carries the lapsed session's own CSRF token: a cookie alone (one found
    /// on a shared machine, say) cannot put words into its owner's next form.
    func keepDraft(_ request: Request, page: String, owner: (userID: Int64, csrfToken: String)) async throws {
        guard let body = try? await request.body.collect(upTo: 64 * 1024) else { return }
        let form = Form(fields: Form.parse(String(buffer: body)))
        guard Form.constantTimeEqual(form["csrf"], owner.csrfToken) else { return }
        let fields = form.fields.filter { Self.draftFields.contains($0.key) && !$0.value.isEmpty }
        guard !fields.isEmpty else { return }
        try await Drafts.save(userID: owner.userID, path: page, fields: fields, at: settings.now(), in: database)
    }
}
