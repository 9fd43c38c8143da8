import Crypto
import Foundation

/// Seals TOTP secrets with AES-GCM under a key derived (HKDF-SHA256) from the deployment's key, binding each to its
/// holder so a sealed secret copied onto another account does not open.
struct SecretBox: Sendable {
    private let key: SymmetricKey

    init(deploymentKey: [UInt8]) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: deploymentKey),
                                     info: Array("custodes totp secret v1".utf8), outputByteCount: 32)
    }

    func seal(_ secret: String, userID: Int64) throws -> String {
        try seal(secret, binding: String(userID))
    }

    func open(_ sealed: String, userID: Int64) throws -> String {
        try open(sealed, binding: String(userID))
    }

    /// Sealed for one holder named by `binding` (a user's id, or `partner:` and a partner account's username).
    func seal(_ secret: String, binding: String) throws -> String {
        let box = try AES.GCM.seal(Array(secret.utf8), using: key, authenticating: Array(binding.utf8))
        guard let combined = box.combined else { throw SecretBoxError.cannotSeal }
        return combined.base64EncodedString()
    }

    func open(_ sealed: String, binding: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw SecretBoxError.cannotOpen }
        let box = try AES.GCM.SealedBox(combined: data)
        let plain = try AES.GCM.open(box, using: key, authenticating: Array(binding.utf8))
        guard let secret = String(bytes: plain, encoding: .utf8) else { throw SecretBoxError.cannotOpen }
        return secret
    }
}

enum SecretBoxError: Error, CustomStringConvertible {
    case cannotSeal
    case cannotOpen

    var description: String {
        switch self {
        case .cannotSeal: "could not seal the second-factor secret"
        case .cannotOpen: "the second-factor secret does not open with this deployment's key"
        }
    }
}
