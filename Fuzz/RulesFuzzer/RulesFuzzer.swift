import CustodesDetection

/// libFuzzer target: the detection rules file. Every input must parse or fail with a `RulesError` naming the line
/// and field; a parsed rule set must write itself out as YAML that reads back to the same rules. Built and run by
/// `scripts/fuzz` (see docs/security.md).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let rules = try? RuleSet.parse(text, file: "fuzz.yaml") else { return 0 }
    guard let again = try? RuleSet.parse(rules.yaml, file: "written.yaml"), again == rules else {
        fatalError("a parsed rule set did not read back from its own YAML")
    }
    return 0
}
