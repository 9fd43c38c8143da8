/// The formats a letter can be written in.
public enum LetterFormat: String, CaseIterable, Sendable {
    /// Plain text, as the published text versions of the letters.
    case text
    /// Markdown, for publishing on a website or in a repository.
    case markdown
    /// A self-contained HTML page, styled to print on A4.
    case html

    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        }
    }

    public func render(_ letter: Letter) -> String {
        switch self {
        case .text: TextLetterRenderer.render(letter)
        case .markdown: MarkdownLetterRenderer.render(letter)
        case .html: HTMLLetterRenderer.render(letter)
        }
    }
}
