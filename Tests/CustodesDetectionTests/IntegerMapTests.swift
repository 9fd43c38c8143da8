@testable import CustodesDetection
import CustodesModel
import Testing

/// The pair table: who looked at whom, and when last. Checked against a dictionary, through growth and through
/// room made in advance.
@Suite("Integer map")
struct IntegerMapTests {
    /// Keys spread as pairs are: a member of staff in the high half, a person in the low.
    static func keys(_ count: Int) -> [Int64] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64(state >> 54) << 32 | Int64(state >> 40 & 0x3FFF)
        }
    }

    @Test("answers as a dictionary does while it grows from eight slots")
    func growth() {
        var map = IntegerMap(capacity: 1)
        var model: [Int64: Int64] = [:]
        for (index, key) in Self.keys(5_000).enumerated() {
            let isNew = map.insert(key, Int64(index))
            #expect(isNew == (model.updateValue(Int64(index), forKey: key) == nil))
        }
        #expect(map.count == model.count)
        for (key, value) in model { #expect(map[key] == value) }
        #expect(map[Int64(1) << 40] == nil)
    }

    @Test("room made in advance keeps what is there, and the map still grows past it")
    func reserve() {
        var map = IntegerMap(capacity: 1)
        let keys = Self.keys(3_000)
        for key in keys.prefix(100) { map.insert(key, key &* 3) }
        map.reserve(1_000)
        map.reserve(10)  // never shrinks
        for key in keys.prefix(100) { #expect(map[key] == key &* 3) }
        for key in keys.dropFirst(100) { map.insert(key, key &* 3) }
        #expect(map.count == Set(keys).count)
        for key in keys { #expect(map[key] == key &* 3) }
    }

    @Test("the engine takes room for a quarter of the events it is told of, never less than none nor more than its cap")
    func expectedPairs() {
        let engine = Fixture.engine()
        engine.expect(events: 1_000)
        #expect(engine.pairsExpected == 250)
        engine.expect(events: -5)
        #expect(engine.pairsExpected == 0)
        engine.expect(events: .max)
        #expect(engine.pairsExpected == DetectionEngine.mostPairsExpected)
    }
}
