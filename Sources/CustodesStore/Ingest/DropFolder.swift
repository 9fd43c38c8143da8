import CustodesBundle
import Foundation

/// A folder that systems able only to export files drop them into, taken into the store as they arrive.
///
/// Files are recognised by their bundle names (`staff.csv`, `audit_rms.csv`, ...); anything else is left alone, so an
/// exporter writes under another name (`audit_rms.csv.part`) and renames when complete. A poll moves the recognised
/// files into `processing/`, ingests them as an update bundle, then moves them to `ingested/TIMESTAMP/`. A crash
/// between those steps leaves them in `processing/`, which the next poll ingests first; ingest is idempotent, so
/// nothing is lost or doubled.
public struct DropFolder: Sendable {
    public let directory: String
    public let ingest: BundleIngest

    public init(directory: String, ingest: BundleIngest) {
        self.directory = directory
        self.ingest = ingest
    }

    var processing: String { directory + "/processing" }

    /// Ingests what has arrived since the last poll; nil when nothing had.
    public func poll() async throws -> IngestReport? {
        let manager = FileManager.default
        try manager.createDirectory(atPath: processing, withIntermediateDirectories: true)
        for name in Self.recognised(in: directory) {
            let target = processing + "/" + name
            if manager.fileExists(atPath: target) {
                // A file of the same name is still waiting from an interrupted poll: take that one first.
                continue
            }
            try manager.moveItem(atPath: directory + "/" + name, toPath: target)
        }
        let waiting = Self.recognised(in: processing)
        guard !waiting.isEmpty else { return nil }
        let report = try await ingest.ingest(directory: processing, source: directory, channel: "drop folder")
        let done = directory + "/ingested/" + Self.stamp() + "-batch-\(report.batchID)"
        try manager.createDirectory(atPath: done, withIntermediateDirectories: true)
        for name in waiting { try manager.moveItem(atPath: processing + "/" + name, toPath: done + "/" + name) }
        return report
    }

    static func recognised(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let reference = Set(BundleFile.referenceFiles.map(\.fileName))
        return names.filter { name in
            reference.contains(name)
                || (name.hasPrefix("audit") && (name.hasSuffix(".csv") || name.hasSuffix(".jsonl")))
        }.sorted()
    }

    private static func stamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withTimeZone]
        return formatter.string(from: Date()).replacingOccurrences(of: ":", with: "")
    }
}
