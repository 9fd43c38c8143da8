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

    /// The marker in words (bundles, the rules file and the API keep the code name).
    public var title: String {
        switch self {
        case .domesticAbuseVictim: "Victim of domestic abuse"
        case .sexualOffenceVictim: "Victim of a sexual offence"
        case .vulnerableAdult: "Vulnerable adult"
        case .mentalHealth: "Mental ill health"
        case .child: "Child"
        case .sexWorker: "Sex worker"
        case .substanceMisuse: "Drug or alcohol misuse"
        case .missingPerson: "Missing person"
        case .stalkingVictim: "Victim of stalking"
        case .custodyDetainee: "Has been in custody"
        }
    }

    /// The title for a code name, or the code name itself if it is not one Custodes knows.
    public static func title(_ code: String) -> String { PersonMarker(rawValue: code)?.title ?? code }
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
