public import CustodesStore
public import ServiceLifecycle

/// Detection running beside the server: every `interval`, a run over the store if anything changed (new events, a
/// new rule set). A failed run is reported and tried again at the next interval. On shutdown a run in progress is
/// cancelled between batches of events, before it writes anything, which loses nothing (see ``StoreDetection``):
/// the next start does the work again, and shutdown does not wait for a whole pass.
public struct DetectionService: Service {
    public let detection: StoreDetection
    public let interval: Duration
    let report: @Sendable (String) -> Void
    /// Counts runs, failures and alerts opened for `/metrics`; nil counts nothing.
    let metrics: ServerMetrics?

    public init(detection: StoreDetection, interval: Duration, metrics: ServerMetrics? = nil,
                report: @escaping @Sendable (String) -> Void) {
        self.detection = detection
        self.metrics = metrics
        self.interval = interval
        self.report = report
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let started = ContinuousClock.now
                let outcome = try await cancelWhenGracefulShutdown { try await detection.run() }
                if outcome.ran {
                    let took = ContinuousClock.now - started
                    metrics?.detectionRan(opened: outcome.opened,
                                          nanoseconds: took.components.seconds * 1_000_000_000 + took.components.attoseconds / 1_000_000_000)
                    report("detect: run \(outcome.runID ?? 0) over \(outcome.events) events: \(outcome.alerts) alerts, "
                           + "\(outcome.opened) new, \(outcome.updated) updated, \(outcome.withdrawn) withdrawn"
                           + outcome.remarks)
                }
            } catch is CancellationError {
                return
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                metrics?.detectionFailed()
                report("detect: run failed (\(error)); trying again in \(interval)")
            }
            // The wait ends at shutdown too: a graceful shutdown cancels nothing by itself, and a service asleep for
            // its interval would hold the server up that long.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
