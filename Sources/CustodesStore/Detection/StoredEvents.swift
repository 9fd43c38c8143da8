import CustodesModel

/// Reads stored audit events back in the order detection needs (time, then event id), as ``AuditEvent`` values
/// resolved against the reference data.
enum StoredEvents {
    /// Streams every event with `seq` up to `lastSeq`, calling `body` for each in time order. Rows are handed over
    /// one at a time as the database produces them, so memory does not grow with the number of events.
    static func forEach(in database: StoreDatabase, upTo lastSeq: Int64, reference: ReferenceData,
                        _ body: @escaping (AuditEvent) throws -> Void) async throws -> (events: Int, unresolved: Int) {
        // Rows are read by position as they arrive (see StoredRow): decoding each event by column name through
        // SQLKit, or as a tuple through PostgresNIO's generic decoding, was about a quarter of a detection run.
        var state = StreamState(reference: reference, body: body)
        try await database.forEachRow("""
            SELECT event_id, at, staff_id, system, action, entity_type, entity_id, fields, workstation, reason \
            FROM audit_events WHERE seq <= \(lastSeq) ORDER BY at, event_id
            """) { row in try state.consume(row) }
        return (state.events, state.unresolved)
    }

    private struct StreamState {
        let reference: ReferenceData
        let body: (AuditEvent) throws -> Void
        var events = 0
        var unresolved = 0
        var fieldCache: [String: FieldSet] = [:]

        mutating func consume(_ row: StoredRow) throws {
            guard let eventID = try? row.text(0), let at = try? row.integer(1), let staffID = try? row.text(2),
                  let system = try? row.text(3), let action = try? row.text(4), let entityType = try? row.text(5),
                  let entityID = try? row.text(6), let fieldsText = try? row.text(7),
                  let workstation = try? row.text(8), let reason = try? row.text(9) else {
                unresolved += 1
                return
            }
            try consume(eventID: eventID, at: at, staffID: staffID, system: system, action: action,
                    entityType: entityType, entityID: entityID, fieldsText: fieldsText, workstation: workstation,
                    reason: reason)
        }

        mutating func consume(eventID: String, at: Int64, staffID: String, system: String, action: String,
                              entityType: String, entityID: String, fieldsText: String, workstation: String,
                              reason: String) throws {
            guard let event = decode(eventID: eventID, at: at, staffID: staffID, system: system, action: action,
                                     entityType: entityType, entityID: entityID, fieldsText: fieldsText,
                                     workstation: workstation, reason: reason) else {
                unresolved += 1
                return
            }
            events += 1
            try body(event)
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
