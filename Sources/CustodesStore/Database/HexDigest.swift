public import Crypto

/// SHA-256 in lowercase hex: how the store keeps secrets it must recognise but never reveal (tokens, sessions,
/// recovery codes) and how it fingerprints what it must notice changing (files, rule sets, alerts, trail entries).
extension Digest {
    public var hex: String {
        map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}

extension SHA256 {
    /// The hex SHA-256 of a string's UTF-8 bytes.
    public static func hex(_ text: String) -> String { hash(data: Array(text.utf8)).hex }
}
