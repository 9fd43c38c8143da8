import CustodesBundle
import CustodesModel
import Foundation
import NIOConcurrencyHelpers

/// Parsing and writing overlap: one audit file is parsed on a thread of its own while the store writes the chunks
/// already parsed. At most `depth` chunks wait, so a slow database slows parsing down rather than filling memory.
struct AuditChunk: Sendable {
    var events: [AuditEventRow]
    var quarantined: [QuarantineEntry]
    /// The file's report, on the last chunk only.
    var finalReport: FileReport?
    /// When Custodes took the chunk in (the `received_at` of its events), in seconds since 1970.
    var receivedAt: Int64
    /// What the writer's engine wants done on the reading thread, ahead of the write (see ``AuditCopy``).
    var copy: AuditCopy?
}

enum AuditChunkReader {
    /// `prepare`, when given, runs on the reading thread for each chunk before it is handed over, so that work the
    /// writer would otherwise do between two writes overlaps with the database's.
    static func chunks(directory: String, file: String, reference: ReferenceData, chunkSize: Int, depth: Int = 3,
                       prepare: (@Sendable (AuditChunk) -> AuditCopy)? = nil)
        -> (AsyncThrowingStream<AuditChunk, any Error>, DispatchSemaphore) {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: AuditChunk.self)
        let slots = DispatchSemaphore(value: depth)
        let cancelled = NIOLockedValueBox(false)
        continuation.onTermination = { _ in
            cancelled.withLockedValue { $0 = true }
            for _ in 0..<depth { slots.signal() }
        }
        let thread = Thread {
            let buffer = QuarantineBuffer()
            do {
                let reader = try BundleReader(directory: directory, quarantine: buffer, completeness: .update)
                var report = FileReport(file: file)
                var pending: [AuditEventRow] = []
                pending.reserveCapacity(chunkSize)
                func hand(_ final: FileReport?) {
                    // Once the writer has gone (it failed), nothing more is handed over or waited for; the rest of
                    // the file is read to its end and dropped.
                    if cancelled.withLockedValue({ $0 }) { return }
                    var chunk = AuditChunk(events: pending, quarantined: buffer.drain(), finalReport: final,
                                           receivedAt: Clock.epochSeconds())
                    chunk.copy = prepare?(chunk)
                    slots.wait()
                    if cancelled.withLockedValue({ $0 }) { return }
                    continuation.yield(chunk)
                    pending.removeAll(keepingCapacity: true)
                }
                var fieldNames: [UInt16: String] = [:]
                try reader.readAuditFile(file, reference: reference, report: &report) { event in
                    pending.append(AuditEventRow(event, reference: reference, fieldNames: &fieldNames))
                    if pending.count >= chunkSize { hand(nil) }
                }
                hand(report)
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
