import SQLKit

/// Whether the store is ready to serve, for an operations team's probe (`/readyz`): it answers, its schema is the
/// one this Custodes knows, and detection is not behind (no stored event has waited longer than `maximumLag` to be
/// weighed). Every problem is said in words; nothing personal is.
public enum Readiness {
    public struct Report: Sendable, Equatable {
        public var problems: [String]
        public var schemaVersion: Int?
        /// Seconds the oldest event not yet weighed by detection has waited since it arrived; nil when none waits.
        public var detectionLagSeconds: Int64?
        public var isReady: Bool { problems.isEmpty }
    }

    /// Thirty minutes: detection in the server runs every few minutes, so longer means it has stopped or fallen behind.
    public static let defaultMaximumLag: Int64 = 30 * 60

    public static func check(_ database: StoreDatabase, now: Int64, maximumLag: Int64 = defaultMaximumLag) async -> Report {
        var report = Report(problems: [], schemaVersion: nil, detectionLagSeconds: nil)
        do {
            let version = try await Deadline.run(.seconds(5), "the readiness check") {
                try await database.sql.raw("SELECT MAX(version) AS v FROM schema_migrations").first()?
                    .decode(column: "v", as: Int?.self)
            }
            report.schemaVersion = version
            if version != Schema.latestVersion {
                report.problems.append("the store's schema is at version \(version.map(String.init) ?? "none"), not "
                                       + "\(Schema.latestVersion): run `custodes migrate`")
            }
            let cursor = try await database.sql.raw("SELECT cursor_seq FROM detection_state WHERE id = 1").first()?
                .decode(column: "cursor_seq", as: Int64.self) ?? 0
            if let waiting = try await database.sql.raw("""
                SELECT received_at FROM audit_events WHERE seq > \(bind: cursor) ORDER BY seq LIMIT 1
                """).first()?.decode(column: "received_at", as: Int64.self) {
                report.detectionLagSeconds = max(0, now - waiting)
                if now - waiting > maximumLag {
                    report.problems.append("detection is behind: an event has waited \((now - waiting) / 60) minutes to be "
                                           + "weighed (the limit is \(maximumLag / 60))")
                }
            }
        } catch {
            report.problems.append("the store does not answer: \(StoreDatabase.describe(error))")
        }
        return report
    }
}
