#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Logging

/// Progress and messages on standard error, so standard output stays clean for reports and pipes.
enum Progress {
    /// Rewrites the current status line when standard error is a terminal; prints lines otherwise (as in CI logs).
    static func line(_ text: String) {
        let terminal = isatty(2) != 0
        write(terminal ? "\r\u{1B}[K" + text : text + "\n")
    }

    /// Ends a status line.
    static func done() {
        if isatty(2) != 0 { write("\n") }
    }

    /// With `serve --log-format json`, messages are log lines too, so the whole stream reads as JSON.
    nonisolated(unsafe) static var json = false

    static func message(_ text: String) {
        if json {
            Logger(label: "custodes").notice("\(text)")
        } else {
            write(text + "\n")
        }
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                #if canImport(Glibc)
                Glibc.write(2, raw.baseAddress! + offset, raw.count - offset)
                #else
                Darwin.write(2, raw.baseAddress! + offset, raw.count - offset)
                #endif
            }
            if written <= 0 { return }
            offset += written
        }
    }
}
