public import CustodesModel

/// The unit's triage capacity: each week (Monday to Sunday, UTC) analysts reach at most `perWeek` alerts, taking the
/// highest-risk first from the queue of every alert opened so far and not yet reached, by the risk known by the end
/// of that week (never by evidence that came later). An alert left in a busy week
/// waits for the next, as it would on a real desk, through the week of `end` (the newest event) when given; one
/// never reached by then is marked over budget. Nothing is
/// dropped, and the evaluation can say what the budget cost in recall and in days.
public enum Budget {
    public static func apply(_ alerts: inout [Alert], perWeek: Int, through end: Timestamp? = nil) {
        guard !alerts.isEmpty else { return }
        let byWeek = Dictionary(grouping: alerts.indices) { alerts[$0].openedAt.weekNumber }
        let firstWeek = byWeek.keys.min()!
        let lastWeek = max(byWeek.keys.max()!, end?.weekNumber ?? .min)
        var queue: [Int] = []
        for index in alerts.indices {
            alerts[index].overBudget = true
            alerts[index].surfacedAt = nil
        }
        for week in firstWeek...lastWeek {
            queue.append(contentsOf: byWeek[week] ?? [])
            let weekStart = Timestamp.startOfWeek(week)
            let known = Dictionary(uniqueKeysWithValues: queue.map {
                ($0, risk(of: alerts[$0], before: weekStart.seconds + 7 * 86_400))
            })
            queue.sort { known[$0]! != known[$1]! ? known[$0]! > known[$1]! : $0 < $1 }
            for index in queue.prefix(perWeek) {
                alerts[index].overBudget = false
                alerts[index].surfacedAt = max(alerts[index].openedAt, weekStart)
            }
            queue.removeFirst(min(perWeek, queue.count))
        }
    }

    /// The highest risk an alert had shown before `time`: at its opening, or on a later day of evidence.
    static func risk(of alert: Alert, before time: Int64) -> Double {
        alert.riskByDay.reduce(alert.scoreAtOpen) { $1.day.seconds < time ? max($0, $1.score) : $0 }
    }
}
