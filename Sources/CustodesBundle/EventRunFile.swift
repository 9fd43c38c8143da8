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
/// private to one run of the reader: the number of events (8 bytes), so that a run cut short between two events is
/// an error and not a shorter run; then each event, fixed-width numbers, then four strings, each one byte and then
/// - `0xE0 | count` (``ShortText/asciiMark``): `count` bytes of ASCII, from which the string is made without a call
///   (``ShortText``: making each string through `String(decoding:as:)` was about a quarter of merging the runs on two
///   cores); or
/// - `0` (``longForm``): a 4-byte length, then that many bytes of UTF-8 (longer text, text outside ASCII, and every
///   string where ``ShortText/isAvailable`` is false).
enum EventRunFile {
    /// The first byte of a string written as its length and its UTF-8.
    static let longForm: UInt8 = 0

    /// Writes `events` in the given order.
    static func write(_ events: [SortableEvent], order: [Int32], to path: String) throws(BundleError) {
        try write(events, order: LanedOrder(positions: order), to: [path])
    }

    /// Writes `events` in the given order as a run per lane, `paths[lane]` each, in one pass over the order.
    ///
    /// A pass per lane read the events in time order too, but each pass only every lane-th of them: on two threads with
    /// eight lanes the spill waited on memory at nearly every event (62% of its samples on its first load of an
    /// event, three times the spill's samples with two lanes, `perf` on the realistic 160-day force), as neighbours in
    /// time, which lie near each other in memory, were read in different passes.
    static func write(_ events: [SortableEvent], order: LanedOrder, to paths: [String]) throws(BundleError) {
        precondition(paths.count == order.counts.count, "a run file per lane")
        var outputs: [RunFileOutput] = []
        // Each lane's file with a buffer of its own (two of ``RunFileOutput/chunk``): sixteen lanes on each of four
        // spilling cores hold 128 MiB while they write, but buffers of an eighth of that made the run slower on two
        // threads (three pairs: event pass 1,294,802 against 1,385,063 events/s, explain and score 4.9 against 4.3 s).
        for (path, count) in zip(paths, order.counts) {
            let output = try RunFileOutput(path: path)
            output.put(UInt64(count))
            outputs.append(output)
        }
        let short = ShortText.isAvailable
        let systems = Self.systems, actions = Self.actions, entityTypes = Self.entityTypes
        // Where an event's strings lie in a `SortableEvent`.
        let event = MemoryLayout<SortableEvent>.offset(of: \.event)!
        let eventID = event + MemoryLayout<AuditEvent>.offset(of: \.eventID)!
        let entityID = event + MemoryLayout<AuditEvent>.offset(of: \.entityID)!
        let workstation = event + MemoryLayout<AuditEvent>.offset(of: \.workstation)!
        let reason = event + MemoryLayout<AuditEvent>.offset(of: \.reason)!
        // Each event read where it lies: a copy of it (`let item = events[i]`) retained and released its four
        // strings, about a tenth of spilling on one core (`perf`, the realistic 160-day force).
        try events.withUnsafeBufferPointer { (buffer) throws(BundleError) in
            for index in order.positions.indices {
                let position = order.positions[index]
                precondition(position >= 0 && Int(position) < buffer.count, "a run's order holds positions of its events")
                let item = buffer.baseAddress! + Int(position)
                let output = outputs[order.lane(at: index)]
                output.put(item.pointee.event.at.seconds)
                output.put(item.pointee.event.staff)
                output.put(item.pointee.event.entity)
                output.put(item.pointee.event.fields.rawValue)
                output.put(UInt8(systems.firstIndex(of: item.pointee.event.system)!))
                output.put(UInt8(actions.firstIndex(of: item.pointee.event.action)!))
                output.put(UInt8(entityTypes.firstIndex(of: item.pointee.event.entityType)!))
                output.put(item.pointee.file)
                output.put(item.pointee.line)
                let strings = UnsafeRawPointer(item)
                output.put(textAt: strings + eventID, short: short)
                output.put(textAt: strings + entityID, short: short)
                output.put(textAt: strings + workstation, short: short)
                output.put(textAt: strings + reason, short: short)
                try output.writeFullChunks()
            }
        }
        for output in outputs { try output.close() }
    }

    /// The vocabularies in the order their positions are written, made once: `allCases` builds a new array at every
    /// call, three calls an event in the merge.
    private static let systems = SourceSystem.allCases
    private static let actions = AuditAction.allCases
    private static let entityTypes = EntityType.allCases


    /// Reads a run back a chunk of events at a time.
    final class Reader {
        private let source: ByteSource
        /// Whether strings may be in the short form (``ShortText/isAvailable``): where not, one is a corrupt file.
        private let short = ShortText.isAvailable
        /// The events the run holds, from its first 8 bytes (read at the first call), and those handed out so far.
        private var expected: Int?
        private var delivered = 0

        /// Reads `chunk` bytes at a time (fewer when many runs are open at once: each holds three such buffers).
        init(path: String, chunk: Int = RunFileInput.defaultChunk) throws(BundleError) {
            let input = try RunFileInput(path: path, chunk: chunk)
            source = ByteSource(input: input, chunkSize: input.chunk)
        }

        /// Reads up to `capacity` events into `buffer` (``SortedRun``); on an error, none is left initialized. A
        /// run that cannot be read to its end is an error, never a shorter run, so no event is lost without a word.
        func read(into buffer: UnsafeMutablePointer<SortableEvent>, capacity: Int) throws(BundleError) -> Int {
            let expected = try expectedEvents()
            var count = decode(into: buffer, capacity: capacity)
            while count < capacity && !isCorrupt {
                if !source.fill() {
                    let reason = source.failure
                        ?? (source.start < source.end ? "a sorted run ends in the middle of an event" : nil)
                        ?? (delivered + count != expected
                            ? "a sorted run ends after \(delivered + count) of its \(expected) events" : nil)
                    if let reason {
                        buffer.deinitialize(count: count)
                        throw .unreadable(file: source.path, reason: reason)
                    }
                    break
                }
                count += decode(into: buffer + count, capacity: capacity - count)
            }
            if isCorrupt {
                buffer.deinitialize(count: count)
                throw .unreadable(file: source.path, reason: "a sorted run holds a value in no form it was written in")
            }
            delivered += count
            return count
        }

        /// The number of events the run holds, read from its first 8 bytes at the first call.
        private func expectedEvents() throws(BundleError) -> Int {
            if let expected { return expected }
            while source.end - source.start < 8 {
                guard source.fill() else {
                    throw .unreadable(file: source.path, reason: source.failure ?? "a sorted run ends before its count of events")
                }
            }
            let count = source.bytes.withUnsafeBytes { raw in
                Int(truncatingIfNeeded: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: source.start, as: UInt64.self)))
            }
            source.start += 8
            expected = count
            return count
        }

        /// Whether a string's first byte named no form, a short string's bytes were not ASCII, or a system, action or
        /// type of record was none written.
        private var isCorrupt = false

        /// The bytes of an event before its strings.
        private static let fixedBytes = 8 + 4 + 4 + 2 + 1 + 1 + 1 + 2 + 4

        /// Decodes into `buffer` as many whole events as the bytes read so far hold, up to `capacity`, in one access
        /// to the bytes (one per event retained and released them: a fifth of the merge's samples were `retain` and
        /// `release`).
        private func decode(into buffer: UnsafeMutablePointer<SortableEvent>, capacity: Int) -> Int {
            let systems = EventRunFile.systems, actions = EventRunFile.actions, entityTypes = EventRunFile.entityTypes
            return source.bytes.withUnsafeBytes { raw -> Int in
                var position = source.start
                let end = source.end
                func load<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
                    T(littleEndian: raw.loadUnaligned(fromByteOffset: position + offset, as: T.self))
                }
                func text() -> String? {
                    guard position < end else { return nil }
                    let form = raw[position]
                    if form & 0xF0 == ShortText.asciiMark {
                        guard short else {
                            isCorrupt = true
                            return nil
                        }
                        let length = Int(form & 0x0F)
                        guard position + 1 + length <= end else { return nil }
                        // Two words straight from the buffer where it holds them, the bytes past the text cleared.
                        let value = position + 17 <= raw.count
                            ? ShortText.make(loaded: (raw.loadUnaligned(fromByteOffset: position + 1, as: UInt64.self),
                                                        raw.loadUnaligned(fromByteOffset: position + 9, as: UInt64.self)),
                                               count: length)
                            : ShortText.make(count: length, from: raw.baseAddress! + position + 1)
                        guard let value else {
                            isCorrupt = true
                            return nil
                        }
                        position += 1 + length
                        return value
                    }
                    guard form == EventRunFile.longForm else {
                        isCorrupt = true
                        return nil
                    }
                    guard position + 5 <= end else { return nil }
                    let length = Int(load(UInt32.self, at: 1))
                    guard position + 5 + length <= end else { return nil }
                    let value = String(decoding: raw[position + 5..<position + 5 + length], as: UTF8.self)
                    position += 5 + length
                    return value
                }
                var count = 0
                while count < capacity && position + Self.fixedBytes <= end {
                    let start = position
                    let at = load(Int64.self, at: 0), staff = load(Int32.self, at: 8), entity = load(Int32.self, at: 12)
                    let fields = load(UInt16.self, at: 16), system = load(UInt8.self, at: 18)
                    let action = load(UInt8.self, at: 19), entityType = load(UInt8.self, at: 20)
                    let file = load(UInt16.self, at: 21), line = load(UInt32.self, at: 23)
                    guard system < systems.count, action < actions.count, entityType < entityTypes.count else {
                        isCorrupt = true
                        break
                    }
                    position += Self.fixedBytes
                    guard let eventID = text(), let entityID = text(), let workstation = text(), let reason = text()
                    else {
                        position = start
                        break
                    }
                    source.start = position
                    let event = AuditEvent(eventID: eventID, at: Timestamp(seconds: at), staff: staff,
                                           system: systems[Int(system)], action: actions[Int(action)],
                                           entityType: entityTypes[Int(entityType)], entityID: entityID,
                                           entity: entity, fields: FieldSet(rawValue: fields),
                                           workstation: workstation, reason: reason)
                    (buffer + count).initialize(to: SortableEvent(event: event, file: file, line: line))
                    count += 1
                }
                return count
            }
        }
    }
}
