public import CustodesModel

/// One indicator firing on one access (or, for peer rules, on a week of accesses): the unit of risk.
public struct Hit: Sendable, Equatable {
    public var indicator: IndicatorName
    public var points: Double
    /// When it happened: the access, or the last access of a peer rule's window.
    public var at: Timestamp
    public var staff: StaffIndex
    /// The person the access touched, when there is one.
    public var person: PersonIndex?
    /// The access that fired it and, for patterns, the earlier accesses that make the pattern.
    public var evidence: [EvidenceEvent]
    /// One sentence: what this hit saw.
    public var detail: String
    /// Whether the person was looked up without a link by several colleagues too (``PersonCommunity``): such a hit
    /// scores less, does not, alone, show the user returning to one person, and is not the specific evidence an
    /// alert beside volume needs (``RiskLedger/hasSpecificEvidence(minimum:otherPeopleShare:spread:)``).
    public var sharedSubject = false
    /// Whether the look came within hours of the user opening the person's case (``RecentRecords``): such a hit
    /// scores less and does not, alone, show the user returning to one person.
    public var caseWork = false
    /// Whether the look is a return to someone looked up off duty on `repeat_lookups.off_duty_days` days or more:
    /// while it is in the indicator window, every hit on that person keeps its points however many people the user
    /// returns to (``RiskLedger``). A unit whose work
    /// is returning to dozens of people does it on duty; one of them sought out from home at night is not that work.
    public var offDutyReturn = false
    /// Whether the hit's points stand on the force's own baselines: a look at one's own family, friend or neighbour
    /// weighed against peers who make such looks as their work, or made before the first week's close, when their
    /// rate is not yet known. In the learning weeks such a look waits for the strong threshold as other evidence
    /// does; a partner's record, or a circle the peers are known almost never to look up, needs no baseline.
    public var standsOnBaseline = false

    public init(indicator: IndicatorName, points: Double, at: Timestamp, staff: StaffIndex, person: PersonIndex?,
                evidence: [EvidenceEvent], detail: String) {
        self.indicator = indicator
        self.points = points
        self.at = at
        self.staff = staff
        self.person = person
        self.evidence = evidence
        self.detail = detail
    }
}

/// An access kept as evidence: enough to list it on a timeline without re-reading the audit log.
public struct EvidenceEvent: Sendable, Hashable {
    public var eventID: String
    public var at: Timestamp
    public var system: SourceSystem
    public var action: AuditAction
    public var entityType: EntityType
    public var person: PersonIndex?
    public var fields: FieldSet
    public var onDuty: Bool
    public var workstation: String

    public init(_ event: AuditEvent, onDuty: Bool) {
        eventID = event.eventID
        at = event.at
        system = event.system
        action = event.action
        entityType = event.entityType
        person = event.person
        fields = event.fields
        self.onDuty = onDuty
        workstation = event.workstation
    }
}
