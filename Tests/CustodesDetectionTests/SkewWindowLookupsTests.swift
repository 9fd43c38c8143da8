@testable import CustodesDetection
import CustodesModel
import Testing

/// The skew window keeps events only for look-ups in the watched group; they must stay beside their look-ups as the
/// window moves on, whatever order the look-ups were decided in.
@Suite("Skew window look-ups")
struct SkewWindowLookupsTests {
    static func event(_ id: String, day: Int, person: PersonIndex) -> EvidenceEvent {
        EvidenceEvent(Fixture.event(id, Fixture.at(day, 10), staff: 0, person: person), onDuty: true)
    }

    /// Look-ups on days 1 to 6; P1 and P2 are in the group; the day-5 look was decided before the day-4 one.
    static func window() -> SkewWindowLookups {
        var window = SkewWindowLookups()
        for (id, day, person, inGroup) in [("A", 1, 1, true), ("B", 2, 7, false), ("C", 3, 2, true),
                                           ("E", 5, 1, true), ("D", 4, 8, false), ("F", 6, 2, true)] {
            window.append(at: Fixture.at(day, 10).seconds, person: PersonIndex(person), sex: .female, inGroup: inGroup,
                          event: Self.event(id, day: day, person: PersonIndex(person)))
        }
        return window
    }

    @Test("the latest look-up of each person in the group comes with its own event, oldest first")
    func latestInGroup() {
        let window = Self.window()
        #expect(window.latestInGroup(since: Fixture.at(1, 0).seconds).map(\.event.eventID) == ["E", "F"])
        #expect(window.latestInGroup(since: Fixture.at(6, 0).seconds).map(\.event.eventID) == ["F"])
        #expect(window.latestInGroup(since: Fixture.at(7, 0).seconds).isEmpty)
    }

    @Test("forgetting old look-ups keeps every remaining group look-up beside its event")
    func forget() {
        var window = Self.window()
        window.forget(before: Fixture.at(3, 0).seconds)
        #expect(window.lookups.map(\.person) == [2, 1, 8, 2])
        // The events left are C, E and F, each beside its own look-up.
        #expect(window.latestInGroup(since: Fixture.at(3, 0).seconds).map(\.event.eventID) == ["E", "F"])
        window.forget(before: Fixture.at(5, 12).seconds)
        #expect(window.latestInGroup(since: 0).map(\.event.eventID) == ["F"])
        window.forget(before: Fixture.at(6, 0).seconds)
        #expect(window.lookups.map(\.person) == [2])
        #expect(window.latestInGroup(since: 0).map(\.event.eventID) == ["F"])
        window.forget(before: Fixture.at(9, 0).seconds)
        #expect(window.isEmpty)
    }

    @Test("a set of people counts each person once until it is emptied")
    func marks() {
        var people = DistinctPeople()
        let first = [people.insert(3), people.insert(3), people.insert(9)]
        people.removeAll()
        let second = [people.insert(3), people.insert(9), people.insert(9)]
        #expect(first == [true, false, true])
        #expect(second == [true, true, false])
    }
}
