import Crypto
import Foundation

/// The deployment's key file, read (or made) at the console: detection and the store take the key as bytes and read
/// no files themselves.
enum KeyFile {
    /// Reads the deployment's key from `path`, creating a new random key there (readable by its owner only) when
    /// the file does not exist yet. Returns the key and whether it was created.
    static func loadOrCreateKey(at path: String) throws -> (key: [UInt8], created: Bool) {
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

struct PseudonymKeyError: Error, CustomStringConvertible {
    let path: String
    /// The key did not exist and could not be written there (a folder that cannot be made, no permission).
    var cannotCreate = false

    var description: String {
        cannotCreate
            ? "\(path): cannot create the pseudonym key there (check the folder exists and is writable)"
            : "\(path): not a usable pseudonym key (expected at least 16 bytes in base64 on one line)"
    }
}
