import CustodesModel
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import SQLKit

/// Reads stored audit events back in the order detection needs (time, then event id), as ``AuditEvent`` values
/// resolved against the reference data.
enum StoredEvents {
    /// Streams every event with `seq` up to `lastSeq`, calling `body` for each in time order. Rows are handed over
    /// one at a time as the database produces them, so memory does not grow with the number of events.
    static func forEach(in database: StoreDatabase, upTo lastSeq: Int64, reference: ReferenceData,
                        _ body: @escaping (AuditEvent) -> Void) async throws -> (events: Int, unresolved: Int) {
        let state = NIOLockedValueBox(StreamState(reference: reference, body: body))
        let columns = "event_id, at, staff_id, system, action, entity_type, entity_id, fields, workstation, reason"
        if case .postgres(let connection) = database.backend {
            // PostgreSQL: the callback API, which has no demand signalling. The back-pressured row sequence that
            // SQLKit's streaming uses was seen to trap inside the driver when the connection was cut mid-stream.
            var binds = PostgresBindings()
            binds.append(lastSeq)
            let query = PostgresQuery(unsafeSQL: """
                SELECT \(columns) FROM audit_events WHERE seq <= $1 ORDER BY at, event_id
                """, binds: binds)
            let done: EventLoopFuture<PostgresQueryMetadata> = connection.query(
                query, logger: Logger(label: "custodes.store")) { row in
                let (eventID, at, staffID, system, action, entityType, entityID, fields, workstation, reason) =
                    try row.decode((String, Int64, String, String, String, String, String, String, String, String).self)
                state.withLockedValue {
                    $0.consume(eventID: eventID, at: at, staffID: staffID, system: system, action: action,
                               entityType: entityType, entityID: entityID, fieldsText: fields,
                               workstation: workstation, reason: reason)
                }
            }
            _ = try await done.get()
        } else {
            try await database.sql.raw("""
                SELECT \(unsafeRaw: columns) FROM audit_events WHERE seq <= \(bind: lastSeq) ORDER BY at, event_id
                """).run { row in state.withLockedValue { $0.consume(row) } }
        }
        return state.withLockedValue { ($0.events, $0.unresolved) }
    }

    private struct StreamState: @unchecked Sendable {
        let reference: ReferenceData
        let body: (AuditEvent) -> Void
        var events = 0
        var unresolved = 0
        var fieldCache: [String: FieldSet] = [:]

        mutating func consume(_ row: any SQLRow) {
            guard let eventID = try? row.decode(column: "event_id", as: String.self),
                  let at = try? row.decode(column: "at", as: Int64.self),
                  let staffID = try? row.decode(column: "staff_id", as: String.self),
                  let system = try? row.decode(column: "system", as: String.self),
                  let action = try? row.decode(column: "action", as: String.self),
                  let entityType = try? row.decode(column: "entity_type", as: String.self),
                  let entityID = try? row.decode(column: "entity_id", as: String.self),
                  let fieldsText = try? row.decode(column: "fields", as: String.self),
                  let workstation = try? row.decode(column: "workstation", as: String.self),
                  let reason = try? row.decode(column: "reason", as: String.self) else {
                unresolved += 1
                return
            }
            consume(eventID: eventID, at: at, staffID: staffID, system: system, action: action,
                    entityType: entityType, entityID: entityID, fieldsText: fieldsText, workstation: workstation,
                    reason: reason)
        }

        mutating func consume(eventID: String, at: Int64, staffID: String, system: String, action: String,
                              entityType: String, entityID: String, fieldsText: String, workstation: String,
                              reason: String) {
            guard let event = decode(eventID: eventID, at: at, staffID: staffID, system: system, action: action,
                                     entityType: entityType, entityID: entityID, fieldsText: fieldsText,
                                     workstation: workstation, reason: reason) else {
                unresolved += 1
                return
            }
            events += 1
            body(event)
        }

        /// Nil when the row names a record the reference data lacks or a value outside a vocabulary.
        private mutating func decode(eventID: String, at: Int64, staffID: String, system: String, action: String,
                                     entityType entityTypeText: String, entityID: String, fieldsText: String,
                                     workstation: String, reason: String) -> AuditEvent? {
            guard let staff = reference.staffByID[staffID], let system = SourceSystem(rawValue: system),
                  let action = AuditAction(rawValue: action),
                  let entityType = EntityType(rawValue: entityTypeText) else { return nil }
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
