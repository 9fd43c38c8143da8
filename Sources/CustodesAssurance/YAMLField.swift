import CustodesModel
import Foundation
import CustodesYAML
import Yams

/// A node of a parsed YAML file together with where it came from, so every read can report a precise error.
///
/// The files are read through Yams' node tree rather than `Decodable` because the tree keeps line numbers and the
/// decoder's errors do not name the line an inspector needs to fix.
struct YAMLField {
    let file: String
    let path: String
    let node: Node?
    /// The line of this node, or of the mapping that lacks it when the field is missing.
    let line: Int?

    /// Reads and parses a whole file; the root must be a mapping.
    static func load(file: String) throws(AssuranceInputError) -> YAMLField {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw AssuranceInputError(file: file, field: "", line: nil, problem: "cannot be read: \(error.localizedDescription)")
        }
        return try parse(text, file: file)
    }

    /// Parses YAML text; `file` names it in errors.
    static func parse(_ text: String, file: String) throws(AssuranceInputError) -> YAMLField {
        let root: Node?
        do {
            root = try SafeYAML.compose(text)
        } catch let refusal as SafeYAML.Refusal {
            throw AssuranceInputError(file: file, field: "", line: refusal.line, problem: refusal.message)
        } catch let error as YamlError {
            throw AssuranceInputError(file: file, field: "", line: Self.line(of: error), problem: "not valid YAML: \(Self.problem(of: error))")
        } catch {
            throw AssuranceInputError(file: file, field: "", line: nil, problem: "not valid YAML: \(error)")
        }
        guard let root else {
            throw AssuranceInputError(file: file, field: "", line: nil, problem: "the file is empty")
        }
        let field = YAMLField(file: file, path: "", node: root, line: root.mark?.line)
        _ = try field.mapping()
        return field
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }

    func error(_ problem: String) -> AssuranceInputError {
        AssuranceInputError(file: file, field: path, line: line, problem: problem)
    }

    private func child(_ key: String, _ node: Node?) -> YAMLField {
        YAMLField(file: file, path: path.isEmpty ? key : "\(path).\(key)", node: node, line: node?.mark?.line ?? line)
    }

    func mapping() throws(AssuranceInputError) -> Node.Mapping {
        guard let mapping = node?.mapping else { throw error(node == nil ? "is missing" : "must be a mapping of keys to values") }
        return mapping
    }

    /// Rejects keys the format does not define: a misspelt optional key would otherwise be silently ignored.
    func allowKeys(_ keys: [String]) throws(AssuranceInputError) {
        for (key, value) in try mapping() {
            // A key that is not text is named by its line only: printing the node would print its whole tree.
            guard let name = key.scalar?.string else {
                throw AssuranceInputError(file: file, field: path, line: key.mark?.line,
                                          problem: "keys must be text; expected one of \(keys.joined(separator: ", "))")
            }
            if !keys.contains(name) {
                throw child(name, value).error("unknown field; expected one of \(keys.joined(separator: ", "))")
            }
        }
    }

    /// The value of `key`, present or not; reading a missing one reports it as missing.
    subscript(key: String) -> YAMLField {
        child(key, node?.mapping?[key])
    }

    /// Whether the field is absent or empty (`key:` with nothing after it).
    var isMissing: Bool {
        guard let node else { return true }
        if let scalar = node.scalar { return scalar.tag == Tag(.null) || scalar.string.isEmpty }
        return false
    }

    func string() throws(AssuranceInputError) -> String {
        guard !isMissing else { throw error("is missing") }
        guard let scalar = node?.scalar else { throw error("must be text") }
        return scalar.string
    }

    func optionalString() throws(AssuranceInputError) -> String? {
        isMissing ? nil : try string()
    }

    func sequence() throws(AssuranceInputError) -> [YAMLField] {
        guard !isMissing else { throw error("is missing") }
        guard let sequence = node?.sequence else { throw error("must be a list") }
        return sequence.enumerated().map { index, item in
            YAMLField(file: file, path: "\(path)[\(index)]", node: item, line: item.mark?.line ?? line)
        }
    }

    func stringList() throws(AssuranceInputError) -> [String] {
        var out: [String] = []
        for item in try sequence() { out.append(try item.string()) }
        return out
    }

    func date() throws(AssuranceInputError) -> CalendarDate {
        let text = try string()
        guard let date = CalendarDate(iso: text) else { throw error("'\(text)' is not a date; write YYYY-MM-DD") }
        return date
    }

    func optionalDate() throws(AssuranceInputError) -> CalendarDate? {
        isMissing ? nil : try date()
    }

    func month() throws(AssuranceInputError) -> CalendarMonth {
        let text = try string()
        guard let month = CalendarMonth(iso: text) else { throw error("'\(text)' is not a month; write YYYY-MM") }
        return month
    }

    /// A value from a closed list, with the accepted values in the error so the fix is obvious.
    func oneOf<Value: RawRepresentable & CaseIterable>(_: Value.Type, describedAs name: String)
        throws(AssuranceInputError) -> Value where Value.RawValue == String {
        let text = try string()
        guard let value = Value(rawValue: text) else {
            let accepted = Value.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw error("unknown \(name) '\(text)'; expected one of \(accepted)")
        }
        return value
    }
}
