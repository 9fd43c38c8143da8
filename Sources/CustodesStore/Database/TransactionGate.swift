/// Lets one transaction at a time use the store's connection. Every part of a process (web requests, the ingest
/// API, the detection service) shares one connection, and two `BEGIN`s on one connection would collide or, worse,
/// mix one request's writes into another's transaction. Waiters are served in arrival order.
actor TransactionGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Set while the current task holds the gate, so a transaction begun inside another joins it instead of
    /// waiting for itself.
    @TaskLocal static var held = false
}
