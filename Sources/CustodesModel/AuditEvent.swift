/// One access to a force system, as its audit log recorded it.
public struct AuditEvent: Hashable, Sendable {
    /// The source system's own identifier; re-delivery of the same id is a duplicate, not a second access.
    public var eventID: String
    public var at: Timestamp
    public var staff: StaffIndex
    public var system: SourceSystem
    public var action: AuditAction
    public var entityType: EntityType
    /// The identifier of a record outside the reference data (a vehicle, a location, an intelligence report) as the
    /// source gave it; empty for people and occurrences, which are identified by `entity`.
    public var entityID: String
    /// The person (for `person` and `custody_image`) or occurrence (for `occurrence`) the entity resolves to, or
    /// `AuditEvent.unresolved` for entity types outside the reference data (vehicles, locations, intelligence).
    public var entity: Int32
    public var fields: FieldSet
    public var workstation: String
    /// The reason the user typed, where the system asks for one (the PNC does).
    public var reason: String

    public static let unresolved: Int32 = -1

    public init(eventID: String, at: Timestamp, staff: StaffIndex, system: SourceSystem, action: AuditAction,
                entityType: EntityType, entityID: String, entity: Int32, fields: FieldSet, workstation: String,
                reason: String) {
        self.eventID = eventID
        self.at = at
        self.staff = staff
        self.system = system
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.entity = entity
        self.fields = fields
        self.workstation = workstation
        self.reason = reason
    }

    /// The person this access touched, if any.
    @inlinable
    public var person: PersonIndex? { Self.person(entityType, entity) }

    /// The occurrence this access touched, if any.
    @inlinable
    public var occurrence: OccurrenceIndex? { Self.occurrence(entityType, entity) }

    /// The person an access of this type to this entity touched, if any: for code that reads the stored fields
    /// through a pointer, where calling the computed property copies the whole event first.
    @inlinable
    public static func person(_ entityType: EntityType, _ entity: Int32) -> PersonIndex? {
        entityType.refersToPerson && entity >= 0 ? entity : nil
    }

    /// The occurrence an access of this type to this entity touched, if any (see ``person(_:_:)``).
    @inlinable
    public static func occurrence(_ entityType: EntityType, _ entity: Int32) -> OccurrenceIndex? {
        entityType == .occurrence && entity >= 0 ? entity : nil
    }

    /// Time order, with the event id breaking ties so that every run sees the same order.
    public static func timeOrder(_ lhs: AuditEvent, _ rhs: AuditEvent) -> Bool {
        lhs.at != rhs.at ? lhs.at < rhs.at : lhs.eventID < rhs.eventID
    }
}

/// Ground truth a simulated bundle carries: who was made to misbehave (or to look as if they did), how, and the first
/// event of it. Evaluation measures detection against it; real bundles have none.
public struct TruthRecord: Hashable, Sendable {
    public enum Kind: String, ClosedVocabulary {
        case misconduct
        case benign
        public static let vocabularyName = "truth kind"
    }

    public var staffID: String
    public var scenario: String
    public var kind: Kind
    public var firstEventID: String
    public var firstAt: Timestamp

    public init(staffID: String, scenario: String, kind: Kind, firstEventID: String, firstAt: Timestamp) {
        self.staffID = staffID
        self.scenario = scenario
        self.kind = kind
        self.firstEventID = firstEventID
        self.firstAt = firstAt
    }
}
