public import CustodesModel

/// What a detection run saw: how many accesses were explained and by what, per role; how often each indicator
/// fired; what exceptions suppressed; how many alerts opened and how many the budget held back.
///
/// Counters are kept in arrays indexed by each vocabulary's order, because they are bumped on every event.
public struct DetectionSummary: Sendable, Equatable {
    public var events = 0
    /// Accesses to records that are not people or occurrences (vehicles, locations, intelligence): not scored.
    public var outOfScope = 0
    /// Accesses to people and occurrences.
    public var inScope = 0
    public var explained = 0
    /// Of the accesses an attendance explains, those after its own grace, as its follow-up: explained, but weighed
    /// as returns (docs/detection.md, section 2.1). How many there are shows a force what that setting weighs.
    public var attendanceFollowUps = 0
    /// Weekly demographic skew tests (a member of staff with enough people in the window), and those in which the
    /// member of staff's team, standing apart from their role, was the peers (``SkewPeers``): how often that setting
    /// speaks on a force's data.
    public var skewTests = 0
    public var skewTestsByTeam = 0
    /// Sittings (a member of staff's accesses with no gap of more than the session gap), and those that a workstation
    /// the rules take as at work (`explanation.at_work_workstation_prefixes`) put at work before anything else did:
    /// a force whose terminals match none of the prefixes sees at once that where a sitting was made decides nothing.
    public var sessions = 0
    public var sessionsAtWorkByTerminal = 0
    var kindCounts = [Int](repeating: 0, count: ExplanationKind.allCases.count)
    var assignmentRoleCounts = [Int](repeating: 0, count: AssignmentRole.allCases.count)
    var inScopeRoleCounts = [Int](repeating: 0, count: StaffRole.allCases.count)
    var explainedRoleCounts = [Int](repeating: 0, count: StaffRole.allCases.count)
    /// Hits on single accesses by each role, before peer baselines: how often the rules fire on the role's work.
    var roleHitCounts = [Int](repeating: 0, count: StaffRole.allCases.count)
    var hitCounts = [Int](repeating: 0, count: IndicatorName.allCases.count)
    /// Volume hits not scored because the user's rate of them was no higher than their peers'.
    var atPeerRateCounts = [Int](repeating: 0, count: IndicatorName.allCases.count)
    /// Hits suppressed by each exception, in rules-file order.
    public var suppressedByException: [Int] = []
    public var unresolvableExceptions: [Int] = []
    public var alerts = 0
    /// The rules' learning weeks (``RiskSettings/learningWeeks``), when they ended (nil: not yet, or none), and how
    /// many members of staff had risk over the threshold in them but under the strong threshold, held back then: what
    /// a force reviewing its first weeks should know it was not shown.
    public var learningWeeks = 0
    public var learningEndedAt: Timestamp?
    public var heldInLearning = 0
    /// The newest event's time: a budgeted queue goes on working through the weeks up to it.
    public var lastEventAt: Timestamp?

    /// Adds another part's counts, for a run split by member of staff.
    mutating func merge(_ other: DetectionSummary) {
        events += other.events
        outOfScope += other.outOfScope
        inScope += other.inScope
        explained += other.explained
        attendanceFollowUps += other.attendanceFollowUps
        skewTests += other.skewTests
        skewTestsByTeam += other.skewTestsByTeam
        sessions += other.sessions
        sessionsAtWorkByTerminal += other.sessionsAtWorkByTerminal
        func add(_ counts: inout [Int], _ more: [Int]) { for index in counts.indices { counts[index] += more[index] } }
        add(&kindCounts, other.kindCounts)
        add(&assignmentRoleCounts, other.assignmentRoleCounts)
        add(&inScopeRoleCounts, other.inScopeRoleCounts)
        add(&explainedRoleCounts, other.explainedRoleCounts)
        add(&roleHitCounts, other.roleHitCounts)
        add(&hitCounts, other.hitCounts)
        add(&atPeerRateCounts, other.atPeerRateCounts)
        add(&suppressedByException, other.suppressedByException)
        alerts += other.alerts
        heldInLearning += other.heldInLearning
        if let time = other.learningEndedAt, learningEndedAt.map({ time > $0 }) ?? true { learningEndedAt = time }
        if let time = other.lastEventAt, lastEventAt.map({ time > $0 }) ?? true { lastEventAt = time }
    }

    public var explainedShare: Double { inScope == 0 ? 1 : Double(explained) / Double(inScope) }

    public var explainedByKind: [ExplanationKind: Int] { Self.table(ExplanationKind.allCases, kindCounts) }
    public var explainedByAssignmentRole: [AssignmentRole: Int] {
        Self.table(AssignmentRole.allCases, assignmentRoleCounts)
    }
    public var inScopeByRole: [StaffRole: Int] { Self.table(StaffRole.allCases, inScopeRoleCounts) }
    public var explainedByRole: [StaffRole: Int] { Self.table(StaffRole.allCases, explainedRoleCounts) }
    public var hitsByRole: [StaffRole: Int] { Self.table(StaffRole.allCases, roleHitCounts) }
    public var hits: [IndicatorName: Int] { Self.table(IndicatorName.allCases, hitCounts) }
    public var atPeerRate: [IndicatorName: Int] { Self.table(IndicatorName.allCases, atPeerRateCounts) }

    private static func table<K: Hashable>(_ keys: [K], _ counts: [Int]) -> [K: Int] {
        var result: [K: Int] = [:]
        for (key, count) in zip(keys, counts) where count > 0 { result[key] = count }
        return result
    }
}
