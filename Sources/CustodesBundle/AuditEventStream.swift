import Foundation
public import CustodesModel

/// The audit events of a bundle in time order, each exactly once, with memory bounded by a run size rather than by
/// the number of events.
///
/// Exports arrive out of order and re-deliver events, and detection must see a clean, ordered stream. Events are
/// read file by file, validated, and collected into runs; a run that fills is sorted and spilled to a temporary file,
/// and the runs are merged at the end. Because a re-delivered event carries the same time and id as the original,
/// the copies are adjacent after sorting and the later ones are counted as duplicates and skipped; the copy kept is
/// the one from the first file and line.
public struct AuditEventStream {
    /// The most events held in memory at once; beyond it, sorted runs go to a temporary folder.
    public var runSize: Int
    /// A million events take about 110 MB in memory; a year of a large force is a couple of dozen runs, which merge no
    /// slower than a dozen. Runs of two million read no faster and cost about 110 MB more at the peak, at the end of
    /// detection (1.96 GB against 1.85 GB on the realistic year), and runs of four million another 150 MB: every page
    /// of a fresh buffer is zeroed on first touch, which on a virtual machine was a tenth of reading the audit files
    /// (docs/performance.md).
    public static let defaultRunSize = 1_000_000
    /// Where spilled runs are written; removed when reading ends.
    public var temporaryDirectory: String
    /// Called after every `progressInterval` rows read (pass 1), with the count so far.
    public var progress: (@Sendable (Int) -> Void)?
    public var progressInterval = 1_000_000
    /// Called once the audit files are read, before the first event is handed on, with how many rows were read
    /// (duplicates among them): a consumer can size its tables once instead of growing them on the way.
    public var onRead: ((Int) -> Void)?
    /// How many cores read the audit files (whole files, or pieces of a large one). The sorted runs are merged on the
    /// calling thread, between batches: a consumer that spreads its work over the other cores (``forEachBatch``'s
    /// `body` returning before its work is done) keeps every core busy, where a merge on a thread of its own took a
    /// core from detection's parts (docs/performance.md). The events come out in the same order, and quarantined rows
    /// reach the sink in file order, whatever the number.
    public var threads = 1
    /// With several cores, a file is cut into pieces read on different cores when it is larger than this and than
    /// half a core's share of all the audit bytes (so one large export does not keep one core reading alone).
    public var minimumPieceBytes = 32 << 20

    let rows: RowReader
    let reference: ReferenceData

    init(rows: RowReader, reference: ReferenceData, runSize: Int = AuditEventStream.defaultRunSize) {
        self.rows = rows
        self.reference = reference
        self.runSize = runSize
        temporaryDirectory = NSTemporaryDirectory()
    }

    /// Reads every audit file, then calls `body` once per distinct event in time order, handing the event over (a
    /// consumer that keeps it takes it without a copy). Per-file counts are appended to `report`.
    @discardableResult
    public func forEach(report: inout BundleReport,
                        _ body: (consuming AuditEvent) throws -> Void) throws -> AuditStreamTimings {
        try deliver(report: &report, body, finish: {})
    }

    /// Events handed on per batch.
    public static let batchSize = 4096

    /// Reads every audit file, then calls `body` with the distinct events in time order, a batch at a time: the
    /// same events in the same order as ``forEach(report:_:)``, without a copy of each into a consumer's batch of
    /// its own. A batch is valid only during the call.
    @discardableResult
    public func forEachBatch(report: inout BundleReport,
                             _ body: ([AuditEvent]) throws -> Void) throws -> AuditStreamTimings {
        var batch = Batch()
        return try deliver(report: &report, { event in try batch.append(event, to: body) },
                           finish: { try batch.finish(to: body) })
    }

    /// Reads, sorts and merges, handing each distinct event to `emit` in time order, then calls `finish` (still
    /// timed as delivery).
    private func deliver(report: inout BundleReport, _ emit: (consuming AuditEvent) throws -> Void,
                         finish: () throws -> Void) throws -> AuditStreamTimings {
        let clock = ContinuousClock()
        var timings = AuditStreamTimings()
        var started = clock.now
        let names = AuditFiles.names(in: rows.directory)
        guard !names.isEmpty else {
            throw BundleError.missingFiles(directory: rows.directory, files: ["audit.csv or audit.jsonl"])
        }
        var fileReports = names.map { FileReport(file: $0) }
        var pending: [SortableEvent] = []
        // Growing a large array by doubling copies it and faults in fresh pages at every step; reserve what the files'
        // sizes suggest (about a hundred bytes a row), up to the run size.
        let sizes = fileSizes(names)
        let bytes = sizes.reduce(0, +)
        let inParallel = threads > 1
        if !inParallel {
            pending.reserveCapacity(min(runSize, bytes / 90 + 1024))
            HugePages.advise(&pending)
        }
        var runPaths: [String] = []
        let spillDirectory = temporaryDirectory + "/custodes-runs-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: spillDirectory) }

        var rowsSoFar = 0
        var memoryRuns: [MemoryRun] = []
        var pieceFiles = Array(names.indices)
        if inParallel {
            let read = try readInParallel(names, sizes: sizes, into: spillDirectory)
            fileReports = read.reports
            pieceFiles = read.pieceFiles
            timings.filesReadAgain = read.filesReadAgain
            runPaths = read.runPaths
            memoryRuns = read.pending
            rowsSoFar = read.rows
            timings.sortSeconds += read.spillSeconds
        }
        let decoder = AuditEventDecoder(reference: reference)
        for (fileIndex, name) in names.enumerated() where !inParallel {
            let afterRow = { () throws(BundleError) in
                rowsSoFar += 1
                if rowsSoFar % progressInterval == 0 { progress?(rowsSoFar) }
                if pending.count >= runSize {
                    let spillStarted = clock.now
                    try spill(&pending, into: spillDirectory, &runPaths)
                    timings.sortSeconds += (clock.now - spillStarted).seconds
                }
            }
            try rows.read(name, as: .audit, report: &fileReports[fileIndex], afterRow: afterRow) {
                (row) throws(RowProblem) in
                let event = try decoder.decode(row)
                pending.append(SortableEvent(event: event, file: UInt16(fileIndex), line: UInt32(row.source.line)))
            }
        }
        progress?(rowsSoFar)
        timings.events = rowsSoFar
        timings.readSeconds = (clock.now - started).seconds - timings.sortSeconds
        onRead?(rowsSoFar)
        started = clock.now

        var duplicates = DuplicateFilter(origins: pieceFiles.count)
        if !inParallel && runPaths.isEmpty {
            let order = Self.timeOrder(pending)
            timings.sortSeconds += (clock.now - started).seconds
            started = clock.now
            for index in order {
                let item = pending[Int(index)]
                if duplicates.isRepeat(item) { continue }
                try emit(item.event)
            }
        } else {
            if !pending.isEmpty { try spill(&pending, into: spillDirectory, &runPaths) }
            // The read buffer (a run's worth of events, about 110 MB) is not needed while merging. Freed now, its
            // pages go to what the consumer allocates next (detection's tables), which on a virtual machine costs
            // about a fifteenth of memory the process never touched (docs/performance.md); kept, it was also 110 MB
            // of the peak.
            pending = []
            let runs: [any SortedRun] = memoryRuns + (try runPaths.map { try EventRunFile.Reader(path: $0) })
            timings.sortSeconds += (clock.now - started).seconds
            started = clock.now
            try Self.merge(runs) { item in
                if duplicates.isRepeat(item) { return }
                try emit(item.event)
            }
        }
        try finish()
        for (piece, count) in duplicates.perOrigin.enumerated() {
            fileReports[pieceFiles[piece]].duplicates += count
            fileReports[pieceFiles[piece]].accepted -= count
        }
        timings.deliverSeconds = (clock.now - started).seconds
        report.files.append(contentsOf: fileReports)
        return timings
    }

    /// Each file's size in bytes (0 when it cannot be read; reading it will say why).
    func fileSizes(_ names: [String]) -> [Int] {
        names.map { name in
            (try? FileManager.default.attributesOfItem(atPath: rows.directory + "/" + name)[.size] as? Int) ?? 0
        }
    }

    /// The positions of `events` in time order. Sorting small keys and reading the events through them is much
    /// cheaper than moving the events themselves.
    static func timeOrder(_ events: [SortableEvent]) -> [Int32] {
        var keys: [(at: Int64, index: Int32)] = []
        keys.reserveCapacity(events.count)
        HugePages.advise(&keys)
        for index in events.indices { keys.append((at: events[index].event.at.seconds, index: Int32(index))) }
        keys.sort { lhs, rhs in
            lhs.at != rhs.at ? lhs.at < rhs.at : SortableEvent.precedes(events[Int(lhs.index)], events[Int(rhs.index)])
        }
        return keys.map(\.index)
    }

    func spill(_ pending: inout [SortableEvent], into directory: String,
                       _ paths: inout [String]) throws(BundleError) {
        if paths.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(file: directory, reason: "\(error)")
            }
        }
        let path = directory + "/run-\(paths.count).bin"
        try EventRunFile.write(pending, order: Self.timeOrder(pending), to: path)
        paths.append(path)
        pending.removeAll(keepingCapacity: true)
    }

    /// Merges sorted runs (``RunMerge``), handing each event over in order.
    static func merge(_ runs: [any SortedRun], _ emit: (consuming SortableEvent) throws -> Void) throws {
        var merge = RunMerge(runs)
        while let item = try merge.next() { try emit(item) }
    }
}

/// Collects events on one core and hands them on ``AuditEventStream/batchSize`` at a time.
private struct Batch {
    private var events: [AuditEvent] = []

    init() { events.reserveCapacity(AuditEventStream.batchSize) }

    mutating func append(_ event: consuming AuditEvent, to body: ([AuditEvent]) throws -> Void) throws {
        events.append(event)
        if events.count == AuditEventStream.batchSize { try finish(to: body) }
    }

    /// Hands on what was collected, if anything.
    mutating func finish(to body: ([AuditEvent]) throws -> Void) throws {
        guard !events.isEmpty else { return }
        try body(events)
        events.removeAll(keepingCapacity: true)
    }
}

/// Where the time of reading an audit stream went, for the benchmark and the detection summary.
public struct AuditStreamTimings: Sendable, Equatable {
    public var events = 0
    /// Reading, parsing and validating rows.
    public var readSeconds = 0.0
    /// Sorting by time, and spilling runs to disk when there are more events than the run size.
    public var sortSeconds = 0.0
    /// Merging runs and handing each event to the consumer, including the consumer's own time.
    public var deliverSeconds = 0.0
    /// On several cores, whether a quoted field spanned a cut in a large file, so the files were read again whole.
    public var filesReadAgain = false
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
