import Foundation
public import CustodesModel

/// The audit events of a bundle in time order, each exactly once, with memory bounded by a run size rather than by
/// the number of events.
///
/// Exports arrive out of order and re-deliver events, and detection must see a clean, ordered stream. Events are
/// read file by file, validated, and collected into runs; a run that fills is sorted and spilled to a temporary file,
/// and the runs are merged at the end. Because a re-delivered event carries the same time, id and member of staff
/// as the original, the copies are adjacent after sorting and the later ones are counted as duplicates and skipped;
/// the copy kept is the one from the first file and line.
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
    /// How many cores read the audit files (whole files, or pieces of a large one). ``forEach(report:_:)`` and
    /// ``forEachBatch(report:_:)`` merge the sorted runs on the calling thread; ``forEachLane(report:lanes:_:)``
    /// hands the merge to the consumer in lanes, so that its threads merge as well (docs/performance.md). The events
    /// come out in the same order, and quarantined rows reach the sink in file order, whatever the number.
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

    /// The most lanes ``forEachLane(report:lanes:_:)`` splits the stream into.
    public static let mostLanes = LanedOrder.mostLanes

    /// Files of sorted runs a merge may hold open at once when choosing lanes (``lanes(forParts:)``): each spill
    /// writes a file per lane, and each file read back holds three buffers of ``runChunk(files:)``.
    static let mostRunFiles = 1_024

    /// The lanes to read in for detection split into `parts` (a multiple of the threads): a lane per part, so that
    /// each part merges its own staff's runs, unless the spilled runs' files would then be too many to hold open (more
    /// than ``mostRunFiles``, or than half the process may open); then a lane per thread up to four, a divisor of the
    /// parts so that each lane's staff are whole parts.
    ///
    /// Files grow with the lanes and the spills, and spills with the threads (each core spills its share of the run
    /// size): a year of 23 million events, spilled every 250,000 events a core on four threads, would be 92 spills of
    /// 16 files, about 1,500, where four lanes make about 370. The events are estimated from the files' sizes at 90
    /// bytes a row, more than most rows hold, so the estimate errs towards fewer lanes.
    public func lanes(forParts parts: Int) -> Int {
        precondition(parts >= 1)
        let bytes = fileSizes(AuditFiles.names(in: rows.directory)).reduce(0, +)
        let spills = bytes / 90 / max(runSize / max(threads, 1), 1)
        if parts <= Self.mostLanes && spills * parts <= min(Self.mostRunFiles, OpenFileLimit.afterRaising / 2) {
            return parts
        }
        var lanes = min(threads, 4, parts)
        while parts % lanes != 0 { lanes -= 1 }
        return lanes
    }

    /// Reads every audit file, sorts the events into runs split by member of staff into `lanes` lanes (the member of
    /// staff's number modulo `lanes`), and calls `consume` with the lanes, each a merge of its own runs giving its
    /// staff's distinct events in time order: every event is in exactly one lane, and in each lane in the order
    /// ``forEach(report:_:)`` gives them. Several cores can so merge at once, a lane each, where one merge of every
    /// event for all of them kept one core busy (docs/performance.md). Lanes are valid only during the call; each is
    /// used by one thread at a time.
    @discardableResult
    public func forEachLane(report: inout BundleReport, lanes: Int,
                            _ consume: ([any EventLane]) throws -> Void) throws -> AuditStreamTimings {
        precondition(lanes >= 1 && lanes <= Self.mostLanes, "between 1 and \(Self.mostLanes) lanes")
        OpenFileLimit.raise()
        let clock = ContinuousClock()
        var read = try readRuns(lanes: lanes, clock: clock)
        defer { try? FileManager.default.removeItem(atPath: read.spillDirectory) }
        var started = clock.now
        if !read.pending.isEmpty { read.memoryRuns += MemoryRun.lanes(of: read.pending, lanes: lanes) }
        read.pending = []
        var runs = [[any SortedRun]](repeating: [], count: lanes)
        for (index, run) in read.memoryRuns.enumerated() { runs[index % lanes].append(run) }
        let chunk = Self.runChunk(files: read.runPaths.count)
        for (index, path) in read.runPaths.enumerated() {
            runs[index % lanes].append(try EventRunFile.Reader(path: path, chunk: chunk))
        }
        let merges = try runs.map { try StreamLane($0, origins: read.pieceFiles.count) }
        read.timings.sortSeconds += (clock.now - started).seconds
        started = clock.now
        try consume(merges)
        for lane in merges { read.count(lane.duplicates) }
        read.timings.deliverSeconds = (clock.now - started).seconds
        report.files.append(contentsOf: read.fileReports)
        return read.timings
    }

    /// Reads, sorts and merges, handing each distinct event to `emit` in time order, then calls `finish` (still
    /// timed as delivery).
    private func deliver(report: inout BundleReport, _ emit: (consuming AuditEvent) throws -> Void,
                         finish: () throws -> Void) throws -> AuditStreamTimings {
        let clock = ContinuousClock()
        var read = try readRuns(lanes: 1, clock: clock)
        defer { try? FileManager.default.removeItem(atPath: read.spillDirectory) }
        var started = clock.now
        var duplicates = DuplicateFilter(origins: read.pieceFiles.count)
        if threads == 1 && read.runPaths.isEmpty {
            let order = Self.timeOrder(read.pending)
            read.timings.sortSeconds += (clock.now - started).seconds
            started = clock.now
            for index in order {
                let item = read.pending[Int(index)]
                if duplicates.isRepeat(item) { continue }
                try emit(item.event)
            }
        } else {
            // The read buffer (a run's worth of events, about 110 MB) is not needed while merging. Freed now, its
            // pages go to what the consumer allocates next (detection's tables), which on a virtual machine costs
            // about a fifteenth of memory the process never touched (docs/performance.md); kept, it was also 110 MB
            // of the peak.
            read.pending = []
            let chunk = Self.runChunk(files: read.runPaths.count)
            let runs: [any SortedRun] = read.memoryRuns
                + (try read.runPaths.map { try EventRunFile.Reader(path: $0, chunk: chunk) })
            read.timings.sortSeconds += (clock.now - started).seconds
            started = clock.now
            try Self.merge(runs) { item in
                if duplicates.isRepeat(item) { return }
                try emit(item.event)
            }
        }
        try finish()
        read.count(duplicates)
        read.timings.deliverSeconds = (clock.now - started).seconds
        report.files.append(contentsOf: read.fileReports)
        return read.timings
    }

    /// Bytes each run file is read by at a time when `files` are merged at once: the default, unless that would hold
    /// more than about 96 MiB of buffers in all (three per file), down to 16 KiB. Split into lanes, the run files
    /// grow with the threads and the lanes (each core's spills are smaller, and each is a file per lane), and are kept
    /// to about a thousand by ``lanes(forParts:)``.
    static func runChunk(files: Int) -> Int {
        max(16 << 10, min(RunFileInput.defaultChunk, (96 << 20) / 3 / max(files, 1)))
    }

    /// The audit files read and sorted into runs, ready to merge.
    private struct ReadRuns {
        var fileReports: [FileReport]
        /// The file each origin (`SortableEvent.file`) is of.
        var pieceFiles: [Int]
        /// Read on one core and not spilled: the events in file order, not yet sorted.
        var pending: [SortableEvent]
        /// Sorted in memory by the cores that read them, a run per lane (lane `index % lanes`).
        var memoryRuns: [MemoryRun]
        /// Spilled runs, a file per lane (lane `index % lanes`).
        var runPaths: [String]
        var spillDirectory: String
        var timings: AuditStreamTimings

        /// Counts the copies a merge skipped against the files they came from.
        mutating func count(_ duplicates: DuplicateFilter) {
            for (piece, count) in duplicates.perOrigin.enumerated() {
                fileReports[pieceFiles[piece]].duplicates += count
                fileReports[pieceFiles[piece]].accepted -= count
            }
        }
    }

    /// Reads every audit file (on `threads` cores), spilling sorted runs beyond the run size.
    private func readRuns(lanes: Int, clock: ContinuousClock) throws -> ReadRuns {
        var timings = AuditStreamTimings()
        let started = clock.now
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
        var rowsSoFar = 0
        var memoryRuns: [MemoryRun] = []
        var pieceFiles = Array(names.indices)
        do {
            if inParallel {
                let read = try readInParallel(names, sizes: sizes, lanes: lanes, into: spillDirectory)
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
                        try spill(&pending, lanes: lanes, into: spillDirectory, &runPaths)
                        timings.sortSeconds += (clock.now - spillStarted).seconds
                    }
                }
                try rows.read(name, as: .audit, report: &fileReports[fileIndex], afterRow: afterRow) {
                    (row) throws(RowProblem) in
                    let event = try decoder.decode(row)
                    pending.append(SortableEvent(event: event, file: UInt16(fileIndex), line: UInt32(row.source.line)))
                }
            }
            if !inParallel && !runPaths.isEmpty && !pending.isEmpty {
                let spillStarted = clock.now
                try spill(&pending, lanes: lanes, into: spillDirectory, &runPaths)
                timings.sortSeconds += (clock.now - spillStarted).seconds
            }
        } catch {
            try? FileManager.default.removeItem(atPath: spillDirectory)
            throw error
        }
        progress?(rowsSoFar)
        timings.events = rowsSoFar
        timings.readSeconds = (clock.now - started).seconds - timings.sortSeconds
        onRead?(rowsSoFar)
        return ReadRuns(fileReports: fileReports, pieceFiles: pieceFiles, pending: pending, memoryRuns: memoryRuns,
                        runPaths: runPaths, spillDirectory: spillDirectory, timings: timings)
    }

    /// Each file's size in bytes (0 when it cannot be read; reading it will say why).
    func fileSizes(_ names: [String]) -> [Int] {
        names.map { name in
            (try? FileManager.default.attributesOfItem(atPath: rows.directory + "/" + name)[.size] as? Int) ?? 0
        }
    }

    /// The positions of `events` in time order. Sorting small keys and reading the events through them is much
    /// cheaper than moving the events themselves.
    static func timeOrder(_ events: [SortableEvent]) -> [Int32] { timeOrder(events, lanes: 1)[0] }

    /// The positions of `events` in time order, split by lane (the member of staff's number modulo `lanes`).
    static func timeOrder(_ events: [SortableEvent], lanes: Int) -> [[Int32]] {
        lanedOrder(events, lanes: lanes).split()
    }

    /// The positions of `events` in time order, each with its lane: the lane is kept in each sort key, so splitting
    /// reads no event again.
    static func lanedOrder(_ events: [SortableEvent], lanes: Int) -> LanedOrder {
        precondition(lanes >= 1 && lanes <= LanedOrder.mostLanes)
        var keys: [(at: Int64, index: Int32, lane: Int32)] = []
        keys.reserveCapacity(events.count)
        HugePages.advise(&keys)
        let lanesOfStaff = StaffSplit(count: lanes)
        for index in events.indices {
            let lane = Int32(lanesOfStaff.share(of: events[index].event.staff))
            keys.append((at: events[index].event.at.seconds, index: Int32(index), lane: lane))
        }
        keys.sort { lhs, rhs in
            lhs.at != rhs.at ? lhs.at < rhs.at : SortableEvent.precedes(events[Int(lhs.index)], events[Int(rhs.index)])
        }
        guard lanes > 1 else { return LanedOrder(positions: keys.map(\.index)) }
        return LanedOrder(positions: keys.map(\.index), lanes: keys.map { UInt8($0.lane) }, laneCount: lanes)
    }

    /// Sorts `pending` and writes it out as a run file per lane, appending their paths in lane order (so that a
    /// path's lane is its position modulo `lanes`), and empties it.
    func spill(_ pending: inout [SortableEvent], lanes: Int, into directory: String,
               _ paths: inout [String]) throws(BundleError) {
        if paths.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(file: directory, reason: "\(error)")
            }
        }
        let run = paths.count / lanes
        let files = (0..<lanes).map { lane in directory + "/run-\(run)" + (lanes > 1 ? "-lane-\(lane)" : "") + ".bin" }
        try EventRunFile.write(pending, order: Self.lanedOrder(pending, lanes: lanes), to: files)
        paths += files
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
