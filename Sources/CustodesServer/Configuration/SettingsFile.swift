public import Foundation
import CustodesStore
import CustodesYAML
import Yams

/// A mistake in a configuration file or in the environment, with where it is.
public struct SettingsProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Error, Sendable, Equatable {
        case invalid(String)
    }

    /// The file (or `environment`).
    public var source: String
    /// The line in the file, when there is one.
    public var line: Int?
    public var setting: String
    public var message: String

    public var description: String {
        "\(source)\(line.map { ":\($0)" } ?? ""): \(setting.isEmpty ? "" : setting + ": ")\(message)"
    }
}

/// The settings in a configuration file, each checked against ``ServeSettings``, with every mistake and its line.
///
/// The file is YAML: a mapping of sections (`listen`, `store`, …) to mappings of settings. Unknown sections and
/// settings are mistakes, not ignored, so a misspelt `idle_minuts` is found before it silently does nothing.
public struct SettingsFile: Sendable {
    public let path: String
    public private(set) var values: [String: SettingValue] = [:]
    public private(set) var lines: [String: Int] = [:]
    public private(set) var problems: [SettingsProblem] = []

    public init(path: String, keys: [SettingKey] = ServeSettings.keys) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            self.init(path: path, text: "", keys: keys)
            problems.append(.init(source: path, line: nil, setting: "", message: "cannot be read (does it exist?)"))
            return
        }
        self.init(path: path, text: text, keys: keys)
    }

    public init(path: String, text: String, keys: [SettingKey] = ServeSettings.keys) {
        self.path = path
        let root: Node?
        do { root = try SafeYAML.compose(text) } catch let refusal as SafeYAML.Refusal {
            problems.append(.init(source: path, line: refusal.line, setting: "", message: refusal.message))
            return
        } catch let error as YamlError {
            problems.append(.init(source: path, line: Self.line(of: error), setting: "",
                                  message: "is not valid YAML: \(Self.summary(of: error))"))
            return
        } catch {
            problems.append(.init(source: path, line: nil, setting: "", message: "is not valid YAML"))
            return
        }
        guard let root else { return }  // An empty file: every setting takes its default.
        guard let sections = root.mapping else {
            problems.append(.init(source: path, line: root.mark?.line, setting: "",
                                  message: "must be a mapping of sections (listen:, store:, …)"))
            return
        }
        let known = Set(keys.map(\.section))
        for (sectionNode, body) in sections {
            let section = sectionNode.string ?? ""
            guard known.contains(section) else {
                problems.append(.init(source: path, line: sectionNode.mark?.line, setting: section,
                                      message: "is not a section Custodes knows (\(known.sorted().joined(separator: ", ")))"))
                continue
            }
            // A section with every setting commented out is empty: its defaults apply.
            if let scalar = body.scalar, ["", "~", "null"].contains(scalar.string) { continue }
            guard let settings = body.mapping else {
                problems.append(.init(source: path, line: body.mark?.line ?? sectionNode.mark?.line, setting: section,
                                      message: "must be a mapping of settings"))
                continue
            }
            for (nameNode, valueNode) in settings {
                let name = nameNode.string ?? ""
                let line = nameNode.mark?.line
                guard let key = keys.first(where: { $0.section == section && $0.name == name }) else {
                    let names = keys.filter { $0.section == section }.map(\.name)
                    problems.append(.init(source: path, line: line, setting: section + "." + name,
                                          message: "is not a setting Custodes knows (in \(section): \(names.joined(separator: ", ")))"))
                    continue
                }
                guard let scalar = valueNode.scalar else {
                    problems.append(.init(source: path, line: line, setting: key.path, message: "must be \(key.expectation)"))
                    continue
                }
                switch key.check(scalar.string) {
                case .success(let value):
                    values[key.path] = value
                    lines[key.path] = line
                case .failure(.invalid(let message)):
                    problems.append(.init(source: path, line: line, setting: key.path, message: message))
                }
            }
        }
        if case .text(let url)? = values["store.url"], (try? DatabaseURL(url)) == nil {
            problems.append(.init(source: path, line: lines["store.url"], setting: "store.url",
                                  message: "is not a store URL: expected sqlite:PATH or postgres://USER@HOST:PORT/DATABASE"))
        }
        if values["store.url"] != nil && values["store.url_file"] != nil {
            problems.append(.init(source: path, line: lines["store.url_file"], setting: "store.url_file",
                                  message: "give store.url or store.url_file, not both"))
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
