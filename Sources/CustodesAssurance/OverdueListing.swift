public import CustodesModel

/// A force whose next step is past its due date.
public struct OverdueStep: Hashable, Sendable {
    public var force: String
    public var step: LifecycleStep
    public var due: CalendarDate
    public var daysOverdue: Int

    public init(force: String, step: LifecycleStep, due: CalendarDate, daysOverdue: Int) {
        self.force = force
        self.step = step
        self.due = due
        self.daysOverdue = daysOverdue
    }
}

/// Lists the forces that are behind the inspection's timetable.
///
/// Only each force's next outstanding step is listed: a force that has not submitted is late with its submission,
/// and saying its letter is also late would bury the one thing someone can chase. The day is passed in, never read
/// from the clock, so the listing for a given day is reproducible.
public enum OverdueListing {
    /// Steps due strictly before `today` and not yet recorded, most overdue first, then by force slug.
    public static func overdue(
        _ findings: [ForceFindings], dates: InspectionDates, today: CalendarDate
    ) -> [OverdueStep] {
        findings.compactMap { force -> OverdueStep? in
            guard let step = force.lifecycle.nextStep else { return nil }
            let due = step.due(in: dates)
            let days = due.days(until: today)
            return days > 0 ? OverdueStep(force: force.force, step: step, due: due, daysOverdue: days) : nil
        }
        .sorted { ($0.daysOverdue, $1.force) > ($1.daysOverdue, $0.force) }
    }
}
