public import Crypto
import Foundation

/// The key that seals backups. It is kept apart from the store and from the deployment key: whoever holds a copy of
/// the backups, or of the store's disk, does not hold the other.
public struct BackupKey: Sendable {
    let key: SymmetricKey

    /// At least 256 bits.
    public init(bytes: [UInt8]) throws(BackupError) {
        guard bytes.count >= 32 else { throw .unusableKey("a backup key needs at least 32 bytes, got \(bytes.count)") }
        key = SymmetricKey(data: bytes)
    }

    /// A new random key.
    public static func generate() -> [UInt8] { SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } }

    /// Names the key without giving it away (a MAC of a fixed label), so a backup can say which key sealed it.
    public var id: String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("custodes backup key id".utf8), using: key)
        return Data(mac).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
