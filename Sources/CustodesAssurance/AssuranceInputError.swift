/// Bad input in an inspection, findings or force file, located precisely enough to fix without guessing.
///
/// Inspectors edit these files by hand; "invalid input" would send them reading the whole file, so every error
/// names the file, the field (as a path such as `findings[2].ccu-review`) and, where the YAML parser gives one,
/// the line.
public struct AssuranceInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// The path to the field, or empty when the problem is the file as a whole.
    public var field: String
    public var line: Int?
    public var problem: String

    public init(file: String, field: String, line: Int?, problem: String) {
        self.file = file
        self.field = field
        self.line = line
        self.problem = problem
    }

    public var description: String {
        var out = file
        if let line { out += ":\(line)" }
        if !field.isEmpty { out += ": \(field)" }
        return out + ": " + problem
    }
}
