import Foundation
import NIOConcurrencyHelpers

/// A folder readable by its owner only, for a plaintext copy of the store while a backup, restore or verification
/// works on it, removed when the work ends, and by ``removeAll()`` when the process is told to stop (the console
/// calls it from its SIGINT and SIGTERM handlers), so an interrupted backup leaves no copy of the store behind.
/// Under systemd the service's private /tmp is removed when it stops, which covers a kill too.
public enum ScratchFolder {
    private static let live = NIOLockedValueBox<Set<String>>([])

    /// A new scratch folder inside `parent` (the system's temporary folder by default).
    static func make(in parent: String = NSTemporaryDirectory(), purpose: String) throws -> String {
        let folder = (parent.hasSuffix("/") ? parent : parent + "/") + ".custodes-\(purpose)-" + UUID().uuidString.prefix(8)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw BackupError.damaged(path: folder, detail: "cannot be created (check the folder exists and is writable)")
        }
        live.withLockedValue { _ = $0.insert(folder) }
        return folder
    }

    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
        live.withLockedValue { _ = $0.remove(folder) }
    }

    /// Removes every scratch folder still in use; for a signal handler about to end the process.
    public static func removeAll() {
        for folder in live.withLockedValue({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
    }
}
