@testable import CustodesDetection
import Testing

/// The layout the look-ahead is written for: it asks for every cache line of an activity before the access.
@Suite("Activities in memory")
struct StaffActivitiesTests {
    @Test("an activity takes three cache lines, so the look-ahead asks for three")
    func threeLines() {
        #expect(MemoryLayout<StaffActivity>.size <= 192, "\(MemoryLayout<StaffActivity>.size) bytes")
        #expect(StaffActivities.slotBytes == 192)
    }
}
