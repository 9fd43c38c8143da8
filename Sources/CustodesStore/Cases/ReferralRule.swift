public import Foundation

/// The IOPC referral rule, in one place. Abuse of position for a sexual purpose is a category of complaint and of
/// conduct matter that the appropriate authority must refer to the Independent Office for Police Conduct: the
/// Police (Complaints and Misconduct) Regulations 2020, regulation 4 (complaints: "serious corruption, including
/// abuse of position for a sexual purpose or the purpose of pursuing an improper emotional relationship") and
/// regulation 7 (recordable conduct matters). The referral is due by the end of the day after the day on which it
/// first became clear that the matter must be referred. docs/intelligence-and-cases.md quotes the source; a force
/// should check the regulations' current text, and change this type alone if it changes.
///
/// Days are the force's calendar days (`timeZone`, Europe/London by default): a matter that became clear at 23:30 on
/// 1 March is due by the end of 2 March, whatever UTC says.
public struct ReferralRule: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(identifier: "UTC")!) {
        self.timeZone = timeZone
    }

    /// Whether a case of this kind must be referred.
    public func isMandatory(abuseOfPositionForSexualPurpose: Bool) -> Bool { abuseOfPositionForSexualPurpose }

    /// The last day on which a referral is on time: the day after the matter became clear.
    public func lastDay(becameClear day: CaseDay) -> CaseDay { day.adding(days: 1) }

    /// The force's calendar day at `seconds` since the epoch.
    public func day(at seconds: Int64) -> CaseDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return CaseDay(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    public enum Standing: Equatable, Sendable {
        /// No referral is required (or none yet known to be).
        case notRequired
        /// Required, not yet sent, and the last day is still to come or is today.
        case due(lastDay: CaseDay)
        /// Required, not sent, and the last day has passed.
        case overdue(lastDay: CaseDay)
        case sentOnTime(CaseDay)
        case sentLate(CaseDay, lastDay: CaseDay)
    }

    /// Where a case stands against the rule on `today`.
    public func standing(mandatory: Bool, becameClear: CaseDay?, sentOn: CaseDay?, today: CaseDay) -> Standing {
        guard mandatory, let becameClear else { return .notRequired }
        let last = lastDay(becameClear: becameClear)
        if let sentOn { return sentOn <= last ? .sentOnTime(sentOn) : .sentLate(sentOn, lastDay: last) }
        return today <= last ? .due(lastDay: last) : .overdue(lastDay: last)
    }
}

/// A calendar day, written and stored as YYYY-MM-DD so that text order is date order.
public struct CaseDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day from its YYYY-MM-DD text; nil for anything else, including days that do not exist (2026-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2999).contains(year), (1...12).contains(month),
              (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public func adding(days: Int) -> CaseDay {
        var year = year, month = month, day = day + days
        while day > Self.days(inMonth: month, year: year) {
            day -= Self.days(inMonth: month, year: year)
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        while day < 1 {
            month -= 1
            if month < 1 { month = 12; year -= 1 }
            day += Self.days(inMonth: month, year: year)
        }
        return CaseDay(year: year, month: month, day: day)
    }

    public static func < (lhs: CaseDay, rhs: CaseDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
