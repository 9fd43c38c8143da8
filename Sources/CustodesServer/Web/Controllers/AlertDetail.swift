import Foundation

/// The detection engine's JSON for one alert (see `AlertJSON`), read back for the alert's page and the API. The
/// member of staff's identifier is deliberately not decoded: pages show the pseudonym until a reveal.
struct AlertDetail: Decodable {
    struct Contribution: Decodable {
        var indicator: String
        var hits: Int
        var points: Double
        var weight: Double
        var examples: [String]
    }

    struct Person: Decodable {
        var pseudonym: String
        var markers: [String]
        var accesses: Int
    }

    struct Evidence: Decodable {
        var event_id: String
        var at: String
        var system: String
        var action: String
        var entity_type: String
        var person: String?
        var fields: [String]
        var on_duty: Bool
        var workstation: String
        var indicators: [String]
        var explanations_tried: [String]
    }

    struct RiskPoint: Decodable {
        var day: String
        var score: Double
    }

    var why: String
    /// Absent from alerts stored before risk by day was recorded.
    var risk_by_day: [RiskPoint]?
    var opened_at: String
    var score_at_open: Double
    var score: Double
    var last_evidence_at: String
    var evidence_count: Int
    var contributions: [Contribution]
    var people: [Person]
    var evidence_detail: [Evidence]

    static func decode(_ text: String) throws -> AlertDetail {
        try JSONDecoder().decode(AlertDetail.self, from: Data(text.utf8))
    }

    /// Only what the risk chart needs from an alert. Decoding every field of each of a member of staff's alerts,
    /// timelines and people included, was an eighth of an alert page's time under load.
    struct Risk: Decodable {
        var risk_by_day: [RiskPoint]?
        var opened_at: String
        var score_at_open: Double
        var score: Double
        var last_evidence_at: String

        static func decode(_ text: String) throws -> Risk {
            try JSONDecoder().decode(Risk.self, from: Data(text.utf8))
        }
    }
}
