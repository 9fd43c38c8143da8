import Crypto
import CustodesStore
import Foundation
public import Hummingbird

/// The session cookie: a random token the browser returns, HttpOnly and SameSite=Strict. Behind TLS it is also
/// Secure and named with the `__Host-` prefix, which browsers accept only from this host over HTTPS, for the whole
/// site: a neighbouring subdomain or a plain-HTTP page cannot plant or overwrite it.
public enum SessionCookie {
    public static let name = "custodes_session"
    public static let secureName = "__Host-custodes_session"

    public static func name(secure: Bool) -> String { secure ? secureName : name }

    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ token: String) -> String {
        SHA256.hex(token)
    }

    public static func token(in request: Request, secure: Bool) -> String? {
        request.cookies[name(secure: secure)]?.value
    }

    public static func setting(_ token: String, secure: Bool) -> String {
        setting(token, named: name(secure: secure), secure: secure)
    }

    public static func clearing(secure: Bool) -> String { clearing(named: name(secure: secure), secure: secure) }

    /// A session cookie of the given name (the portal's partner sessions have one of their own).
    static func setting(_ token: String, named name: String, secure: Bool) -> String {
        "\(name)=\(token); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static func clearing(named name: String, secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }
}
