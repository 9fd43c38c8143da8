import CustodesStore

/// A member of staff's risk over time as an inline SVG line chart: each alert contributes its risk when it opened
/// and the highest it reached by its last evidence. Drawn on the server so the page needs no script; only numbers
/// and an escaped title go into the markup.
enum RiskChart {
    static func svg(_ points: [StaffProfile.AlertPoint], title: String) -> String {
        var samples: [(x: Int64, y: Double)] = []
        for point in points {
            samples.append((point.openedAt, point.scoreAtOpen))
            samples.append((max(point.lastEvidenceAt, point.openedAt), point.score))
        }
        samples.sort { $0.x < $1.x }
        let width = 640.0, height = 200.0, left = 48.0, bottom = 28.0, top = 12.0, right = 12.0
        let minX = samples.first?.x ?? 0, maxX = max(samples.last?.x ?? 1, minX + 86_400)
        let maxY = max(samples.map(\.y).max() ?? 0, 20) * 1.1
        func x(_ value: Int64) -> Double { left + Double(value - minX) / Double(maxX - minX) * (width - left - right) }
        func y(_ value: Double) -> Double { height - bottom - value / maxY * (height - top - bottom) }
        let line = samples.map { String(format: "%.1f,%.1f", x($0.x), y($0.y)) }.joined(separator: " ")
        let dots = samples.map { String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1d70b8\"/>", x($0.x), y($0.y)) }
            .joined()
        let escaped = title.markupEscaped
        let firstDay = displayTime(minX).prefix(10), lastDay = displayTime(maxX).prefix(10)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
            aria-labelledby="risk-chart-title" class="risk-chart"><title id="risk-chart-title">\(escaped)</title>\
            <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="#ffffff"/>\
            <line x1="\(left)" y1="\(height - bottom)" x2="\(width - right)" y2="\(height - bottom)" stroke="#505a5f"/>\
            <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(height - bottom)" stroke="#505a5f"/>\
            <text x="4" y="\(top + 10)" font-size="12" fill="#0b0c0c">\(Int(maxY))</text>\
            <text x="4" y="\(height - bottom)" font-size="12" fill="#0b0c0c">0</text>\
            <text x="\(left)" y="\(height - 8)" font-size="12" fill="#0b0c0c">\(firstDay)</text>\
            <text x="\(width - right - 72)" y="\(height - 8)" font-size="12" fill="#0b0c0c">\(lastDay)</text>\
            <polyline points="\(line)" fill="none" stroke="#1d70b8" stroke-width="2"/>\(dots)</svg>
            """
    }
}
