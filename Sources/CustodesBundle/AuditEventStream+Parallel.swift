#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import CustodesModel

/// Reading a bundle's audit files on several cores at once. Files are cut into pieces (a file much larger than its
/// share of the work into several, at line breaks), each part takes pieces in turn (the largest first; a part that
/// finished its piece sooner takes the next) and reads them into runs of its own, and the runs are merged as one
/// reader's would be. An event's origin
/// is its piece and its line within the piece; pieces are numbered in file order, so the merge's order (time, event
/// id, piece, line) is total and the events come out exactly as from one reader.
///
/// A cut falls just after a line break, which is where a row starts unless a quoted field spans the break. Whether
/// the pieces joined up is checked once they are read (``PieceJoin``); if any did not, the files are read again
/// whole, so the answer is the same either way and only slower for such a file.
extension AuditEventStream {
    struct ParallelRead {
        /// Each part's events still in memory, sorted by the part itself, a run per lane (lane `index % lanes`).
        var pending: [MemoryRun]
        var runPaths: [String]
        var reports: [FileReport]
        /// The file each piece is of, by piece number (the `file` of the events read).
        var pieceFiles: [Int]
        var rows: Int
        var spillSeconds: Double
        /// Whether the pieces did not join up and the files were read again whole.
        var filesReadAgain = false
    }

    /// A range of bytes of one file that one part reads.
    struct Piece {
        var file: Int
        var from: Int
        /// Where the next piece starts; `Int.max` for a file's last piece.
        var to: Int
        var bytes: Int
    }

    func readInParallel(_ names: [String], sizes: [Int], lanes: Int, into spillDirectory: String) throws
        -> ParallelRead {
        let pieces = Self.pieces(names.map { rows.directory + "/" + $0 }, sizes: sizes, parts: threads,
                                 smallest: minimumPieceBytes)
        if let read = try readPieces(pieces, names: names, lanes: lanes, into: spillDirectory + "/pieces") {
            return read
        }
        // A quoted field spanned a cut: read whole files instead. Every file, because the events already read
        // from the others are mixed into the same runs; it is rare, and only slower.
        try? FileManager.default.removeItem(atPath: spillDirectory + "/pieces")
        let whole = sizes.indices.map { Piece(file: $0, from: 0, to: .max, bytes: sizes[$0]) }
        var read = try readPieces(whole, names: names, lanes: lanes, into: spillDirectory + "/files")!
        read.filesReadAgain = true
        return read
    }

    /// Reads `pieces` on the parts; nil when neighbouring pieces of a file did not join up.
    private func readPieces(_ pieces: [Piece], names: [String], lanes: Int, into spillDirectory: String) throws
        -> ParallelRead? {
        let parts = min(threads, pieces.count)
        // Taken largest first, so the last to be taken are small and the parts finish close together: files read at
        // different speeds (JSON Lines more slowly than CSV), and shares fixed by bytes left one part reading alone.
        let order = pieces.indices.sorted { pieces[$0].bytes > pieces[$1].bytes }
        let turns = WorkCounter()
        let failed = FirstFailedPiece()
        let counter = RowCounter(progress: progress, interval: progressInterval)
        var results = [PartRead?](repeating: nil, count: parts)
        results.withUnsafeMutableBufferPointer { slots in
            let work = UncheckedWork((stream: self, slots: slots, order: order, pieces: pieces))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (stream, slots, order, pieces) = work.value
                slots[part] = stream.readPart(taking: order, turns, failed, of: pieces, names: names, parts: parts,
                                              lanes: lanes,
                                              into: spillDirectory + "/part-\(part)", counter: counter)
            }
        }
        var read = ParallelRead(pending: [], runPaths: [], reports: names.map { FileReport(file: $0) },
                                pieceFiles: pieces.map(\.file), rows: 0, spillSeconds: 0)
        var pieceReads = [PieceRead?](repeating: nil, count: pieces.count)
        // Which parts read which pieces varies from run to run. Every piece before the first that failed was read, so
        // the failure reported is the first piece's in file order, as one reader would have met it.
        let partReads = results.map { $0! }
        if let first = partReads.flatMap(\.failures).min(by: { $0.piece < $1.piece }) { throw first.error }
        for part in partReads {
            read.pending += part.memoryRuns
            read.runPaths += part.runPaths
            for piece in part.pieces { pieceReads[piece.piece] = piece }
            read.rows += part.rows
            read.spillSeconds = max(read.spillSeconds, part.spillSeconds)
        }
        // Lines are counted from each piece's start: a piece's rows begin where the piece before it left off.
        var lineBase = 0
        var quarantined: [QuarantineEntry] = []
        for (index, piece) in pieces.enumerated() {
            let pieceRead = pieceReads[index]!
            if piece.from == 0 {
                lineBase = 0
            } else {
                // The next row as the piece before saw it must be the next row as this piece saw it: its first,
                // or, for a piece of blank lines only, the first beyond it.
                let before = pieceReads[index - 1]!.join.beyond
                let next = pieceRead.join.first ?? pieceRead.join.beyond
                guard before?.offset == next?.offset else {
                    for path in read.runPaths { try? FileManager.default.removeItem(atPath: path) }
                    return nil
                }
                if let before, let next { lineBase += before.line - next.line }
            }
            read.reports[piece.file].add(pieceRead.report)
            for var entry in pieceRead.quarantined {
                entry.line += lineBase
                quarantined.append(entry)
            }
        }
        // Quarantined rows reach the sink in file order, as from one reader.
        for entry in quarantined { try rows.sink.quarantine(entry) }
        progress?(read.rows)
        return read
    }

    /// Cuts files larger than a quarter of a part's share of the bytes (and than `smallest`) into pieces of about
    /// that size, each starting just after a line break: small enough that the parts, taking them in turn, finish
    /// close together.
    static func pieces(_ paths: [String], sizes: [Int], parts: Int, smallest: Int) -> [Piece] {
        let total = sizes.reduce(0, +)
        let target = max(smallest, total / max(parts, 1) / 4, 1)
        var pieces: [Piece] = []
        for (file, size) in sizes.enumerated() {
            var starts = [0]
            let count = size <= target ? 1 : (size - 1) / target + 1
            if count > 1, let handle = fopen(paths[file], "rb") {
                defer { fclose(handle) }
                for cut in 1..<count {
                    // No line break after this cut means none after any later one either.
                    guard let start = lineStart(in: handle, atOrAfter: cut * size / count), start < size else { break }
                    if start > starts.last! { starts.append(start) }
                }
            }
            for (index, start) in starts.enumerated() {
                let end = index + 1 < starts.count ? starts[index + 1] : size
                pieces.append(Piece(file: file, from: start, to: index + 1 < starts.count ? end : .max,
                                    bytes: end - start))
            }
        }
        return pieces
    }

    /// The position just after the first line break at or after `offset - 1`: the first line that starts at or
    /// after `offset`. Nil when no line break follows.
    private static func lineStart(in handle: UnsafeMutablePointer<FILE>, atOrAfter offset: Int) -> Int? {
        guard fseeko(handle, off_t(offset - 1), SEEK_SET) == 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var position = offset - 1
        while true {
            let got = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress!, 1, $0.count, handle) }
            if got == 0 { return nil }
            if let index = buffer[0..<got].firstIndex(of: UInt8(ascii: "\n")) { return position + index + 1 }
            position += got
        }
    }

    /// Why a piece could not be read, with which piece it was.
    struct PieceFailure {
        var piece: Int
        var error: any Error
    }

    struct PieceRead {
        var piece: Int
        var report: FileReport
        var quarantined: [QuarantineEntry]
        var join: PieceJoin
    }

    struct PartRead {
        var pending: [SortableEvent] = []
        /// What is left in `pending` once the part's pieces are read, in time order, a run per lane.
        var memoryRuns: [MemoryRun] = []
        var runPaths: [String] = []
        var pieces: [PieceRead] = []
        /// The pieces that could not be read: the part goes on with the next, so that every piece before the first
        /// failure is read (``FirstFailedPiece``).
        var failures: [PieceFailure] = []
        var rows = 0
        var spillSeconds = 0.0
    }

    /// One part's pieces, taken in turn from `order` until none is left, read into memory up to the part's share of
    /// the run size and spilled beyond it.
    private func readPart(taking order: [Int], _ turns: WorkCounter, _ failed: FirstFailedPiece, of pieces: [Piece],
                          names: [String], parts: Int, lanes: Int, into directory: String,
                          counter: RowCounter) -> PartRead {
        let clock = ContinuousClock()
        var part = PartRead()
        let partRunSize = max(runSize / parts, 1)
        part.pending.reserveCapacity(min(partRunSize, pieces.reduce(0) { $0 + $1.bytes } / parts / 90 + 1024))
        let decoder = AuditEventDecoder(reference: reference)
        while case let turn = turns.take(), turn < order.count {
            let index = order[turn]
            // Beyond a piece that failed, nothing needs reading: the first failure is what is reported.
            if let first = failed.piece, index > first { continue }
            let piece = pieces[index]
            let collector = QuarantineCollector()
            let reader = RowReader(directory: rows.directory, sink: collector)
            var report = FileReport(file: names[piece.file])
            var sinceCount = 0
            let join: PieceJoin
            do {
                join = try reader.read(names[piece.file], as: .audit, report: &report, from: piece.from, to: piece.to,
                                       afterRow: { () throws(BundleError) in
                    part.rows += 1
                    sinceCount += 1
                    if sinceCount == 65_536 {
                        counter.add(sinceCount)
                        sinceCount = 0
                    }
                    if part.pending.count >= partRunSize {
                        let started = clock.now
                        try spill(&part.pending, lanes: lanes, into: directory, &part.runPaths)
                        part.spillSeconds += (clock.now - started).seconds
                    }
                }) { (row) throws(RowProblem) in
                    let event = try decoder.decode(row)
                    part.pending.append(SortableEvent(event: event, file: UInt16(index), line: UInt32(row.source.line)))
                }
            } catch {
                failed.record(index)
                part.failures.append(PieceFailure(piece: index, error: error))
                continue
            }
            counter.add(sinceCount)
            part.pieces.append(PieceRead(piece: index, report: report, quarantined: collector.entries, join: join))
        }
        // Each part sorts what it holds, so the parts' sorts run at once too.
        let started = clock.now
        part.memoryRuns = MemoryRun.lanes(of: part.pending, lanes: lanes)
        part.pending = []
        part.spillSeconds += (clock.now - started).seconds
        return part
    }
}

extension EventRunFile.Reader: SortedRun {}

/// A part's events still in memory, taken in time order.
final class MemoryRun: SortedRun {
    private let events: [SortableEvent]
    private let order: [Int32]
    private var position = 0

    init(_ events: [SortableEvent], order: [Int32]) {
        self.events = events
        self.order = order
    }

    convenience init(_ events: [SortableEvent]) { self.init(events, order: AuditEventStream.timeOrder(events)) }

    /// The events sorted once and split by lane (the member of staff's number modulo `lanes`), in lane order.
    static func lanes(of events: [SortableEvent], lanes: Int) -> [MemoryRun] {
        AuditEventStream.timeOrder(events, lanes: lanes).map { MemoryRun(events, order: $0) }
    }

    func read(into buffer: UnsafeMutablePointer<SortableEvent>, capacity: Int) -> Int {
        let count = min(capacity, order.count - position)
        events.withUnsafeBufferPointer { events in
            order.withUnsafeBufferPointer { order in
                for index in 0..<count { (buffer + index).initialize(to: events[Int(order[position + index])]) }
            }
        }
        position += count
        return count
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
struct UncheckedWork<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The first piece, in file order, that a part could not read, so far: pieces after it are not read.
private final class FirstFailedPiece: @unchecked Sendable {
    // Sendable by the lock: `first` is only read and written under it.
    private let lock = NSLock()
    private var first: Int?

    var piece: Int? { lock.withLock { first } }

    func record(_ piece: Int) { lock.withLock { first = min(first ?? piece, piece) } }
}
