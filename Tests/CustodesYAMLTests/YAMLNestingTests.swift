import CustodesYAML
import Foundation
import Testing

/// YAML nested past the limit is found (with its line) before a parser recurses into it; the files Custodes ships
/// are far from it.
@Suite("YAML nesting")
struct YAMLNestingTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test("flow brackets, block levels and nested dashes past the limit are found on their line")
    func tooDeep() {
        #expect(YAMLNesting.lineTooDeep(in: "findings:\n  a: " + String(repeating: "{", count: 4_000)) == 2)
        #expect(YAMLNesting.lineTooDeep(in: String(repeating: "[", count: 65)) == 1)
        #expect(YAMLNesting.lineTooDeep(in: String(repeating: "[", count: 60) + String(repeating: "]", count: 60)) == nil)
        let blocks = (0..<80).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(YAMLNesting.lineTooDeep(in: blocks) == 65)  // line 65 is the 65th level
        #expect(YAMLNesting.lineTooDeep(in: String(repeating: "- ", count: 70) + "x") == 1)
    }

    @Test("brackets inside quotes and comments do not count; apostrophes in plain text start no quote")
    func quotedAndCommented() {
        let braces = String(repeating: "{", count: 100)
        #expect(YAMLNesting.lineTooDeep(in: "a: '\(braces)'\nb: \"\(braces)\"\n# \(braces)\n") == nil)
        // An apostrophe in plain text must not hide what follows it.
        #expect(YAMLNesting.lineTooDeep(in: "a: officer's note\nb: \(braces)") == 2)
    }

    @Test("every YAML file the repository ships is well within the limit",
          arguments: ["rules/default.yaml", "examples/custodes.yaml", "examples/assurance/findings.yaml",
                      "examples/assurance/inspection.yaml"])
    func shipped(path: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        #expect(YAMLNesting.lineTooDeep(in: text, limit: 12) == nil)
    }
}
