import CustodesBundle

/// A bundle report as a plain-text table, one row per file and one line per quarantine reason.
enum ReportTable {
    static func render(_ report: BundleReport) -> String {
        let header = ["file", "read", "accepted", "quarantined", "duplicates"]
        var rows: [[String]] = report.files.map {
            [$0.file, $0.rowsRead.formatted(), $0.accepted.formatted(), $0.quarantined.formatted(),
             $0.duplicates.formatted()]
        }
        rows.append(["total", report.rowsRead.formatted(), report.accepted.formatted(),
                     report.quarantined.formatted(), report.duplicates.formatted()])
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0 ? cell.padding(widths[index], left: false) : cell.padding(widths[index], left: true)
            }.joined(separator: "  ")
        }
        var out = [line(header)]
        for row in rows.dropLast() { out.append(line(row)) }
        out.append(line(rows.last!))
        let reasons = report.files.flatMap { file in
            file.quarantinedByReason.sorted { $0.key < $1.key }.map { "  \(file.file): \($0.value.formatted()) \($0.key.rawValue)" }
        }
        if !reasons.isEmpty {
            out.append("")
            out.append("quarantined by reason:")
            out.append(contentsOf: reasons)
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int, left: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}

extension Int {
    /// Thousands separated by commas, independent of the machine's locale so output is stable.
    func formatted() -> String {
        let digits = String(abs(self))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return self < 0 ? "-" + out : out
    }
}
