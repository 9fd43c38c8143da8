import Foundation
public import CustodesModel

/// Reads a force data bundle: the reference files into memory, then the audit events as a time-ordered stream.
///
/// Bad rows never stop reading: each goes to the quarantine sink with its file, line, field and reason, and the
/// good rows around it are kept. Only a bundle that cannot be read at all (a missing file or column) is an error.
public struct BundleReader {
    public let directory: String
    public let quarantine: any QuarantineSink
    /// Whether every file must be present (a bundle read on its own) or any may be (an update to a store).
    public let completeness: Completeness

    public enum Completeness: Sendable {
        /// Every reference file and at least one audit file: what detection over a folder needs.
        case complete
        /// Any of the files: an update to a store that already holds the rest, such as the day's audit files alone.
        case update
    }

    public init(directory: String, quarantine: any QuarantineSink,
                completeness: Completeness = .complete) throws(BundleError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(directory)
        }
        self.directory = directory
        self.quarantine = quarantine
        self.completeness = completeness
        switch completeness {
        case .complete: try checkFilesPresent()
        case .update: try checkSomethingPresent()
        }
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

    /// An update bundle must hold at least one file Custodes reads.
    private func checkSomethingPresent() throws(BundleError) {
        let manager = FileManager.default
        let present = BundleFile.referenceFiles.contains { manager.fileExists(atPath: directory + "/" + $0.fileName) }
        if !present && AuditFiles.names(in: directory).isEmpty {
            throw .missingFiles(directory: directory,
                                files: BundleFile.referenceFiles.map(\.fileName) + ["audit.csv or audit.jsonl"])
        }
    }

    /// Reads and validates every reference file, appending their reports to `report`.
    ///
    /// For an update bundle, absent files are skipped, and rows may refer to records in `known` (what a store already
    /// holds); those records are copied into the result so that it is self-contained.
    public func loadReference(report: inout BundleReport, known: ReferenceData? = nil) throws(BundleError) -> ReferenceData {
        try ReferenceLoader(rows: rows, known: known, skipMissingFiles: completeness == .update).load(into: &report)
    }

    /// Which reference files the bundle holds.
    public var referenceFilesPresent: [BundleFile] {
        BundleFile.referenceFiles.filter { FileManager.default.fileExists(atPath: directory + "/" + $0.fileName) }
    }

    /// The audit files, in the order they are read.
    public var auditFileNames: [String] { AuditFiles.names(in: directory) }

    /// Reads one audit file in file order (not time order, and without removing duplicates): for loading into a
    /// store, which orders and de-duplicates by itself. Bad rows go to the quarantine sink as usual.
    public func readAuditFile(_ name: String, reference: ReferenceData, report: inout FileReport,
                              _ body: (AuditEvent) -> Void) throws(BundleError) {
        try readAuditFile(name, decoder: AuditEventDecoder(reference: reference), report: &report, body)
    }

    /// Reads one audit file as above, through a decoder shared by all the files of a load.
    public func readAuditFile(_ name: String, decoder: AuditEventDecoder, report: inout FileReport,
                              _ body: (AuditEvent) -> Void) throws(BundleError) {
        try rows.read(name, as: .audit, report: &report) { (row) throws(RowProblem) in
            body(try decoder.decode(row))
        }
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
