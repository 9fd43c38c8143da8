import Foundation

/// The checks and error summaries the unit's forms share: one wording for the same mistake on every page, in the
/// GOV.UK pattern (a summary at the top linking to each field, the message again beside the field).
extension WebApplication {
    static func lineError(_ text: String, name: String, maximum: Int) -> String? {
        if text.isEmpty { return "Enter \(name)" }
        if text.count > maximum { return "Enter \(name) in \(maximum) characters or fewer" }
        if Form.hasControlCharacters(text, multiline: false) { return "Enter \(name) on one line, without control characters" }
        return nil
    }

    static func textError(_ text: String, name: String, maximum: Int) -> String? {
        if text.isEmpty { return "Enter \(name)" }
        if text.count > maximum { return "Enter \(name) in \(maximum.formatted()) characters or fewer" }
        if Form.hasControlCharacters(text, multiline: true) {
            return "Remove the control characters from \(name) (they may have come with pasted text)"
        }
        return nil
    }

    func addErrors(_ errors: [String: String], fields: [String: String], to values: inout [String: Any]) {
        for (key, message) in errors { values[key] = message }
        if !errors.isEmpty {
            values["hasErrors"] = true
            values["errors"] = errors.sorted { $0.key < $1.key }.map { key, message in
                ["field": fields[key] ?? "main", "message": message]
            }
        }
    }
}
