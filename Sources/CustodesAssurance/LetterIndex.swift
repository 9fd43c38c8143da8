/// An index page for a set of HTML letters: each force, named as on its letter, with the category its plan falls
/// in and a link to its letter, so an inspector (or a force) finds one letter among 43 without opening the folder.
public enum LetterIndex {
    /// - Parameter letters: each force's slug, its letter, its findings, and the file the letter was written to.
    public static func html(title: String, letters: [(letter: Letter, findings: ForceFindings, file: String)]) -> String {
        let rows = letters.sorted { $0.letter.force.slug < $1.letter.force.slug }.map { entry in
            let category = PlanCategory(entry.findings.statuses)
            return "<tr><td><a href=\"\(HTMLText.escape(entry.file))\">\(HTMLText.escape(entry.letter.forceName))</a></td>"
                + "<td>\(HTMLText.escape(category.title))</td></tr>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>body{font-family:Arial,sans-serif;margin:2em;max-width:60em;color:#0b0c0c}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.5em 1em .5em 0;border-bottom:1px solid #b1b4b6}a{color:#1d70b8}</style>
            </head>
            <body>
            <main>
            <h1>\(HTMLText.escape(title))</h1>
            <p>\(letters.count) letter\(letters.count == 1 ? "" : "s"), one per force, with the category each force's plan falls in.</p>
            <table>
            <caption>The letters, by force</caption>
            <thead><tr><th scope="col">Force</th><th scope="col">Category</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </main>
            </body>
            </html>

            """
    }
}
