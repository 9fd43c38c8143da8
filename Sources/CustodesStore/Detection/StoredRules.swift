public import CustodesDetection
import Foundation
import Crypto
import SQLKit

/// The rule sets a store has run under, each with who changed it, when and why. Detection reads the newest one at the
/// start of every run, so a change takes effect on the next run without restarting anything.
public enum StoredRules {
    /// A rule set as stored: its version (0 for the built-in rules, never stored) and the rules.
    public struct Current: Sendable {
        public var version: Int64
        public var rules: RuleSet
    }

    public struct Change: Sendable, Equatable {
        public var version: Int64
        public var changedBy: String
        public var changedAt: Int64
        public var note: String
        public var digest: String
    }

    /// The newest stored rule set, or the built-in rules when none was ever stored.
    public static func current(in database: StoreDatabase) async throws -> Current {
        guard let row = try await database.sql.raw(
            "SELECT version, yaml FROM rule_sets ORDER BY version DESC LIMIT 1").first() else {
            return Current(version: 0, rules: .standard)
        }
        let version = try row.decode(column: "version", as: Int64.self)
        let yaml = try row.decode(column: "yaml", as: String.self)
        let file = "rule set version \(version)"
        do {
            return Current(version: version, rules: try RuleSet.parse(yaml, file: file))
        } catch {
            // Versions before exceptions were written escaped could hold a control character typed into a decision,
            // which YAML refuses and which stopped detection for the whole store. Read such a set with those
            // characters escaped, as they are written now; any other mistake is still reported.
            guard let repaired = try? RuleSet.parse(Self.escapingControlCharacters(yaml), file: file) else { throw error }
            return Current(version: version, rules: repaired)
        }
    }

    /// `yaml` with every control character but the line break written as a YAML escape, which is only valid inside
    /// a double-quoted string: where rule sets written before escaping held them.
    static func escapingControlCharacters(_ yaml: String) -> String {
        var out = ""
        for scalar in yaml.unicodeScalars {
            if scalar != "\n", scalar.properties.generalCategory == .control {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Records a new rule set; returns nil (and records nothing) when it is the same as the current one.
    @discardableResult
    public static func record(_ rules: RuleSet, by user: String, note: String,
                              in database: StoreDatabase) async throws -> Int64? {
        let yaml = rules.yaml
        let digest = SHA256.hex(yaml)
        return try await database.transaction {
            let latest = try await database.sql.raw(
                "SELECT digest FROM rule_sets ORDER BY version DESC LIMIT 1").first()
            let unchangedFromBuiltIn = latest == nil && rules == .standard
            if unchangedFromBuiltIn { return nil }
            if let latest, try latest.decode(column: "digest", as: String.self) == digest { return nil }
            let row = try await database.sql.raw("""
                INSERT INTO rule_sets (digest, yaml, changed_by, changed_at, note) VALUES (\(bind: digest), \
                \(bind: yaml), \(bind: user), \(bind: Clock.epochSeconds()), \(bind: note)) RETURNING version
                """).first()
            return try row?.decode(column: "version", as: Int64.self)
        }
    }

    /// Every change, oldest first: the record of who changed detection and when.
    public static func history(in database: StoreDatabase) async throws -> [Change] {
        try await database.sql.raw(
            "SELECT version, changed_by, changed_at, note, digest FROM rule_sets ORDER BY version").all().map {
            Change(version: try $0.decode(column: "version", as: Int64.self),
                   changedBy: try $0.decode(column: "changed_by", as: String.self),
                   changedAt: try $0.decode(column: "changed_at", as: Int64.self),
                   note: try $0.decode(column: "note", as: String.self),
                   digest: try $0.decode(column: "digest", as: String.self))
        }
    }
}
