import CustodesDetection
import CustodesStore
import Foundation

extension DetectCommand {
    /// Detection over the store: once, or repeatedly with `--follow`.
    func runOnStore() async throws {
        try await database.withStore { store in
            // The store's own key, found and checked as `serve` does: a key of its own would give every alert a
            // pseudonym the web application cannot match.
            var keyOptions = DeploymentKeyOptions()
            keyOptions.path = pseudonymKey
            let key = try await keyOptions.key(for: store, command: "detect")
            var detection = StoreDetection(database: store, pseudonymKey: key, budget: budget)
            detection.progress = { Progress.message($0) }
            var first = true
            while first || follow {
                if !first { try await Task.sleep(for: .seconds(interval)) }
                let outcome = try await detection.run(force: force && first)
                if outcome.ran || first { print(Self.describe(outcome)) }
                first = false
            }
        }
    }

    static func describe(_ outcome: StoreDetection.Outcome) -> String {
        guard outcome.ran else {
            return "detect: up to date (cursor #\(outcome.cursor), \(outcome.events.formatted()) events, "
                + "rules version \(outcome.rulesVersion)); nothing to do"
        }
        var line = "detect: run \(outcome.runID ?? 0) over \(outcome.events.formatted()) events (cursor #\(outcome.cursor), "
            + "rules version \(outcome.rulesVersion)): \(outcome.alerts.formatted()) alerts, \(outcome.opened) new, "
            + "\(outcome.updated) updated, \(outcome.withdrawn) withdrawn"
        line += String(format: " in %.1f s", outcome.seconds)
        line += outcome.remarks
        return line
    }
}
