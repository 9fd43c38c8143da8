import Foundation
public import Yams

/// The one way Custodes parses YAML (rules, findings, questions, configuration), so that no file, however made, can
/// end the process: Yams builds the node tree by recursion, one call per level, so a file nested thousands deep
/// (found by fuzzing) overflows the stack, and an alias chain can build a deep tree from shallow text.
///
/// Three guards, each cheap: a size limit; ``YAMLNesting``'s scan, which names the line of an obviously deep file;
/// and the parse itself on a thread with a large stack, after which the tree's depth and size are measured without
/// recursion and a tree past the limits is refused (and released on that thread, since releasing a deep tree
/// recurses too). The scan can be fooled by YAML's lexical corners; the measured tree cannot.
public enum SafeYAML {
    /// Far larger than any file Custodes reads (the inspectorate's findings for every force are tens of kilobytes).
    public static let maximumBytes = 512 * 1024
    /// Nodes visited when measuring a tree: aliases share nodes, so a small file can stand for a huge tree.
    public static let maximumNodes = 200_000
    /// Flow brackets (`[`, `{`) in a whole text, and the longest run of indentation and `- ` or `? ` indicators
    /// that opens a line: together they bound how deep any text can nest, whatever quotes and comments it plays
    /// with, so the parse below stays shallow enough for its stack and quick (the parser slows sharply with depth:
    /// half a megabyte of open brackets did not finish in ten minutes).
    public static let maximumFlowBrackets = 2_048
    public static let maximumLeadingColumns = 256
    /// Room for the parser to recurse through the deepest tree those bounds allow.
    static let stackBytes = 1 << 30

    /// Why a text was refused, with the line when known.
    public struct Refusal: Error, Sendable, Equatable {
        public var line: Int?
        public var message: String
    }

    /// Composes `text` into its root node (nil for an empty document), or refuses it; YAML syntax errors are thrown
    /// as Yams throws them.
    public static func compose(_ text: String) throws -> Node? {
        guard text.utf8.count <= maximumBytes else {
            throw Refusal(line: nil, message: "is larger than \(maximumBytes / 1024) KB; no file Custodes reads needs that")
        }
        if let line = YAMLNesting.lineTooDeep(in: text) {
            throw Refusal(line: line, message: "is nested more than \(YAMLNesting.limit) levels deep")
        }
        let bounds = bound(text)
        if let refusal = bounds.refusal { throw refusal }
        let parse = { () -> Result<Node?, any Error> in
            do {
                guard let root = try Yams.compose(yaml: text) else { return .success(nil) }
                if let problem = measure(root) { return .failure(problem) }
                return .success(root)
            } catch {
                return .failure(error)
            }
        }
        // A text that cannot nest past the limit, and has no anchors to build a deeper tree from, is parsed here:
        // the rules stored in the database are read on ordinary page views, which need no thread of their own.
        if bounds.depth <= YAMLNesting.limit && !bounds.anchors { return try parse().get() }
        return try OnLargeStack.run(stackBytes: stackBytes, parse).get()
    }

    /// The bounds that hold whatever the text means: brackets counted anywhere, and each line's leading run. Their
    /// sum (plus one) bounds the depth of the text's own nesting; only anchors (`&`) can build a deeper tree.
    static func bound(_ text: String) -> (refusal: Refusal?, depth: Int, anchors: Bool) {
        var brackets = 0, line = 1, leading = 0, deepestLeading = 0, atStart = true, anchors = false
        for byte in text.utf8 {
            switch byte {
            case 10, 13:
                line += 1
                leading = 0
                atStart = true
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets += 1
                if brackets > maximumFlowBrackets {
                    return (Refusal(line: line, message: "has more than \(maximumFlowBrackets) brackets; no file Custodes reads needs that"),
                            0, anchors)
                }
            case UInt8(ascii: "&"):
                anchors = true
            default:
                break
            }
            if atStart {
                if [UInt8(ascii: " "), 9, UInt8(ascii: "-"), UInt8(ascii: "?")].contains(byte) {
                    leading += 1
                    deepestLeading = max(deepestLeading, leading)
                    if leading > maximumLeadingColumns {
                        return (Refusal(line: line, message: "has a line indented more than \(maximumLeadingColumns) columns"),
                                0, anchors)
                    }
                } else {
                    atStart = false
                }
            }
        }
        return (nil, brackets + deepestLeading + 1, anchors)
    }

    /// Depth and size of a tree, walked with a list rather than recursion; a refusal when either passes its limit.
    static func measure(_ root: Node) -> Refusal? {
        var pending: [(Node, Int)] = [(root, 1)]
        var visited = 0
        while let (node, depth) = pending.popLast() {
            visited += 1
            if visited > maximumNodes {
                return Refusal(line: nil, message: "holds more than \(maximumNodes) values (aliases expanded)")
            }
            if depth > YAMLNesting.limit {
                return Refusal(line: node.mark?.line, message: "is nested more than \(YAMLNesting.limit) levels deep")
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { pending.append((key, depth + 1)); pending.append((value, depth + 1)) }
            case .sequence(let sequence):
                for item in sequence { pending.append((item, depth + 1)) }
            default:
                break
            }
        }
        return nil
    }
}

/// Runs work on a thread of its own with a stack of the given size, and waits for it.
enum OnLargeStack {
    /// The work and its result, handed between the caller and the thread (which never run it at the same time).
    private final class Handoff<T>: @unchecked Sendable {
        let work: () -> T
        var value: T?
        init(_ work: @escaping () -> T) { self.work = work }
    }

    static func run<T>(stackBytes: Int, _ work: @escaping () -> T) -> T {
        let handoff = Handoff(work)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            // The result is made, and anything refused released, here: releasing a deep tree recurses too.
            handoff.value = handoff.work()
            done.signal()
        }
        thread.stackSize = stackBytes
        thread.start()
        done.wait()
        return handoff.value!
    }
}
