import ArgumentParser
import CustodesServer
import Logging

/// `--log-format` and `--log-level`, for the commands that run a server (`serve`, `demo`).
///
/// Levels mean: `error`, a request or a detection run failed; `warning`, something an operator should look at (a
/// database being retried); `notice`, the server's life (started, listening, each detection run); `info`, one line
/// per request (id, route pattern, status, time); `debug` and `trace`, the web framework's own detail. No level logs
/// a request's query, body, cookies or address, or the database's statements and values.
struct LogOptions: ParsableArguments {
    @Option(help: "How the server logs: text (readable, for a terminal) or json (one object a line, for a log collector).")
    var logFormat: String?

    @Option(help: "The lowest level logged: trace, debug, info (one line per request), notice, warning, error or critical.")
    var logLevel: String?

    func validate() throws {
        if let logFormat, !["text", "json"].contains(logFormat) {
            throw ValidationError("--log-format must be text or json, not '\(logFormat)'.")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical; not '\(logLevel)'.")
        }
    }

    /// The level given, if any.
    var level: Logger.Level? { logLevel.flatMap(Logger.Level.init(rawValue:)) }

    /// The level, or `fallback` when none was given.
    func level(or fallback: Logger.Level) -> Logger.Level { level ?? fallback }

    /// Sets up logging for the whole process from the flags alone; call once, before anything logs.
    func bootstrap(level: Logger.Level) { Self.bootstrap(format: logFormat ?? "text", level: level) }

    /// Sets up logging for the whole process; call once, before anything logs.
    static func bootstrap(format: String, level: Logger.Level) {
        if format == "json" {
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            Progress.json = true
        } else {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
