/// A force's own assessment of the four elements from what its running system shows, by documented rules, so that
/// it can answer an inspection with facts rather than plans. The rules are deliberately strict: "in place" needs
/// evidence, and anything Custodes cannot see (a strategy document, a capacity review) is "no information provided"
/// unless the force says otherwise.
public struct SelfAssessment: Sendable, Equatable {
    /// What the running system shows of IT monitoring.
    public struct Monitoring: Sendable, Equatable {
        public var sources: Int
        /// Share of staff in post whose activity appears in the audit data.
        public var staffCoverage: Double
        /// Days since the most recent delivery from the least recent source.
        public var oldestDeliveryDays: Double?
        public var explainedShare: Double?
        public var detectionHasRun: Bool

        public init(sources: Int, staffCoverage: Double, oldestDeliveryDays: Double?, explainedShare: Double?,
                    detectionHasRun: Bool) {
            self.sources = sources
            self.staffCoverage = staffCoverage
            self.oldestDeliveryDays = oldestDeliveryDays
            self.explainedShare = explainedShare
            self.detectionHasRun = detectionHasRun
        }
    }

    /// What the unit's triage records show of its capacity.
    public struct Capacity: Sendable, Equatable {
        public var decided: Int
        public var outstanding: Int
        /// Days the oldest undecided alert has waited since detection raised it; nil when none waits.
        public var oldestOutstandingDays: Double?

        /// Safeguarding actions past their due day, and mandatory IOPC referrals past theirs: a unit that lets
        /// either slip does not have the capacity it needs, whatever its alert queue shows.
        public var overdueSafeguarding: Int
        public var overdueReferrals: Int

        public init(decided: Int, outstanding: Int, oldestOutstandingDays: Double?, overdueSafeguarding: Int = 0,
                    overdueReferrals: Int = 0) {
            self.decided = decided
            self.outstanding = outstanding
            self.oldestOutstandingDays = oldestOutstandingDays
            self.overdueSafeguarding = overdueSafeguarding
            self.overdueReferrals = overdueReferrals
        }

        var overdueWork: String? {
            var parts: [String] = []
            if overdueSafeguarding > 0 {
                parts.append("\(overdueSafeguarding) safeguarding action\(overdueSafeguarding == 1 ? " is" : "s are") overdue")
            }
            if overdueReferrals > 0 {
                parts.append("\(overdueReferrals) IOPC referral\(overdueReferrals == 1 ? " is" : "s are") overdue")
            }
            return parts.isEmpty ? nil : parts.joined(separator: " and ")
        }
    }

    /// What the partner register shows of the unit's relationships with support organisations.
    public struct Partnerships: Sendable, Equatable {
        /// Organisations whose relationship is active, and how many of them the unit had contact with recently.
        public var active: Int
        public var engagedRecently: Int
        /// The unit's period for "recently", in days.
        public var periodDays: Int
        /// Reports from the portal past the unit's deadline to acknowledge or assess them.
        public var reportsOverdue: Int

        public init(active: Int, engagedRecently: Int, periodDays: Int, reportsOverdue: Int = 0) {
            self.active = active
            self.engagedRecently = engagedRecently
            self.periodDays = periodDays
            self.reportsOverdue = reportsOverdue
        }
    }

    /// The longest an alert may wait for a decision for the unit's capacity to count as in place: two weeks.
    public static let backlogLimitDays = 14.0

    public var statuses: ElementStatuses
    /// The reason for each element's status, in plain words.
    public var reasons: [AssessedElement: String]

    /// - Parameters:
    ///   - analysts: analysts the unit has for this work (configured by the force), nil if not given.
    ///   - intelligenceReceived: reports from support organisations recorded as intelligence; nil where unknown.
    ///   - capacity: the unit's triage records; nil where they are not available.
    public init(monitoring: Monitoring, analysts: Int?, intelligenceReceived: Int?, capacity: Capacity? = nil,
                partnerships: Partnerships? = nil) {
        var reasons: [AssessedElement: String] = [:]
        let it: ElementStatus
        if monitoring.sources == 0 {
            it = .noEvidence
            reasons[.itMonitoring] = "no audit data has been received from any system"
        } else if monitoring.detectionHasRun, monitoring.staffCoverage >= 0.9,
                  let days = monitoring.oldestDeliveryDays, days <= 2 {
            it = .inPlace
            reasons[.itMonitoring] = "\(monitoring.sources) systems deliver audit data, covering "
                + "\(Int((monitoring.staffCoverage * 100).rounded()))% of staff in post, and it is monitored"
        } else {
            it = .started
            reasons[.itMonitoring] = "audit data is received, but not yet from every system recently, for most staff "
                + "and under monitoring"
        }
        let ccu: ElementStatus
        if let analysts, analysts > 0, let capacity, capacity.decided > 0, capacity.overdueWork == nil,
           (capacity.oldestOutstandingDays ?? 0) <= Self.backlogLimitDays {
            ccu = .inPlace
            reasons[.ccuReview] = "\(analysts) analysts are configured and \(Self.alerts(capacity.decided)) recorded "
                + "decisions; " + (capacity.oldestOutstandingDays.map {
                    "\(capacity.outstanding) wait, the oldest for \(Self.days($0))"
                } ?? "none waits")
        } else if let analysts, analysts > 0 {
            ccu = .started
            if let capacity {
                reasons[.ccuReview] = "\(analysts) analysts are configured; \(Self.alerts(capacity.decided)) recorded "
                    + "decisions and \(capacity.outstanding) wait" + (capacity.oldestOutstandingDays.map {
                        ", the oldest for \(Self.days($0))"
                            + ($0 > Self.backlogLimitDays ? " (more than \(Int(Self.backlogLimitDays)))" : "")
                    } ?? "") + (capacity.overdueWork.map { "; " + $0 } ?? "")
            } else {
                reasons[.ccuReview] = "\(analysts) analysts are configured; triage records do not exist yet to show capacity"
            }
        } else {
            ccu = .noInformation
            reasons[.ccuReview] = "no analysts or hours have been configured"
        }
        let partners: ElementStatus
        let received = intelligenceReceived ?? 0
        if let register = partnerships, register.active > 0, register.engagedRecently == register.active, received > 0,
           register.reportsOverdue == 0 {
            partners = .inPlace
            reasons[.supportOrganisations] = "\(Self.organisations(register.active)) engaged within "
                + "\(register.periodDays) days, and \(received) reports from them recorded as intelligence"
        } else if let register = partnerships, register.active > 0 || received > 0 {
            partners = .started
            reasons[.supportOrganisations] = "\(Self.organisations(register.active)) in the register, "
                + "\(register.engagedRecently) engaged within \(register.periodDays) days; \(received) reports from "
                + "support organisations recorded as intelligence"
                + (register.reportsOverdue > 0 ? "; \(register.reportsOverdue) reports are past the unit's deadline" : "")
        } else if received > 0 {
            partners = .started
            reasons[.supportOrganisations] = "\(received) reports from support organisations recorded as intelligence"
        } else {
            partners = .noEvidence
            reasons[.supportOrganisations] = intelligenceReceived == nil
                ? "no intelligence from support organisations is recorded"
                : "no intelligence from support organisations has been recorded in the intelligence log"
        }
        reasons[.strategy] = "the running system cannot show whether the plan follows the national strategy"
        statuses = ElementStatuses(strategy: .noInformation, ccuReview: ccu, itMonitoring: it,
                                   supportOrganisations: partners)
        self.reasons = reasons
    }

    static func alerts(_ count: Int) -> String { count == 1 ? "1 alert has" : "\(count) alerts have" }

    static func organisations(_ count: Int) -> String {
        count == 1 ? "1 active organisation" : "\(count) active organisations"
    }

    static func days(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) days" : String(format: "%.1f days", value)
    }
}
