public import Foundation

/// Sanitised, graded items as JSON for tools outside the unit (MISP, OpenCTI), with the 3x5x2 grading mapped to the
/// Admiralty scale and to TLP 2.0. The mapping is approximate and documented in docs/intelligence-and-cases.md:
/// the scales do not measure quite the same things, so the 3x5x2 grading travels beside it, unchanged.
public enum IntelligenceExport {
    public struct Document: Codable, Sendable, Equatable {
        public var format: String
        public var exportedAt: String
        public var exportedBy: String
        public var mappingNote: String
        public var items: [Item]
        /// Items the user could see but that were left out because they are not graded yet.
        public var ungradedNotExported: Int

        enum CodingKeys: String, CodingKey {
            case format, items
            case exportedAt = "exported_at", exportedBy = "exported_by", mappingNote = "mapping_note"
            case ungradedNotExported = "ungraded_not_exported"
        }
    }

    public struct Item: Codable, Sendable, Equatable {
        public var reference: String
        public var recordedAt: String
        public var sourceKind: String
        public var text: String
        public var grading: String
        public var sourceEvaluation: String
        public var intelligenceAssessment: String
        public var handlingCode: String
        public var handlingConditions: String?
        public var admiralty: String
        public var tlp: String
        /// Pseudonyms and references only: a member of staff as the unit's pseudonym, people as theirs.
        public var links: [String]

        enum CodingKeys: String, CodingKey {
            case reference, text, grading, admiralty, tlp, links
            case recordedAt = "recorded_at", sourceKind = "source_kind", sourceEvaluation = "source_evaluation"
            case intelligenceAssessment = "intelligence_assessment", handlingCode = "handling_code"
            case handlingConditions = "handling_conditions"
        }
    }

    public static let mappingNote = """
        3x5x2 mapped approximately: source evaluation 1 to Admiralty reliability B, 2 to F, 3 to E; assessment A and \
        B to credibility 2, C to 3, D to 6, E to 5; handling code P to TLP:AMBER, C to TLP:AMBER+STRICT with the \
        conditions. The 3x5x2 grading is authoritative.
        """

    /// The document for `items` (already narrowed to what the user may see), with each graded item's links as
    /// `staffPseudonym` makes them safe to share.
    public static func document(items: [(item: IntelligenceItem, links: [IntelligenceLog.Link])], by username: String,
                                at: Int64, staffPseudonym: (String) -> String) -> Document {
        var exported: [Item] = []
        var ungraded = 0
        for (item, links) in items {
            guard let grading = item.grading else { ungraded += 1; continue }
            var seen = Set<String>()
            var shared: [String] = item.subjectStaffID.map { ["staff:" + staffPseudonym($0)] } ?? []
            for link in links {
                switch link.kind {
                case .staff: shared.append("staff:" + staffPseudonym(link.target))
                case .person: shared.append("person:" + link.target)
                case .occurrence: shared.append("occurrence:" + link.target)
                case .alert: shared.append("alert:" + link.target)
                case .item: shared.append("item:" + (Int64(link.target).map(IntelligenceItem.reference) ?? link.target))
                case .organisation: shared.append("organisation:" + link.target)
                }
            }
            exported.append(Item(reference: item.reference, recordedAt: iso8601(item.recordedAt),
                                 sourceKind: item.sourceKind.rawValue, text: item.sanitisedText, grading: grading.code,
                                 sourceEvaluation: grading.source.rawValue,
                                 intelligenceAssessment: grading.assessment.rawValue,
                                 handlingCode: grading.handling.rawValue, handlingConditions: grading.conditions,
                                 admiralty: grading.admiralty, tlp: grading.tlp,
                                 links: shared.filter { seen.insert($0).inserted }))
        }
        return Document(format: "custodes-intelligence/1", exportedAt: iso8601(at), exportedBy: username,
                        mappingNote: mappingNote, items: exported, ungradedNotExported: ungraded)
    }

    public static func json(_ document: Document) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    static func iso8601(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

extension Grading {
    /// The Admiralty (NATO) code, reliability letter then credibility digit: "B2". Approximate, see `mappingNote`.
    public var admiralty: String {
        let reliability = switch source {
        case .reliable: "B"     // "usually reliable": 3x5x2's "reliable" is a record, not a guarantee (A)
        case .untested: "F"     // "reliability cannot be judged"
        case .notReliable: "E"  // "unreliable"
        }
        let credibility = switch assessment {
        case .knownDirectly, .knownIndirectlyCorroborated: "2"  // "probably true": not confirmed independently
        case .knownIndirectly: "3"                              // "possibly true"
        case .notKnown: "6"                                     // "truth cannot be judged"
        case .suspectedFalse: "5"                               // "improbable"
        }
        return reliability + credibility
    }

    /// The TLP 2.0 marking: never CLEAR or GREEN, as every item concerns people's most sensitive information.
    public var tlp: String { handling == .permitted ? "TLP:AMBER" : "TLP:AMBER+STRICT" }
}
