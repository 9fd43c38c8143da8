import Crypto
import Foundation

/// The SHA-256 of a file's bytes, in hex: how the store recognises a file it has already taken in, whatever it is
/// called, and the identity of its quarantined rows.
public enum FileDigest {
    public static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.query("cannot open \(path) to read it")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().hex
    }
}
