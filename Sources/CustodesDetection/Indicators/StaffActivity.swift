import CustodesModel

/// What detection remembers about one member of staff between events: the days they looked at each person without a
/// link, their unexplained look-ups for the peer rules, their working session, and their risk. (When they last looked
/// at each person is kept by pair in `DetectionEngine.pairLastAccess`.)
struct StaffActivity: ~Copyable {
    /// Distinct days of unexplained access to each person, with the first access of each day as evidence.
    var unexplainedDays = PersonDaysTable()
    /// Unexplained person look-ups within the demographic-skew window (and at least the indicator window). The skew
    /// counts the people among them, each once, and so does whom volume falls on (``VolumeFocus``).
    var unexplained = SkewWindowLookups()
    /// The week this member of staff was last active in; their unexplained accesses that week are
    /// `weekUnexplained`, below.
    var activeWeek: Int64 = .min
    /// When the demographic-skew rule last fired, so it fires again only on new look-ups.
    var skewFiredAt: Int64 = .min
    var lastPrune: Int64 = 0
    /// The current working session: its last access, whether it shows the user at work, and the off-roster
    /// unexplained accesses waiting for that answer.
    var sessionLast: Int64 = .min
    var sessionAtWork = false
    /// The unexplained accesses of the active week (the first twenty are kept as evidence in
    /// `DetectionEngine.weekEvidence`). Beside the flag above, in the space its alignment leaves, so that the
    /// activity fits whole cache lines with none to spare (``StaffActivities``).
    var weekUnexplained: Int32 = 0
    /// Where the last search of their roster ended, where the next starts.
    var rosterHint = RosterHint()
    var pending: [AuditEvent] = []
    var risk = RiskLedger()
    /// The people and occurrences opened in the last hours, for case work (``RecentRecords``).
    var recentRecords = RecentRecords()
    /// The day each person of their own circle (a declared associate, a relative at their address) was last looked
    /// at: several accesses in one sitting are one look. Empty for nearly everyone.
    var circleLookDays: [PersonIndex: Int64] = [:]

    /// Drops memory older than the windows, once a week at most. Every use checks its window itself, so stale
    /// entries only cost memory; pruning more often cost more time than it saved.
    mutating func prune(now: Int64, repeatWindow: Int64, lookupWindow: Int64) {
        guard now - lastPrune >= 7 * 86_400 else { return }
        lastPrune = now
        // Only people whose last day has left the window go: the repeat rule trims the older days of a list itself
        // when it next adds one. Rebuilding the map instead copied every list and retained every evidence entry,
        // once a week for every member of staff: a quarter of detection on a force where half of access is
        // unexplained (profiled with perf on the realistic profile).
        unexplainedDays.removeAll { days in days.lastAt == .min || now - days.lastAt > repeatWindow }
        unexplained.forget(before: now - lookupWindow)
    }
}
