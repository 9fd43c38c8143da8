/// Renders a letter as one self-contained HTML page, ready to print on A4.
///
/// The page has no external assets (the signature is embedded as a `data:` URI and the styles are inline), so it
/// can be emailed, archived or opened offline and still look the same. The signature image carries its description
/// as alt text, for screen readers and for anyone whose mail client blocks images.
public enum HTMLLetterRenderer {
    static let style = """
        @page { size: A4; margin: 25mm 20mm; }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; \
        background: #fff; margin: 0; }
        article { max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
        .letterhead { font-weight: bold; font-size: 14pt; margin: 0 0 12mm; }
        h1 { font-size: 11pt; font-weight: bold; margin: 1.2em 0; }
        p { margin: 0 0 1em; }
        blockquote { margin: 0 0 1em; font-style: italic; }
        blockquote p { margin: 0; }
        .signature img { display: block; max-height: 22mm; max-width: 70mm; }
        .signatory strong { font-weight: bold; }
        @media print {
          article { padding: 0; }
          a { color: inherit; text-decoration: none; }
        }
        """

    public static func render(_ letter: Letter) -> String {
        var body = ["<article>", "<header class=\"letterhead\">\(HTMLText.escape(letter.letterhead))</header>"]
        for block in letter.blocks { body.append(render(block, signature: letter.signature)) }
        body.append("</article>")
        return HTMLText.document(title: letter.title, style: style, body: body.joined(separator: "\n"))
    }

    static func render(_ block: LetterBlock, signature: SignatureImage) -> String {
        switch block {
        case .lines(let lines):
            return "<p class=\"address\">" + lines.map(HTMLText.escape).joined(separator: "<br>\n") + "</p>"
        case .paragraph(let inlines):
            return "<p>" + inlines.map(inline).joined() + "</p>"
        case .heading(let text):
            return "<h1>\(HTMLText.escape(text))</h1>"
        case .quotation(let text):
            return "<blockquote><p>\(HTMLText.escape(text))</p></blockquote>"
        case .signatureImage(let altText):
            let source = HTMLText.dataURI(mediaType: signature.mediaType, bytes: signature.bytes)
            return "<p class=\"signature\"><img src=\"\(source)\" alt=\"\(HTMLText.escape(altText))\"></p>"
        case .signatory(let name, let titles):
            return "<p class=\"signatory\"><strong>\(HTMLText.escape(name))</strong>"
                + titles.map { "<br>\n" + HTMLText.escape($0) }.joined() + "</p>"
        }
    }

    static func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): HTMLText.escape(text)
        case .emphasis(let text): "<em>\(HTMLText.escape(text))</em>"
        case .email(let address):
            "<a href=\"mailto:\(HTMLText.escape(address))\">\(HTMLText.escape(address))</a>"
        }
    }
}
