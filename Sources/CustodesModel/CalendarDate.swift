/// A day in the calendar, with no time or zone.
///
/// Inspection dates are days on a letter, and a case's deadlines are days in the force's calendar ("2 October 2017"), not instants: a deadline of 31 May is met by anything
/// received that day wherever it was sent from, so comparing days avoids off-by-one-hour surprises around midnight.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for dates that do not exist (30 February), so a typo in a file is caught rather than rolled over.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarMonth(year: year, month: month)!.numberOfDays else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, the only spelling the input files and the unit's forms accept: ASCII digits only (no
    /// signs, no other scripts' digits, no spaces).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day from the days since 1970-01-01.
    public init(dayNumber: Int) {
        let start = Timestamp(seconds: Int64(dayNumber) * 86_400)
        let parts = start.iso8601.prefix(10).split(separator: "-").compactMap { Int($0) }
        self.init(year: parts[0], month: parts[1], day: parts[2])!
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Monday to Friday (bank holidays are not known here).
    public var isWorkingDay: Bool { (dayNumber + 3) % 7 < 5 }

    /// The end of the `count`th working day after this day: 2 working days from a Friday is the Tuesday.
    public func adding(workingDays count: Int) -> CalendarDate {
        var day = self
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if day.isWorkingDay { left -= 1 }
        }
        return day
    }

    /// Days since 1970-01-01, so that lateness and overdue periods are plain subtraction.
    public var dayNumber: Int { Int(Timestamp(year: year, month: month, day: day).dayNumber) }

    public var calendarMonth: CalendarMonth { CalendarMonth(year: year, month: month)! }

    /// Whole days from `self` to `other`; negative when `other` is earlier.
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The letter style, "2 October 2017", with no leading zero and no ordinal suffix.
    public var longForm: String { "\(day) \(calendarMonth.name) \(year)" }

    /// `YYYY-MM-DD`, as written in the input files.
    public var iso: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}
