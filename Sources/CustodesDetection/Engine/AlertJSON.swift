import CustodesModel

/// Alerts as JSON Lines, one alert per line, keys in a fixed order so that the same run gives the same bytes. The
/// format is documented in docs/data-format.md, since other tools read it.
public enum AlertJSON {
    public static func line(_ alert: Alert) -> String { line(alert, bundle: nil) }

    /// - Parameter bundle: the fingerprint of the bundle the alert was made from, so `evaluate` can tell alerts from
    ///   another force (written by `detect` on a bundle; the store's alerts carry none).
    public static func line(_ alert: Alert, bundle: String?) -> String {
        let json = JSONText()
        json.object {
            json.field("alert_id", alert.alertID)
            if let bundle { json.field("bundle", bundle) }
            json.field("staff_id", alert.staffID)
            json.field("opened_at", alert.openedAt.iso8601)
            json.field("opening_event_id", alert.openingEventID)
            json.field("score", alert.score)
            json.field("score_at_open", alert.scoreAtOpen)
            json.field("last_evidence_at", alert.lastEvidenceAt.iso8601)
            json.field("over_budget", alert.overBudget)
            if let surfaced = alert.surfacedAt { json.field("surfaced_at", surfaced.iso8601) }
            json.field("indicators", alert.indicators.map(\.rawValue))
            json.field("evidence", alert.evidence.map(\.event.eventID))
            json.field("evidence_count", alert.evidenceCount)
            json.field("why", alert.why)
            json.key("contributions")
            json.array(alert.contributions) { item in
                json.object {
                    json.field("indicator", item.indicator.rawValue)
                    json.field("hits", item.hits)
                    json.field("points", item.points)
                    json.field("weight", item.weight)
                    json.field("examples", item.examples)
                }
            }
            json.key("risk_by_day")
            json.array(alert.riskByDay) { point in
                json.object {
                    json.field("day", point.day.isoDate)
                    json.field("score", point.score)
                }
            }
            json.key("people")
            json.array(alert.people) { person in
                json.object {
                    json.field("pseudonym", person.pseudonym)
                    json.field("markers", person.markers.map(\.rawValue))
                    json.field("accesses", person.accesses)
                }
            }
            json.key("evidence_detail")
            json.array(alert.evidence) { entry in
                json.object {
                    json.field("event_id", entry.event.eventID)
                    json.field("at", entry.event.at.iso8601)
                    json.field("system", entry.event.system.rawValue)
                    json.field("action", entry.event.action.rawValue)
                    json.field("entity_type", entry.event.entityType.rawValue)
                    if let person = entry.person { json.field("person", person) }
                    json.field("fields", entry.event.fields.fields.map(\.rawValue))
                    json.field("on_duty", entry.event.onDuty)
                    json.field("workstation", entry.event.workstation)
                    json.field("indicators", entry.indicators.map(\.rawValue))
                    json.field("explanations_tried", entry.explanationsTried)
                }
            }
        }
        return json.text
    }
}

/// A minimal JSON writer: enough for alerts, with correct string escaping and stable number formatting.
final class JSONText {
    private(set) var text = ""
    /// Per open container: whether a value has been written (so the next needs a comma).
    private var written: [Bool] = [false]
    /// True right after a key, when the value must follow without a comma.
    private var afterKey = false

    /// Starts a value: a comma unless it is the first in its container or follows a key.
    private func beginValue() {
        if afterKey {
            afterKey = false
        } else if written[written.count - 1] {
            text += ","
        }
        written[written.count - 1] = true
    }

    func object(_ body: () -> Void) {
        beginValue()
        text += "{"
        written.append(false)
        body()
        written.removeLast()
        text += "}"
    }

    func array<T>(_ items: [T], _ body: (T) -> Void) {
        beginValue()
        text += "["
        written.append(false)
        for item in items { body(item) }
        written.removeLast()
        text += "]"
    }

    func key(_ name: String) {
        beginValue()
        text += Self.quote(name) + ":"
        afterKey = true
    }

    func field(_ name: String, _ value: String) { key(name); beginValue(); text += Self.quote(value) }
    func field(_ name: String, _ value: Int) { key(name); beginValue(); text += String(value) }
    func field(_ name: String, _ value: Bool) { key(name); beginValue(); text += value ? "true" : "false" }
    func field(_ name: String, _ value: Double) { key(name); beginValue(); text += Self.number(value) }
    func field(_ name: String, _ values: [String]) {
        key(name)
        beginValue()
        text += "[" + values.map(Self.quote).joined(separator: ",") + "]"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String((value * 1000).rounded() / 1000)
    }

    static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
