import ArgumentParser
import CustodesBundle
import CustodesDetection
import CustodesModel
import Foundation

/// `custodes rules`: the rules file a force tunes, and a bench to check a tuned rule before deploying it.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Show the detection rules, or test a rules file on sample events.",
        subcommands: [Show.self, Test.self, Apply.self, History.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a rules file (the built-in rules by default) as YAML, with each rule's rationale.")

        @Argument(help: "A rules file to check and print in full; the built-in rules when omitted.")
        var rules: String?

        func run() throws {
            let ruleSet = try rules.map { try RulesFile.load(path: $0) } ?? RuleSet.standard
            print(ruleSet.yaml, terminator: "")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a rules file over a small bundle of sample events and list every hit.",
            discussion: """
                EXAMPLES is a bundle folder (docs/data-format.md) holding the reference data and audit events to try. \
                If it also holds expected_hits.csv (columns event_id,indicator), the hits are compared with it and \
                the command exits with status 1 on any difference. A bench of a few staff has no peers to learn a \
                rate from, so peer baselines are off here and every hit is scored in full: the bench tests each \
                rule's logic; detect and evaluate on a whole force test its calibration.
                """
        )

        @Argument(help: "The rules file to test.")
        var rules: String

        @Argument(help: "A bundle folder of sample events.")
        var examples: String

        func run() throws {
            var ruleSet = try RulesFile.load(path: rules)
            ruleSet.risk.peerPriorAccesses = 0
            let sink = QuarantineCollector()
            var hits: [(event: String, indicator: String, points: Double, suppressed: Bool, detail: String)] = []
            let run = try DetectionRun.run(bundle: examples, rules: ruleSet, key: Array("rules-test-bench".utf8),
                                           quarantine: sink, progress: false) { engine in
                engine.onHit = { hit, suppressed in
                    hits.append((hit.evidence.last?.eventID ?? "", hit.indicator.rawValue, hit.points, suppressed,
                                 hit.detail))
                }
            }
            for entry in sink.entries { print("quarantined: \(entry.message)") }
            print("\(run.summary.events) events, \(run.summary.explained) of \(run.summary.inScope) accesses explained "
                  + "(peer baselines off: every hit scored in full)")
            for hit in hits {
                let suppressed = hit.suppressed ? "  (suppressed by an exception)" : ""
                print("\(hit.event)  \(hit.indicator)  \(JSONNumber.format(hit.points))\(suppressed)  "
                      + hit.detail.escapingControlCharacters)
            }
            print("\(hits.filter { !$0.suppressed }.count) hit(s), \(hits.filter(\.suppressed).count) suppressed, \(run.alerts.count) alert(s)")

            let expectedPath = examples + "/expected_hits.csv"
            guard FileManager.default.fileExists(atPath: expectedPath) else { return }
            let text = try String(contentsOfFile: expectedPath, encoding: .utf8)
            var expected = Set<String>()
            for (number, line) in text.split(separator: "\n").enumerated() where number > 0 {
                let parts = line.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard parts.count >= 2, IndicatorName(rawValue: parts[1]) != nil else {
                    throw ValidationError("\(expectedPath):\(number + 1): expected event_id,indicator with a known indicator")
                }
                expected.insert(parts[0] + " " + parts[1])
            }
            let actual = Set(hits.filter { !$0.suppressed }.map { $0.event + " " + $0.indicator })
            let missing = expected.subtracting(actual).sorted()
            let unexpected = actual.subtracting(expected).sorted()
            for item in missing { print("MISSING     \(item)") }
            for item in unexpected { print("UNEXPECTED  \(item)") }
            if missing.isEmpty && unexpected.isEmpty {
                print("All \(expected.count) expected hits found, none unexpected.")
            } else {
                throw ExitCode(1)
            }
        }
    }
}

enum JSONNumber {
    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
    }
}
