#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CustodesModel

/// An audit event with where it came from, as it moves through sorting: the origin decides which copy of a
/// duplicate is kept (the first file and line) and which file's report counts the duplicate.
///
/// Events sort by time, id, member of staff, then origin, so that the copies of one event (the same time, id and
/// member of staff: ``DuplicateFilter``) are next to each other in any subsequence of the order, a lane of the
/// staff's events as much as the whole (``AuditEventStream/forEachLane(report:_:)``).
struct SortableEvent {
    var event: AuditEvent
    /// The file's number; with several cores, the piece's (pieces are numbered in file order, and `line` counts
    /// from the piece's start).
    var file: UInt16
    var line: UInt32

    static func precedes(_ lhs: SortableEvent, _ rhs: SortableEvent) -> Bool {
        if lhs.event.at != rhs.event.at { return lhs.event.at < rhs.event.at }
        if lhs.event.eventID != rhs.event.eventID { return lhs.event.eventID < rhs.event.eventID }
        if lhs.event.staff != rhs.event.staff { return lhs.event.staff < rhs.event.staff }
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        return lhs.line < rhs.line
    }
}

/// A sorted run of events spilled to a temporary file while sorting more events than fit in memory. The format is
/// private to one run of the reader: fixed-width numbers then length-prefixed strings.
enum EventRunFile {
    /// Writes `events` in the given order.
    static func write(_ events: [SortableEvent], order: [Int32], to path: String) throws(BundleError) {
        let output = try RunFileOutput(path: path)
        for position in order {
            let item = events[Int(position)]
            let event = item.event
            output.put(event.at.seconds)
            output.put(event.staff)
            output.put(event.entity)
            output.put(event.fields.rawValue)
            output.put(UInt8(systems.firstIndex(of: event.system)!))
            output.put(UInt8(actions.firstIndex(of: event.action)!))
            output.put(UInt8(entityTypes.firstIndex(of: event.entityType)!))
            output.put(item.file)
            output.put(item.line)
            output.put(event.eventID)
            output.put(event.entityID)
            output.put(event.workstation)
            output.put(event.reason)
            try output.writeFullChunks()
        }
        try output.close()
    }

    /// The vocabularies in the order their positions are written, made once: `allCases` builds a new array at every
    /// call, three calls an event in the merge.
    private static let systems = SourceSystem.allCases
    private static let actions = AuditAction.allCases
    private static let entityTypes = EntityType.allCases


    /// Reads a run back a chunk of events at a time.
    final class Reader {
        private let source: ByteSource

        /// Reads `chunk` bytes at a time (fewer when many runs are open at once: each holds three such buffers).
        init(path: String, chunk: Int = RunFileInput.defaultChunk) throws(BundleError) {
            let input = try RunFileInput(path: path, chunk: chunk)
            source = ByteSource(input: input, chunkSize: input.chunk)
        }

        /// Reads up to `capacity` events into `buffer` (``SortedRun``); on an error, none is left initialized. A
        /// run that cannot be read to its end is an error, never a shorter run, so no event is lost without a word.
        func read(into buffer: UnsafeMutablePointer<SortableEvent>, capacity: Int) throws(BundleError) -> Int {
            var count = decode(into: buffer, capacity: capacity)
            while count < capacity {
                if !source.fill() {
                    let reason = source.failure
                        ?? (source.start < source.end ? "a sorted run ends in the middle of an event" : nil)
                    if let reason {
                        buffer.deinitialize(count: count)
                        throw .unreadable(file: source.path, reason: reason)
                    }
                    break
                }
                count += decode(into: buffer + count, capacity: capacity - count)
            }
            return count
        }

        /// Decodes into `buffer` as many whole events as the bytes read so far hold, up to `capacity`, in one access
        /// to the bytes (one per event retained and released them: a fifth of the merge's samples were `retain` and
        /// `release`).
        private func decode(into buffer: UnsafeMutablePointer<SortableEvent>, capacity: Int) -> Int {
            source.bytes.withUnsafeBytes { raw -> Int in
                var position = source.start
                let end = source.end
                func take<T: FixedWidthInteger>(_: T.Type) -> T? {
                    guard position + MemoryLayout<T>.size <= end else { return nil }
                    let value = raw.loadUnaligned(fromByteOffset: position, as: T.self)
                    position += MemoryLayout<T>.size
                    return T(littleEndian: value)
                }
                func text() -> String? {
                    guard let count = take(UInt32.self), position + Int(count) <= end else { return nil }
                    // Most events leave one or two of their four strings empty (no reason, no outside record).
                    if count == 0 { return "" }
                    let value = String(decoding: raw[position..<position + Int(count)], as: UTF8.self)
                    position += Int(count)
                    return value
                }
                var count = 0
                while count < capacity {
                    guard let at = take(Int64.self), let staff = take(Int32.self), let entity = take(Int32.self),
                          let fields = take(UInt16.self), let system = take(UInt8.self), let action = take(UInt8.self),
                          let entityType = take(UInt8.self), let file = take(UInt16.self),
                          let line = take(UInt32.self), let eventID = text(), let entityID = text(),
                          let workstation = text(), let reason = text()
                    else { break }
                    source.start = position
                    let event = AuditEvent(eventID: eventID, at: Timestamp(seconds: at), staff: staff,
                                           system: EventRunFile.systems[Int(system)],
                                           action: EventRunFile.actions[Int(action)],
                                           entityType: EventRunFile.entityTypes[Int(entityType)],
                                           entityID: entityID, entity: entity, fields: FieldSet(rawValue: fields),
                                           workstation: workstation, reason: reason)
                    (buffer + count).initialize(to: SortableEvent(event: event, file: file, line: line))
                    count += 1
                }
                return count
            }
        }
    }
}
