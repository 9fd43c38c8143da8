/// A vulnerability or status marker on a person's record. Markers are what make an unexplained look-up dangerous:
/// most abuse of position targets people who carry one of these.
public enum PersonMarker: String, ClosedVocabulary {
    case domesticAbuseVictim = "domestic_abuse_victim"
    case sexualOffenceVictim = "sexual_offence_victim"
    case vulnerableAdult = "vulnerable_adult"
    case mentalHealth = "mental_health"
    case child
    case sexWorker = "sex_worker"
    case substanceMisuse = "substance_misuse"
    case missingPerson = "missing_person"
    case stalkingVictim = "stalking_victim"
    case custodyDetainee = "custody_detainee"

    public static let vocabularyName = "person marker"
}

/// A set of markers held as a bit mask, so the hot detection path tests membership without allocating.
public struct MarkerSet: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public init(_ marker: PersonMarker) {
        let position = PersonMarker.allCases.firstIndex(of: marker)!
        self.init(rawValue: 1 << UInt16(position))
    }

    public init<S: Sequence>(_ markers: S) where S.Element == PersonMarker {
        self.init()
        for marker in markers { insert(MarkerSet(marker)) }
    }

    public func contains(_ marker: PersonMarker) -> Bool { contains(MarkerSet(marker)) }

    /// The markers in declaration order, which keeps output stable.
    public var markers: [PersonMarker] { PersonMarker.allCases.filter { contains($0) } }
}
