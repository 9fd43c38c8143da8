import CustodesServer
import CustodesStore
import Foundation

/// The configuration file named by `--config` or `CUSTODES_CONFIG`, under the environment, for the commands that
/// read it (`serve`, `retention`).
enum ConfigurationLayers {
    /// The layered settings, refusing every mistake at once with `what` (what was not done) in the message.
    static func load(_ option: String?, refusing what: String) throws -> LayeredSettings {
        let path = option ?? ProcessInfo.processInfo.environment["CUSTODES_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let settings = LayeredSettings(file: path.map { SettingsFile(path: $0) })
        guard settings.problems.isEmpty else {
            throw CommandFailure("the configuration has mistakes; \(what):\n"
                                 + settings.problems.map { "  " + $0.description }.joined(separator: "\n"))
        }
        return settings
    }

    /// `--db`; then `CUSTODES_STORE_URL`, `CUSTODES_STORE_URL_FILE` or `CUSTODES_DATABASE_URL`; then the file's
    /// `store.url` or the file its `store.url_file` names.
    static func storeURL(flag: String?, _ settings: LayeredSettings) throws -> DatabaseURL {
        if let flag { return try DatabaseURL(flag) }
        if case .text(let text)? = settings.environmentValues["store.url"] { return try DatabaseURL(text) }
        if settings.environmentValues["store.url_file"] != nil, let text = try settings.secret(fromFile: "store.url_file") {
            return try DatabaseURL(text)
        }
        if let value = ProcessInfo.processInfo.environment[DatabaseURL.environmentVariable], !value.isEmpty {
            return try DatabaseURL(value)
        }
        if let text = settings.text("store.url") { return try DatabaseURL(text) }
        if let text = try settings.secret(fromFile: "store.url_file") { return try DatabaseURL(text) }
        return try DatabaseURL.resolve(nil)
    }
}
