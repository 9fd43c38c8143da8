import Foundation
import CustodesStore

/// An ingest report as plain text: one row per file, then totals and the rate.
enum IngestReportText {
    static func render(_ report: IngestReport, seconds: Double, store: String) -> String {
        let header = ["file", "read", "written", "unchanged", "quarantined"]
        var rows: [[String]] = []
        for outcome in report.reference + report.audit {
            if outcome.alreadyIngested {
                rows.append([outcome.file, outcome.rowsRead.formatted(), "0", "already ingested", "0"])
            } else {
                rows.append([outcome.file, outcome.rowsRead.formatted(), outcome.written.formatted(),
                             outcome.unchanged.formatted(), outcome.quarantined.formatted()])
            }
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0 ? cell.padding(widths[index], left: false) : cell.padding(widths[index], left: true)
            }.joined(separator: "  ")
        }
        var out = ["ingest batch \(report.batchID) into \(store)", "", line(header)]
        out += rows.map(line)
        out.append("")
        let rate = seconds > 0 ? Double(report.auditRowsRead) / seconds : 0
        out.append("audit events: \(report.eventsAccepted.formatted()) new, \(report.eventsDuplicate.formatted()) "
                   + "already stored; reference rows new or changed: \(report.referenceWritten.formatted()); "
                   + "quarantined: \(report.quarantined.formatted())")
        out.append(String(format: "took %.1f s (%.0f audit rows/s)", seconds, rate))
        let reasons = (report.reference + report.audit).flatMap { outcome in
            outcome.quarantinedByReason.sorted { $0.key < $1.key }.map {
                "  \(outcome.file): \($0.value.formatted()) \($0.key.rawValue)"
            }
        }
        if !reasons.isEmpty {
            out.append("")
            out.append("quarantined by reason (kept in the store; `custodes quarantine --db URL` lists them):")
            out += reasons
        }
        return out.joined(separator: "\n")
    }
}
