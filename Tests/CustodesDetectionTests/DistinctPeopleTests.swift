@testable import CustodesDetection
import CustodesModel
import Testing

/// The set that counts each person once in a user's skew window, emptied for each user at a week's close.
@Suite("Distinct people")
struct DistinctPeopleTests {
    @Test("counts each person once until emptied, as a Set does, through growth and many emptyings")
    func againstSet() {
        var people = DistinctPeople(capacity: 2)
        var state: UInt64 = 7
        for round in 0..<300 {
            people.removeAll()
            var model = Set<PersonIndex>()
            // Rounds of every size, some far past the room the set started with.
            for _ in 0..<(round * 7 % 400) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let person = PersonIndex(state >> 33 & 0x3FF)
                let isNew = people.insert(person)
                #expect(isNew == model.insert(person).inserted)
            }
            #expect(people.count == model.count)
        }
    }

    @Test("a person of an earlier round is not in the set, even where the slots were full")
    func emptying() {
        var people = DistinctPeople(capacity: 4)
        let first = (0..<PersonIndex(4)).map { people.insert($0) }
        people.removeAll()
        #expect(people.count == 0)
        let second = (0..<PersonIndex(4)).map { people.insert($0) }
        let again = people.insert(2)
        #expect(first == [true, true, true, true] && second == first && !again)
    }
}
