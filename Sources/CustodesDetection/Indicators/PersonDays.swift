import CustodesModel

/// The days on which a member of staff looked a person up with no link, within the repeat window: the first access
/// of each day, as evidence. What the repeat rule counts, and what a list worked through is recognised by.
struct PersonDays {
    /// The time of the last day's first access, beside the list rather than read from its end: the weekly prune asks
    /// it of every person the user looked up, and a second look the same day asks it too, and reading it from the
    /// list was a miss to memory for each (the prune alone was 2% of a one-core run in `perf`).
    private(set) var lastAt: Int64 = .min
    /// In time order.
    private(set) var days: [EvidenceEvent] = []
    /// The day (days since 1970) the user last opened the person's contact details, address or photograph with no
    /// link, or looked them up in a system that does not log what was opened; `Int32.min` for never.
    private(set) var detailsDay: Int32 = .min

    var count: Int { days.count }

    /// Adds an unexplained access if it is the first of its day, dropping days older than `window`. Returns how many
    /// days the list now holds (0 when the day was already there: not a new look), and the last ten as evidence and
    /// how many of the days' first looks were off duty once there are at least `evidenceFrom`.
    mutating func record(at now: Int64, _ access: @autoclosure () -> EvidenceEvent, window: Int64,
                         evidenceFrom: Int, details: Bool = false) -> (count: Int, evidence: [EvidenceEvent]?, offDuty: Int) {
        if details { detailsDay = Int32(truncatingIfNeeded: now / 86_400) }
        if lastAt != .min, lastAt / 86_400 == now / 86_400 { return (0, nil, 0) }
        days.append(access())
        lastAt = now
        if now - days[0].at.seconds > window { days.removeAll { now - $0.at.seconds > window } }
        guard days.count >= evidenceFrom else { return (days.count, nil, 0) }
        return (days.count, Array(days.suffix(10)), days.reduce(0) { $0 + ($1.onDuty ? 0 : 1) })
    }

    /// Whether the user opened the person's details (or may have: see ``detailsDay``) within `window` of `now`.
    func openedDetails(at now: Int64, window: Int64) -> Bool {
        detailsDay != .min && now / 86_400 - Int64(detailsDay) <= window / 86_400
    }
}
