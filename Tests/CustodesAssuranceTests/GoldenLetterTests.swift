import CustodesAssurance
import Testing

/// The letters reproduce the published seeds from the example findings.
@Suite struct GoldenLetterTests {
    @Test func avonAndSomersetRendersToTheSeedByteForByteAsPlainText() throws {
        let letter = try Examples.letter(for: "avon-and-somerset")
        let rendered = LetterFormat.text.render(letter)
        let seed = try Examples.seed("000_0ba05bebb8e4d7bf.txt")
        // Compared as bytes: String equality would accept canonically equivalent but different encodings.
        let identical = rendered.utf8.elementsEqual(seed.utf8)
        #expect(identical, "the rendered letter differs from the seed")
        if !identical { firstDifference(rendered, seed) }
    }

    @Test func wiltshireRendersToTheSeedAsMarkdownApartFromWhitespaceOnBlankLines() throws {
        let letter = try Examples.letter(for: "wiltshire")
        let rendered = LetterFormat.markdown.render(letter)
        let seed = try Examples.seed("003_31b8f8c255beff3f.txt")
        #expect(blankLinesEmptied(rendered) == blankLinesEmptied(seed))
        if blankLinesEmptied(rendered) != blankLinesEmptied(seed) {
            firstDifference(blankLinesEmptied(rendered), blankLinesEmptied(seed))
        }
        // The only licence taken: the seed's spacer line holds one space, ours is empty. Everything else, including
        // the two-space line breaks, is byte for byte.
        #expect(rendered.split(separator: "\n", omittingEmptySubsequences: false).count
                == seed.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(rendered.contains("Chief Constable  \nWiltshire Police  \nVia email\n"))
    }

    @Test func theFindingsParagraphsAreComposedNotStored() throws {
        // The example file carries statuses only; change one and the letter changes with it.
        var file = try Examples.findings()
        let index = try #require(file.findings.firstIndex { $0.force == "avon-and-somerset" })
        #expect(file.findings[index].paragraphOverride == nil)
        file.findings[index].statuses.ccuReview = .started
        let letter = Letter(inspection: try Examples.inspection(), force: file.force(for: file.findings[index]),
                            findings: file.findings[index])
        let text = LetterFormat.text.render(letter)
        #expect(!text.contains("We could not however find evidence"))
        #expect(text.contains("a review of the capability and capacity of your counter-corruption unit, and at the time of our review this had started."))
    }

    @Test func anInspectorsOverrideReplacesOnlyTheFindingsParagraph() throws {
        var file = try Examples.findings()
        let index = try #require(file.findings.firstIndex { $0.force == "wiltshire" })
        file.findings[index].paragraphOverride = "Your plans were comprehensive in every respect."
        let letter = Letter(inspection: try Examples.inspection(), force: file.force(for: file.findings[index]),
                            findings: file.findings[index])
        let text = LetterFormat.text.render(letter)
        #expect(text.contains("\n\nYour plans were comprehensive in every respect.\n\nThis letter will be published"))
        #expect(!text.contains("did not reflect"))
        #expect(file.findings[index].category == .insufficientInformation)
    }

    /// Empties lines that hold only spaces or tabs, the one difference the Wiltshire comparison allows.
    func blankLinesEmptied(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.allSatisfy { $0 == " " || $0 == "\t" } ? "" : String($0) }
            .joined(separator: "\n")
    }

    /// Records where two texts first differ, so a failing golden test says what to fix.
    func firstDifference(_ rendered: String, _ expected: String) {
        let a = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end>"
            let right = index < b.count ? String(b[index]) : "<end>"
            if left != right {
                Issue.record("line \(index + 1) differs:\n rendered: \(left.debugDescription)\n expected: \(right.debugDescription)")
                return
            }
        }
    }
}
