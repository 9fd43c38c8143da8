public import CustodesModel

/// Turns one row of an audit file into an ``AuditEvent``, resolving the member of staff and the record touched
/// against the reference data. An event that names an unknown member of staff or person is quarantined: it cannot be
/// explained or scored, and keeping it would hide a gap in the reference export.
///
/// This runs for every audit row, so the usual case is decoded straight from the row's bytes: times parsed in place,
/// identifiers found through byte-keyed tables, vocabularies matched without building Strings. Whenever the fast path
/// does not accept a value, the general ``RowDecoder`` path decides, which keeps every rule and error message in one
/// place.
///
/// Public so that a load reading several audit files can build one and pass it to each
/// (``BundleReader/readAuditFile(_:decoder:report:_:)``): its look-up tables over every member of staff, person and
/// occurrence took about a tenth of a second to build for the simulated year, on the thread that reads the files.
public final class AuditEventDecoder {
    let reference: ReferenceData
    private let staff: IdentifierTable
    private let persons: IdentifierTable
    private let occurrences: IdentifierTable
    private let systems = VocabularyTable<SourceSystem>()
    private let actions = VocabularyTable<AuditAction>()
    private let entityTypes = VocabularyTable<EntityType>()
    private let recordFields = VocabularyTable<RecordField>()

    /// The only system whose events may be read, when the events come from a sender that speaks for one system (a
    /// connector's token is issued per source): a row naming another is quarantined, so no connector can write, or
    /// claim the identifiers of, another system's events.
    public let onlySystem: SourceSystem?

    public init(reference: ReferenceData, onlySystem: SourceSystem? = nil) {
        self.reference = reference
        self.onlySystem = onlySystem
        staff = IdentifierTable(reference.staffByID)
        persons = IdentifierTable(reference.personByID)
        occurrences = IdentifierTable(reference.occurrenceByID)
    }

    func decode(_ row: RowDecoder) throws(RowProblem) -> AuditEvent {
        let source = row.source
        @inline(__always)
        func fast<R>(_ column: Int, _ decode: (UnsafeBufferPointer<UInt8>) -> R?) -> R? {
            guard let bytes = source.bytes(column) else { return nil }
            return decode(bytes)
        }
        // In a table of a million people the record's slot is a miss to memory: asked for first, it arrives while
        // the rest of the row is decoded (the look-up waited on memory for most of its time, a quarter of reading).
        let knownType = fast(5, entityTypes.lookup)
        if let knownType, let key = source.bytes(6) { table(for: knownType)?.prefetch(key) }
        var eventID: String
        if let text = fast(0, Self.plainText) { eventID = text } else { eventID = try row.required(0) }
        var at: Timestamp
        if let parsed = fast(1, Self.instant) { at = parsed } else { at = try row.instant(1) }
        var staffIndex: StaffIndex
        if let found = fast(2, staff.lookup) {
            staffIndex = found
        } else {
            staffIndex = try row.reference(2, in: reference.staffByID, named: "member of staff in staff.csv with staff_id")
        }
        var system: SourceSystem
        if let found = fast(3, systems.lookup) { system = found } else { system = try row.vocabulary(3, SourceSystem.self) }
        if let onlySystem, system != onlySystem {
            throw RowProblem(field: "system", reason: .wrongSource,
                             detail: "'\(system.rawValue)' is not this sender's system; its token is for '\(onlySystem.rawValue)'")
        }
        var action: AuditAction
        if let found = fast(4, actions.lookup) { action = found } else { action = try row.vocabulary(4, AuditAction.self) }
        var entityType: EntityType
        if let knownType {
            entityType = knownType
        } else {
            entityType = try row.vocabulary(5, EntityType.self)
        }
        // People and occurrences are identified by their position in the reference data; only other records keep
        // the source's identifier as text. The position is looked up last, after the rest of the row.
        let table = self.table(for: entityType)
        let entityID = table == nil ? try row.required(6) : ""
        var fields: FieldSet
        if let found = fast(7, fieldSet) { fields = found } else { fields = FieldSet(try row.list(7, RecordField.self)) }
        var workstation: String
        if let text = fast(8, Self.plainText) { workstation = text } else { workstation = try row.required(8) }
        // Most events have no typed reason: the empty field is the empty string without the general path.
        let reason = fast(9) { $0.isEmpty ? "" : Self.plainText($0) } ?? row.optional(9)
        var entity = AuditEvent.unresolved
        if let table {
            if let found = fast(6, table.lookup) {
                entity = found
            } else if entityType.refersToPerson {
                entity = try row.reference(6, in: reference.personByID, named: "person in persons.csv with person_id")
            } else {
                entity = try row.reference(6, in: reference.occurrenceByID,
                                           named: "occurrence in occurrences.csv with occurrence_id")
            }
        }
        return AuditEvent(eventID: eventID, at: at, staff: staffIndex, system: system, action: action,
                          entityType: entityType, entityID: entityID, entity: entity, fields: fields,
                          workstation: workstation, reason: reason)
    }

    /// The table resolving records of `type`, or nil for records outside the reference data.
    @inline(__always)
    private func table(for type: EntityType) -> IdentifierTable? {
        type.refersToPerson ? persons : type == .occurrence ? occurrences : nil
    }

    /// Text that needs no trimming: non-empty, without leading or trailing spaces or tabs; nil sends the value
    /// down the general path.
    private static func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.first, let last = bytes.last, first != 32, first != 9, last != 32, last != 9
        else { return nil }
        // Most are short ASCII (event ids, workstations, typed reasons), made here without a call (``ShortText``).
        if bytes.count <= 15, ShortText.isAvailable,
           let text = ShortText.make(count: bytes.count, from: bytes.baseAddress!) {
            return text
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func instant(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if case .success(let time) = Timestamp.parseInstant(bytes: bytes) { return time }
        return nil
    }

    /// `contact;address` as a set, or nil when any part is not a known field (the general path then reports it).
    private func fieldSet(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldSet? {
        var set = FieldSet()
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ";") {
            if index > start {
                guard let field = recordFields.lookup(UnsafeBufferPointer(rebasing: bytes[start..<index])) else {
                    return nil
                }
                set.insert(FieldSet(field))
            }
            start = index + 1
        }
        return set
    }
}
