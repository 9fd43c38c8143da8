import Crypto
import Foundation
import NIOConcurrencyHelpers

/// A receipt: the reporter's only way back to their report. Twenty-four characters from a 31-letter alphabet in six
/// groups of four: the first eight find the report (`lookup`), the last sixteen (79 bits) are its secret, stored only
/// as a bcrypt hash. Shown once, when the report is made.
struct ReceiptCode: Sendable, Equatable {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")  // no i, l, o, 0, 1: they are misread
    let lookup: String
    let secret: String

    static func generate() -> ReceiptCode {
        func random(_ count: Int) -> String {
            var generator = SystemRandomNumberGenerator()
            return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
        }
        return ReceiptCode(lookup: random(8), secret: random(16))
    }

    /// Reads a typed code: case, spaces and dashes do not matter.
    init?(typed: String) {
        let letters = typed.lowercased().filter { $0 != "-" && $0 != " " }
        guard letters.count == 24, letters.allSatisfy({ Self.alphabet.contains($0) }) else { return nil }
        lookup = String(letters.prefix(8))
        secret = String(letters.suffix(16))
    }

    init(lookup: String, secret: String) {
        self.lookup = lookup
        self.secret = secret
    }

    /// As shown to the reporter: "abcd-efgh-jkmn-pqrs-tuvw-xyz2".
    var display: String {
        let letters = Array(lookup + secret)
        return stride(from: 0, to: letters.count, by: 4).map { String(letters[$0..<min($0 + 4, letters.count)]) }
            .joined(separator: "-")
    }
}

/// Slows guessing without knowing who guesses: attempts on a report's receipt are counted per report (by a keyed
/// hash of the lookup, in memory only) before the slow check runs, so requests sent at once cannot slip past; wrong
/// secrets stop attempts on that report for a while, and so do very many attempts, right or wrong. A guess at a
/// lookup that does not exist costs the guesser as much time as one that does and blocks nobody else: with 31^24
/// receipts, guessing blindly is hopeless anyway. Submissions are counted in total. Nothing about the client (no
/// address) is used or kept.
final class PortalThrottle: Sendable {
    struct Limits: Sendable {
        var failuresPerReport = 5
        var attemptsPerReport = 30
        var reportsInTotal = 120
        var window: Int64 = 15 * 60
    }

    private struct State {
        var failures: [Data: [Int64]] = [:]
        var attempts: [Data: [Int64]] = [:]
        var reports: [Int64] = []
    }

    private let state = NIOLockedValueBox(State())
    private let key = SymmetricKey(size: .bits256)
    let limits: Limits

    init(limits: Limits = Limits()) {
        self.limits = limits
    }

    private func tag(_ lookup: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Array(lookup.utf8), using: key))
    }

    /// Whether a receipt attempt for this lookup may be checked now; if so, it is counted already.
    func mayTry(lookup: String, now: Int64) -> Bool {
        state.withLockedValue { state in
            let since = now - limits.window
            let key = tag(lookup)
            let failures = (state.failures[key] ?? []).filter { $0 >= since }
            let attempts = (state.attempts[key] ?? []).filter { $0 >= since }
            guard failures.count < limits.failuresPerReport, attempts.count < limits.attemptsPerReport else { return false }
            state.attempts[key] = attempts + [now]
            if state.attempts.count > 10_000 {
                state.attempts = state.attempts.filter { $0.value.contains { $0 >= since } }
                state.failures = state.failures.filter { $0.value.contains { $0 >= since } }
            }
            return true
        }
    }

    func failed(lookup: String, now: Int64) {
        state.withLockedValue { state in
            state.failures[tag(lookup), default: []].append(now)
        }
    }

    /// Whether another report may be taken now; counts it if so.
    func mayReport(now: Int64) -> Bool {
        state.withLockedValue { state in
            state.reports.removeAll { $0 < now - limits.window }
            guard state.reports.count < limits.reportsInTotal else { return false }
            state.reports.append(now)
            return true
        }
    }
}
