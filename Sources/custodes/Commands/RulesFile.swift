import CustodesDetection
import Foundation

/// A rules file read at the console; detection parses the text and reads no files itself.
enum RulesFile {
    static func load(path: String) throws(RulesError) -> RuleSet {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RulesError(file: path, line: nil, field: "", message: "cannot be read: \(error.localizedDescription)")
        }
        return try RuleSet.parse(text, file: path)
    }
}
