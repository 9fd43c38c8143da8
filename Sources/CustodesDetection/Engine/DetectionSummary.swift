public import CustodesModel

/// What a detection run saw: how many accesses were explained and by what, per role; how often each indicator
/// fired; what exceptions suppressed; how many alerts opened and how many the budget held back.
public struct DetectionSummary: Sendable, Equatable {
    public var events = 0
    /// Accesses to records that are not people or occurrences (vehicles, locations, intelligence): not scored.
    public var outOfScope = 0
    /// Accesses to people and occurrences.
    public var inScope = 0
    public var explained = 0
    public var explainedByKind: [ExplanationKind: Int] = [:]
    public var explainedByAssignmentRole: [AssignmentRole: Int] = [:]
    public var inScopeByRole: [StaffRole: Int] = [:]
    public var explainedByRole: [StaffRole: Int] = [:]
    public var hits: [IndicatorName: Int] = [:]
    /// Hits suppressed by each exception, in rules-file order.
    public var suppressedByException: [Int] = []
    public var unresolvableExceptions: [Int] = []
    public var alerts = 0
    public var alertsOverBudget = 0

    public var explainedShare: Double { inScope == 0 ? 1 : Double(explained) / Double(inScope) }
}
