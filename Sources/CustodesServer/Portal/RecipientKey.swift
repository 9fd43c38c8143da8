import Crypto
import CryptoExtras
import Foundation
import NIOPosix

/// A recipient's report key pair (Curve25519) and the ways its private half is kept: sealed by the recipient's
/// password (scrypt, then AES-GCM) in the store; sealed by the session's token (HKDF, then AES-GCM) while they are
/// signed in, so opening a report does not ask for the password again and the store alone opens nothing (it holds
/// the token's hash, never the token); or written out once as the unit's recovery key, which the head of unit keeps
/// on paper.
enum RecipientKey {
    typealias PrivateKey = Curve25519.KeyAgreement.PrivateKey
    typealias PublicKey = Curve25519.KeyAgreement.PublicKey

    /// scrypt's cost (a power of two): 2^15 with blocks of 8 takes 32 MB and about a tenth of a second, the usual
    /// interactive setting. Tests lower it with the bcrypt cost.
    static func rounds(bcryptCost: UInt8) -> Int { bcryptCost >= 10 ? 1 << 15 : 1 << 10 }

    static func publicText(_ key: PrivateKey) -> String { key.publicKey.rawRepresentation.base64EncodedString() }

    static func publicKey(_ text: String) throws -> PublicKey {
        guard let data = Data(base64Encoded: text) else { throw RecipientKeyError.malformed }
        return try PublicKey(rawRepresentation: data)
    }

    /// The private key sealed by the password: `p1.<rounds>.<salt>.<box>`.
    static func seal(_ key: PrivateKey, password: String, rounds: Int) async throws -> String {
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        let box = try await passwordKey(password, salt: salt, rounds: rounds)
        guard let sealed = try AES.GCM.seal(key.rawRepresentation, using: box, authenticating: Array("report key".utf8))
            .combined else { throw RecipientKeyError.cannotSeal }
        return "p1.\(rounds).\(salt.base64EncodedString()).\(sealed.base64EncodedString())"
    }

    /// The private key, if `password` is the one it was sealed with; nil otherwise.
    static func open(_ sealed: String, password: String) async throws -> PrivateKey? {
        let parts = sealed.split(separator: ".").map(String.init)
        guard parts.count == 4, parts[0] == "p1", let rounds = Int(parts[1]), rounds > 1, rounds <= 1 << 20,
              let salt = Data(base64Encoded: parts[2]), let box = Data(base64Encoded: parts[3]) else {
            throw RecipientKeyError.malformed
        }
        let key = try await passwordKey(password, salt: salt, rounds: rounds)
        guard let raw = try? AES.GCM.open(AES.GCM.SealedBox(combined: box), using: key,
                                          authenticating: Array("report key".utf8)) else { return nil }
        return try PrivateKey(rawRepresentation: raw)
    }

    static func passwordKey(_ password: String, salt: Data, rounds: Int) async throws -> SymmetricKey {
        // scrypt is slow on purpose: off the request tasks, as bcrypt is.
        try await NIOThreadPool.singleton.runIfActive {
            try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds,
                                     blockSize: 8, parallelism: 1)
        }
    }

    /// The private key sealed by a session's token: `t1.<box>`.
    static func seal(_ key: PrivateKey, sessionToken: String) throws -> String {
        guard let sealed = try AES.GCM.seal(key.rawRepresentation, using: sessionKey(sessionToken)).combined else {
            throw RecipientKeyError.cannotSeal
        }
        return "t1." + sealed.base64EncodedString()
    }

    static func open(_ sealed: String, sessionToken: String) throws -> PrivateKey {
        guard sealed.hasPrefix("t1."), let box = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw RecipientKeyError.malformed
        }
        return try PrivateKey(rawRepresentation: AES.GCM.open(AES.GCM.SealedBox(combined: box),
                                                              using: sessionKey(sessionToken)))
    }

    static func sessionKey(_ token: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Array(token.utf8)),
                               info: Array("custodes session report key v1".utf8), outputByteCount: 32)
    }

    /// The recovery key as the head of unit writes it down: 64 hexadecimal digits in groups of eight.
    static func recoveryText(_ key: PrivateKey) -> String {
        let hex = key.rawRepresentation.map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: hex.count, by: 8).map {
            let start = hex.index(hex.startIndex, offsetBy: $0)
            return String(hex[start..<hex.index(start, offsetBy: 8)])
        }.joined(separator: "-")
    }

    /// The recovery key from what the head of unit typed (spaces, dashes and case do not matter).
    static func recoveryKey(typed: String) -> PrivateKey? {
        let hex = Array(typed.lowercased().filter { $0.isHexDigit })
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(hex[index...index + 1]), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return try? PrivateKey(rawRepresentation: bytes)
    }
}

/// A report's key wrapped for one recipient: by HPKE (Curve25519, HKDF-SHA256, ChaCha20-Poly1305) for a key pair,
/// or by AES-GCM under a key derived from the receipt's secret for the reporter. Each wrap is bound to the report's
/// lookup, so a wrap copied onto another report does not open.
enum ReportKeyWrap {
    static let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly

    static func info(_ lookup: String) -> Data { Data("custodes report key v2 \(lookup)".utf8) }

    static func wrap(_ reportKey: SymmetricKey, for publicKey: RecipientKey.PublicKey, lookup: String) throws -> String {
        var sender = try HPKE.Sender(recipientKey: publicKey, ciphersuite: suite, info: info(lookup))
        let sealed = try sender.seal(reportKey.withUnsafeBytes { Data($0) })
        return "h1." + sender.encapsulatedKey.base64EncodedString() + "." + sealed.base64EncodedString()
    }

    static func unwrap(_ wrapped: String, with privateKey: RecipientKey.PrivateKey, lookup: String) throws -> SymmetricKey {
        let parts = wrapped.split(separator: ".").map(String.init)
        guard parts.count == 3, parts[0] == "h1", let encapsulated = Data(base64Encoded: parts[1]),
              let sealed = Data(base64Encoded: parts[2]) else { throw RecipientKeyError.malformed }
        var recipient = try HPKE.Recipient(privateKey: privateKey, ciphersuite: suite, info: info(lookup),
                                           encapsulatedKey: encapsulated)
        return SymmetricKey(data: try recipient.open(sealed))
    }

    /// The receipt's secret has 79 random bits, too many to search, so a fast derivation is enough here (the slow
    /// bcrypt hash guards the portal's door, not this).
    static func receiptKey(_ secret: String, lookup: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Array(secret.utf8)), salt: Array(lookup.utf8),
                               info: Array("custodes receipt report key v1".utf8), outputByteCount: 32)
    }

    static func wrap(_ reportKey: SymmetricKey, receiptSecret: String, lookup: String) throws -> String {
        guard let sealed = try AES.GCM.seal(reportKey.withUnsafeBytes { Data($0) },
                                            using: receiptKey(receiptSecret, lookup: lookup)).combined else {
            throw RecipientKeyError.cannotSeal
        }
        return "r1." + sealed.base64EncodedString()
    }

    static func unwrap(_ wrapped: String, receiptSecret: String, lookup: String) throws -> SymmetricKey {
        guard wrapped.hasPrefix("r1."), let box = Data(base64Encoded: String(wrapped.dropFirst(3))) else {
            throw RecipientKeyError.malformed
        }
        return SymmetricKey(data: try AES.GCM.open(AES.GCM.SealedBox(combined: box),
                                                   using: receiptKey(receiptSecret, lookup: lookup)))
    }
}

enum RecipientKeyError: Error, CustomStringConvertible {
    case malformed, cannotSeal

    var description: String {
        switch self {
        case .malformed: "a stored report key is not in a form this version reads"
        case .cannotSeal: "could not seal a report key"
        }
    }
}
