import Crypto
import Foundation

/// Seals what a reporter wrote. Each report has a random key of its own; the report's answers, files and every
/// message on it are sealed with that key (AES-GCM, bound to the report's lookup). The key itself is wrapped for
/// each recipient by `ReportKeyring`; only a report that arrives before anyone in the unit has a key is wrapped
/// here, under a key derived (HKDF-SHA256) from the deployment key, until the first reader signs in.
struct ReportSealer: Sendable {
    private let unitKey: SymmetricKey

    init(deploymentKey: [UInt8]) {
        unitKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: deploymentKey),
                                         info: Array("custodes portal reports v1".utf8), outputByteCount: 32)
    }

    /// The report's key wrapped under the deployment's report key: only for a report that arrives before anyone in
    /// the unit has a key of their own (see `ReportKeyring`).
    func wrap(_ key: SymmetricKey, lookup: String) throws -> String {
        let wrapped = try AES.GCM.seal(key.withUnsafeBytes { Array($0) }, using: unitKey,
                                       authenticating: Array("key:\(lookup)".utf8))
        guard let combined = wrapped.combined else { throw ReportSealerError.cannotSeal }
        return combined.base64EncodedString()
    }

    func reportKey(wrapped: String, lookup: String) throws -> SymmetricKey {
        guard let data = Data(base64Encoded: wrapped) else { throw ReportSealerError.cannotOpen }
        let bytes = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: unitKey,
                                     authenticating: Array("key:\(lookup)".utf8))
        return SymmetricKey(data: bytes)
    }

    func seal(_ text: String, with key: SymmetricKey, lookup: String) throws -> String {
        guard let combined = try AES.GCM.seal(Array(text.utf8), using: key, authenticating: Array(lookup.utf8)).combined
        else { throw ReportSealerError.cannotSeal }
        return combined.base64EncodedString()
    }

    func seal(bytes: [UInt8], with key: SymmetricKey, lookup: String) throws -> String {
        guard let combined = try AES.GCM.seal(bytes, using: key, authenticating: Array(lookup.utf8)).combined
        else { throw ReportSealerError.cannotSeal }
        return combined.base64EncodedString()
    }

    func openBytes(_ sealed: String, with key: SymmetricKey, lookup: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: sealed) else { throw ReportSealerError.cannotOpen }
        return Array(try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key, authenticating: Array(lookup.utf8)))
    }

    func open(_ sealed: String, with key: SymmetricKey, lookup: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw ReportSealerError.cannotOpen }
        let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key, authenticating: Array(lookup.utf8))
        guard let text = String(bytes: plain, encoding: .utf8) else { throw ReportSealerError.cannotOpen }
        return text
    }
}

enum ReportSealerError: Error, CustomStringConvertible {
    case cannotSeal, cannotOpen

    var description: String {
        switch self {
        case .cannotSeal: "could not seal the report"
        case .cannotOpen: "the report does not open with this deployment's key"
        }
    }
}
