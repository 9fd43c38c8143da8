@testable import CustodesDetection
import CustodesModel
import Testing

/// The days a member of staff looked a person up with no link: what the repeat rule counts.
@Suite("Days of look-ups of one person")
struct PersonDaysTests {
    static func look(_ day: Int, _ hour: Int) -> EvidenceEvent {
        EvidenceEvent(Fixture.event("E\(day)-\(hour)", Fixture.at(day, hour), staff: 5, person: 0), onDuty: true)
    }

    static func record(_ days: inout PersonDays, _ day: Int, _ hour: Int, window: Int64 = 30 * 86_400,
                       evidenceFrom: Int = 3) -> (count: Int, evidence: [EvidenceEvent]?, offDuty: Int) {
        let access = look(day, hour)
        return days.record(at: access.at.seconds, access, window: window, evidenceFrom: evidenceFrom)
    }

    @Test("a second look the same day is not a new day; the first of each day is kept, with the last day's time")
    func oneADay() {
        var days = PersonDays()
        #expect(days.lastAt == .min)
        #expect(Self.record(&days, 1, 9).count == 1)
        #expect(Self.record(&days, 1, 17).count == 0)
        #expect(days.lastAt == Fixture.at(1, 9).seconds)
        #expect(Self.record(&days, 2, 8).count == 2)
        let third = Self.record(&days, 4, 23)
        #expect(third.count == 3)
        #expect(third.evidence?.map(\.eventID) == ["E1-9", "E2-8", "E4-23"])
        #expect(days.lastAt == Fixture.at(4, 23).seconds)
    }

    @Test("days older than the window are dropped as a new day comes; evidence only from the minimum")
    func window() {
        var days = PersonDays()
        _ = Self.record(&days, 1, 9, window: 5 * 86_400)
        _ = Self.record(&days, 3, 9, window: 5 * 86_400)
        let later = Self.record(&days, 7, 9, window: 5 * 86_400)
        #expect(later.count == 2)
        #expect(later.evidence == nil)
        #expect(days.days.map(\.eventID) == ["E3-9", "E7-9"])
    }

    @Test("how many of the days' first looks were off duty, once there is evidence")
    func offDutyDays() {
        var days = PersonDays()
        func look(_ day: Int, onDuty: Bool) -> (count: Int, evidence: [EvidenceEvent]?, offDuty: Int) {
            let access = EvidenceEvent(Fixture.event("E\(day)", Fixture.at(day, 22), staff: 5, person: 0),
                                       onDuty: onDuty)
            return days.record(at: access.at.seconds, access, window: 30 * 86_400, evidenceFrom: 3)
        }
        #expect(look(1, onDuty: false).offDuty == 0, "no evidence yet: not counted")
        #expect(look(2, onDuty: true).offDuty == 0)
        #expect(look(3, onDuty: false).offDuty == 2)
        #expect(look(4, onDuty: false).offDuty == 3)
    }
}
