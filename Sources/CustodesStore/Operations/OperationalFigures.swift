import CustodesModel
import SQLKit

/// What an operations team watches in the store, read in a few cheap queries at each scrape of `/metrics`: totals
/// the store already keeps (per source system, per ingest channel), the queue's size and age, and the trail's length.
/// Labels are source systems and ingest channels, both closed sets (anything else is counted as `other`): a batch's
/// own source, which can be a folder's name, is never a label.
public struct OperationalFigures: Sendable, Equatable {
    public struct Totals: Sendable, Equatable {
        public var batches: Int
        public var accepted: Int
        public var duplicates: Int
        public var quarantined: Int
    }

    /// Ingest totals per channel (`bundle`, `drop_folder`, `http`), from the batches table.
    public var channels: [String: Totals]
    /// Audit events stored per system, and seconds since each last sent one.
    public var eventsBySystem: [String: Int]
    public var secondsSinceLastEventBySystem: [String: Int64]
    /// Alerts open and not yet decided, and the age in seconds of the oldest of them (0 when none).
    public var openAlerts: Int
    public var oldestOpenAlertAgeSeconds: Int64
    public var trailEntries: Int64
    public var readiness: Readiness.Report

    /// The ways batches arrive, as `BundleIngest` records them.
    static let knownChannels: Set<String> = ["bundle", "drop_folder", "http"]

    public static func take(in database: StoreDatabase, now: Int64,
                            maximumLag: Int64 = Readiness.defaultMaximumLag) async throws -> OperationalFigures {
        let readiness = await Readiness.check(database, now: now, maximumLag: maximumLag)
        var sources: [String: Totals] = [:]
        for row in try await database.sql.raw("""
            SELECT channel, COUNT(*) AS batches, CAST(COALESCE(SUM(accepted), 0) AS BIGINT) AS accepted, \
            CAST(COALESCE(SUM(duplicates), 0) AS BIGINT) AS duplicates, \
            CAST(COALESCE(SUM(quarantined), 0) AS BIGINT) AS quarantined FROM ingest_batches GROUP BY channel
            """).all() {
            let channel = try row.decode(column: "channel", as: String.self).replacingOccurrences(of: " ", with: "_")
            let label = Self.knownChannels.contains(channel) ? channel : "other"
            let totals = Totals(batches: try row.decode(column: "batches", as: Int.self),
                                accepted: try row.decode(column: "accepted", as: Int.self),
                                duplicates: try row.decode(column: "duplicates", as: Int.self),
                                quarantined: try row.decode(column: "quarantined", as: Int.self))
            let before = sources[label] ?? Totals(batches: 0, accepted: 0, duplicates: 0, quarantined: 0)
            sources[label] = Totals(batches: before.batches + totals.batches, accepted: before.accepted + totals.accepted,
                                    duplicates: before.duplicates + totals.duplicates,
                                    quarantined: before.quarantined + totals.quarantined)
        }
        var events: [String: Int] = [:], quiet: [String: Int64] = [:]
        for row in try await database.sql.raw("SELECT system, events, last_received_at FROM audit_sources").all() {
            let stored = try row.decode(column: "system", as: String.self)
            let system = SourceSystem(rawValue: stored) == nil ? "other" : stored
            events[system, default: 0] += try row.decode(column: "events", as: Int.self)
            quiet[system] = min(quiet[system] ?? .max, max(0, now - (try row.decode(column: "last_received_at", as: Int64.self))))
        }
        let queue = try await database.sql.raw("""
            SELECT COUNT(*) AS n, MIN(a.opened_at) AS oldest FROM alerts a \
            LEFT JOIN alert_triage t ON t.alert_key = a.alert_key \
            WHERE a.status = 'open' AND COALESCE(t.state, 'new') <> 'decided'
            """).first()
        let oldest = try queue?.decode(column: "oldest", as: Int64?.self)
        let trail = try await database.sql.raw("SELECT COALESCE(MAX(seq), 0) AS n FROM audit_trail").first()?
            .decode(column: "n", as: Int64.self) ?? 0
        return OperationalFigures(
            channels: sources, eventsBySystem: events, secondsSinceLastEventBySystem: quiet,
            openAlerts: try queue?.decode(column: "n", as: Int.self) ?? 0,
            oldestOpenAlertAgeSeconds: oldest.map { max(0, now - $0) } ?? 0, trailEntries: trail, readiness: readiness)
    }
}
