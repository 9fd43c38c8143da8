/// Slows password guessing from one address across many accounts (password spraying), which the per-account
/// lock-out does not see. After `threshold` failed sign-ins from an address within `window` seconds, that address
/// may try once every `spacing` seconds until the window has passed. Nobody is locked out by it: behind a proxy that
/// hides addresses, colleagues share the allowance but can still sign in.
actor SignInThrottle {
    let threshold: Int
    let window: Int64
    let spacing: Int64
    private var failures: [String: [Int64]] = [:]
    private var lastAttempt: [String: Int64] = [:]
    /// Addresses refused since their last admitted attempt.
    private var refused: Set<String> = []

    init(threshold: Int = 10, window: Int64 = 15 * 60, spacing: Int64 = 10) {
        self.threshold = threshold
        self.window = window
        self.spacing = spacing
    }

    /// Seconds the address must wait before this attempt is considered, and whether this refusal is the first since
    /// the address's last admitted attempt (only that one is worth a trail entry: a flood of refused guesses would
    /// otherwise flood the trail); nil to go ahead. An admitted attempt is counted as a failure at once, before any
    /// factor is checked, so guesses sent together are counted together; `forgive` takes it back when the factor
    /// turns out right.
    func admit(_ address: String, at now: Int64) -> (wait: Int64, firstRefusal: Bool)? {
        let recent = (failures[address] ?? []).filter { now - $0 < window }
        if recent.count >= threshold, let last = lastAttempt[address], now - last < spacing {
            failures[address] = recent
            return (spacing - (now - last), refused.insert(address).inserted)
        }
        refused.remove(address)
        lastAttempt[address] = now
        failures[address] = recent + [now]
        if failures.count > 10_000 { forgetQuietAddresses(now) }
        return nil
    }

    /// Takes back the failure counted for an admitted attempt whose factor was right.
    func forgive(_ address: String) {
        guard var recent = failures[address], !recent.isEmpty else { return }
        recent.removeLast()
        failures[address] = recent.isEmpty ? nil : recent
    }

    private func forgetQuietAddresses(_ now: Int64) {
        failures = failures.filter { $0.value.contains { now - $0 < window } }
        lastAttempt = lastAttempt.filter { now - $0.value < window }
        refused = refused.filter { lastAttempt[$0] != nil }
    }
}
