@testable import CustodesBundle
import CustodesModel
import Foundation
import Testing

@Suite("Sorted runs on disk")
struct EventRunFileTests {
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
        // Each event: 27 bytes of numbers, then four strings each after their 4-byte length.
        let expected = events.reduce(0) { total, item in
            let event = item.event
            return total + 27 + 16 + [event.eventID, event.entityID, event.workstation, event.reason].reduce(0) { $0 + $1.utf8.count }
        }
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == expected)
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
