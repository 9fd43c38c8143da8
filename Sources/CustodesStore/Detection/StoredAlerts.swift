import CustodesDetection
import Crypto
import SQLKit

/// Writes a run's alerts, keyed by member of staff and opening event so that a later run updates rather than
/// duplicates them; an alert that no longer fires (the rules changed, or late events explained it) is marked
/// withdrawn, never deleted, so what an analyst already saw stays on record.
enum StoredAlerts {
    struct Written {
        var runID: Int64
        var opened = 0
        var updated = 0
        var withdrawn = 0
    }

    static let columns = ["alert_key", "staff_id", "staff_pseudonym", "opened_at", "opening_event_id", "score_at_open",
                          "score", "last_evidence_at", "indicators", "evidence_count", "why", "over_budget",
                          "surfaced_at", "status", "detail", "digest", "first_run", "last_run"]
    /// What a later run may change; `first_run` stays as the run that first raised the alert.
    static let updatable = ["staff_pseudonym", "opened_at", "score_at_open", "score", "last_evidence_at", "indicators",
                            "evidence_count", "why", "over_budget", "surfaced_at", "status", "detail", "digest"]

    static func key(_ alert: Alert) -> String { alert.staffID + "/" + alert.openingEventID }

    static func write(_ alerts: [Alert], summary: DetectionSummary, pseudonymiser: Pseudonymiser,
                      database: StoreDatabase, state: DetectionState?, cursor: Int64, events: Int,
                      rulesVersion: Int64, budget: Int?, startedAt: Int64) async throws -> Written {
        try await database.transaction {
            var existing: [String: (digest: String, status: String)] = [:]
            // Alerts that opened before the oldest stored event are outside what this run could see (retention
            // removed their events); they stay as they are.
            let horizon = try await database.sql.raw("SELECT COALESCE(MIN(at), 0) AS horizon FROM audit_events")
                .first()?.decode(column: "horizon", as: Int64.self) ?? 0
            for row in try await database.sql.raw(
                "SELECT alert_key, digest, status FROM alerts WHERE opened_at >= \(bind: horizon)").all() {
                existing[try row.decode(column: "alert_key", as: String.self)] =
                    (try row.decode(column: "digest", as: String.self), try row.decode(column: "status", as: String.self))
            }
            guard let runRow = try await database.sql.raw("""
                INSERT INTO detection_runs (started_at, finished_at, cursor_seq, events, rules_version, alerts, opened, \
                updated, withdrawn, in_scope, explained) VALUES (\(bind: startedAt), \(bind: Clock.epochSeconds()), \
                \(bind: cursor), \(bind: events), \(bind: rulesVersion), \(bind: alerts.count), 0, 0, 0, \
                \(bind: summary.inScope), \(bind: summary.explained)) RETURNING run_id
                """).first() else { throw StoreError.query("no run id returned") }
            var written = Written(runID: try runRow.decode(column: "run_id", as: Int64.self))

            var rows: [[DatabaseValue]] = []
            var people: [[DatabaseValue]] = []
            var current = Set<String>()
            for var alert in alerts {
                // The engine numbers alerts in the order they opened, which a late event can shift; the stored
                // alert is known by its key instead, so the same alert always has the same detail.
                alert.alertID = key(alert)
                let detail = AlertJSON.line(alert)
                let digest = SHA256.hex(detail)
                let key = key(alert)
                current.insert(key)
                if let before = existing[key] {
                    if before.digest == digest && before.status == "open" { continue }
                    written.updated += 1
                } else {
                    written.opened += 1
                }
                for person in Set(alert.people.map(\.pseudonym)).sorted() { people.append([.text(key), .text(person)]) }
                rows.append([
                    .text(key), .text(alert.staffID), .text(pseudonymiser.staff(alert.staffID)), .integer(alert.openedAt.seconds),
                    .text(alert.openingEventID), .real(alert.scoreAtOpen), .real(alert.score),
                    .integer(alert.lastEvidenceAt.seconds),
                    .text(alert.indicators.map(\.rawValue).joined(separator: ";")),
                    .integer(Int64(alert.evidenceCount)), .text(alert.why), .integer(alert.overBudget ? 1 : 0),
                    DatabaseValue(alert.surfacedAt?.seconds), .text("open"), .text(detail), .text(digest),
                    .integer(written.runID), .integer(written.runID),
                ])
            }
            _ = try await database.insert(into: "alerts", columns: columns, rows: rows,
                                          conflict: .update(key: ["alert_key"], columns: updatable,
                                                            provenance: ["last_run"]))
            // The people each written alert involves, for need-to-know (`AlertQueue`): replaced, since a later run
            // may have found more.
            let writtenKeys = rows.compactMap { row -> String? in if case .text(let key) = row[0] { key } else { nil } }
            for start in stride(from: 0, to: writtenKeys.count, by: 500) {
                let keys = SQLList(writtenKeys[start..<min(start + 500, writtenKeys.count)].map { SQLBind($0) })
                try await database.sql.raw("DELETE FROM alert_people WHERE alert_key IN (\(keys))").run()
            }
            _ = try await database.insert(into: "alert_people", columns: ["alert_key", "pseudonym"], rows: people,
                                          conflict: .ignore(key: ["alert_key", "pseudonym"]))
            let gone = existing.filter { !current.contains($0.key) && $0.value.status == "open" }.map(\.key)
            for key in gone.sorted() {
                try await database.sql.raw("""
                    UPDATE alerts SET status = 'withdrawn', last_run = \(bind: written.runID) \
                    WHERE alert_key = \(bind: key)
                    """).run()
            }
            written.withdrawn = gone.count
            await FaultInjection.point("detect.before-commit")
            try await database.sql.raw("""
                UPDATE detection_runs SET opened = \(bind: written.opened), updated = \(bind: written.updated), \
                withdrawn = \(bind: written.withdrawn) WHERE run_id = \(bind: written.runID)
                """).run()
            try await database.sql.raw("""
                INSERT INTO detection_state (id, cursor_seq, events, rules_version, budget, run_id, updated_at) VALUES \
                (1, \(bind: cursor), \(bind: events), \(bind: rulesVersion), \(bind: budget), \(bind: written.runID), \
                \(bind: Clock.epochSeconds())) ON CONFLICT (id) DO UPDATE SET cursor_seq = excluded.cursor_seq, \
                events = excluded.events, rules_version = excluded.rules_version, budget = excluded.budget, \
                run_id = excluded.run_id, updated_at = excluded.updated_at
                """).run()
            return written
        }
    }
}
