import Foundation

/// Finds the audit files of a bundle: `audit.csv`, `audit.jsonl`, or any `audit*.csv` / `audit*.jsonl`, in name
/// order so that every run reads them in the same order.
enum AuditFiles {
    static func names(in directory: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.filter { name in
            name.hasPrefix("audit") && (name.hasSuffix(".csv") || name.hasSuffix(".jsonl"))
        }.sorted()
    }
}
