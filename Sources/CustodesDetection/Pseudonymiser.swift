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

    /// Reads the deployment's key from `path`, creating a new random key there (readable by its owner only) when
    /// the file does not exist yet. Returns the key and whether it was created.
    public static func loadOrCreateKey(at path: String) throws -> (key: [UInt8], created: Bool) {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let data = Data(base64Encoded: text), data.count >= 16 else {
                throw PseudonymKeyError(path: path)
            }
            return (Array(data), false)
        }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        guard manager.createFile(atPath: path, contents: Data((Data(key).base64EncodedString() + "\n").utf8),
                                 attributes: [.posixPermissions: 0o600]) else {
            throw PseudonymKeyError(path: path, cannotCreate: true)
        }
        return (key, true)
    }
}

public struct PseudonymKeyError: Error, CustomStringConvertible {
    public let path: String
    /// The key did not exist and could not be written there (a folder that cannot be made, no permission).
    public var cannotCreate = false

    public var description: String {
        cannotCreate
            ? "\(path): cannot create the pseudonym key there (check the folder exists and is writable)"
            : "\(path): not a usable pseudonym key (expected at least 16 bytes in base64 on one line)"
    }
}
