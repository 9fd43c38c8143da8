import Foundation

/// A PostgreSQL client program (`pg_dump`, `pg_restore`) run as a child process. The connection's password goes in
/// the child's environment, never on its command line, where any user of the machine could read it.
struct ExternalTool {
    let name: String
    let path: String

    /// Finds `name` on the PATH, or says plainly that it is missing and how to get it.
    init(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(BackupError) {
        self.name = name
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let found = folders.map({ $0 + "/" + name }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .toolMissing(tool: name, why: "was not found on the PATH; install PostgreSQL's client programs "
                               + "(Debian: postgresql-client-15) or add their folder to the PATH")
        }
        path = found
    }

    /// The environment that points a client program at `url` (libpq's PG* variables).
    static func environment(for url: DatabaseURL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = url.host
        environment["PGPORT"] = String(url.port)
        environment["PGUSER"] = url.username
        environment["PGDATABASE"] = url.database
        environment["PGCONNECT_TIMEOUT"] = "30"
        if let password = url.password { environment["PGPASSWORD"] = password } else { environment["PGPASSWORD"] = nil }
        return environment
    }

    /// Runs the program to its end; fails with what it wrote on standard error when it exits non-zero.
    func run(_ arguments: [String], environment: [String: String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        // Files rather than pipes: a child that writes more than a pipe holds would wait forever for a reader.
        let base = NSTemporaryDirectory() + "custodes-\(name)-" + UUID().uuidString
        FileManager.default.createFile(atPath: base + ".out", contents: nil, attributes: [.posixPermissions: 0o600])
        FileManager.default.createFile(atPath: base + ".err", contents: nil, attributes: [.posixPermissions: 0o600])
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
        }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // A cancelled backup (the command interrupted) stops its child too, rather than leave it dumping.
        let status: Int32 = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: BackupError.toolMissing(tool: name, why: "could not be started: \(error)"))
                }
            }
        } onCancel: {
            if process.isRunning { process.terminate() }
        }
        try? output.close()
        try? errors.close()
        let said = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let complaint = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        guard status == 0 else {
            // Only the tools' own error lines, cut short: PostgreSQL's DETAIL and CONTEXT lines can quote a row.
            let said = complaint.split(separator: "\n").filter { !$0.contains("DETAIL:") && !$0.contains("CONTEXT:") }
                .prefix(5).map { String($0.prefix(300)) }.joined(separator: "; ")
            throw BackupError.toolFailed(tool: name, status: status, output: said)
        }
        return said
    }
}
