/// An instant as whole seconds since 1970-01-01T00:00:00Z.
///
/// Audit exports carry ISO 8601 text; Custodes parses it once into an integer so that ordering, windows and grace
/// periods on the detection path are integer arithmetic. Sub-second precision is dropped: no rule needs it, and
/// events in the same second are ordered by event id.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    public static let minute: Int64 = 60
    public static let hour: Int64 = 3_600
    public static let day: Int64 = 86_400

    public func adding(seconds delta: Int64) -> Timestamp { Timestamp(seconds: seconds + delta) }

    /// Midnight (UTC) of the day this instant falls in.
    public var startOfDay: Timestamp { Timestamp(seconds: Self.floorDiv(seconds, Self.day) * Self.day) }

    /// Whole days since the epoch, for grouping by day.
    public var dayNumber: Int64 { Self.floorDiv(seconds, Self.day) }

    public var description: String { iso8601 }

    /// The calendar year (UTC), for ages.
    public var year: Int { Int(Self.civil(fromDays: Self.floorDiv(seconds, Self.day)).0) }

    /// Weeks since the Monday before the epoch (1969-12-29), so that weeks run Monday to Sunday, UTC.
    public var weekNumber: Int64 { Self.floorDiv(seconds + 3 * Self.day, 7 * Self.day) }

    /// The Monday 00:00 UTC on which week `weekNumber` (``weekNumber``) begins.
    public static func startOfWeek(_ weekNumber: Int64) -> Timestamp {
        Timestamp(seconds: weekNumber * 7 * day - 3 * day)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var iso8601: String {
        let days = Self.floorDiv(seconds, Self.day)
        let secondOfDay = seconds - days * Self.day
        let (year, month, day) = Self.civil(fromDays: days)
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
            + "\(Self.pad(secondOfDay / 3600, 2)):\(Self.pad(secondOfDay / 60 % 60, 2)):\(Self.pad(secondOfDay % 60, 2))Z"
    }

    /// `YYYY-MM-DD` of the UTC day.
    public var isoDate: String {
        let (year, month, day) = Self.civil(fromDays: Self.floorDiv(seconds, Self.day))
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = Self.days(fromCivil: Int64(year), Int64(month), Int64(day))
        self.init(seconds: days * Self.day + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second))
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, after H. Hinnant's algorithms)

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(_ year: Int64, _ month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
