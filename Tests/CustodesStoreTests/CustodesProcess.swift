import Foundation

/// The `custodes` command run as a separate process, so a test can kill it the way a crash or an operator would.
struct CustodesProcess {
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["CUSTODES_BINARY"] { return path }
        // Tests/CustodesStoreTests/this file → the package root → the debug build.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/custodes").path
    }

    let process = Process()
    let errorPath = NSTemporaryDirectory() + "custodes-stderr-" + UUID().uuidString
    let outputPath = NSTemporaryDirectory() + "custodes-stdout-" + UUID().uuidString

    /// `fault` names a point where the process kills itself (see `FaultInjection`).
    /// `environment` adds to (or, with an empty value, removes from) the test's own environment.
    init(_ arguments: [String], fault: String? = nil, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.filter { !$0.value.isEmpty }
        if let fault { variables["CUSTODES_FAULT"] = fault }
        process.environment = variables
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        try process.run()
    }

    var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }
    var standardOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Runs the command to its end and returns its exit status and what it printed.
    static func runCapturing(_ arguments: [String], environment: [String: String] = [:]) async throws
        -> (status: Int32?, output: String, error: String) {
        let process = try CustodesProcess(arguments, environment: environment)
        let status = await process.wait()
        return (status, process.standardOutput, process.standardError)
    }

    /// Kills the process at once (SIGKILL: no clean-up, no flushing), as a crash would.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
    }

    /// Waits for the process to end; returns its exit status, or nil if a signal ended it. A process still running
    /// after `timeout` is killed (and so returns nil), so that a hang fails the test instead of stalling the run.
    func wait(timeout: Duration = .seconds(300)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill()
                process.waitUntilExit()
                break
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    /// Waits until `condition` holds or the process ends; returns whether the condition held.
    func wait(until condition: () async -> Bool, timeout: Duration = .seconds(120)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            if !process.isRunning { return await condition() }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// Runs to the end and returns the exit status.
    static func run(_ arguments: [String]) async throws -> (status: Int32?, standardError: String) {
        let process = try CustodesProcess(arguments)
        let status = await process.wait()
        return (status, process.standardError)
    }
}
