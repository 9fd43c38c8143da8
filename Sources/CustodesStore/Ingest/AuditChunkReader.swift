import CustodesBundle
import CustodesModel
import Foundation
import NIOConcurrencyHelpers

/// Parsing and writing overlap: the audit files are parsed one after another on a thread of their own while the store
/// writes the chunks already parsed, the next file's first chunks while the last of the previous file are written.
/// At most `depth` chunks wait, so a slow database slows parsing down rather than filling memory.
struct AuditChunk: Sendable {
    /// Which of the files read it came from (its position in the list given to the reader).
    var file: Int
    var events: [AuditEventRow]
    var quarantined: [QuarantineEntry]
    /// The file's report, on its last chunk only (which may hold no events).
    var finalReport: FileReport?
    /// When Custodes took the chunk in (the `received_at` of its events), in seconds since 1970.
    var receivedAt: Int64
    /// What the writer's engine wants done on the reading thread, ahead of the write (see ``AuditCopy``).
    var copy: AuditCopy?
}

enum AuditChunkReader {
    /// `prepare`, when given, runs on the reading thread for each chunk before it is handed over, so that work the
    /// writer would otherwise do between two writes overlaps with the database's.
    static func chunks(directory: String, files: [String], reference: ReferenceData, onlySystem: SourceSystem? = nil,
                       chunkSize: Int, depth: Int = 3,
                       prepare: (@Sendable (AuditChunk) -> AuditCopy)? = nil)
        -> (AsyncThrowingStream<AuditChunk, any Error>, DispatchSemaphore) {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: AuditChunk.self)
        // Made empty and then given its slots: libdispatch traps when a semaphore is freed holding less than it was
        // made with, which happened when a writer failed with every slot taken and the reader, woken by the
        // termination below, took one more before stopping.
        let slots = DispatchSemaphore(value: 0)
        for _ in 0..<depth { slots.signal() }
        let cancelled = NIOLockedValueBox(false)
        continuation.onTermination = { _ in
            cancelled.withLockedValue { $0 = true }
            for _ in 0..<depth { slots.signal() }
        }
        let thread = Thread {
            do {
                var fieldNames: [UInt16: String] = [:]
                let decoder = AuditEventDecoder(reference: reference, onlySystem: onlySystem)
                var pending: [AuditEventRow] = []
                pending.reserveCapacity(chunkSize)
                for (index, file) in files.enumerated() {
                    // Once the writer has gone (it failed), nothing more is handed over or waited for; the rest of
                    // the file is read to its end and dropped, and no other file is begun.
                    if cancelled.withLockedValue({ $0 }) { break }
                    let buffer = QuarantineBuffer()
                    let reader = try BundleReader(directory: directory, quarantine: buffer, completeness: .update)
                    var report = FileReport(file: file)
                    func hand(_ final: FileReport?) {
                        defer { pending.removeAll(keepingCapacity: true) }
                        if cancelled.withLockedValue({ $0 }) { return }
                        var chunk = AuditChunk(file: index, events: pending, quarantined: buffer.drain(),
                                               finalReport: final, receivedAt: Clock.epochSeconds())
                        chunk.copy = prepare?(chunk)
                        slots.wait()
                        if cancelled.withLockedValue({ $0 }) { return }
                        continuation.yield(chunk)
                    }
                    try reader.readAuditFile(file, decoder: decoder, report: &report) { event in
                        pending.append(AuditEventRow(event, reference: reference, fieldNames: &fieldNames))
                        if pending.count >= chunkSize { hand(nil) }
                    }
                    hand(report)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        return (stream, slots)
    }
}
