import CustodesModel

/// A member of staff's risk over time as an inline SVG line chart: the highest risk of each day on which one of their
/// alerts gained evidence (for alerts stored before that was recorded, the risk at opening and the highest reached).
/// Drawn on the server so the page needs no script; only numbers and an escaped title go into the markup.
enum RiskChart {
    /// The risk series of a member of staff from the details of their alerts, by day.
    static func series(_ details: [String]) -> [(x: Int64, y: Double)] {
        var byDay: [Int64: Double] = [:]
        func add(_ iso: String, _ score: Double) {
            guard let at = try? Timestamp.parseInstant(iso).get() else { return }
            let day = at.seconds / 86_400 * 86_400
            byDay[day] = max(byDay[day] ?? 0, score)
        }
        for text in details {
            guard let detail = try? AlertDetail.Risk.decode(text) else { continue }
            if let points = detail.risk_by_day, !points.isEmpty {
                for point in points { add(point.day + "T00:00:00Z", point.score) }
            } else {
                add(detail.opened_at, detail.score_at_open)
                add(detail.last_evidence_at, detail.score)
            }
        }
        return byDay.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The chart, with the rules' alert threshold as a dashed line when given.
    static func svg(_ samples: [(x: Int64, y: Double)], title: String, threshold: Double? = nil) -> String {
        let width = 640.0, height = 200.0, left = 48.0, bottom = 28.0, top = 12.0, right = 12.0
        let minX = samples.first?.x ?? 0, maxX = max(samples.last?.x ?? 1, minX + 86_400)
        let maxY = max(samples.map(\.y).max() ?? 0, threshold ?? 0, 20) * 1.1
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
            \(threshold.map { value in String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d4351c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#0b0c0c\">alert threshold %.0f</text>", left, y(value), width - right, y(value), width - right - 4, y(value) - 4, value) } ?? "")\
            <polyline points="\(line)" fill="none" stroke="#1d70b8" stroke-width="2"/>\(dots)</svg>
            """
    }

    /// The same figures as the chart, as rows for the table beside it: each day and its risk.
    static func rows(_ samples: [(x: Int64, y: Double)]) -> [[String: Any]] {
        samples.map { ["day": String(displayTime($0.x).prefix(10)), "risk": String(format: "%.1f", $0.y)] }
    }
}
