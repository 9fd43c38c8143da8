/// How long to keep trying a database that is not answering: exponential back-off up to a ceiling, for a bounded
/// number of attempts, so that a restart or fail-over of the database delays work rather than losing it.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var firstDelay: Duration
    public var maximumDelay: Duration

    public init(attempts: Int, firstDelay: Duration, maximumDelay: Duration) {
        self.attempts = attempts
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// About five minutes of trying: long enough to ride out a database restart, short enough to report an outage.
    public static let standard = RetryPolicy(attempts: 40, firstDelay: .milliseconds(250), maximumDelay: .seconds(10))
    /// One attempt, for commands that should fail at once.
    public static let none = RetryPolicy(attempts: 1, firstDelay: .zero, maximumDelay: .zero)

    /// The delay before attempt `attempt` (counting from 1 for the first retry).
    public func delay(before attempt: Int) -> Duration {
        var delay = firstDelay
        for _ in 1..<max(attempt, 1) {
            delay *= 2
            if delay >= maximumDelay { return maximumDelay }
        }
        return min(delay, maximumDelay)
    }

    /// Seconds all the retries wait in all, to tell someone how long they will be kept waiting.
    public var totalSeconds: Int {
        let total = (1..<max(attempts, 1)).reduce(Duration.zero) { $0 + delay(before: $1) }
        return Int(total.components.seconds)
    }
}
