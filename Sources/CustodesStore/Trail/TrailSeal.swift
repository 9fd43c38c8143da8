public import Crypto

/// The key that seals trail entries: an HMAC-SHA256 key derived (HKDF) from the deployment's key, which is kept in a
/// file outside the database.
///
/// The hash chain alone shows an edit only to someone who did not make it: whoever can write the database can edit
/// an entry and recompute every hash after it. A seal is a MAC of the entry's hash under this key, so a rebuilt chain
/// carries seals that do not check unless the key was stolen too. Cuts from the end of the trail still need an
/// anchor kept elsewhere (`custodes audit verify --anchor`).
public struct TrailSeal: Sendable {
    private let key: SymmetricKey

    public init(deploymentKey: [UInt8]) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: deploymentKey),
                                     info: Array("custodes audit trail seal v1".utf8), outputByteCount: 32)
    }

    /// The seal of an entry with this hash, in lowercase hex.
    func seal(entryHash: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Array(entryHash.utf8), using: key)
            .map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// Whether `seal` is this key's seal of `entryHash`, compared in constant time.
    func checks(_ seal: String, entryHash: String) -> Bool {
        guard let bytes = Self.bytes(hex: seal) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Array(entryHash.utf8), using: key)
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
