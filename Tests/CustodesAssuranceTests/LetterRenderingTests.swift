import CustodesAssurance
import CustodesModel
import Testing

/// What every letter format must do beyond the golden comparisons.
@Suite struct LetterRenderingTests {
    @Test func theHTMLLetterIsSelfContainedWithTheSignatureAsAnImageWithAltText() throws {
        let letter = try Examples.letter(for: "avon-and-somerset")
        let html = LetterFormat.html.render(letter)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<img src=\"data:image/svg+xml;base64,"))
        #expect(html.contains("alt=\"A handwritten signature in cursive script, appearing to read &#39;M. Cunningham&#39;.\""))
        #expect(html.contains("@page { size: A4;"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("url("))
        #expect(html.contains("<em>PEEL: police legitimacy 2016</em>"))
        #expect(html.contains("<a href=\"mailto:john.young@hmic.gsi.gov.uk\">john.young@hmic.gsi.gov.uk</a>"))
        #expect(html.contains("Her Majesty&#39;s Inspector of Fire &amp; Rescue Services"))
        #expect(html.contains("<p class=\"address\">Chief Constable<br>\nAvon and Somerset Constabulary<br>\nBy email</p>"))
    }

    @Test func aForceIsNamedAsItWasOnTheLettersDate() throws {
        let letter = try Examples.letter(for: "hampshire-and-isle-of-wight")
        let text = LetterFormat.text.render(letter)
        #expect(text.contains("Chief Constable\nHampshire Constabulary\n"))
        #expect(!text.contains("Isle of Wight Constabulary"))
        let force = try #require(ForceCatalog.englandAndWales.force(slug: "hampshire-and-isle-of-wight"))
        #expect(force.name(on: CalendarDate(iso: "2022-11-15")!) == "Hampshire Constabulary")
        #expect(force.name(on: CalendarDate(iso: "2022-11-16")!) == "Hampshire and Isle of Wight Constabulary")
    }

    @Test func theIndexLinksEveryLetterWithItsForcesCategory() throws {
        let file = try Examples.findings()
        let inspection = try Examples.inspection()
        let letters = file.findings.map { findings in
            (letter: Letter(inspection: inspection, force: file.force(for: findings), findings: findings),
             findings: findings, file: "\(findings.force).html")
        }
        let index = LetterIndex.html(title: "Assessment <letters>", letters: letters)
        #expect(index.contains("<title>Assessment &lt;letters&gt;</title>"))
        for (letter, findings, name) in letters {
            #expect(index.contains("<a href=\"\(name)\">\(letter.forceName)</a></td><td>\(PlanCategory(findings.statuses).title)</td>"))
        }
        #expect(index.contains("\(letters.count) letters"))
    }

    @Test func theAltTextStandsInForTheSignatureInTheTextFormats() throws {
        let letter = try Examples.letter(for: "wiltshire")
        for format in [LetterFormat.text, .markdown] {
            let text = format.render(letter)
            #expect(text.contains("Yours sincerely\n\nA handwritten signature in cursive script, appearing to read 'M. Cunningham'.\n\n"))
            #expect(!text.contains("data:image"))
        }
    }

    @Test func everyExampleForceGetsAWellFormedLetterInEveryFormat() throws {
        let file = try Examples.findings()
        let inspection = try Examples.inspection()
        for findings in file.findings {
            let letter = Letter(inspection: inspection, force: file.force(for: findings), findings: findings)
            for format in LetterFormat.allCases {
                let text = format.render(letter)
                // The name in use on the letter's date (Hampshire's, in 2017, was Hampshire Constabulary).
                #expect(text.contains(file.force(for: findings).name(on: inspection.dates.letter)))
                #expect(text.contains("Dear \(file.force(for: findings).addressee)"))
            }
        }
    }

    @Test func htmlEscapesWhatForceFilesSupply() throws {
        let inspection = try SampleInspection.inspection()
        let force = Force(slug: "test", name: "Test <Police> & \"Friends\"")
        let letter = Letter(inspection: inspection, force: force,
                            findings: ForceFindings(force: "test", statuses: ElementStatuses(all: .inPlace)))
        let html = LetterFormat.html.render(letter)
        #expect(html.contains("Test &lt;Police&gt; &amp; &quot;Friends&quot;"))
        #expect(!html.contains("<Police>"))
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw==\" alt=\"A signature.\">"))
    }

    @Test func contactWithoutAPhoneEndsAfterTheEmail() throws {
        let inspection = try SampleInspection.inspection()
        let letter = Letter(inspection: inspection, force: Force(slug: "t", name: "T Police", copiedTo: []),
                            findings: ForceFindings(force: "t", statuses: ElementStatuses(all: .inPlace)))
        let text = LetterFormat.text.render(letter)
        #expect(text.contains("please contact Sam Sample at sam.sample@example.org.\n"))
        #expect(!text.contains("Copied to"))
    }
}
