import NIOConcurrencyHelpers

/// At most `width` slow jobs (bcrypt on a receipt) from the portal at once, and at most `queue` waiting; anything
/// beyond is refused at once. The portal is on the internet; without this, a crowd of receipt attempts would keep
/// the thread pool the unit's own sign-ins and (on SQLite) its database calls run on busy.
final class PortalWorkGate: Sendable {
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())
    let width: Int
    let queue: Int

    init(width: Int = 2, queue: Int = 16) {
        self.width = width
        self.queue = queue
    }

    private enum Entry { case now, wait, refuse }

    /// Runs `work` when a place is free; nil (without running it) when too many wait already.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T? {
        let entry: Entry = state.withLockedValue { state in
            if state.running < width { state.running += 1; return .now }
            return state.waiting.count < queue ? .wait : .refuse
        }
        switch entry {
        case .refuse: return nil
        case .wait:
            await withCheckedContinuation { continuation in
                let started = state.withLockedValue { state -> Bool in
                    if state.running < width { state.running += 1; return true }
                    state.waiting.append(continuation)
                    return false
                }
                if started { continuation.resume() }
            }
        case .now: break
        }
        defer {
            let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
                if state.waiting.isEmpty { state.running -= 1; return nil }
                return state.waiting.removeFirst()  // the place passes straight to the next in line
            }
            next?.resume()
        }
        return try await work()
    }
}
