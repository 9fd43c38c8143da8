/// The loop every bundle file goes through: open it, decode each row, quarantine the rows that fail with the
/// reason, count everything. One bad row costs only itself.
struct RowReader {
    let directory: String
    let sink: any QuarantineSink

    /// Opens `name` in the bundle as CSV or JSON Lines according to its extension, reading rows from byte `offset`.
    func open(_ name: String, as file: BundleFile, from offset: Int = 0) throws(BundleError) -> any RowSource {
        let path = directory + "/" + name
        if name.hasSuffix(".jsonl") {
            return try JSONLRowSource(path: path, columns: file.columns, optionalColumns: file.optionalColumns,
                                      from: offset)
        }
        return try CSVRowSource(path: path, columns: file.columns, optionalColumns: file.optionalColumns, from: offset)
    }

    /// Reads every row of `name`, calling `decode` for each well-formed one.
    /// `afterRow` runs after every row, good or bad, for work such as spilling a full buffer or reporting progress.
    ///
    /// With `offset` and `limit`, only the rows that start in that range of bytes are read (a piece of a large file,
    /// read on one core while others read the rest); lines are then counted from the piece's start, and the answer
    /// says where the piece's rows began and ended, to check that the pieces join up (``PieceJoin``).
    @discardableResult
    func read(_ name: String, as file: BundleFile, report: inout FileReport, from offset: Int = 0,
              to limit: Int = .max, afterRow: () throws(BundleError) -> Void = {},
              decode: (RowDecoder) throws(RowProblem) -> Void) throws(BundleError) -> PieceJoin {
        let source = try open(name, as: file, from: offset)
        let decoder = RowDecoder(source: source, file: file)
        let isPiece = offset > 0 || limit != .max
        var join = PieceJoin()
        while source.next() {
            if isPiece {
                let at = source.recordOffset
                if at >= limit {
                    join.beyond = PieceJoin.Row(offset: at, line: source.line)
                    break
                }
                if join.first == nil { join.first = PieceJoin.Row(offset: at, line: source.line) }
            }
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
        if let failure = source.readFailure { throw .unreadable(file: source.path, reason: failure) }
        return join
    }

    func quarantine(_ name: String, _ source: any RowSource, _ problem: RowProblem,
                    _ report: inout FileReport) throws(BundleError) {
        report.quarantinedByReason[problem.reason, default: 0] += 1
        try sink.quarantine(QuarantineEntry(file: name, line: source.line, field: problem.field,
                                            reason: problem.reason, detail: problem.detail,
                                            original: source.rawText()))
    }
}

/// Where a piece of a file began and ended, as its reader saw it. Pieces start just after a line break, which is
/// where a row starts unless a quoted field spans the break; two neighbouring pieces join up when the first row the
/// earlier piece found beyond its end is the later piece's first row. Then the later piece read exactly the rows
/// one reader would have, and its lines are the earlier one's count onwards.
struct PieceJoin: Equatable {
    struct Row: Equatable {
        var offset: Int
        /// The line, counted from the start of the piece that read it.
        var line: Int
    }

    /// The piece's first row.
    var first: Row?
    /// The first row at or beyond the piece's end, nil when the file ended first.
    var beyond: Row?
}
