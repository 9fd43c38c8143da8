import Foundation
public import CustodesModel

/// Reads a force data bundle: the reference files into memory, then the audit events as a time-ordered stream.
///
/// Bad rows never stop reading: each goes to the quarantine sink with its file, line, field and reason, and the
/// good rows around it are kept. Only a bundle that cannot be read at all (a missing file or column) is an error.
public struct BundleReader {
    public let directory: String
    public let quarantine: any QuarantineSink

    public init(directory: String, quarantine: any QuarantineSink) throws(BundleError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(directory)
        }
        self.directory = directory
        self.quarantine = quarantine
        try checkFilesPresent()
    }

    var rows: RowReader { RowReader(directory: directory, sink: quarantine) }

    /// Names every missing required file at once, rather than failing on the first.
    private func checkFilesPresent() throws(BundleError) {
        let manager = FileManager.default
        var missing = BundleFile.referenceFiles.map(\.fileName).filter {
            !manager.fileExists(atPath: directory + "/" + $0)
        }
        if AuditFiles.names(in: directory).isEmpty { missing.append("audit.csv or audit.jsonl") }
        if !missing.isEmpty { throw .missingFiles(directory: directory, files: missing) }
    }

    /// Reads and validates every reference file, appending their reports to `report`.
    public func loadReference(report: inout BundleReport) throws(BundleError) -> ReferenceData {
        try ReferenceLoader(rows: rows).load(into: &report)
    }

    /// The audit events, deduplicated and in time order, read against `reference`.
    public func auditEvents(reference: ReferenceData,
                            runSize: Int = AuditEventStream.defaultRunSize) -> AuditEventStream {
        AuditEventStream(rows: rows, reference: reference, runSize: runSize)
    }

    /// Whether the bundle carries ground truth (simulated bundles do).
    public var hasTruth: Bool { FileManager.default.fileExists(atPath: directory + "/" + BundleFile.truth.fileName) }

    /// The ground truth of a simulated bundle, checked against the reference data.
    public func loadTruth(reference: ReferenceData, report: inout BundleReport) throws(BundleError) -> [TruthRecord] {
        var records: [TruthRecord] = []
        var fileReport = FileReport(file: BundleFile.truth.fileName)
        try rows.read(BundleFile.truth.fileName, as: .truth, report: &fileReport) { (row) throws(RowProblem) in
            let staffID = try row.required(0)
            guard reference.staffByID[staffID] != nil else {
                throw RowProblem(field: "staff_id", reason: .unknownReference, detail: "no member of staff '\(staffID)'")
            }
            let kind = row.optional(4).isEmpty ? .misconduct : try row.vocabulary(4, TruthRecord.Kind.self)
            records.append(TruthRecord(staffID: staffID, scenario: try row.required(1), kind: kind,
                                       firstEventID: try row.required(2), firstAt: try row.instant(3)))
        }
        report.files.append(fileReport)
        return records
    }
}
