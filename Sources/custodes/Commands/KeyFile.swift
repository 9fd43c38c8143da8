import Crypto
import Foundation

/// The deployment's key file, read (or made) at the console: detection and the store take the key as bytes and read
/// no files themselves.
enum KeyFile {
    /// Reads the deployment's key from `path`, creating a new random key there (readable by its owner only) when
    /// the file does not exist yet. Returns the key and whether it was created.
    static func loadOrCreateKey(at path: String, kind: String = "pseudonym key", create: Bool = true,
                                minimumBytes: Int = 16) throws -> (key: [UInt8], created: Bool) {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let data = Data(base64Encoded: text), data.count >= minimumBytes else {
                throw KeyFileError(path: path, kind: kind, minimumBytes: minimumBytes)
            }
            return (Array(data), false)
        }
        guard create else { throw KeyFileError(path: path, kind: kind, missing: true) }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        guard manager.createFile(atPath: path, contents: Data((Data(key).base64EncodedString() + "\n").utf8),
                                 attributes: [.posixPermissions: 0o600]) else {
            throw KeyFileError(path: path, kind: kind, cannotCreate: true)
        }
        return (key, true)
    }
}

struct KeyFileError: Error, CustomStringConvertible {
    let path: String
    var kind = "pseudonym key"
    var minimumBytes = 16
    /// The key did not exist and could not be written there (a folder that cannot be made, no permission).
    var cannotCreate = false
    /// The key did not exist and this command does not make one.
    var missing = false

    var description: String {
        if missing { return "\(path): there is no \(kind) there" }
        return cannotCreate
            ? "\(path): cannot create the \(kind) there (check the folder exists and is writable)"
            : "\(path): not a usable \(kind) (expected at least \(minimumBytes) bytes in base64 on one line)"
    }
}
