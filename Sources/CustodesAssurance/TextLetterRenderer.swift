/// Renders a letter as plain text, byte for byte in the layout of the published text versions.
///
/// Those open with two empty lines (where the printed letter carries the letterhead), separate blocks with one empty
/// line, print the signature's description in place of the image, and end without a final newline.
public enum TextLetterRenderer {
    public static func render(_ letter: Letter) -> String {
        "\n\n" + letter.blocks.map(block).joined(separator: "\n\n")
    }

    static func block(_ block: LetterBlock) -> String {
        switch block {
        case .lines(let lines): lines.joined(separator: "\n")
        case .paragraph(let inlines): inlines.map(inline).joined()
        case .heading(let text), .quotation(let text): text
        case .signatureImage(let altText): altText
        case .signatory(let name, let titles): ([name] + titles).joined(separator: "\n")
        }
    }

    static func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let text), .emphasis(let text), .email(let text): text
        }
    }
}
