public import CustodesModel

/// Turns one row of an audit file into an ``AuditEvent``, resolving the member of staff and the record touched
/// against the reference data. An event that names an unknown member of staff or person is quarantined: it cannot be
/// explained or scored, and keeping it would hide a gap in the reference export.
enum AuditEventDecoder {
    static func decode(_ row: RowDecoder, reference: ReferenceData) throws(RowProblem) -> AuditEvent {
        let eventID = try row.required(0)
        let at = try row.instant(1)
        let staff = try row.reference(2, in: reference.staffByID, named: "member of staff in staff.csv with staff_id")
        let system = try row.vocabulary(3, SourceSystem.self)
        let action = try row.vocabulary(4, AuditAction.self)
        let entityType = try row.vocabulary(5, EntityType.self)
        let entityID = try row.required(6)
        var entity = AuditEvent.unresolved
        if entityType.refersToPerson {
            entity = try row.reference(6, in: reference.personByID, named: "person in persons.csv with person_id")
        } else if entityType == .occurrence {
            entity = try row.reference(6, in: reference.occurrenceByID,
                                       named: "occurrence in occurrences.csv with occurrence_id")
        }
        let fields = FieldSet(try row.list(7, RecordField.self))
        return AuditEvent(eventID: eventID, at: at, staff: staff, system: system, action: action,
                          entityType: entityType, entityID: entityID, entity: entity, fields: fields,
                          workstation: try row.required(8), reason: row.optional(9))
    }
}
