import CustodesBundle
import CustodesModel
import Foundation

/// libFuzzer target: a bundle whose one file is the fuzzer's input. The first byte chooses the file (any of the
/// reference files, or the audit file as CSV or JSON Lines); the rest is its content. Every input must end in a
/// report or a `BundleError`, never a crash, a hang or a leak: bad rows are quarantined and reading goes on.
/// Built and run by `scripts/fuzz` (see docs/security.md).

/// A small, valid bundle, which each input changes one file of: the rule test bench's (examples/rules-test), read
/// once from the repository (scripts/fuzz runs from its top).
enum Fixture {
    static let names = ["assignments.csv", "audit.csv", "declared_associations.csv", "occurrence_persons.csv",
                        "occurrences.csv", "person_links.csv", "persons.csv", "rosters.csv", "staff.csv", "audit.jsonl"]

    static let files: [String: String] = {
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".csv") {
            guard let text = try? String(contentsOfFile: "examples/rules-test/" + name, encoding: .utf8) else {
                fatalError("run from the repository's top folder: examples/rules-test/\(name) is needed")
            }
            files[name] = text
        }
        return files
    }()

    static let directory: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        let directory = base + "custodes-fuzz-bundle-" + String(getpid())
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let choice = Fixture.names[Int(data[0]) % Fixture.names.count]
    let directory = Fixture.directory
    for (name, text) in Fixture.files where name != choice {
        FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(text.utf8))
    }
    let jsonl = directory + "/audit.jsonl"
    if choice == "audit.jsonl" {
        try? FileManager.default.removeItem(atPath: directory + "/audit.csv")
    } else {
        try? FileManager.default.removeItem(atPath: jsonl)
    }
    FileManager.default.createFile(atPath: directory + "/" + choice, contents: Data(bytes: data + 1, count: size - 1))
    let quarantine = QuarantineCollector()
    do {
        let reader = try BundleReader(directory: directory, quarantine: quarantine)
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        var events = 0
        try reader.auditEvents(reference: reference).forEach(report: &report) { _ in events += 1 }
    } catch {
        // A clear error is an acceptable end; only crashes, hangs and leaks are findings.
    }
    return 0
}
