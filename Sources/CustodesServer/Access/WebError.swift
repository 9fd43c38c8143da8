public import Hummingbird

/// The ways a request is refused. Each becomes a plain page (or a JSON body for the API) without internal detail;
/// sign-in problems on pages become redirects.
public enum WebError: Error, Equatable {
    case signInRequired
    case passwordChangeRequired
    case forbidden
    case notFound
    case badRequest(String)
    /// The request is sound but cannot be met yet (a sealed report not yet wrapped for this reader).
    case conflict(String)
    /// The form's CSRF token was missing or wrong.
    case csrf

    public var status: HTTPResponse.Status {
        switch self {
        case .signInRequired, .passwordChangeRequired: .unauthorized
        case .forbidden, .csrf: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .conflict: .conflict
        }
    }

    public var message: String {
        switch self {
        case .signInRequired: "You need to sign in to see this page."
        case .passwordChangeRequired: "You need to choose a new password first."
        case .forbidden: "You do not have access to this page."
        case .notFound: "Page not found."
        case .badRequest(let why), .conflict(let why): why
        case .csrf: "This form has expired or did not come from this service. Go back, reload the page and try again."
        }
    }
}
