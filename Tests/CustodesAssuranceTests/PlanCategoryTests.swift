import CustodesAssurance
import Testing

/// The documented category rules, checked rule by rule and over every combination.
@Suite struct PlanCategoryTests {
    @Test func allInPlaceIsTheOnlyWayToAllElementsInPlace() {
        for statuses in ElementStatuses.allCombinations {
            let allInPlace = AssessedElement.allCases.allSatisfy { statuses[$0] == .inPlace }
            #expect((PlanCategory(statuses) == .allElementsInPlace) == allInPlace)
        }
    }

    @Test func anyElementWithNoInformationMakesItInsufficient() {
        var statuses = ElementStatuses(all: .inPlace)
        statuses.itMonitoring = .noInformation
        #expect(PlanCategory(statuses) == .insufficientInformation)
        statuses = ElementStatuses(all: .plannedNotStarted)
        statuses.strategy = .noInformation
        #expect(PlanCategory(statuses) == .insufficientInformation)
    }

    @Test func plannedOrMissingElementsMeanNotYetStarted() {
        var statuses = ElementStatuses(all: .started)
        statuses.ccuReview = .plannedNotStarted
        #expect(PlanCategory(statuses) == .plansNotYetStarted)
        statuses = ElementStatuses(all: .inPlace)
        statuses.supportOrganisations = .noEvidence
        #expect(PlanCategory(statuses) == .plansNotYetStarted)
    }

    @Test func startedAndInPlaceOnlyIsInPlaceAndStarted() {
        var statuses = ElementStatuses(all: .inPlace)
        statuses.strategy = .started
        #expect(PlanCategory(statuses) == .plansInPlaceAndStarted)
        #expect(PlanCategory(ElementStatuses(all: .started)) == .plansInPlaceAndStarted)
    }

    @Test func theSeedForcesFallWhereTheirLettersPutThem() throws {
        let file = try Examples.findings()
        let category = Dictionary(uniqueKeysWithValues: file.findings.map { ($0.force, $0.category) })
        #expect(category["avon-and-somerset"] == .plansNotYetStarted)
        #expect(category["wiltshire"] == .insufficientInformation)
    }

    /// The rules as docs/assurance.md states them, written independently of the implementation: every combination
    /// gets exactly the category the written rules give.
    @Test func everyCombinationFollowsTheWrittenRules() {
        var seen: [PlanCategory: Int] = [:]
        for statuses in ElementStatuses.allCombinations {
            let values = AssessedElement.allCases.map { statuses[$0] }
            let expected: PlanCategory =
                if values == [.inPlace, .inPlace, .inPlace, .inPlace] { .allElementsInPlace }
                else if values.contains(.noInformation) { .insufficientInformation }
                else if values.contains(where: { $0 == .plannedNotStarted || $0 == .noEvidence }) { .plansNotYetStarted }
                else { .plansInPlaceAndStarted }
            #expect(PlanCategory(statuses) == expected)
            seen[expected, default: 0] += 1
        }
        // 5^4 combinations; 4^4 have no "no information"; 2^4 of those are only "in place" or "started".
        #expect(seen[.allElementsInPlace] == 1)
        #expect(seen[.insufficientInformation] == 625 - 256)
        #expect(seen[.plansInPlaceAndStarted] == 16 - 1)
        #expect(seen[.plansNotYetStarted] == 256 - 16)
    }
}
