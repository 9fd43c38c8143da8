@testable import CustodesBundle
import CustodesModel
import Foundation
import Testing

@Suite("Sorted runs on disk")
struct EventRunFileTests {
    @Test("a spill writes each lane's events to the lane's file, in time order, with the lane's count", arguments: [1, 3, 8])
    func lanes(lanes: Int) throws {
        // Staff numbers spread over the lanes, times out of file order and with ties broken by id.
        let events = (0..<200).map { (number: Int) -> SortableEvent in
            let seconds = Int64(number * 37 % 50)
            let staff = StaffIndex(number * 13 % 23)
            let event = AuditEvent(eventID: "E\(number)", at: Timestamp(seconds: seconds), staff: staff, system: .rms,
                                   action: .view, entityType: .person, entityID: "P\(number % 7)", entity: 0,
                                   fields: FieldSet(rawValue: 0), workstation: "WS", reason: "")
            return SortableEvent(event: event, file: 0, line: UInt32(number + 2))
        }
        let order = AuditEventStream.lanedOrder(events, lanes: lanes)
        let directory = NSTemporaryDirectory() + "custodes-lanes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let paths = (0..<lanes).map { directory + "/lane-\($0).bin" }
        try EventRunFile.write(events, order: order, to: paths)
        let sorted = events.sorted(by: SortableEvent.precedes)
        for (lane, path) in paths.enumerated() {
            let reader = try EventRunFile.Reader(path: path)
            var read: [String] = []
            while let item = try reader.next() { read.append(item.event.eventID) }
            let expected = sorted.filter { Int($0.event.staff) % lanes == lane }.map { $0.event.eventID }
            #expect(read == expected, "lane \(lane) of \(lanes)")
            #expect(order.counts[lane] == expected.count)
        }
        #expect(AuditEventStream.timeOrder(events, lanes: lanes).map(\.count) == order.counts)
    }

    @Test("a sorted run cut short is an error naming the file, never a shorter run")
    func truncated() throws {
        let events = (0..<3).map { number in
            SortableEvent(event: AuditEvent(eventID: "E\(number)", at: Timestamp(seconds: Int64(number)), staff: 0,
                                            system: .rms, action: .view, entityType: .person, entityID: "",
                                            entity: 0, fields: FieldSet(rawValue: 0), workstation: "WS", reason: ""),
                          file: 0, line: UInt32(number + 2))
        }
        let path = NSTemporaryDirectory() + "custodes-run-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try EventRunFile.write(events, order: [0, 1, 2], to: path)
        let whole = try EventRunFile.Reader(path: path)
        var read: [String] = []
        while let item = try whole.next() { read.append(item.event.eventID) }
        #expect(read == ["E0", "E1", "E2"])

        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast(5).write(to: URL(fileURLWithPath: path))
        let cut = try EventRunFile.Reader(path: path)
        #expect(try cut.next()?.event.eventID == "E0")
        #expect(try cut.next()?.event.eventID == "E1")
        let error = #expect(throws: BundleError.self) { try cut.next() }
        #expect(error.map { "\($0)" }?.contains(path) == true)

        // Cut between two events: the run's count of events says one is missing.
        let eventBytes = (bytes.count - 8) / 3
        try bytes.dropLast(eventBytes).write(to: URL(fileURLWithPath: path))
        let shorter = try EventRunFile.Reader(path: path)
        #expect(try shorter.next()?.event.eventID == "E0")
        #expect(try shorter.next()?.event.eventID == "E1")
        let missing = #expect(throws: BundleError.self) { try shorter.next() }
        #expect(missing.map { "\($0)" }?.contains("2 of its 3 events") == true)
        #expect(missing.map { "\($0)" }?.contains(path) == true)

        // No count at all.
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        let headless = try EventRunFile.Reader(path: path)
        #expect(throws: BundleError.self) { try headless.next() }
    }

    /// Runs are written around the page cache in whole blocks and cut to their length: a run of any size, and a field
    /// larger than the writer's buffer, must read back exactly, with no padding left at the end of the file.
    @Test("runs of any length, and a field larger than the write buffer, read back exactly", arguments: [0, 1, 57, 30_000])
    func anyLength(count: Int) throws {
        let long = String(repeating: "reason ", count: 500_000)  // 3.5 MB: more than the buffer holds
        let events = (0..<count).map { number in
            SortableEvent(event: AuditEvent(eventID: "E\(number)", at: Timestamp(seconds: Int64(number)),
                                            staff: Int32(number % 7), system: .pnc, action: .search,
                                            entityType: .vehicle, entityID: "V\(number)", entity: -1,
                                            fields: FieldSet(rawValue: UInt16(number % 5)), workstation: "WS-\(number % 3)",
                                            reason: number == count / 2 ? long : "é \(number)"),
                          file: UInt16(number % 2), line: UInt32(number + 2))
        }
        let path = NSTemporaryDirectory() + "custodes-run-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try EventRunFile.write(events, order: (0..<Int32(count)).reversed(), to: path)
        let reader = try EventRunFile.Reader(path: path)
        var read: [SortableEvent] = []
        while let item = try reader.next() { read.append(item) }
        #expect(read.map(\.event) == events.reversed().map(\.event))
        #expect(read.map(\.line) == events.reversed().map(\.line))
        #expect(read.map(\.file) == events.reversed().map(\.file))
        // The count of events (8 bytes); each event: 27 bytes of numbers, then four strings, each a byte and its ASCII
        // when short, otherwise a byte and a 4-byte length before its UTF-8.
        let expected = events.reduce(8) { total, item in
            let event = item.event
            return total + 27 + [event.eventID, event.entityID, event.workstation, event.reason].reduce(0) { sum, text in
                sum + (text.utf8.count <= 15 && text.utf8.allSatisfy { $0 < 0x80 } ? 1 : 5) + text.utf8.count
            }
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == expected)
    }
}

@Suite("Short strings made from their bytes")
struct ShortTextTests {
    /// A string with storage of its own though it is short: the short form must not take it.
    static func stored(_ text: String) -> String {
        var stored = String()
        stored.reserveCapacity(64)
        stored += text
        return stored
    }

    @Test("short ASCII strings are kept as their own value's bytes on this platform")
    func available() {
        #expect(ShortText.isAvailable)
        #expect(ShortText.count(of: "WS-ALD-144") == 10)
        #expect(ShortText.count(of: "") == 0)
        #expect(ShortText.count(of: "1234567890123456") == nil)
        #expect(ShortText.count(of: "é") == nil)
        #expect(ShortText.count(of: Self.stored("abc")) == nil)
    }

    @Test("strings of every form read back equal, in either form of the file")
    func roundTrip() throws {
        let texts = ["", "a", "RMS-00000335", "123456789012345", "1234567890123456", "éééééééa", "日本", "ü",
                     Self.stored("abc"), Self.stored(""), String(repeating: "long reason ", count: 20),
                     String(String(repeating: "x", count: 40).prefix(7))]
        let events = texts.enumerated().map { number, text in
            SortableEvent(event: AuditEvent(eventID: text, at: Timestamp(seconds: Int64(number)), staff: 1, system: .rms,
                                            action: .view, entityType: .person, entityID: texts[(number + 1) % texts.count],
                                            entity: 3, fields: FieldSet(rawValue: 1), workstation: text, reason: text),
                          file: 0, line: UInt32(number))
        }
        let path = NSTemporaryDirectory() + "custodes-run-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try EventRunFile.write(events, order: events.indices.map(Int32.init), to: path)
        for chunk in [RunFileInput.defaultChunk, 4096] {
            let reader = try EventRunFile.Reader(path: path, chunk: chunk)
            var read: [AuditEvent] = []
            while let item = try reader.next() { read.append(item.event) }
            #expect(read == events.map(\.event))
            #expect(read.map(\.eventID.utf8.count) == texts.map(\.utf8.count))
        }
    }

    /// Read 4,096 bytes at a time, a run of a few thousand events ends the buffer at every position within a string:
    /// short strings are then made both from two words read ahead and, within 16 bytes of the buffer's end, from
    /// their bytes alone.
    @Test("short strings at every position against the end of the read buffer read back equal")
    func bufferEnds() throws {
        let events = (0..<3_000).map { number in
            SortableEvent(event: AuditEvent(eventID: String(repeating: "e", count: number % 16), at: Timestamp(seconds: Int64(number)),
                                            staff: 1, system: .rms, action: .view, entityType: .person,
                                            entityID: String(number), entity: 3, fields: FieldSet(rawValue: 1),
                                            workstation: String(repeating: "w", count: (number * 7) % 16),
                                            reason: number % 5 == 0 ? "é" : ""),
                          file: 0, line: UInt32(number))
        }
        let path = NSTemporaryDirectory() + "custodes-run-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try EventRunFile.write(events, order: events.indices.map(Int32.init), to: path)
        let reader = try EventRunFile.Reader(path: path, chunk: 4096)
        var read: [AuditEvent] = []
        while let item = try reader.next() { read.append(item.event) }
        #expect(read == events.map(\.event))
    }

    @Test("a short string is made from two words whatever follows its bytes, and never from bytes beyond ASCII")
    func loaded() {
        let bytes: [UInt8] = Array("WS-ALD-144".utf8) + [0xFF, 0x41, 0x80, 0x00, 0x7F, 0x12]
        let words = bytes.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        for count in 0...10 {
            let made = ShortText.make(loaded: words, count: count)
            #expect(made == String(decoding: bytes[0..<count], as: UTF8.self))
        }
        #expect(ShortText.make(loaded: words, count: 11) == nil)
        #expect(ShortText.make(count: 2, from: [UInt8(0x41), 0xC3]) == nil)
    }

    @Test("a string in no form it was written in is an error naming the run's file")
    func unknownForm() throws {
        let event = SortableEvent(event: AuditEvent(eventID: "E1", at: Timestamp(seconds: 1), staff: 0, system: .rms,
                                                    action: .view, entityType: .person, entityID: "", entity: 0,
                                                    fields: FieldSet(rawValue: 0), workstation: "WS", reason: ""),
                                  file: 0, line: 2)
        let path = NSTemporaryDirectory() + "custodes-run-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try EventRunFile.write([event, event], order: [0, 1], to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let second = 8 + (bytes.count - 8) / 2
        #expect(bytes[second + 27] == ShortText.asciiMark | 2)
        // A first byte of no form, a short string's byte beyond ASCII, and a system that was never written.
        for (offset, value) in [(27, UInt8(0x42)), (28, 0xC5), (18, 0xFF)] {
            var corrupt = bytes
            corrupt[second + offset] = value
            try corrupt.write(to: URL(fileURLWithPath: path))
            let reader = try EventRunFile.Reader(path: path)
            #expect(try reader.next()?.event.eventID == "E1")
            let error = #expect(throws: BundleError.self) { try reader.next() }
            #expect(error.map { "\($0)" }?.contains(path) == true)
        }
    }
}

extension EventRunFile.Reader {
    /// One event at a time, for the tests: the merge reads a chunk at a time (`read(into:capacity:)`).
    func next() throws(BundleError) -> SortableEvent? {
        let slot = UnsafeMutablePointer<SortableEvent>.allocate(capacity: 1)
        defer { slot.deallocate() }
        return try read(into: slot, capacity: 1) == 1 ? slot.move() : nil
    }
}
