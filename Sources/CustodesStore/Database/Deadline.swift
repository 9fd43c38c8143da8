import NIOConcurrencyHelpers

/// Runs an operation that must finish within a time limit, and throws ``StoreError/timedOut`` when it does not.
///
/// Used where a lost connection has been seen to leave an operation waiting forever (PostgreSQL's COPY, when the
/// socket is reset mid-stream) instead of failing it: the timeout turns the hang into an error that the retry
/// loop handles by reconnecting. The stuck operation is cancelled and abandoned.
enum Deadline {
    static func run<T: Sendable>(_ limit: Duration, _ what: String,
                                 _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let settled = NIOLockedValueBox(false)
            @Sendable func settle(_ result: Result<T, any Error>) {
                let first = settled.withLockedValue { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(with: result) }
            }
            let work = Task {
                do { settle(.success(try await body())) } catch { settle(.failure(error)) }
            }
            Task {
                try? await Task.sleep(for: limit)
                work.cancel()
                settle(.failure(StoreError.timedOut(what)))
            }
        }
    }
}
