import CustodesYAML
import Foundation
import Testing

/// No YAML text, however made, ends the process: texts that fool the quick scan are measured after a parse on a
/// large stack; alias chains and alias bombs are measured too; oversized texts are refused unread.
@Suite("Safe YAML")
struct SafeYAMLTests {
    static let deep = String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000)

    /// Texts a reviewer found that the quick scan reads as shallow while the parser nests them 3,000 deep.
    @Test("texts that fool the quick scan are refused after the parse, not crashed on",
          arguments: ["a: don 't\nb: \(deep)", "a: 'C:\\'\nb: \(deep)", "a: \"C:\\\\\"\nb: \(deep)",
                      "a: |\n  '\nb: \(deep)", "a: 1\t# it 's\nb: \(deep)", "# c\r\(deep)"])
    func foolsTheScan(text: String) throws {
        #expect(throws: SafeYAML.Refusal.self) { _ = try SafeYAML.compose(text) }
    }

    @Test("the deepest text the bounds allow that fools the scan is parsed on the large stack and refused; past them, refused unread")
    func deepestPossible() throws {
        let brackets = SafeYAML.maximumFlowBrackets
        let deepest = "a: don 't\nb: " + String(repeating: "[", count: brackets) + String(repeating: "]", count: brackets)
        #expect(throws: SafeYAML.Refusal.self) { _ = try SafeYAML.compose(deepest) }
        let more = "a: don 't\nb: " + String(repeating: "[", count: SafeYAML.maximumBytes - 20)
        #expect(throws: SafeYAML.Refusal.self) { _ = try SafeYAML.compose(more) }
        let indented = "a: don 't\n" + String(repeating: "- ", count: 200) + "x"
        #expect(throws: SafeYAML.Refusal.self) { _ = try SafeYAML.compose(indented) }
    }

    @Test("an alias chain deep in nodes but shallow in text, and an alias bomb, are refused")
    func aliases() throws {
        var chain = "a0: &a0 [x]\n"
        for level in 1...100 { chain += "a\(level): &a\(level) [*a\(level - 1)]\n" }
        #expect(throws: SafeYAML.Refusal.self) { _ = try SafeYAML.compose(chain) }
        var bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        do {
            _ = try SafeYAML.compose(bomb)
            Issue.record("an alias bomb was accepted")
        } catch let refusal as SafeYAML.Refusal {
            #expect(refusal.message.contains("values") || refusal.message.contains("deep"), "\(refusal.message)")
        }
    }

    @Test("an oversized text is refused unread; ordinary files compose")
    func sizes() throws {
        let big = "a: \"" + String(repeating: "x", count: SafeYAML.maximumBytes) + "\"\n"
        #expect(throws: SafeYAML.Refusal.self) { _ = try SafeYAML.compose(big) }
        let root = try #require(try SafeYAML.compose("listen:\n  port: 8080\nnames: [a, {b: c}]\n"))
        #expect(root["listen"]?["port"]?.int == 8080)
    }
}
