@testable import CustodesBundle
import CustodesModel
import Foundation
import Testing

/// The merge of sorted runs, read a chunk at a time: every event once, in the order ``SortableEvent/precedes(_:_:)``
/// gives, whatever the runs' lengths beside the chunk's, and an error for a run cut short.
@Suite("Merging sorted runs")
struct RunMergeTests {
    static func event(_ id: String, at seconds: Int64, file: UInt16, line: UInt32) -> SortableEvent {
        SortableEvent(event: AuditEvent(eventID: id, at: Timestamp(seconds: seconds), staff: 0, system: .rms,
                                        action: .view, entityType: .person, entityID: "", entity: 0,
                                        fields: FieldSet(rawValue: 0), workstation: "WS", reason: ""),
                      file: file, line: line)
    }

    @Test("runs shorter than a chunk, as long, and much longer merge into one order, ties broken by id, file, line")
    func order() throws {
        var numbers = SeededNumbers(seed: 3)
        let size = RunMerge.chunkSize
        let lengths = [0, 1, size - 1, size, size + 1, 7 * size + 3]
        var all: [SortableEvent] = []
        var runs: [any SortedRun] = []
        for (file, length) in lengths.enumerated() {
            // Few distinct seconds and ids, so that many events tie on time and some on id too.
            let events = (0..<length).map { line in
                Self.event("E\(numbers.next(50))", at: Int64(numbers.next(40)), file: UInt16(file), line: UInt32(line))
            }
            all += events
            runs.append(MemoryRun(events))
        }
        var merged: [SortableEvent] = []
        try AuditEventStream.merge(runs) { merged.append($0) }
        let expected = all.sorted(by: SortableEvent.precedes)
        #expect(merged.count == expected.count)
        #expect(merged.map(\.event.eventID) == expected.map(\.event.eventID))
        #expect(merged.map(\.file) == expected.map(\.file))
        #expect(merged.map(\.line) == expected.map(\.line))
    }

    @Test("a run file cut short stops the merge with an error naming it")
    func truncated() throws {
        let events = (0..<(3 * RunMerge.chunkSize)).map {
            Self.event("E\($0)", at: Int64($0), file: 0, line: UInt32($0))
        }
        let path = NSTemporaryDirectory() + "custodes-merge-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try EventRunFile.write(events, order: events.indices.map(Int32.init), to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast(5).write(to: URL(fileURLWithPath: path))
        var delivered = 0
        let error = #expect(throws: BundleError.self) {
            try AuditEventStream.merge([try EventRunFile.Reader(path: path), MemoryRun([])]) { _ in delivered += 1 }
        }
        #expect(error.map { "\($0)" }?.contains(path) == true)
        #expect(delivered < events.count)
    }
}
