public import CustodesModel

/// When each step of an inspection actually happened for one force; a missing date means it has not happened yet.
///
/// Kept beside the findings rather than in a separate tracker so one file says both what was found and how far the
/// force has got, and a letter cannot be marked issued for a force with no findings.
public struct ForceLifecycle: Hashable, Sendable {
    private var dates: [LifecycleStep: CalendarDate]

    public init(_ dates: [LifecycleStep: CalendarDate] = [:]) { self.dates = dates }

    public subscript(step: LifecycleStep) -> CalendarDate? {
        get { dates[step] }
        set { dates[step] = newValue }
    }

    /// The first step not yet recorded, or nil when the return visit has happened.
    public var nextStep: LifecycleStep? { LifecycleStep.allCases.first { dates[$0] == nil } }

    /// Whether the submission met the deadline; nil until it is received. A submission on the deadline day is on
    /// time.
    public func submissionTimeliness(deadline: CalendarDate) -> SubmissionTimeliness? {
        guard let received = dates[.submissionReceived] else { return nil }
        let late = deadline.days(until: received)
        return late > 0 ? .late(days: late) : .onTime
    }

    /// Why the record cannot be right, or nil: a step recorded while an earlier one is not, or dated before it.
    /// Catching this on input keeps the overdue listing from reporting a force as waiting on a step it has passed.
    public var inconsistency: String? {
        var previous: (step: LifecycleStep, date: CalendarDate)?
        var gap: LifecycleStep?
        for step in LifecycleStep.allCases {
            guard let date = dates[step] else {
                if gap == nil { gap = step }
                continue
            }
            if let gap {
                return "'\(step.key)' is recorded but the earlier step '\(gap.key)' is not"
            }
            if let previous, date < previous.date {
                return "'\(step.key)' (\(date)) is before '\(previous.step.key)' (\(previous.date))"
            }
            previous = (step, date)
        }
        return nil
    }
}

/// Whether a force's documents arrived by the deadline.
public enum SubmissionTimeliness: Hashable, Sendable {
    case onTime
    case late(days: Int)
}
