import CustodesAssurance
import Testing

@Suite struct OverviewTests {
    @Test func theExampleFindingsGiveTheOctober2017Counts() throws {
        let overview = NationalOverview(try Examples.findings())
        #expect(overview.totalForces == 43)
        #expect(overview.categories.map(\.category) == PlanCategory.allCases)
        #expect(overview.categories.map(\.count) == [11, 15, 15, 2])
        #expect(overview.count(.insufficientInformation) == 11)
        #expect(overview.count(.plansNotYetStarted) == 15)
        #expect(overview.count(.plansInPlaceAndStarted) == 15)
        #expect(overview.count(.allElementsInPlace) == 2)
        #expect(overview.summary == "Of 43 forces: 11 insufficient information, 15 plans not yet started, "
                + "15 plans in place and started and 2 all elements in place.")
    }

    @Test func forceListsAreCompleteAndInCatalogueOrder() throws {
        let file = try Examples.findings()
        let overview = NationalOverview(file)
        let listed = overview.categories.flatMap { $0.forces.map(\.slug) }
        #expect(Set(listed) == Set(file.findings.map(\.force)))
        #expect(listed.count == 43)
        let wiltshire = try #require(overview.categories.first { $0.category == .insufficientInformation })
        #expect(wiltshire.forces.map(\.name).contains("Wiltshire Police"))
        let order = file.catalog.forces.map(\.slug)
        for entry in overview.categories {
            let positions = entry.forces.map { order.firstIndex(of: $0.slug)! }
            #expect(positions == positions.sorted())
        }
    }

    @Test func elementStatusCountsAddUpPerElementAndMatchTheFindings() throws {
        let file = try Examples.findings()
        let overview = NationalOverview(file)
        #expect(overview.elements.map(\.element) == AssessedElement.allCases)
        for entry in overview.elements {
            #expect(entry.counts.map(\.count).reduce(0, +) == 43)
            for status in ElementStatus.allCases {
                #expect(entry.count(status) == file.findings.filter { $0.statuses[entry.element] == status }.count)
            }
        }
    }

    @Test func theChartIsSelfContainedAndAccessible() throws {
        let svg = OverviewChart.render(NationalOverview(try Examples.findings()))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"overview-title\">Forces&#39; plans by category</title>"))
        #expect(svg.contains("<desc id=\"overview-desc\">Of 43 forces: 11 insufficient information"))
        for category in PlanCategory.allCases { #expect(svg.contains(">\(category.title)</text>")) }
        for count in [11, 15, 2] { #expect(svg.contains(">\(count)</text>")) }
        #expect(occurrences("<rect", svg) == 5)  // background and four bars
        #expect(!svg.contains("href"))
        #expect(!svg.contains("<script"))
        // The longest bar is the full width; the others are in proportion.
        #expect(svg.contains("width=\"400\""))
        #expect(svg.contains("width=\"53\""))  // 2 × 400 / 15
    }

    @Test func theHTMLReportEmbedsTheChartAndListsEveryForce() throws {
        let file = try Examples.findings()
        let html = OverviewHTMLReport.render(NationalOverview(file))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg xmlns="))
        #expect(html.contains("<h3>Insufficient information (11)</h3>"))
        #expect(html.contains("<h3>All elements in place (2)</h3>"))
        for force in file.catalog.forces { #expect(html.contains("<li>\(force.name)</li>")) }
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<script"))
    }

    @Test func textReportListsCountsAndForces() throws {
        let text = OverviewTextReport.render(NationalOverview(try Examples.findings()))
        #expect(text.hasPrefix("Of 43 forces: 11 insufficient information"))
        #expect(text.contains("Insufficient information (11):\n"))
        #expect(text.contains("  Avon and Somerset Constabulary"))
    }

    func occurrences(_ needle: String, _ haystack: String) -> Int {
        haystack.split(separator: needle, omittingEmptySubsequences: false).count - 1
    }
}
