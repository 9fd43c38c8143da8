@testable import CustodesDetection
import CustodesModel
import Testing

/// A member of staff's days of look-ups by person, checked against a dictionary through growth and the weekly
/// forgetting of people whose days are past use (removals that shift the people after them back).
@Suite("Days by person")
struct PersonDaysTableTests {
    static func look(_ person: PersonIndex, day: Int) -> EvidenceEvent {
        EvidenceEvent(Fixture.event("E\(person)-\(day)", Fixture.at(day, 10), staff: 1, person: person), onDuty: true)
    }

    @Test("answers as a dictionary does, through growth, removals and searches that pass removed slots")
    func againstDictionary() {
        var table = PersonDaysTable()
        var model: [PersonIndex: PersonDays] = [:]
        var numbers = SeededNumbers(seed: 11)
        // Three hundred people spread over the whole range: consecutive numbers fall in slots apart, and these
        // share home slots, so that removals shift people back.
        let pool = (0..<300).map { _ in PersonIndex(numbers.next(1 << 31)) }
        for day in 0..<60 {
            for _ in 0..<40 {
                let person = pool[Int(numbers.next(300))]
                let access = Self.look(person, day: day)
                let counted = table.update(person) {
                    $0.record(at: access.at.seconds, access, window: 10 * 86_400, evidenceFrom: 2).count
                }
                let expected = model[person, default: PersonDays()]
                    .record(at: access.at.seconds, access, window: 10 * 86_400, evidenceFrom: 2).count
                #expect(counted == expected)
            }
            if day % 7 == 6 {
                let now = Fixture.at(day, 23).seconds
                table.removeAll { now - $0.lastAt > 5 * 86_400 }
                model = model.filter { now - $0.value.lastAt <= 5 * 86_400 }
            }
            #expect(table.count == model.count)
            for person in pool {
                #expect(table.days(of: person)?.days == model[person]?.days, "person \(person) on day \(day)")
            }
        }
        var seen: [PersonIndex: Int] = [:]
        table.forEach { person, days in
            seen[person] = days.count
            return true
        }
        #expect(seen == model.mapValues(\.count))
    }

    @Test("iteration stops when asked; an empty table has nothing and nowhere to ask for")
    func stopping() {
        var table = PersonDaysTable()
        #expect(table.slotAddress(for: 3) == nil)
        #expect(table.days(of: 3) == nil)
        for person in 0..<PersonIndex(20) {
            let access = Self.look(person, day: 1)
            _ = table.update(person) { $0.record(at: access.at.seconds, access, window: 86_400, evidenceFrom: 1) }
        }
        #expect(table.slotAddress(for: 3) != nil)
        var visited = 0
        table.forEach { _, _ in
            visited += 1
            return visited < 5
        }
        #expect(visited == 5)
        table.removeAll { _ in true }
        #expect(table.count == 0 && table.days(of: 3) == nil)
    }
}
