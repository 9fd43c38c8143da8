/// Positions of records in ``ReferenceData``'s arrays. Identifiers arrive as text; the reader resolves each one once,
/// so that everything downstream joins on small integers instead of hashing strings.
public typealias StaffIndex = Int32
public typealias PersonIndex = Int32
public typealias OccurrenceIndex = Int32
