import Crypto
import CustodesStore
import Foundation
import Metrics
public import Prometheus

/// What the server counts for an operations team, served at `/metrics` in the Prometheus text format.
///
/// What happens in this process (requests, sign-in failures, ingest batches over the API, detection runs) is counted
/// through swift-metrics as it happens; what the store holds (the queue, detection lag, the trail, totals per
/// source) is read at each scrape (see ``OperationalFigures``), so it is right whichever process did the work.
/// Every label is a route pattern, a method, a status, a source system or a trail action: closed sets, never a
/// path as typed (which can carry a pseudonym or a search), a username or an address.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    /// The bearer token a scraper presents on the unit's listener (see ``MetricsRoute``).
    private let tokenDigest: [UInt8]?

    public init(token: String? = nil) {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500), .seconds(5), .seconds(10),
            .seconds(30), .seconds(60),
        ]
        self.factory = factory
        tokenDigest = token.flatMap { $0.isEmpty ? nil : Array(SHA256.hash(data: Data($0.utf8))) }
    }

    // MARK: Counted as it happens

    func requestFinished(listener: String, route: String, method: String, status: Int, nanoseconds: Int64) {
        Counter(label: "custodes_http_requests_total",
                dimensions: [("listener", listener), ("route", route), ("method", method), ("status", String(status))],
                factory: factory).increment()
        Metrics.Timer(label: "custodes_http_request_duration_seconds",
                      dimensions: [("listener", listener), ("route", route), ("method", method)],
                      factory: factory).recordNanoseconds(nanoseconds)
    }

    /// Every trail entry the web application writes, by action; sign-in failures, lock-outs and throttling also on
    /// their own, as the figures an operations team alerts on.
    func trailAppended(_ action: String) {
        Counter(label: "custodes_trail_appended_total", dimensions: [("action", action)], factory: factory).increment()
        switch action {
        case "sign_in_failed", "sign_in_refused", "partner_sign_in_failed", "partner_sign_in_refused":
            Counter(label: "custodes_sign_in_failures_total", factory: factory).increment()
        case "account_locked":
            Counter(label: "custodes_lockouts_total", factory: factory).increment()
        case "sign_in_throttled":
            Counter(label: "custodes_sign_ins_throttled_total", factory: factory).increment()
        default: break
        }
    }

    func ingestBatch(source: String, accepted: Int, quarantined: Int, nanoseconds: Int64) {
        let dimensions = [("source", source)]
        Counter(label: "custodes_ingest_batches_total", dimensions: dimensions, factory: factory).increment()
        Counter(label: "custodes_events_ingested_total", dimensions: dimensions, factory: factory).increment(by: accepted)
        Counter(label: "custodes_events_quarantined_total", dimensions: dimensions, factory: factory)
            .increment(by: quarantined)
        Metrics.Timer(label: "custodes_ingest_batch_duration_seconds", dimensions: dimensions, factory: factory)
            .recordNanoseconds(nanoseconds)
    }

    func detectionRan(opened: Int, nanoseconds: Int64) {
        Counter(label: "custodes_detection_runs_total", factory: factory).increment()
        Counter(label: "custodes_alerts_opened_total", factory: factory).increment(by: opened)
        Metrics.Timer(label: "custodes_detection_run_duration_seconds", factory: factory).recordNanoseconds(nanoseconds)
    }

    func detectionFailed() {
        Counter(label: "custodes_detection_failures_total", factory: factory).increment()
    }

    // MARK: Read from the store at each scrape

    func record(_ figures: OperationalFigures?) {
        gauge("custodes_store_up", "1 when the store answered this scrape").set(figures == nil ? 0.0 : 1.0)
        guard let figures else { return }
        let readiness = figures.readiness
        gauge("custodes_ready", "1 when /readyz would answer 200").set(readiness.isReady ? 1.0 : 0.0)
        gauge("custodes_schema_version", "The store's schema version").set(Double(readiness.schemaVersion ?? 0))
        gauge("custodes_detection_lag_seconds",
              "How long the oldest event not yet weighed by detection has waited since it arrived (0: none waits)")
            .set(Double(readiness.detectionLagSeconds ?? 0))
        gauge("custodes_queue_open_alerts", "Alerts open and not yet decided").set(Double(figures.openAlerts))
        gauge("custodes_queue_oldest_open_alert_age_seconds", "Age of the oldest open, undecided alert")
            .set(Double(figures.oldestOpenAlertAgeSeconds))
        gauge("custodes_trail_entries", "Entries in the audit trail").set(Double(figures.trailEntries))
        for (system, events) in figures.eventsBySystem {
            gauge("custodes_stored_events", "Audit events stored, per system", [("system", system)]).set(Double(events))
        }
        for (system, seconds) in figures.secondsSinceLastEventBySystem {
            gauge("custodes_source_quiet_seconds", "Seconds since the system last delivered an event", [("system", system)])
                .set(Double(seconds))
        }
        for (channel, totals) in figures.channels {
            let labels = [("channel", channel)]
            gauge("custodes_stored_batches", "Ingest batches recorded, per channel", labels).set(Double(totals.batches))
            gauge("custodes_stored_batch_events_accepted", "Events accepted by recorded batches, per channel", labels)
                .set(Double(totals.accepted))
            gauge("custodes_stored_batch_duplicates", "Events already held, per channel", labels)
                .set(Double(totals.duplicates))
            gauge("custodes_stored_batch_rows_quarantined", "Rows quarantined by recorded batches, per channel", labels)
                .set(Double(totals.quarantined))
        }
    }

    private func gauge(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Prometheus.Gauge {
        let descriptor = MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
        return labels.isEmpty ? registry.makeGauge(descriptor: descriptor) : registry.makeGauge(descriptor: descriptor, labels: labels)
    }

    /// The Prometheus text exposition of everything counted.
    public func exposition() -> String { registry.emitToString() }

    // MARK: Who may read

    /// Whether a scrape presents the metrics token (compared in constant time).
    func admits(authorization: String?) -> Bool {
        guard let tokenDigest, let authorization, authorization.hasPrefix("Bearer ") else { return false }
        let given = Array(SHA256.hash(data: Data(authorization.dropFirst("Bearer ".count).utf8)))
        return zip(given, tokenDigest).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
