public import CustodesModel
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
    public func lastDay(becameClear day: CalendarDate) -> CalendarDate { day.adding(days: 1) }

    /// The force's calendar day at `seconds` since the epoch.
    public func day(at seconds: Int64) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    public enum Standing: Equatable, Sendable {
        /// No referral is required (or none yet known to be).
        case notRequired
        /// Required, not yet sent, and the last day is still to come or is today.
        case due(lastDay: CalendarDate)
        /// Required, not sent, and the last day has passed.
        case overdue(lastDay: CalendarDate)
        case sentOnTime(CalendarDate)
        case sentLate(CalendarDate, lastDay: CalendarDate)
    }

    /// Where a case stands against the rule on `today`.
    public func standing(mandatory: Bool, becameClear: CalendarDate?, sentOn: CalendarDate?, today: CalendarDate) -> Standing {
        guard mandatory, let becameClear else { return .notRequired }
        let last = lastDay(becameClear: becameClear)
        if let sentOn { return sentOn <= last ? .sentOnTime(sentOn) : .sentLate(sentOn, lastDay: last) }
        return today <= last ? .due(lastDay: last) : .overdue(lastDay: last)
    }
}
