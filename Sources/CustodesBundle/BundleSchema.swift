/// The input contract: the files of a force data bundle and the columns each must have.
///
/// Extra columns are allowed and ignored, so a force can export what its systems give without trimming; missing
/// ones are an error naming them, before any row is read. `docs/data-format.md` describes every file.
public enum BundleFile: String, CaseIterable, Sendable {
    case staff
    case rosters
    case persons
    case personLinks = "person_links"
    case occurrences
    case occurrencePersons = "occurrence_persons"
    case assignments
    case declaredAssociations = "declared_associations"
    case audit
    case truth

    /// The CSV file name. Audit events may also come as `audit.jsonl` or several `audit*.csv` / `audit*.jsonl`.
    public var fileName: String { rawValue + ".csv" }

    /// Whether a bundle without it is incomplete. `truth.csv` exists only in simulated bundles.
    public var isRequired: Bool { self != .truth }

    /// The reference files, in the order they must be read so that every reference points backwards.
    public static let referenceFiles: [BundleFile] = [
        .staff, .persons, .occurrences, .rosters, .personLinks, .occurrencePersons, .assignments,
        .declaredAssociations,
    ]

    public var columns: [String] {
        switch self {
        case .staff:
            ["staff_id", "collar_number", "display_name", "role", "team", "station", "start_date", "end_date",
             "home_postcode"]
        case .rosters: ["staff_id", "start", "end", "kind"]
        case .persons: ["person_id", "family_name", "given_name", "sex", "birth_year", "postcode", "markers"]
        case .personLinks: ["person_id", "linked_person_id", "relation"]
        case .occurrences: ["occurrence_id", "category", "opened_at", "closed_at", "station"]
        case .occurrencePersons: ["occurrence_id", "person_id", "role"]
        case .assignments: ["occurrence_id", "staff_id", "role", "start", "end"]
        case .declaredAssociations: ["staff_id", "person_id", "relation", "declared_on"]
        case .audit:
            ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "workstation",
             "reason"]
        case .truth: ["staff_id", "scenario", "first_event_id", "first_at"]
        }
    }

    /// Columns a simulated bundle writes beyond the required ones.
    public var optionalColumns: [String] {
        switch self {
        case .truth: ["kind"]
        default: []
        }
    }
}
