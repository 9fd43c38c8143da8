import CustodesStore
public import Hummingbird
import Logging

/// Turns every error into a plain answer without internal detail: a redirect to sign in, a short page for people,
/// or a JSON body under /api. Unexpected errors are logged on the server and shown as a generic page.
public struct ErrorPageMiddleware: RouterMiddleware {
    public typealias Context = WebContext
    let pages: Pages

    public func handle(_ request: Request, context: WebContext,
                       next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return answer(error.status, error.message, error: error, request: request, context: context)
        } catch let error as any HTTPResponseError where error.status != .internalServerError {
            let message = error.status == .notFound ? "Page not found." : "The request could not be handled."
            return answer(error.status, message, error: nil, request: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["path": .string(request.uri.path),
                                                             "error": .string(String(describing: error))])
            return answer(.internalServerError, "Sorry, something went wrong. It has been logged; try again later.",
                          error: nil, request: request, context: context)
        }
    }

    func answer(_ status: HTTPResponse.Status, _ message: String, error: WebError?, request: Request,
                context: WebContext) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return JSONBody.response(["error": message], status: status)
        }
        if error == .signInRequired {
            return Response(status: .seeOther, headers: [.location: "/sign-in"])
        }
        if error == .passwordChangeRequired {
            return Response(status: .seeOther, headers: [.location: "/account/password"])
        }
        return pages.response(Pages.Page(title: status == .notFound ? "Page not found" : "Sorry",
                                         template: "error", context: ["message": message]),
                              user: context.user, session: context.session, status: status)
    }
}
