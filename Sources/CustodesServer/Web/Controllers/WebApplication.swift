public import CustodesDetection
import CustodesModel
public import CustodesStore
public import Hummingbird
import HummingbirdBcrypt

/// The unit's web application: its pages and JSON API over the store. Each area's routes live in their own
/// extension (`WebApplication+Alerts.swift` and so on); every handler checks the role first, then need-to-know, and
/// appends what the user did to the audit trail.
public struct WebApplication: Sendable {
    let database: StoreDatabase
    let settings: AccessSettings
    let pages: Pages
    let needToKnow: NeedToKnow
    let secrets: SecretBox
    /// Opens and seals what reporters wrote through the portal.
    let reportSealer: ReportSealer
    /// Who holds each report's key, and the wrapping of keys for readers who lack them.
    let keyring: ReportKeyring
    /// Seals each trail entry with the deployment's key, and checks the seals on the trail pages.
    let trailSeal: TrailSeal
    /// A bcrypt hash of a random password nobody knows, checked against when a username is unknown.
    let dummyHash: String
    let throttle = SignInThrottle()
    /// The person behind each pseudonym, for the person-centred view.
    let people: PersonDirectory
    let trailCheck = TrailCheck()
    /// Counts trail actions (sign-in failures, lock-outs among them) for `/metrics`; nil counts nothing.
    let metrics: ServerMetrics?

    public init(database: StoreDatabase, settings: AccessSettings, pseudonymiser: Pseudonymiser,
                metrics: ServerMetrics? = nil) throws {
        self.database = database
        self.metrics = metrics
        self.settings = settings
        var pages = try Pages()
        pages.idleSeconds = settings.idleTimeout
        self.pages = pages
        needToKnow = NeedToKnow(database: database, pseudonymiser: pseudonymiser)
        people = PersonDirectory(pseudonymiser: pseudonymiser)
        secrets = SecretBox(deploymentKey: settings.deploymentKey)
        reportSealer = ReportSealer(deploymentKey: settings.deploymentKey)
        keyring = ReportKeyring(database: database, deploymentKey: settings.deploymentKey)
        trailSeal = TrailSeal(deploymentKey: settings.deploymentKey)
        dummyHash = Bcrypt.hash(SessionCookie.newToken(), cost: settings.bcryptCost)
    }

    public func addRoutes(to router: Router<WebContext>) {
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        router.add(middleware: CrossSiteRequestMiddleware())
        router.add(middleware: SessionMiddleware(database: database, settings: settings))
        router.get("/assets/session.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: SessionWarning.script)))
        }
        // The warning's "stay signed in": any signed-in request keeps the session alive, this one does nothing else.
        router.get("/session/alive") { _, context in
            guard context.user != nil, context.session?.secondFactor == true else { throw WebError.signInRequired }
            return "ok"
        }
        router.get("/assets/custodes.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Stylesheet.text)))
        }
        router.get("/") { _, context in
            guard let user = context.user, context.session?.secondFactor == true else { return redirect("/sign-in") }
            return redirect(Pages.home(for: user.role))
        }
        addSignInRoutes(to: router)
        addAlertRoutes(to: router)
        addStaffRoutes(to: router)
        addSearchRoutes(to: router)
        addNotificationRoutes(to: router)
        addRevealRequestRoutes(to: router)
        addIntelligenceRoutes(to: router)
        addCaseRoutes(to: router)
        addPartnerRoutes(to: router)
        addReportRoutes(to: router)
        addReportKeyRoutes(to: router)
        addExceptionRoutes(to: router)
        addTrailRoutes(to: router)
        addAdminRoutes(to: router)
        addSourceAndRulesRoutes(to: router)
        addCapabilityRoutes(to: router)
        addAPIRoutes(to: router)
    }

    /// Appends to the audit trail at the deployment's current time.
    func audit(_ action: String, by username: String, subject: String = "", detail: String = "") async throws {
        try await AuditTrail.append(action, by: username, subject: subject, detail: detail, at: settings.now(),
                                    sealedWith: trailSeal, in: database)
        metrics?.trailAppended(action)
    }

    func page(_ page: Pages.Page, _ request: Request, _ context: WebContext,
              status: HTTPResponse.Status = .ok) -> Response {
        var page = page
        // A draft kept when the last session lapsed fills the page's form, and the page says so.
        if let draft = context.draft, !draft.isEmpty {
            if (page.context["form"] as? [String: String])?.isEmpty ?? true {
                page.context["form"] = Form(fields: draft).shown
            }
            page.context["draftNotice"] = true
        }
        return pages.response(page, user: context.user, session: context.session, path: request.uri.path, status: status)
    }
}

/// Dates on pages: UTC, to the minute, unambiguous.
func displayTime(_ seconds: Int64) -> String { displayTime(seconds, characters: 16) }

/// Dates in the trail: to the second, as its entries are ordered.
func displayTimeToTheSecond(_ seconds: Int64) -> String { displayTime(seconds, characters: 19) }

/// The first `characters` of the ISO 8601 time ("2027-03-31T14:05" or "…:07"), read as a date and a time in UTC.
private func displayTime(_ seconds: Int64, characters: Int) -> String {
    let text = Timestamp(seconds: seconds).iso8601
    return text.count >= characters
        ? String(text.prefix(characters)).replacingOccurrences(of: "T", with: " ") + " UTC" : text
}
