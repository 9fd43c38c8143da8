/// The loop every bundle file goes through: open it, decode each row, quarantine the rows that fail with the
/// reason, count everything. One bad row costs only itself.
struct RowReader {
    let directory: String
    let sink: any QuarantineSink

    /// Opens `name` in the bundle as CSV or JSON Lines according to its extension.
    func open(_ name: String, as file: BundleFile) throws(BundleError) -> any RowSource {
        let path = directory + "/" + name
        if name.hasSuffix(".jsonl") { return try JSONLRowSource(path: path, columns: file.columns, optionalColumns: file.optionalColumns) }
        return try CSVRowSource(path: path, columns: file.columns, optionalColumns: file.optionalColumns)
    }

    /// Reads every row of `name`, calling `decode` for each well-formed one.
    /// `afterRow` runs after every row, good or bad, for work such as spilling a full buffer or reporting progress.
    func read(_ name: String, as file: BundleFile, report: inout FileReport,
              afterRow: () throws(BundleError) -> Void = {},
              decode: (RowDecoder) throws(RowProblem) -> Void) throws(BundleError) {
        let source = try open(name, as: file)
        let decoder = RowDecoder(source: source, file: file)
        while source.next() {
            report.rowsRead += 1
            if let problem = source.problem {
                try quarantine(name, source, RowProblem(field: "", reason: .malformedRow, detail: problem), &report)
            } else {
                do {
                    try decode(decoder)
                    report.accepted += 1
                } catch {
                    try quarantine(name, source, error, &report)
                }
            }
            try afterRow()
        }
    }

    func quarantine(_ name: String, _ source: any RowSource, _ problem: RowProblem,
                    _ report: inout FileReport) throws(BundleError) {
        report.quarantinedByReason[problem.reason, default: 0] += 1
        try sink.quarantine(QuarantineEntry(file: name, line: source.line, field: problem.field,
                                            reason: problem.reason, detail: problem.detail,
                                            original: source.rawText()))
    }
}
