import Foundation

/// The sign-in and session rules of a deployment. The defaults follow common guidance for systems holding sensitive
/// personal data: short idle expiry, a working day's absolute expiry, and a temporary lock-out after repeated
/// failures that slows guessing without letting anyone lock a colleague out for long.
public struct AccessSettings: Sendable {
    /// Seconds without a request after which a session ends.
    public var idleTimeout: Int64 = 15 * 60
    /// Seconds after sign-in after which a session ends however busy it is.
    public var absoluteTimeout: Int64 = 8 * 60 * 60
    /// Failed sign-ins (password or second factor) in a row that lock the account.
    public var failuresBeforeLockout = 5
    /// Seconds an account stays locked.
    public var lockoutSeconds: Int64 = 15 * 60
    /// Bcrypt cost; tests lower it, deployments should not.
    public var bcryptCost: UInt8 = 12
    /// Sends cookies with `Secure`; on whenever the server sits behind TLS.
    public var secureCookies = false
    /// The deployment's key: TOTP secrets are sealed with a key derived from it.
    public var deploymentKey: [UInt8]
    /// The time, as epoch seconds; tests move it to check expiry and lock-out.
    public var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    public init(deploymentKey: [UInt8]) {
        self.deploymentKey = deploymentKey
    }
}
