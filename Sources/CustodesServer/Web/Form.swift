import Foundation
public import Hummingbird

/// A submitted HTML form (application/x-www-form-urlencoded), with its CSRF token checked against the session's.
public struct Form: Sendable {
    public var fields: [String: String]

    public subscript(_ name: String) -> String { fields[name] ?? "" }

    /// The field with surrounding white space removed.
    public func trimmed(_ name: String) -> String { self[name].trimmingCharacters(in: .whitespacesAndNewlines) }

    public static func read(_ request: Request, context: WebContext, checkCSRF: Bool = true) async throws -> Form {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        let form = Form(fields: parse(String(buffer: buffer)))
        if checkCSRF {
            guard let expected = context.session?.csrfToken, constantTimeEqual(form["csrf"], expected) else {
                throw WebError.csrf
            }
        }
        return form
    }

    static func parse(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count, !left.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
