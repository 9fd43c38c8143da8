@testable import CustodesServer
import CustodesModel
import Testing

/// The risk-over-time chart's series: the highest risk of each day across a member of staff's alerts.
@Suite("Risk chart")
struct RiskChartTests {
    static func detail(opened: String, last: String, atOpen: Double, score: Double, byDay: String?) -> String {
        """
        {"why":"","evidence_count":0,"contributions":[],"people":[],"evidence_detail":[],"opened_at":"\(opened)",\
        "score_at_open":\(atOpen),"score":\(score),"last_evidence_at":"\(last)"\
        \(byDay.map { ",\"risk_by_day\":" + $0 } ?? "")}
        """
    }

    @Test("days from risk by day, the higher score where alerts share a day, and two points for older alerts")
    func series() {
        let recorded = Self.detail(opened: "2025-01-02T10:00:00Z", last: "2025-01-05T09:00:00Z", atOpen: 21, score: 60,
                                   byDay: #"[{"day":"2025-01-02","score":21},{"day":"2025-01-04","score":45},{"day":"2025-01-05","score":60}]"#)
        let older = Self.detail(opened: "2025-01-04T08:00:00Z", last: "2025-01-09T08:00:00Z", atOpen: 50, score: 70,
                                byDay: nil)
        let series = RiskChart.series([recorded, older, "not json"])
        let day = { (text: String) in Int64(try! Timestamp.parseDate(text).get().seconds) }
        #expect(series.map(\.x) == [day("2025-01-02"), day("2025-01-04"), day("2025-01-05"), day("2025-01-09")])
        #expect(series.map(\.y) == [21, 50, 60, 70])
        let svg = RiskChart.svg(series, title: "Risk of <STF-1> by day")
        #expect(svg.contains("<title id=\"risk-chart-title\">Risk of &lt;STF-1&gt; by day</title>"))
        #expect(svg.components(separatedBy: "<circle").count == 5)
    }
}
