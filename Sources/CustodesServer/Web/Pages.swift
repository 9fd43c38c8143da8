import CustodesStore
import Hummingbird
import Mustache

/// Renders the web application's pages: each page's own template inside the shared layout, with the navigation the
/// user's role allows. Templates are compiled into the binary (see `Templates`), so a deployment is one file.
public struct Pages: Sendable {
    let library: MustacheLibrary
    /// Seconds without a request after which a session ends: signed-in pages warn two minutes before.
    var idleSeconds: Int64 = 15 * 60

    public struct Page {
        var title: String
        var template: String
        var context: [String: Any]
        init(title: String, template: String, context: [String: Any] = [:]) {
            self.title = title
            self.template = template
            self.context = context
        }
    }

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all { try library.register(text, named: name) }
        self.library = library
    }

    func render(_ page: Page, user: UserAccount?, session: Sessions.Session?, path: String = "") -> String {
        var context = page.context
        if let csrf = session?.csrfToken { context["csrf"] = csrf }
        var body = library.render(context, withTemplate: page.template) ?? ""
        if (context["draftNotice"] as? Bool) == true {
            body = "<div class=\"panel panel-ok\" id=\"draft-notice\" role=\"status\"><p class=\"body\">Your session "
                + "ended before what you typed was saved. It is back in the form below: check it and send it again.</p></div>"
                + body
        }
        // A page that refuses something says so first in its title, which is what a screen reader announces.
        let refused = (context["hasErrors"] as? Bool) == true || page.template == "error"
        var layout: [String: Any] = ["title": (refused ? "Error: " : "") + page.title, "body": body]
        if let user, let session, session.secondFactor, !user.passwordIsTemporary {
            layout["user"] = [
                "displayName": user.displayName, "roleTitle": user.role.title, "csrf": session.csrfToken,
                "idleSeconds": idleSeconds, "idleMinutes": idleSeconds / 60,
                "nav": Self.navigation(for: user.role).map { item in
                    ["href": item.href, "label": item.label, "current": path.hasPrefix(item.href)] as [String: Any]
                },
            ] as [String: Any]
        } else if let session {
            layout["partial"] = ["csrf": session.csrfToken]
        }
        return library.render(layout, withTemplate: "layout") ?? ""
    }

    /// A page of the reporting portal, in its own layout: no account, no navigation of the unit's application.
    func renderPortal(title: String, template: String, context: [String: Any]) -> String {
        let body = library.render(context, withTemplate: template) ?? ""
        let refused = (context["hasErrors"] as? Bool) == true
        return library.render(["title": (refused ? "Error: " : "") + title, "body": body], withTemplate: "portal-layout") ?? ""
    }

    func response(_ page: Page, user: UserAccount?, session: Sessions.Session?, path: String = "",
                  status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: render(page, user: user, session: session, path: path))))
    }

    static func navigation(for role: Role) -> [(href: String, label: String)] {
        switch role {
        case .analyst: [("/alerts", "Alerts"), ("/reports", "Reports"), ("/cases", "Cases"), ("/intelligence", "Intelligence"),
                        ("/partners", "Partners"), ("/search", "Search"), ("/notifications", "Notifications")]
        case .investigator: [("/alerts", "Alerts"), ("/cases", "Cases"), ("/intelligence", "Intelligence"), ("/search", "Search"),
                             ("/notifications", "Notifications")]
        case .headOfUnit: [("/alerts", "Alerts"), ("/reports", "Reports"), ("/cases", "Cases"), ("/intelligence", "Intelligence"), ("/partners", "Partners"), ("/exceptions", "Exceptions"), ("/reveals", "Reveals"), ("/capability", "Capability"), ("/trail", "Audit trail"),
                           ("/admin/rules", "Rules"), ("/search", "Search"), ("/notifications", "Notifications")]
        case .auditor: [("/trail", "Audit trail")]
        case .administrator: [("/admin/users", "Users"), ("/admin/sources", "Source systems"), ("/admin/rules", "Rules")]
        case .partnership: [("/partners", "Partners")]
        }
    }

    /// Where a user lands after signing in.
    static func home(for role: Role) -> String {
        switch role {
        case .analyst, .investigator, .headOfUnit: "/alerts"
        case .auditor: "/trail"
        case .administrator: "/admin/users"
        case .partnership: "/partners"
        }
    }
}

/// Redirects after a form is handled, so a reload never resubmits it.
func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}
