import CustodesAssurance
import Foundation
import Testing

/// Every combination of statuses gives a grammatical paragraph that names each element once and never contradicts
/// itself.
@Suite struct FindingsParagraphTests {
    static let strategy = "the national strategy agreed at the National Police Chiefs' Council in April of this year"

    /// Phrases that say which status a sentence reports; each sentence must use those of exactly one status.
    static let markers: [ElementStatus: [String]] = [
        .inPlace: ["already in place", "Your plans reflected"],
        .started: ["had started", "had commenced"],
        .plannedNotStarted: ["yet to start", "not yet commenced"],
        .noInformation: ["o information was provided"],
        .noEvidence: ["find evidence", "did not reflect"],
    ]

    @Test func thereAre625Combinations() {
        #expect(ElementStatuses.allCombinations.count == 625)
        #expect(Set(ElementStatuses.allCombinations).count == 625)
    }

    @Test(arguments: ElementStatuses.allCombinations)
    func paragraphIsGrammaticalMentionsEachElementOnceAndIsConsistent(_ statuses: ElementStatuses) throws {
        let paragraph = FindingsParagraph.compose(statuses, strategy: Self.strategy)
        let label = describe(statuses)

        for element in AssessedElement.allCases {
            #expect(occurrences(of: element.keyPhrase, in: paragraph) == 1, "\(element) in \(label): \(paragraph)")
        }

        #expect(!paragraph.contains("  "), "doubled space: \(paragraph)")
        // The verb agrees with the noun: "improvements … were", never "was".
        #expect(!paragraph.contains("monitoring capability was"), "agreement in \(label): \(paragraph)")
        for bad in [" ,", " .", ",,", "..", ", .", " and .", " or .", "and and", "or or", " and,", " or,",
                    "However, .", "however .", "of .", "include ,", "include .", "assess ."] {
            #expect(!paragraph.contains(bad), "'\(bad)' in \(label): \(paragraph)")
        }

        let sentences = try split(paragraph)
        var previous: String?
        for sentence in sentences {
            let first = try #require(sentence.unicodeScalars.first)
            #expect(first.properties.isUppercase, "sentence starts in lower case: \(sentence)")
            #expect(sentence.hasSuffix("."), "sentence does not end with a full stop: \(sentence)")
            #expect(sentence.split(separator: " ").count >= 5, "fragment: \(sentence)")

            let reported = ElementStatus.allCases.filter { status in
                Self.markers[status]!.contains { sentence.contains($0) }
            }
            #expect(reported.count == 1, "sentence reports \(reported) in \(label): \(sentence)")
            let mentioned = AssessedElement.allCases.filter { sentence.contains($0.keyPhrase) }
            #expect(!mentioned.isEmpty, "sentence names no element: \(sentence)")
            if let status = reported.first {
                for element in mentioned {
                    #expect(statuses[element] == status,
                            "\(element) is \(statuses[element].rawValue) but described as \(status.rawValue): \(sentence)")
                }
            }
            if sentence.hasPrefix("They ") {
                let antecedent = try #require(previous, "'They' opens the paragraph")
                #expect(antecedent.hasPrefix("Your plans") || antecedent.hasPrefix("They "),
                        "'They' has no antecedent: \(antecedent) / \(sentence)")
            }
            previous = sentence
        }

        let values = AssessedElement.allCases.map { statuses[$0] }
        let mixed = values.contains { $0.isPositive } && values.contains { !$0.isPositive }
        let howevers = occurrences(of: "however", in: paragraph.lowercased())
        #expect(howevers == (mixed ? 1 : 0), "\(howevers) 'however' for \(label): \(paragraph)")
        #expect(sentences.first?.contains("national strategy") == true, "the strategy does not lead: \(paragraph)")
    }

    @Test func theSeedsParagraphsComeOutWordForWord() {
        let avon = FindingsParagraph.compose(
            ElementStatuses(strategy: .inPlace, ccuReview: .noEvidence, itMonitoring: .plannedNotStarted,
                            supportOrganisations: .plannedNotStarted), strategy: Self.strategy)
        #expect(avon == "Your plans reflected \(Self.strategy). They include improvements to your IT systems' "
                + "monitoring capability and work to seek intelligence from those organisations that support "
                + "vulnerable people, although at the time of our review these had yet to start. We could not however "
                + "find evidence of a review of the capability and capacity of your counter-corruption unit.")
        let wiltshire = FindingsParagraph.compose(
            ElementStatuses(strategy: .noEvidence, ccuReview: .noInformation, itMonitoring: .noInformation,
                            supportOrganisations: .plannedNotStarted), strategy: Self.strategy)
        #expect(wiltshire == "Your plans did not reflect \(Self.strategy). No information was provided that allowed "
                + "us to assess your progress in reviewing the capability and capacity of your counter-corruption unit "
                + "or your progress in developing your IT systems' monitoring capability. However, work done to seek "
                + "intelligence from those organisations that support vulnerable people was included in your plans, "
                + "although this had not yet commenced prior to our review.")
    }

    @Test func noInformationOnTheStrategyJoinsTheOtherGaps() {
        let paragraph = FindingsParagraph.compose(ElementStatuses(all: .noInformation), strategy: Self.strategy)
        #expect(paragraph == "No information was provided that allowed us to assess whether your plans reflected "
                + "\(Self.strategy), your progress in reviewing the capability and capacity of your counter-corruption "
                + "unit, your progress in developing your IT systems' monitoring capability or your progress in seeking "
                + "intelligence from those organisations that support vulnerable people.")
    }

    @Test func allInPlaceReadsAsOneListWithoutAContrast() {
        let paragraph = FindingsParagraph.compose(ElementStatuses(all: .inPlace), strategy: Self.strategy)
        #expect(paragraph == "Your plans reflected \(Self.strategy). A review of the capability and capacity of your "
                + "counter-corruption unit, improvements to your IT systems' monitoring capability and work to seek "
                + "intelligence from those organisations that support vulnerable people were already in place at the "
                + "time of our review.")
    }

    @Test func aSecondSentenceAboutThePlansSaysTheyAlsoInclude() {
        let paragraph = FindingsParagraph.compose(
            ElementStatuses(strategy: .inPlace, ccuReview: .started, itMonitoring: .plannedNotStarted,
                            supportOrganisations: .started), strategy: Self.strategy)
        #expect(paragraph.contains("They include a review of the capability and capacity of your counter-corruption "
                                   + "unit and work to seek intelligence from those organisations that support "
                                   + "vulnerable people, and at the time of our review these had started."))
        #expect(paragraph.contains("They also include improvements to your IT systems' monitoring capability, "
                                   + "although at the time of our review these had yet to start."))
    }

    func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// Splits at a full stop followed by a space; the paragraph's wording has no abbreviations with full stops.
    func split(_ paragraph: String) throws -> [String] {
        let parts = paragraph.components(separatedBy: ". ")
        return parts.enumerated().map { index, part in index == parts.count - 1 ? part : part + "." }
    }

    func describe(_ statuses: ElementStatuses) -> String {
        AssessedElement.allCases.map { "\($0.rawValue)=\(statuses[$0].rawValue)" }.joined(separator: ", ")
    }
}
