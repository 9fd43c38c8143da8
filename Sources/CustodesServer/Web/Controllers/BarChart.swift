import Foundation

/// A bar chart as inline SVG for the head of unit's dashboard: one or two series over labelled categories, drawn on
/// the server so the page needs no script. Only numbers and escaped labels go into the markup, and every chart sits
/// beside a table of the same figures, which is what screen readers and anyone checking the numbers use.
struct BarChart {
    struct Series {
        var name: String
        var values: [Int]
        var colour: String
    }

    var id: String
    var title: String
    var categories: [String]
    var series: [Series]

    /// GOV.UK blue and a dark grey that keeps 3:1 against white and against the blue.
    static let blue = "#1d70b8", grey = "#505a5f"

    var svg: String {
        let width = 640.0, height = 220.0, left = 40.0, bottom = 40.0, top = 28.0, right = 8.0
        let maximum = max(series.flatMap(\.values).max() ?? 0, 1)
        // A round top for the axis: 1, 2, 5 times a power of ten.
        let step = Self.niceStep(Double(maximum) / 4)
        let topValue = step * (Double(maximum) / step).rounded(.up)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let band = plotWidth / Double(max(categories.count, 1))
        let barWidth = band * 0.8 / Double(max(series.count, 1))
        func y(_ value: Double) -> Double { top + plotHeight - value / topValue * plotHeight }
        var parts: [String] = []
        parts.append("<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>")
        var tick = 0.0
        while tick <= topValue + 0.5 {
            parts.append(String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#b1b4b6\"/>",
                                left, y(tick), width - right, y(tick)))
            parts.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">%@</text>",
                                left - 4, y(tick) + 4, Self.format(tick)))
            tick += step
        }
        for (index, category) in categories.enumerated() {
            let x0 = left + band * Double(index) + band * 0.1
            for (number, one) in series.enumerated() where index < one.values.count {
                let value = Double(one.values[index])
                parts.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\"/>",
                                    x0 + barWidth * Double(number), y(value), max(barWidth - 1, 1), y(0) - y(value), one.colour))
            }
            // Every other label when there are many, so they do not overlap.
            if categories.count <= 8 || index % 2 == 0 {
                parts.append(String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b0c0c\">%@</text>",
                                    left + band * (Double(index) + 0.5), height - bottom + 14, category.markupEscaped))
            }
        }
        for (number, one) in series.enumerated() {
            let x = left + Double(number) * 150
            parts.append(String(format: "<rect x=\"%.1f\" y=\"6\" width=\"12\" height=\"12\" fill=\"%@\"/>", x, one.colour))
            parts.append(String(format: "<text x=\"%.1f\" y=\"16\" font-size=\"12\" fill=\"#0b0c0c\">%@</text>",
                                x + 16, one.name.markupEscaped))
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
            aria-labelledby="\(id)-title"><title id="\(id)-title">\(title.markupEscaped)</title>\(parts.joined())</svg>
            """
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        let power = pow(10, floor(log10(raw)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= raw { return max(1, factor * power) }
        return max(1, 10 * power)
    }

    static func format(_ value: Double) -> String { String(Int(value.rounded())) }
}
