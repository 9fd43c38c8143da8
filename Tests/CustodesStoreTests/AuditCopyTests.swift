@testable import CustodesStore
import NIOCore
import Testing

@Suite("Preparing audit events for COPY")
struct AuditCopyTests {
    static func row(_ id: String, at: Int64) -> AuditEventRow {
        AuditEventRow(eventID: id, at: at, staffID: "S1", system: "rms", action: "view", entityType: "person",
                      entityID: "P1", fields: "summary", workstation: "WS-1", reason: "")
    }

    @Test("the four special bytes are escaped, everything else is copied as it is")
    func escapes() {
        var buffer = CopyTextBuffer()
        buffer.append("plain text, ünïcode")
        buffer.tab()
        buffer.append("a\tb\nc\rd\\e")
        buffer.endRow()
        let text = String(buffer: buffer.take())
        #expect(text == "plain text, ünïcode\ta\\tb\\nc\\rd\\\\e\n")
        #expect(buffer.isEmpty)
    }

    @Test("integers are written in decimal across the whole range", arguments: [
        Int64.min, -1_700_000_000, -1, 0, 7, 10, 1_767_225_600, Int64.max,
    ])
    func integers(_ number: Int64) {
        var buffer = CopyTextBuffer()
        buffer.append(number)
        #expect(String(buffer: buffer.take()) == String(number))
    }

    @Test("first sightings come out in (time, id) order, re-deliveries in their own order, across chunks")
    func split() {
        let filter = RepeatedEventFilter()
        // Enough ids to make the table grow several times.
        let first = (0..<200_000).map { Self.row("E\($0)", at: Int64(($0 * 7919) % 1000)) }
        let (fresh, repeated) = filter.split(first)
        #expect(fresh.count == first.count)
        #expect(repeated.isEmpty)
        #expect(zip(fresh, fresh.dropFirst()).allSatisfy { ($0.at, $0.eventID) < ($1.at, $1.eventID) })
        #expect(Set(fresh.map(\.eventID)) == Set(first.map(\.eventID)))

        let second = [Self.row("E5", at: 3), Self.row("N1", at: 9), Self.row("E199999", at: 1), Self.row("N0", at: 9),
                      Self.row("N1", at: 9)]
        let (newFresh, newRepeated) = filter.split(second)
        #expect(newFresh.map(\.eventID) == ["N0", "N1"])
        #expect(newRepeated.map(\.eventID) == ["E5", "E199999", "N1"])
    }

    @Test("the id hash is never zero, the filter's mark of an empty slot")
    func hashNeverZero() {
        #expect(RepeatedEventFilter.hash("") != 0)
        #expect(RepeatedEventFilter.hash("RMS-00000342") != RepeatedEventFilter.hash("RMS-00000343"))
    }
}
