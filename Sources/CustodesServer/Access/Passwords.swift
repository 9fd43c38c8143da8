import HummingbirdBcrypt
import NIOPosix

/// Bcrypt hashing off the request tasks: a hash at cost 12 takes a quarter of a second of CPU, so it runs on the
/// NIO thread pool where it cannot stall the event loops or Swift's cooperative pool.
public enum Passwords {
    /// The shortest password a user may choose.
    public static let minimumLength = 12

    public static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Why a chosen password is refused, or nil. Bcrypt reads only the first 72 bytes, so longer ones are refused
    /// rather than silently cut.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "Password must be at least \(minimumLength) characters" }
        if password.utf8.count > 72 { return "Password must be at most 72 bytes" }
        return nil
    }

    /// A random temporary password for a new or reset account, shown once at the console.
    public static func temporary() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
