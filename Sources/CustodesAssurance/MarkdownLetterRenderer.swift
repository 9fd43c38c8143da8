/// Renders a letter as Markdown in the layout of the published Markdown versions.
///
/// Address and signatory lines end in two spaces (a Markdown line break) so they stay on separate lines; the heading
/// and signatory's name are bold; the report title and recommendation are italic; the contact address is a `mailto:`
/// link. As in the published versions, the recommendation is followed by a spacer line; it carries no text.
///
/// Text is not escaped: the letters' wording contains no Markdown syntax, and escaping apostrophes or ampersands
/// would make the source harder to read for no gain.
public enum MarkdownLetterRenderer {
    public static func render(_ letter: Letter) -> String {
        "\n\n" + letter.blocks.map(block).joined(separator: "\n\n")
    }

    static func block(_ block: LetterBlock) -> String {
        switch block {
        case .lines(let lines): lines.joined(separator: "  \n")
        case .paragraph(let inlines): inlines.map(inline).joined()
        case .heading(let text): "**\(text)**"
        case .quotation(let text): "*\(text)*\n"
        case .signatureImage(let altText): altText
        case .signatory(let name, let titles): (["**\(name)**"] + titles).joined(separator: "  \n")
        }
    }

    static func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): text
        case .emphasis(let text): "*\(text)*"
        case .email(let address): "[\(address)](mailto:\(address))"
        }
    }
}
