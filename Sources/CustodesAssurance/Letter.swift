/// A letter to one force, as a sequence of blocks that each renderer lays out in its own format.
///
/// Building the content once and rendering it three ways keeps the plain-text, Markdown and HTML letters saying the
/// same thing; only emphasis, links, line breaks and the signature image differ between them.
public struct Letter: Hashable, Sendable {
    public var force: Force
    /// The force's name as the letter gives it: the one in use on the letter's date.
    public var forceName: String
    public var blocks: [LetterBlock]
    /// Shown as the HTML document's title.
    public var title: String
    /// Who the letter is from, standing in for the printed letterhead in HTML.
    public var letterhead: String
    public var signature: SignatureImage

    /// Writes the letter for one force. The findings paragraph is the inspector's override if there is one, and is
    /// otherwise composed from the statuses by ``FindingsParagraph``.
    public init(inspection: Inspection, force: Force, findings: ForceFindings) {
        let rec = inspection.recommendation
        let dates = inspection.dates
        let heading = "\(inspection.inspectorate) assessment: \(inspection.subject)"
        let findingsText = findings.paragraphOverride ?? FindingsParagraph.compose(
            findings.statuses, strategy: inspection.strategy.phrase(relativeTo: dates.letter))
        let contact = inspection.contact

        let forceName = force.name(on: dates.letter)
        var blocks: [LetterBlock] = [.lines([force.addressee, forceName, force.delivery])]
        if !force.copiedTo.isEmpty {
            blocks.append(.paragraph([.text("Copied to: " + Self.list(force.copiedTo))]))
        }
        blocks += [
            .paragraph([.text(dates.letter.longForm)]),
            .paragraph([.text("Dear \(force.addressee)")]),
            .heading(heading),
            .paragraph([
                .text("In \(rec.reportPublished.longForm), we published our national "),
                .emphasis(rec.report),
                .text(" inspection report in which we referred to the problem as '\(rec.formerTerm)'. In the interests "
                      + "of consistency and in line with the terminology used in the \(inspection.strategy.agreedBy)'s "
                      + "national strategy, we now refer to this as '\(rec.currentTerm)'."),
            ]),
            .paragraph([.text(rec.concern)]),
            .quotation(rec.text),
            .paragraph([.text(
                "Further to my letter dated \(dates.documentsRequested.longForm) and your force's subsequent document "
                + "submission, we have reviewed your force's plans to address our cause of concern. I am writing to "
                + "inform you of our assessment of your force's plans, which took place \(dates.assessment.phrase), and "
                + "included a review of all documentation submitted by \(dates.submissionDeadline.longForm).")]),
            .paragraph([.text(findingsText)]),
            .paragraph([.text(
                "This letter will be published on the \(inspection.inspectorate) website, alongside a national overview "
                + "report. We will be returning to your force to assess implementation of your plans during a "
                + "subsequent inspection.")]),
            .paragraph([
                .text("If you have any queries, please contact \(contact.name) at "),
                .email(contact.email),
                .text(contact.phone.map { " or on \($0)." } ?? "."),
            ]),
            .paragraph([.text("Yours sincerely")]),
            .signatureImage(altText: inspection.signature.altText),
            .signatory(name: inspection.signature.nameLine, titles: inspection.signature.titles),
        ]
        self.force = force
        self.blocks = blocks
        self.title = "\(heading): \(forceName)"
        self.forceName = forceName
        self.letterhead = inspection.inspectorate
        self.signature = inspection.signature.image
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

/// One block of a letter.
public enum LetterBlock: Hashable, Sendable {
    /// Lines kept together with line breaks, such as the address.
    case lines([String])
    case paragraph([Inline])
    /// The letter's subject line, in bold where the format allows.
    case heading(String)
    /// The recommendation, quoted verbatim and set apart in italics.
    case quotation(String)
    /// The signature: an image in HTML, its description in text.
    case signatureImage(altText: String)
    /// The signatory's name (in bold where the format allows) and titles, one per line.
    case signatory(name: String, titles: [String])
}

/// A run of text within a paragraph.
public enum Inline: Hashable, Sendable {
    case text(String)
    /// Italic, for titles of publications.
    case emphasis(String)
    /// An email address, linked where the format allows.
    case email(String)
}
