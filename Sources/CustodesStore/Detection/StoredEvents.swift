import CustodesModel
import NIOConcurrencyHelpers
import SQLKit

/// Reads stored audit events back in the order detection needs (time, then event id), as ``AuditEvent`` values
/// resolved against the reference data.
enum StoredEvents {
    /// Streams every event with `seq` up to `lastSeq`, calling `body` for each in time order. Rows are handed over
    /// one at a time as the database produces them, so memory does not grow with the number of events.
    static func forEach(in database: StoreDatabase, upTo lastSeq: Int64, reference: ReferenceData,
                        _ body: @escaping (AuditEvent) -> Void) async throws -> (events: Int, unresolved: Int) {
        let state = NIOLockedValueBox(StreamState(reference: reference, body: body))
        try await database.sql.raw("""
            SELECT event_id, at, staff_id, system, action, entity_type, entity_id, fields, workstation, reason \
            FROM audit_events WHERE seq <= \(bind: lastSeq) ORDER BY at, event_id
            """).run { row in state.withLockedValue { $0.consume(row) } }
        return state.withLockedValue { ($0.events, $0.unresolved) }
    }

    private struct StreamState: @unchecked Sendable {
        let reference: ReferenceData
        let body: (AuditEvent) -> Void
        var events = 0
        var unresolved = 0
        var fieldCache: [String: FieldSet] = [:]

        mutating func consume(_ row: any SQLRow) {
            guard let event = decode(row) else {
                unresolved += 1
                return
            }
            events += 1
            body(event)
        }

        private mutating func decode(_ row: any SQLRow) -> AuditEvent? {
            guard let eventID = try? row.decode(column: "event_id", as: String.self),
                  let at = try? row.decode(column: "at", as: Int64.self),
                  let staffID = try? row.decode(column: "staff_id", as: String.self),
                  let staff = reference.staffByID[staffID],
                  let system = (try? row.decode(column: "system", as: String.self)).flatMap(SourceSystem.init),
                  let action = (try? row.decode(column: "action", as: String.self)).flatMap(AuditAction.init),
                  let entityType = (try? row.decode(column: "entity_type", as: String.self)).flatMap(EntityType.init),
                  let entityID = try? row.decode(column: "entity_id", as: String.self),
                  let fieldsText = try? row.decode(column: "fields", as: String.self),
                  let workstation = try? row.decode(column: "workstation", as: String.self),
                  let reason = try? row.decode(column: "reason", as: String.self) else { return nil }
            let fields: FieldSet
            if let cached = fieldCache[fieldsText] {
                fields = cached
            } else {
                fields = FieldSet(fieldsText.split(separator: ";").compactMap { RecordField(rawValue: String($0)) })
                fieldCache[fieldsText] = fields
            }
            var entity = AuditEvent.unresolved
            var sourceID = entityID
            if entityType.refersToPerson {
                guard let person = reference.personByID[entityID] else { return nil }
                entity = person
                sourceID = ""
            } else if entityType == .occurrence {
                guard let occurrence = reference.occurrenceByID[entityID] else { return nil }
                entity = occurrence
                sourceID = ""
            }
            return AuditEvent(eventID: eventID, at: Timestamp(seconds: at), staff: staff, system: system,
                              action: action, entityType: entityType, entityID: sourceID, entity: entity,
                              fields: fields, workstation: workstation, reason: reason)
        }
    }
}
