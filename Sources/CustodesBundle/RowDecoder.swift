import CustodesModel

/// Why one value of a row is bad: the column, the reason code and a sentence for the person fixing the export.
struct RowProblem: Error {
    let field: String
    let reason: QuarantineReason
    let detail: String
}

/// Typed access to the current row of a ``RowSource`` by schema column, each accessor checking its value and throwing
/// a ``RowProblem`` that names the column. Decoders for each file are written in terms of these, so every file
/// applies the same rules to empty values, times, numbers and vocabularies.
struct RowDecoder {
    let source: any RowSource
    let columns: [String]

    init(source: any RowSource, file: BundleFile) {
        self.source = source
        self.columns = file.columns + file.optionalColumns
    }

    /// The trimmed value, or "" when empty or absent.
    func optional(_ column: Int) -> String {
        guard let value = source.value(column) else { return "" }
        if let first = value.utf8.first, let last = value.utf8.last, first != 32, last != 32, first != 9, last != 9 {
            return value
        }
        return value.trimmingSpaces()
    }

    func required(_ column: Int) throws(RowProblem) -> String {
        let value = optional(column)
        guard !value.isEmpty else {
            throw RowProblem(field: columns[column], reason: .missingValue, detail: "a value is required")
        }
        return value
    }

    func vocabulary<V: ClosedVocabulary>(_ column: Int, _ type: V.Type) throws(RowProblem) -> V {
        let value = try required(column)
        guard let parsed = V(rawValue: value) else { throw unknown(column, value, type) }
        return parsed
    }

    /// A `;`-separated list from a closed vocabulary; empty items are ignored.
    func list<V: ClosedVocabulary>(_ column: Int, _ type: V.Type) throws(RowProblem) -> [V] {
        let value = optional(column)
        if value.isEmpty { return [] }
        var result: [V] = []
        for item in value.split(separator: ";", omittingEmptySubsequences: true) {
            let text = String(item).trimmingSpaces()
            if text.isEmpty { continue }
            guard let parsed = V(rawValue: text) else { throw unknown(column, text, type) }
            result.append(parsed)
        }
        return result
    }

    func instant(_ column: Int) throws(RowProblem) -> Timestamp {
        try time(required(column), column, dateAllowed: false)
    }

    func optionalInstant(_ column: Int) throws(RowProblem) -> Timestamp? {
        let value = optional(column)
        return value.isEmpty ? nil : try time(value, column, dateAllowed: false)
    }

    func date(_ column: Int) throws(RowProblem) -> Timestamp {
        try time(required(column), column, dateAllowed: true)
    }

    func optionalDate(_ column: Int) throws(RowProblem) -> Timestamp? {
        let value = optional(column)
        return value.isEmpty ? nil : try time(value, column, dateAllowed: true)
    }

    func optionalInt(_ column: Int, in range: ClosedRange<Int>) throws(RowProblem) -> Int? {
        let value = optional(column)
        if value.isEmpty { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw RowProblem(field: columns[column], reason: .invalidNumber,
                             detail: "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func reference(_ column: Int, in table: [String: Int32], named what: String) throws(RowProblem) -> Int32 {
        let value = try required(column)
        guard let index = table[value] else {
            throw RowProblem(field: columns[column], reason: .unknownReference, detail: "no \(what) '\(value)'")
        }
        return index
    }

    func period(start: Timestamp, end: Timestamp?, endColumn: Int) throws(RowProblem) {
        if let end, end < start {
            throw RowProblem(field: columns[endColumn], reason: .invalidPeriod,
                             detail: "\(end.iso8601) is before the start \(start.iso8601)")
        }
    }

    private func time(_ value: String, _ column: Int, dateAllowed: Bool) throws(RowProblem) -> Timestamp {
        let result = dateAllowed ? Timestamp.parseDate(value) : Timestamp.parseInstant(value)
        switch result {
        case .success(let time): return time
        case .failure(let error):
            let why = switch error {
            case .missingOffset: "has no UTC offset; write it as 2024-03-01T14:05:00Z or with +01:00"
            case .outOfRange: "has an hour, minute or offset out of range"
            case .malformed: dateAllowed ? "is not an ISO 8601 date or time" : "is not an ISO 8601 time"
            }
            throw RowProblem(field: columns[column], reason: .invalidTime, detail: "'\(value)' \(why)")
        }
    }

    private func unknown<V: ClosedVocabulary>(_ column: Int, _ value: String, _ type: V.Type) -> RowProblem {
        RowProblem(field: columns[column], reason: .unknownValue,
                   detail: "'\(value)' is not a \(V.vocabularyName); expected one of \(V.acceptedValues.joined(separator: ", "))")
    }
}
