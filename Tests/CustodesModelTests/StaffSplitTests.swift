import CustodesModel
import Testing

@Suite("Splitting staff into shares")
struct StaffSplitTests {
    @Test("a member of staff's share is their number modulo the count, for any count and number",
          arguments: [1, 2, 3, 4, 7, 8, 12, 64, 1_000, 65_537, Int(Int32.max), Int(UInt32.max)])
    func remainder(count: Int) {
        let split = StaffSplit(count: count)
        var numbers: [Int32] = [0, 1, 2, 3, 63, 64, 65, 9_999, 10_000, 65_535, 65_536, Int32.max - 1, Int32.max]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<10_000 { numbers.append(Int32.random(in: 0...Int32.max, using: &random)) }
        for number in numbers {
            #expect(split.share(of: number) == Int(number) % count, "staff \(number), \(count) shares")
        }
    }
}
