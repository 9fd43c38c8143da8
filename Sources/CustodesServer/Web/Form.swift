import Foundation
public import Hummingbird

/// A submitted HTML form (application/x-www-form-urlencoded), with its CSRF token checked against the session's.
public struct Form: Sendable {
    public var fields: [String: String]

    public subscript(_ name: String) -> String { fields[name] ?? "" }

    /// The fields as a refused form shows them again: as typed, less the control characters that were the reason
    /// for refusing them or that a page cannot show.
    public var shown: [String: String] {
        fields.mapValues { value in
            String(String.UnicodeScalarView(value.unicodeScalars.filter {
                !Self.hasControlCharacters(String($0), multiline: true)
            }))
        }
    }

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

    /// Whether `text` holds a control character (other than line breaks and tabs where `multiline`) or a
    /// bidirectional override. Nothing a person types needs one; they are refused where they arrive rather than
    /// carried into the trail, the rules file or an export, where they have broken readers before.
    public static func hasControlCharacters(_ text: String, multiline: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            if multiline, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
            return scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
                || Self.bidirectionalControls.contains(scalar.value)
                || Self.bidirectionalIsolates.contains(scalar.value)
        }
    }

    /// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible, they reorder how the text
    /// after them is displayed, so "to IOPC" in the trail could be made to read as something else.
    static let bidirectionalControls: ClosedRange<UInt32> = 0x202A...0x202E
    static let bidirectionalIsolates: ClosedRange<UInt32> = 0x2066...0x2069

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
