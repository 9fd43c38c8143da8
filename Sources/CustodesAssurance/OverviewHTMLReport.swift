/// The national overview as one self-contained HTML page: the chart inline, the force lists and the element table.
public enum OverviewHTMLReport {
    static let style = """
        @page { size: A4; margin: 20mm; }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; \
        background: #fff; margin: 0; }
        main { max-width: 180mm; margin: 0 auto; padding: 10mm 0; }
        h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 1.6em; }
        figure { margin: 1em 0; } svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #666; padding: 4px 6px; text-align: left; vertical-align: top; }
        td.count { text-align: right; }
        """

    public static func render(_ overview: NationalOverview, title: String = "National overview of forces' plans") -> String {
        var body = ["<main>", "<h1>\(HTMLText.escape(title))</h1>", "<p>\(HTMLText.escape(overview.summary))</p>"]
        body.append("<figure>")
        body.append(OverviewChart.render(overview).trimmingTrailingNewline)
        body.append("<figcaption>Number of forces in each category.</figcaption>")
        body.append("</figure>")

        body.append("<h2>Forces by category</h2>")
        for entry in overview.categories {
            body.append("<h3>\(HTMLText.escape(entry.category.title)) (\(entry.count))</h3>")
            if entry.forces.isEmpty {
                body.append("<p>None.</p>")
            } else {
                body.append("<ul>" + entry.forces.map { "<li>\(HTMLText.escape($0.name))</li>" }.joined() + "</ul>")
            }
        }

        body.append("<h2>Status of each element across forces</h2>")
        body.append("<table>")
        body.append("<caption>Number of forces at each status, by element.</caption>")
        body.append("<thead><tr><th scope=\"col\">Element</th>"
                    + ElementStatus.allCases.map { "<th scope=\"col\">\(HTMLText.escape($0.rawValue.capitalisedFirst))</th>" }.joined()
                    + "</tr></thead>")
        body.append("<tbody>")
        for entry in overview.elements {
            body.append("<tr><th scope=\"row\">\(HTMLText.escape(entry.element.title))</th>"
                        + entry.counts.map { "<td class=\"count\">\($0.count)</td>" }.joined() + "</tr>")
        }
        body.append("</tbody>")
        body.append("</table>")
        body.append("</main>")
        return HTMLText.document(title: title, style: style, body: body.joined(separator: "\n"))
    }
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
