import Foundation

/// Named points where the fault tests crash the process on purpose (SIGKILL, as a power cut or an operator would),
/// so that "killed in the middle of ingest" and "killed before detection commits" happen at exactly those moments
/// rather than whenever a polling test happens to look. `CUSTODES_FAULT=pause:NAME` instead pauses there for five
/// seconds (saying so on standard error), for a test to cut the database connection at that moment. Inert unless
/// `CUSTODES_FAULT` names the point.
enum FaultInjection {
    private static let armed = ProcessInfo.processInfo.environment["CUSTODES_FAULT"]

    /// Kills the process if `CUSTODES_FAULT` is `name`; pauses if it is `pause:name`.
    static func point(_ name: @autoclosure () -> String) async {
        guard let armed else { return }
        let name = name()
        if armed == name { kill(getpid(), SIGKILL) }
        if armed == "pause:" + name {
            FileHandle.standardError.write(Data("fault injection: pausing at \(name)\n".utf8))
            try? await Task.sleep(for: .seconds(5))
        }
    }
}
