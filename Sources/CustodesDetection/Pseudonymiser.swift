import Crypto
import Foundation

/// Stable pseudonyms for people and staff: a keyed hash (HMAC-SHA256) of the identifier, so the same person has the
/// same pseudonym across runs of one deployment, and no one without the key can link a pseudonym back to a record.
/// The key belongs to the deployment, never to the repository.
public struct Pseudonymiser: Sendable {
    private let key: SymmetricKey

    public init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    /// A pseudonym such as `PSN-3F2A91C04B` for a person.
    public func person(_ personID: String) -> String { "PSN-" + digest("person", personID) }

    /// A pseudonym such as `STF-7D01E2A9C3` for a member of staff.
    public func staff(_ staffID: String) -> String { "STF-" + digest("staff", staffID) }

    private func digest(_ domain: String, _ id: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((domain + ":" + id).utf8), using: key)
        return mac.prefix(5).map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
