/// How deeply a YAML text nests, found by a quick scan that needs no parser, so that an obviously deep file (`{{{{…`,
/// found by fuzzing) is refused with its line. YAML's lexical corners (quotes, comments, tags) can fool it; it is
/// only the first of ``SafeYAML``'s guards, and the measured tree is the one that cannot be fooled.
public enum YAMLNesting {
    /// Far deeper than any file Custodes reads (rules, findings, questions, configuration nest five or six levels).
    public static let limit = 64

    /// The first line (1-based) at which the nesting passes `limit`, or nil when it never does. Flow collections
    /// (`{`, `[`) count a level each; so do block levels (a deeper indentation) and each `- ` that opens a sequence
    /// inside another on one line. Quoted text and comments are skipped.
    public static func lineTooDeep(in text: String, limit: Int = limit) -> Int? {
        var line = 1
        var flow = 0
        var indents: [Int] = []
        var atLineStart = true
        var column = 0
        var dashes = 0
        var quote: UInt8? = nil
        var previous: UInt8 = 10
        var inComment = false
        for byte in text.utf8 {
            if byte == 10 {
                line += 1
                atLineStart = true
                column = 0
                dashes = 0
                inComment = false
                previous = byte
                continue
            }
            if inComment { previous = byte; continue }
            if let open = quote {
                if byte == open && previous != UInt8(ascii: "\\") { quote = nil }
                previous = byte
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") { column += 1; previous = byte; continue }
                if byte == UInt8(ascii: "-") { dashes += 1; column += 1; previous = byte; continue }
                atLineStart = false
                if byte != UInt8(ascii: "#") {
                    while let last = indents.last, last >= column { indents.removeLast() }
                    indents.append(column)
                }
            }
            switch byte {
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == 10 || atLineStart:
                inComment = true
            // A quoted scalar starts only where a token can (an apostrophe inside plain text is just a letter).
            case UInt8(ascii: "'") where Self.startsToken(previous), UInt8(ascii: "\"") where Self.startsToken(previous):
                quote = byte
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                flow += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                flow = max(0, flow - 1)
            default:
                break
            }
            if flow + indents.count + dashes > limit { return line }
            previous = byte
        }
        return nil
    }

    private static func startsToken(_ previous: UInt8) -> Bool {
        [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
         UInt8(ascii: "-"), 10, 9].contains(previous)
    }
}
