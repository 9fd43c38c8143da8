public import Foundation

/// The configuration file, overridden by environment variables (`CUSTODES_LISTEN_PORT`), overridden by flags: the
/// order an operations team expects, so a container can change one setting without editing the file.
public struct LayeredSettings: Sendable {
    public let file: SettingsFile?
    public private(set) var environmentValues: [String: SettingValue] = [:]
    /// Every mistake in the file and in the environment.
    public private(set) var problems: [SettingsProblem]

    public init(file: SettingsFile?, environment: [String: String] = ProcessInfo.processInfo.environment,
                keys: [SettingKey] = ServeSettings.keys) {
        self.file = file
        problems = file?.problems ?? []
        // A misspelt variable for a known section (CUSTODES_LISTEN_PROT) would otherwise change nothing, unseen.
        let sections = Set(keys.map { "CUSTODES_" + $0.section.uppercased() + "_" })
        let known = Set(keys.map(\.environmentVariable))
        for name in environment.keys.sorted() where !known.contains(name) && sections.contains(where: name.hasPrefix) {
            problems.append(.init(source: "environment", line: nil, setting: name, message: "is not a setting Custodes knows"))
        }
        for key in keys {
            guard let text = environment[key.environmentVariable] else { continue }
            switch key.check(text) {
            case .success(let value): environmentValues[key.path] = value
            case .failure(.invalid(let message)):
                problems.append(.init(source: "environment", line: nil, setting: key.environmentVariable, message: message))
            }
        }
    }

    /// Where a setting's value comes from, for `config check`.
    public enum Origin: String, Sendable { case environment, file }

    public func value(_ path: String) -> (value: SettingValue, origin: Origin)? {
        if let value = environmentValues[path] { return (value, .environment) }
        if let value = file?.values[path] { return (value, .file) }
        return nil
    }

    public func text(_ path: String, flag: String? = nil) -> String? {
        if let flag { return flag }
        if case .text(let text)? = value(path)?.value { return text }
        return nil
    }

    public func number(_ path: String, flag: Int? = nil) -> Int? {
        if let flag { return flag }
        if case .number(let number)? = value(path)?.value { return number }
        return nil
    }

    public func flag(_ path: String, flag: Bool? = nil) -> Bool? {
        if let flag { return flag }
        if case .flag(let on)? = value(path)?.value { return on }
        return nil
    }

    /// The contents of the file a `*_file` setting names, trimmed: how secrets reach the server without being in
    /// the configuration file or the environment.
    public func secret(fromFile path: String) throws -> String? {
        guard let file = text(path) else { return nil }
        do {
            return try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw SettingsProblem.Reason.invalid("\(path): \(file) cannot be read")
        }
    }
}
