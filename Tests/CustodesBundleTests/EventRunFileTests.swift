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
}
