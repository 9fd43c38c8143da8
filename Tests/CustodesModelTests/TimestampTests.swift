import CustodesModel
import Testing

@Suite("Timestamp parsing and formatting")
struct TimestampTests {
    @Test("weeks run Monday to Sunday, UTC, and each starts at its Monday's midnight")
    func weeks() {
        let sunday = Timestamp(year: 2025, month: 1, day: 12, hour: 23, minute: 59, second: 59)
        let monday = Timestamp(year: 2025, month: 1, day: 13)
        #expect(monday.weekNumber == sunday.weekNumber + 1)
        #expect(Timestamp.startOfWeek(sunday.weekNumber) == Timestamp(year: 2025, month: 1, day: 6))
        #expect(Timestamp.startOfWeek(monday.weekNumber) == monday)
        #expect(Timestamp.startOfWeek(Timestamp(seconds: -1).weekNumber) == Timestamp(year: 1969, month: 12, day: 29))
    }

    @Test("UTC times with Z")
    func utc() {
        #expect(Timestamp.parseInstant("2025-01-06T14:05:09Z") == .success(Timestamp(year: 2025, month: 1, day: 6,
                                                                                         hour: 14, minute: 5, second: 9)))
        #expect(Timestamp.parseInstant("1970-01-01T00:00:00Z") == .success(Timestamp(seconds: 0)))
    }

    @Test("offsets move the instant to UTC", arguments: [
        ("2025-06-01T10:00:00+01:00", "2025-06-01T09:00:00Z"),
        ("2025-06-01T10:00:00-05:30", "2025-06-01T15:30:00Z"),
        ("2025-06-01T10:00:00+0100", "2025-06-01T09:00:00Z"),
        ("2025-06-01T00:30:00+01", "2025-05-31T23:30:00Z"),
        ("2025-06-01 10:00:00Z", "2025-06-01T10:00:00Z"),
        ("2025-06-01T10:00Z", "2025-06-01T10:00:00Z"),
        ("2025-06-01T10:00:00.123456Z", "2025-06-01T10:00:00Z"),
    ])
    func offsets(input: String, expected: String) throws {
        let parsed = try Timestamp.parseInstant(input).get()
        #expect(parsed.iso8601 == expected)
    }

    @Test("a time without an offset is refused, not guessed")
    func missingOffset() {
        #expect(Timestamp.parseInstant("2025-06-01T10:00:00") == .failure(.missingOffset))
        #expect(Timestamp.parseInstant("2025-06-01") == .failure(.missingOffset))
    }

    @Test("impossible dates and times are refused", arguments: [
        "2025-02-29T10:00:00Z", "2025-13-01T10:00:00Z", "2025-04-31T10:00:00Z", "25/01/2025 10:00", "",
        "2025-01-01T10:00:00Zjunk", "2025-01-01T10:00:00+1", "2025-01-01X10:00:00Z",
    ])
    func malformed(input: String) {
        #expect(Timestamp.parseInstant(input) == .failure(.malformed))
    }

    @Test("hours, minutes and offsets out of range")
    func outOfRange() {
        #expect(Timestamp.parseInstant("2025-01-01T24:00:00Z") == .failure(.outOfRange))
        #expect(Timestamp.parseInstant("2025-01-01T10:60:00Z") == .failure(.outOfRange))
        #expect(Timestamp.parseInstant("2025-01-01T10:00:00+19:00") == .failure(.outOfRange))
    }

    @Test("leap days exist only in leap years")
    func leapDays() {
        #expect((try? Timestamp.parseDate("2024-02-29").get()) != nil)
        #expect((try? Timestamp.parseDate("2000-02-29").get()) != nil)
        #expect((try? Timestamp.parseDate("1900-02-29").get()) == nil)
    }

    @Test("dates may be written without a time and mean midnight UTC")
    func dates() throws {
        #expect(try Timestamp.parseDate("2025-03-30").get().iso8601 == "2025-03-30T00:00:00Z")
        #expect(try Timestamp.parseDate("2025-03-30T01:30:00+01:00").get().iso8601 == "2025-03-30T00:30:00Z")
    }

    @Test("formatting round-trips across eras, including before 1970")
    func roundTrip() throws {
        for seconds: Int64 in [-2_208_988_800, -1, 0, 951_782_400, 1_735_689_599, 4_102_444_800] {
            let time = Timestamp(seconds: seconds)
            #expect(try Timestamp.parseInstant(time.iso8601).get() == time)
        }
    }

    @Test("day arithmetic floors towards the past")
    func days() {
        let time = Timestamp(seconds: -1)
        #expect(time.startOfDay == Timestamp(seconds: -86_400))
        #expect(time.dayNumber == -1)
        #expect(Timestamp(year: 2025, month: 1, day: 6, hour: 23).startOfDay == Timestamp(year: 2025, month: 1, day: 6))
    }
}
