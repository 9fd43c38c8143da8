public import CustodesDetection
public import CustodesModel
import Crypto
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Detection over the events a store holds, kept up to date as events arrive.
///
/// Each run reads the newest rule set and every stored event up to the newest (the cursor), in time order, through
/// the detection engine, then writes the alerts, the run and the new cursor in one transaction. A run that is killed
/// writes nothing, so the next run does the same work again and reaches the same result: no alert is lost or
/// duplicated. Because a run sees all stored events in time order, a late event (older than the cursor) is weighed
/// exactly as if it had arrived on time, and an alert it changes is updated in place: alerts are keyed by member of
/// staff and opening event, not by run.
public struct StoreDetection: Sendable {
    public let database: StoreDatabase
    public let pseudonymiser: Pseudonymiser
    /// Alerts a week the unit can triage (see ``Budget``); nil to surface every alert at once.
    public var budget: Int?
    public var progress: (@Sendable (String) -> Void)?

    public init(database: StoreDatabase, pseudonymKey: [UInt8], budget: Int? = nil) {
        self.database = database
        pseudonymiser = Pseudonymiser(key: pseudonymKey)
        self.budget = budget
    }

    /// What one run did.
    public struct Outcome: Sendable, Equatable {
        /// False when nothing had changed since the last run (no new events, same rules and budget).
        public var ran: Bool
        public var runID: Int64?
        public var cursor: Int64
        public var events: Int
        public var unresolvedEvents: Int
        public var rulesVersion: Int64
        public var alerts: Int
        public var opened: Int
        public var updated: Int
        public var withdrawn: Int
        public var seconds: Double
        /// The rules' learning weeks, and when they ended in the stored events (nil: not yet, or none); only for a
        /// run that ran (``DetectionSummary/learningEndedAt``).
        public var learningWeeks = 0
        public var learningEndedAt: Timestamp?
        /// Members of staff with no shift in the stored rosters, taken as on the roster throughout their service
        /// (``ReferenceData/staffWithoutShifts``): a force whose duty system is not exported sees that no look of
        /// theirs is weighed as off duty.
        public var staffWithoutRoster = 0
        /// True when most women in the stored persons have no year of birth, so the skew counted women of any age
        /// (``ReferenceData/birthYearsMostlyMissing``).
        public var skewOfAnyAge = false
    }

    /// Runs detection if anything changed since the last run (or always, with `force`).
    public func run(force: Bool = false) async throws -> Outcome {
        try await database.withRetry("detection") { try await runOnce(force: force) }
    }

    private func runOnce(force: Bool) async throws -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        let startedAt = Clock.epochSeconds()
        let rules = try await StoredRules.current(in: database)
        let state = try await DetectionState.load(from: database)
        guard let latest = try await database.sql.raw(
            "SELECT COALESCE(MAX(seq), 0) AS latest FROM audit_events").first() else {
            throw StoreError.query("no answer counting audit events")
        }
        let cursor = try latest.decode(column: "latest", as: Int64.self)
        if !force, let state, state.cursor == cursor, state.rulesVersion == rules.version, state.budget == budget {
            return Outcome(ran: false, runID: nil, cursor: cursor, events: state.events, unresolvedEvents: 0,
                           rulesVersion: rules.version, alerts: 0, opened: 0, updated: 0, withdrawn: 0, seconds: 0)
        }

        try await AuditIndexes.ensure(database)
        progress?("detect: loading reference data")
        let reference = try await StoredReference.load(from: database)
        let engine = DetectionEngine(context: DetectionContext(reference: reference, rules: rules.rules),
                                     pseudonymiser: pseudonymiser)
        // Events are numbered from one, so the newest number is about how many there are.
        engine.expect(events: Int(clamping: cursor))
        progress?("detect: reading events up to #\(cursor)")
        let progress = progress
        var seen = 0
        // In batches, so that the engine can ask for each event's records a few events ahead.
        var batch: [AuditEvent] = []
        batch.reserveCapacity(4096)
        // Rows arrive on the reading thread, outside this task: a cancellation (the server shutting down) is
        // carried there as a flag and honoured between batches. Nothing is written before the pass ends, so a
        // cancelled run loses nothing; the next run does the work again.
        let cancelled = NIOLockedValueBox(false)
        let (events, unresolved) = try await withTaskCancellationHandler {
            do {
                return try await StoredEvents.forEach(in: database, upTo: cursor, reference: reference) {
                    batch.append($0)
                    seen += 1
                    if batch.count == 4096 {
                        if cancelled.withLockedValue({ $0 }) { throw CancellationError() }
                        engine.process(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                    if seen % 1_000_000 == 0 { progress?("detect: \(seen.formatted()) events through detection") }
                }
            } catch where cancelled.withLockedValue({ $0 }) {
                // PostgreSQL reports a read stopped from inside as its own error; it was the cancellation.
                throw CancellationError()
            }
        } onCancel: {
            cancelled.withLockedValue { $0 = true }
        }
        try Task.checkCancellation()
        engine.process(batch)
        var alerts = engine.finish()
        if let budget { Budget.apply(&alerts, perWeek: budget, through: engine.summary.lastEventAt) }
        try Task.checkCancellation()

        let stored = try await StoredAlerts.write(alerts, summary: engine.summary, pseudonymiser: pseudonymiser, database: database, state: state, cursor: cursor,
                                                  events: events, rulesVersion: rules.version, budget: budget,
                                                  startedAt: startedAt)
        return Outcome(ran: true, runID: stored.runID, cursor: cursor, events: events, unresolvedEvents: unresolved,
                       rulesVersion: rules.version, alerts: alerts.count, opened: stored.opened,
                       updated: stored.updated, withdrawn: stored.withdrawn, seconds: (clock.now - started).seconds,
                       learningWeeks: engine.summary.learningWeeks, learningEndedAt: engine.summary.learningEndedAt,
                       staffWithoutRoster: reference.staffWithoutShifts,
                       skewOfAnyAge: reference.birthYearsMostlyMissing)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
