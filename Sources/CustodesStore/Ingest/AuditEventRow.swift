import CustodesModel

/// An audit event as the store keeps it: identifiers as the source gave them (not positions in one load's arrays),
/// vocabularies as their documented text, so a row means the same thing to every later reader.
public struct AuditEventRow: Sendable, Equatable {
    public var eventID: String
    public var at: Int64
    public var staffID: String
    public var system: String
    public var action: String
    public var entityType: String
    public var entityID: String
    public var fields: String
    public var workstation: String
    public var reason: String

    /// The columns of `audit_events` written from a row: its fields in order, then the batch and arrival time.
    static let columns = ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields",
                          "workstation", "reason", "batch_id", "received_at"]
}

extension AuditEventRow {
    /// `fieldNames` keeps the text of each set of fields already met: a load names a few dozen sets, and joining the
    /// names afresh for every row showed in the profile of a load into PostgreSQL.
    init(_ event: AuditEvent, reference: ReferenceData, fieldNames: inout [UInt16: String]) {
        eventID = event.eventID
        at = event.at.seconds
        staffID = reference.staff[Int(event.staff)].staffID
        system = event.system.rawValue
        action = event.action.rawValue
        entityType = event.entityType.rawValue
        if let person = event.person {
            entityID = reference.persons[Int(person)].personID
        } else if let occurrence = event.occurrence {
            entityID = reference.occurrences[Int(occurrence)].occurrenceID
        } else {
            entityID = event.entityID
        }
        if let names = fieldNames[event.fields.rawValue] {
            fields = names
        } else {
            fields = event.fields.fields.map(\.rawValue).joined(separator: ";")
            fieldNames[event.fields.rawValue] = fields
        }
        workstation = event.workstation
        reason = event.reason
    }
}
