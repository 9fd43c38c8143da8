import CustodesStore

/// The trail pages' check of the chain. Checking every entry on every view took seconds and hundreds of megabytes on
/// a trail of half a million entries, so a view checks only the entries added since the last check (and that the
/// last checked entry still carries its hash), and the whole chain is checked again when the last full check is
/// older than `fullCheckSeconds`, and on the first view after the server starts. `custodes audit verify` always
/// checks it all.
actor TrailCheck {
    let fullCheckSeconds: Int64
    private var checkpoint: AuditTrail.Checkpoint?
    private var lastFullCheck: Int64?

    init(fullCheckSeconds: Int64 = 10 * 60) {
        self.fullCheckSeconds = fullCheckSeconds
    }

    /// The chain's state now, and when it was last checked in full.
    func verify(_ database: StoreDatabase, sealedWith seal: TrailSeal,
                now: Int64) async throws -> (AuditTrail.Verification, fullCheckAt: Int64) {
        let full = lastFullCheck.map { now - $0 >= fullCheckSeconds } ?? true
        let (verification, next) = try await AuditTrail.verify(from: full ? nil : checkpoint, sealedWith: seal,
                                                               in: database)
        if full { lastFullCheck = now }
        // A broken chain keeps the old checkpoint, so every later view finds the break again.
        if let next { checkpoint = next }
        return (verification, lastFullCheck ?? now)
    }
}
