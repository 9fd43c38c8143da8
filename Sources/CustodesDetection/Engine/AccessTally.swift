import CustodesModel

/// The summary's counts that move at every access in scope (in scope and explained, by role, by kind of link and by
/// assignment role), in one block the engine changes in place.
///
/// Kept in the summary's arrays, each access changed four arrays held by the engine, and each change checked its
/// array's storage for sharing (`swift_isUniquelyReferenced`, 1.2% of a one-core run in `perf`, with the search
/// for each kind's position among all kinds). The block is never copied; the summary takes its counts when read
/// (``add(to:)``).
final class AccessTally {
    private static let roles = StaffRole.allCases.count
    private static let kinds = ExplanationKind.allCases.count
    private static let assignmentRoles = AssignmentRole.allCases.count
    /// Where each group of counts starts in the block.
    private static let inScopeByRole = 0
    private static let explainedByRole = inScopeByRole + roles
    private static let byKind = explainedByRole + roles
    private static let byAssignmentRole = byKind + kinds
    /// Accesses explained as an attendance's follow-up (``ExplanationResult/followsAttendance``).
    private static let followUps = byAssignmentRole + assignmentRoles
    private static let size = followUps + 1

    private let counts: UnsafeMutablePointer<Int>

    init() {
        counts = .allocate(capacity: Self.size)
        counts.initialize(repeating: 0, count: Self.size)
    }

    deinit { counts.deallocate() }

    /// An access in scope by a member of staff of role `role` (a position in `StaffRole.allCases`), explained by
    /// `kind` (nil when unexplained), through an assignment in `assignmentRole` when it was one, and as an
    /// attendance's follow-up with `followUp`.
    @inline(__always)
    func count(role: Int, kind: ExplanationKind?, assignmentRole: AssignmentRole?, followUp: Bool = false) {
        counts[Self.inScopeByRole + role] += 1
        guard let kind else { return }
        counts[Self.explainedByRole + role] += 1
        counts[Self.byKind + kind.position] += 1
        if let assignmentRole { counts[Self.byAssignmentRole + assignmentRole.position] += 1 }
        if followUp { counts[Self.followUps] += 1 }
    }

    /// Adds the counts to `summary`'s.
    func add(to summary: inout DetectionSummary) {
        for role in 0..<Self.roles {
            summary.inScopeRoleCounts[role] += counts[Self.inScopeByRole + role]
            summary.inScope += counts[Self.inScopeByRole + role]
            summary.explainedRoleCounts[role] += counts[Self.explainedByRole + role]
            summary.explained += counts[Self.explainedByRole + role]
        }
        for kind in 0..<Self.kinds { summary.kindCounts[kind] += counts[Self.byKind + kind] }
        for role in 0..<Self.assignmentRoles {
            summary.assignmentRoleCounts[role] += counts[Self.byAssignmentRole + role]
        }
        summary.attendanceFollowUps += counts[Self.followUps]
    }
}

extension ExplanationKind {
    /// The kind's position in `allCases` (`AccessTallyTests` holds the two in step).
    var position: Int {
        switch self {
        case .assigned: 0
        case .team: 1
        case .liveIncident: 2
        case .custody: 3
        case .stationDesk: 4
        }
    }
}

extension AssignmentRole {
    /// The role's position in `allCases` (`AccessTallyTests` holds the two in step).
    var position: Int {
        switch self {
        case .officerInCase: 0
        case .attending: 1
        case .investigator: 2
        case .supervisor: 3
        case .callHandler: 4
        case .analyst: 5
        }
    }
}
