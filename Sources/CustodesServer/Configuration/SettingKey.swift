/// One setting of `custodes serve`'s configuration file: where it lives (`section.name`), what it accepts, and the
/// environment variable that overrides it.
public struct SettingKey: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case text
        case number(ClosedRange<Int>)
        case flag
        case choice([String])
        /// A file that must exist when the server starts (a key, a token, the portal's questions).
        case existingFile
    }

    public let section: String
    public let name: String
    public let kind: Kind
    public let help: String

    /// `listen.port`.
    public var path: String { section + "." + name }

    /// `CUSTODES_LISTEN_PORT`: the environment variable that overrides the file.
    public var environmentVariable: String { "CUSTODES_" + (section + "_" + name).uppercased() }

    /// What the setting accepts, in words, for error messages and `config check`.
    public var expectation: String {
        switch kind {
        case .text: "text"
        case .number(let range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .flag: "true or false"
        case .choice(let choices): "one of " + choices.joined(separator: ", ")
        case .existingFile: "the path of a file that exists"
        }
    }

    /// The value, checked; or the reason it is refused.
    func check(_ text: String) -> Result<SettingValue, SettingsProblem.Reason> {
        switch kind {
        case .text:
            return text.isEmpty || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
                ? .failure(.invalid("must be non-empty text without control characters")) : .success(.text(text))
        case .number(let range):
            guard let number = Int(text), range.contains(number) else {
                return .failure(.invalid("must be \(expectation), got '\(text.prefix(40))'"))
            }
            return .success(.number(number))
        case .flag:
            switch text.lowercased() {
            case "true", "yes", "on", "1": return .success(.flag(true))
            case "false", "no", "off", "0": return .success(.flag(false))
            default: return .failure(.invalid("must be true or false, got '\(text.prefix(40))'"))
            }
        case .choice(let choices):
            return choices.contains(text) ? .success(.text(text))
                : .failure(.invalid("must be \(expectation), got '\(text.prefix(40))'"))
        case .existingFile:
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: text, isDirectory: &isFolder), !isFolder.boolValue else {
                return .failure(.invalid("names \(text), which does not exist or is a folder"))
            }
            return .success(.text(text))
        }
    }
}

/// A checked setting's value.
public enum SettingValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
}

import Foundation
