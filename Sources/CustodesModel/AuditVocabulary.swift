/// The force system that wrote an audit event.
public enum SourceSystem: String, ClosedVocabulary {
    case rms
    case pnc
    case pnd
    case commandControl = "command_control"
    case intelligence
    case custody

    public static let vocabularyName = "source system"
}

/// What the user did to the record.
public enum AuditAction: String, ClosedVocabulary {
    case view
    case search
    case update
    case print
    case export

    public static let vocabularyName = "audit action"
}

/// What kind of record was touched. For `custodyImage` the entity id is the person whose image it is.
public enum EntityType: String, ClosedVocabulary {
    case person
    case occurrence
    case intelligence
    case vehicle
    case location
    case custodyImage = "custody_image"

    public static let vocabularyName = "entity type"

    /// Whether the entity id names a person in `persons.csv`.
    @inlinable
    public var refersToPerson: Bool { self == .person || self == .custodyImage }
}

/// A part of a record that was displayed. Contact details, addresses and photographs are what an offender wants.
public enum RecordField: String, ClosedVocabulary {
    case summary
    case identity
    case contact
    case address
    case photo
    case history
    case warnings
    case associates
    case notes
    case vehicles
    case custody

    public static let vocabularyName = "record field"
}

/// The fields of one audit event as a bit mask.
public struct FieldSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public init(_ field: RecordField) {
        let position = RecordField.allCases.firstIndex(of: field)!
        self.init(rawValue: 1 << UInt16(position))
    }

    public init<S: Sequence>(_ fields: S) where S.Element == RecordField {
        self.init()
        for field in fields { insert(FieldSet(field)) }
    }

    public func contains(_ field: RecordField) -> Bool { contains(FieldSet(field)) }

    /// The fields in declaration order, which keeps output stable.
    public var fields: [RecordField] { RecordField.allCases.filter { contains($0) } }

    public static let summary = FieldSet(RecordField.summary)
    public static let identity = FieldSet(RecordField.identity)
    public static let contact = FieldSet(RecordField.contact)
    public static let address = FieldSet(RecordField.address)
    public static let photo = FieldSet(RecordField.photo)
    public static let history = FieldSet(RecordField.history)
    public static let warnings = FieldSet(RecordField.warnings)
    public static let associates = FieldSet(RecordField.associates)
    public static let notes = FieldSet(RecordField.notes)
    public static let vehicles = FieldSet(RecordField.vehicles)
    public static let custody = FieldSet(RecordField.custody)

    /// The fields an offender seeks to make contact: contact details, address, photograph.
    public static let sensitive = FieldSet([.contact, .address, .photo])
}
