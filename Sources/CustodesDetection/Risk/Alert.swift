public import CustodesModel

/// An alert: a member of staff whose risk crossed the threshold, with everything an analyst needs to judge it
/// without re-running anything: the score and how it was reached, each indicator with its evidence, the people
/// involved (as pseudonyms), the explanations that were tried and failed, and why it fired in plain English.
public struct Alert: Sendable, Equatable {
    /// Evidence events whose explanations tried are recorded (the first in time): tracing is the costly part.
    public static let tracedEvidence = 25

    public var alertID: String
    public var staffID: String
    public var staff: StaffIndex
    /// The time of the audit event that opened it (event time, not processing time).
    public var openedAt: Timestamp
    public var openingEventID: String
    /// Risk when it opened, and the highest it reached while open.
    public var scoreAtOpen: Double
    public var score: Double
    public var lastEvidenceAt: Timestamp
    public var contributions: [Contribution]
    public var evidence: [EvidenceEntry]
    /// All evidence events, including those beyond the listing limit.
    public var evidenceCount: Int
    /// The highest risk reached on each day the alert gained evidence: the member of staff's risk over time.
    public var riskByDay: [RiskPoint]
    public var people: [PersonSummary]
    public var why: String
    /// Never reached within the weekly budget: the unit's capacity went to higher-risk alerts.
    public var overBudget = false
    /// When the alert reached the triage queue's top: its opening, or the start of the later week in which a busy
    /// queue reached it. Nil when no budget was applied or it was never reached.
    public var surfacedAt: Timestamp?

    public var indicators: [IndicatorName] { contributions.map(\.indicator) }

    public struct Contribution: Sendable, Equatable {
        public var indicator: IndicatorName
        public var hits: Int
        public var points: Double
        public var weight: Double
        /// The first few hits' own sentences.
        public var examples: [String]
    }

    public struct EvidenceEntry: Sendable, Equatable {
        public var event: EvidenceEvent
        public var indicators: [IndicatorName]
        public var person: String?
        public var explanationsTried: [String]
    }

    public struct RiskPoint: Sendable, Equatable {
        /// The start of the day (UTC).
        public var day: Timestamp
        public var score: Double
    }

    public struct PersonSummary: Sendable, Equatable {
        public var pseudonym: String
        public var markers: [PersonMarker]
        public var accesses: Int
    }
}
