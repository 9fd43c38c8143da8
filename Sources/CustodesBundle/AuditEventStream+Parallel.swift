import Dispatch
import Foundation
import CustodesModel

/// Reading a bundle's audit files on several cores at once: each part reads whole files (the largest first, each to
/// the part with the least so far) into runs of its own, and the runs are merged as one reader's would be. The
/// merge's order (time, event id, file, line) is total, so the events come out exactly as from one reader.
extension AuditEventStream {
    struct ParallelRead {
        var pending: [[SortableEvent]]
        var runPaths: [String]
        var reports: [FileReport]
        var rows: Int
        var spillSeconds: Double
    }

    func readInParallel(_ names: [String], into spillDirectory: String) throws -> ParallelRead {
        let parts = min(threads, names.count)
        let sizes = names.map { name in
            (try? FileManager.default.attributesOfItem(atPath: rows.directory + "/" + name)[.size] as? Int) ?? 0
        }
        var assigned = [[Int]](repeating: [], count: parts)
        var load = [Int](repeating: 0, count: parts)
        for file in names.indices.sorted(by: { sizes[$0] > sizes[$1] }) {
            let part = load.indices.min { load[$0] < load[$1] }!
            assigned[part].append(file)
            load[part] += sizes[file]
        }
        let counter = RowCounter(progress: progress, interval: progressInterval)
        var results = [Result<PartRead, any Error>?](repeating: nil, count: parts)
        results.withUnsafeMutableBufferPointer { slots in
            let work = UncheckedWork((stream: self, slots: slots, assigned: assigned, sizes: sizes))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (stream, slots, assigned, sizes) = work.value
                slots[part] = Result {
                    try stream.readPart(files: assigned[part].sorted(), names: names, sizes: sizes, parts: parts,
                                        into: spillDirectory + "/part-\(part)", counter: counter)
                }
            }
        }
        var read = ParallelRead(pending: [], runPaths: [], reports: names.map { FileReport(file: $0) }, rows: 0,
                                spillSeconds: 0)
        var quarantined: [(file: Int, entries: [QuarantineEntry])] = []
        for result in results {
            let part = try result!.get()
            read.pending.append(part.pending)
            read.runPaths += part.runPaths
            for (file, report) in part.reports { read.reports[file] = report }
            quarantined += part.quarantined
            read.rows += part.rows
            read.spillSeconds = max(read.spillSeconds, part.spillSeconds)
        }
        // Quarantined rows reach the sink in file order, as from one reader.
        for (_, entries) in quarantined.sorted(by: { $0.file < $1.file }) {
            for entry in entries { try rows.sink.quarantine(entry) }
        }
        progress?(read.rows)
        return read
    }

    struct PartRead {
        var pending: [SortableEvent] = []
        var runPaths: [String] = []
        var reports: [(file: Int, report: FileReport)] = []
        var quarantined: [(file: Int, entries: [QuarantineEntry])] = []
        var rows = 0
        var spillSeconds = 0.0
    }

    /// One part's files, read into memory up to its share of the run size and spilled beyond it.
    private func readPart(files: [Int], names: [String], sizes: [Int], parts: Int, into directory: String,
                          counter: RowCounter) throws -> PartRead {
        let clock = ContinuousClock()
        var part = PartRead()
        let partRunSize = max(runSize / parts, 1)
        part.pending.reserveCapacity(min(partRunSize, files.reduce(0) { $0 + sizes[$1] } / 90 + 1024))
        let decoder = AuditEventDecoder(reference: reference)
        for file in files {
            let collector = QuarantineCollector()
            let reader = RowReader(directory: rows.directory, sink: collector)
            var report = FileReport(file: names[file])
            var sinceCount = 0
            try reader.read(names[file], as: .audit, report: &report, afterRow: { () throws(BundleError) in
                part.rows += 1
                sinceCount += 1
                if sinceCount == 65_536 {
                    counter.add(sinceCount)
                    sinceCount = 0
                }
                if part.pending.count >= partRunSize {
                    let started = clock.now
                    try spill(&part.pending, into: directory, &part.runPaths)
                    part.spillSeconds += (clock.now - started).seconds
                }
            }) { (row) throws(RowProblem) in
                let event = try decoder.decode(row)
                part.pending.append(SortableEvent(event: event, file: UInt16(file), line: UInt32(row.source.line)))
            }
            counter.add(sinceCount)
            part.reports.append((file, report))
            part.quarantined.append((file, collector.entries))
        }
        return part
    }
}

/// A sorted run of events to merge: spilled to a file, or held in memory.
protocol SortedRun: AnyObject {
    func next() -> SortableEvent?
}

extension EventRunFile.Reader: SortedRun {}

/// A part's events still in memory, taken in time order.
final class MemoryRun: SortedRun {
    private let events: [SortableEvent]
    private let order: [Int32]
    private var position = 0

    init(_ events: [SortableEvent]) {
        self.events = events
        order = AuditEventStream.timeOrder(events)
    }

    func next() -> SortableEvent? {
        guard position < order.count else { return nil }
        defer { position += 1 }
        return events[Int(order[position])]
    }
}

/// Rows read so far by all parts, for the progress line.
private final class RowCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var rows = 0
    private var reported = 0
    private let progress: (@Sendable (Int) -> Void)?
    private let interval: Int

    init(progress: (@Sendable (Int) -> Void)?, interval: Int) {
        self.progress = progress
        self.interval = interval
    }

    func add(_ count: Int) {
        let report: Int? = lock.withLock {
            rows += count
            guard rows - reported >= interval else { return nil }
            reported = rows
            return rows
        }
        if let report { progress?(report) }
    }
}

/// Work handed to `concurrentPerform`, which wants it `Sendable`. Sound because each part writes only its own slot
/// and reads only what no part changes (the reference data, the file names), and the call returns when all are done.
private struct UncheckedWork<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
