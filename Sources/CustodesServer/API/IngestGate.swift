/// How many pushed batches are being ingested at once. A connector that finds the gate full is told to come back
/// (429 with Retry-After) rather than queued without bound or dropped: its data stays with it until accepted.
actor IngestGate {
    let capacity: Int
    private(set) var inUse = 0

    init(capacity: Int) { self.capacity = capacity }

    /// Takes a place, or returns false when all are taken.
    func enter() -> Bool {
        guard inUse < capacity else { return false }
        inUse += 1
        return true
    }

    func leave() { inUse -= 1 }
}
