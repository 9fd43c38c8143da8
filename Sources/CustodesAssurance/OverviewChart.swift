/// The overview's bar chart as a self-contained, accessible SVG.
///
/// One horizontal bar per category with its label and count written as text, so the figures survive printing in
/// black and white and can be read by a screen reader; `<title>` and `<desc>` give the chart an accessible name and
/// a full text equivalent. No fonts, scripts or images are referenced.
public enum OverviewChart {
    static let width = 720
    static let labelWidth = 250
    static let barArea = 400
    static let rowHeight = 44
    static let top = 48

    /// Bar fills, from red for the most worrying category to green; they differ in lightness too, so they stay apart
    /// in greyscale. No text is drawn on a bar: labels and counts sit beside it, black on white.
    static let fills: [PlanCategory: String] = [
        .insufficientInformation: "#8c1c13",
        .plansNotYetStarted: "#c46210",
        .plansInPlaceAndStarted: "#2f6f9f",
        .allElementsInPlace: "#1f7a3a",
    ]

    public static func render(_ overview: NationalOverview) -> String {
        let height = top + overview.categories.count * rowHeight + 16
        let largest = max(1, overview.categories.map(\.count).max() ?? 1)
        let title = "Forces' plans by category"
        let description = overview.summary
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"overview-title overview-desc\">",
            "<title id=\"overview-title\">\(HTMLText.escape(title))</title>",
            "<desc id=\"overview-desc\">\(HTMLText.escape(description))</desc>",
            "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>",
            "<text x=\"0\" y=\"24\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"16\" "
                + "font-weight=\"bold\" fill=\"#000000\">\(HTMLText.escape(title)) (\(overview.totalForces) forces)</text>",
        ]
        for (index, entry) in overview.categories.enumerated() {
            let y = top + index * rowHeight
            let barWidth = entry.count * barArea / largest
            let textY = y + 22
            out.append("<g>")
            out.append("<text x=\"0\" y=\"\(textY)\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"14\" "
                       + "fill=\"#000000\">\(HTMLText.escape(entry.category.title))</text>")
            out.append("<rect x=\"\(labelWidth)\" y=\"\(y + 6)\" width=\"\(barWidth)\" height=\"\(rowHeight - 14)\" "
                       + "fill=\"\(fills[entry.category]!)\"/>")
            out.append("<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(textY)\" font-family=\"Arial, Helvetica, "
                       + "sans-serif\" font-size=\"14\" font-weight=\"bold\" fill=\"#000000\">\(entry.count)</text>")
            out.append("</g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
