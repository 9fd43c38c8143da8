import Crypto
import CustodesStore
import Foundation
import HummingbirdOTP

/// TOTP (RFC 6238: SHA-1, six digits, 30-second steps, as authenticator apps expect) and recovery codes.
/// Verification accepts one step either side for clock drift, compares in constant time, and returns the step so
/// the caller can refuse a replay of the same code.
public enum SecondFactor {
    public static let stepSeconds: Int64 = 30

    /// A new random secret: 20 characters from the Base32 alphabet, 100 bits.
    public static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }

    public static func code(secret: String, at time: Int64) -> String {
        let value = TOTP(secret: secret).compute(date: Date(timeIntervalSince1970: TimeInterval(time)))
        let digits = String(value)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The time step the code belongs to, or nil if it matches none of the current step and its neighbours.
    public static func verify(_ code: String, secret: String, at time: Int64) -> Int64? {
        let given = Array(code.filter { !$0.isWhitespace }.utf8)
        guard given.count == 6 else { return nil }
        let step = time / stepSeconds
        var matched: Int64?
        for candidate in [step - 1, step, step + 1] {
            let expected = Array(self.code(secret: secret, at: candidate * stepSeconds).utf8)
            var difference: UInt8 = 0
            for index in 0..<6 { difference |= expected[index] ^ given[index] }
            if difference == 0 { matched = candidate }
        }
        return matched
    }

    /// The otpauth URI an authenticator app reads (from the QR code, or typed in).
    public static func enrolmentURI(secret: String, username: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: username, issuer: "Custodes")
    }

    /// The secret as an authenticator app shows it for manual entry (Base32 of the secret's bytes).
    public static func manualEntryKey(secret: String) -> String {
        let uri = enrolmentURI(secret: secret, username: "x")
        guard let components = URLComponents(string: uri),
              let value = components.queryItems?.first(where: { $0.name == "secret" })?.value else { return "" }
        return stride(from: 0, to: value.count, by: 4).map { offset in
            let start = value.index(value.startIndex, offsetBy: offset)
            return String(value[start..<(value.index(start, offsetBy: 4, limitedBy: value.endIndex) ?? value.endIndex)])
        }.joined(separator: " ")
    }

    /// Ten single-use recovery codes, shown once at enrolment.
    public static func newRecoveryCodes() -> [String] {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<10).map { _ in
            let raw = String((0..<10).map { _ in alphabet.randomElement(using: &generator)! })
            return String(raw.prefix(5)) + "-" + String(raw.suffix(5))
        }
    }

    /// Recovery codes are random enough (50 bits, single use, behind the password and lock-out) that SHA-256
    /// suffices; the store keeps only this.
    public static func recoveryCodeHash(_ code: String) -> String {
        let normalised = code.lowercased().filter { !$0.isWhitespace }
        return SHA256.hex(normalised)
    }
}
