import CustodesModel

/// The unit's triage capacity: each week (Monday to Sunday, UTC) analysts reach at most `perWeek` alerts, taking the
/// highest-risk first from the queue of every alert opened so far and not yet reached. An alert left in a busy week
/// waits for the next, as it would on a real desk; one never reached by the end is marked over budget. Nothing is
/// dropped, and the evaluation can say what the budget cost in recall and in days.
public enum Budget {
    public static func apply(_ alerts: inout [Alert], perWeek: Int) {
        guard !alerts.isEmpty else { return }
        let byWeek = Dictionary(grouping: alerts.indices) { alerts[$0].openedAt.weekNumber }
        let firstWeek = byWeek.keys.min()!
        let lastWeek = byWeek.keys.max()!
        var queue: [Int] = []
        for index in alerts.indices {
            alerts[index].overBudget = true
            alerts[index].surfacedAt = nil
        }
        for week in firstWeek...lastWeek {
            queue.append(contentsOf: byWeek[week] ?? [])
            queue.sort { alerts[$0].score != alerts[$1].score ? alerts[$0].score > alerts[$1].score : $0 < $1 }
            let weekStart = Timestamp(seconds: week * 7 * 86_400 - 3 * 86_400)
            for index in queue.prefix(perWeek) {
                alerts[index].overBudget = false
                alerts[index].surfacedAt = max(alerts[index].openedAt, weekStart)
            }
            queue.removeFirst(min(perWeek, queue.count))
        }
    }
}
