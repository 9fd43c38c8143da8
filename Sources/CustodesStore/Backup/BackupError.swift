/// Why a backup, restore or verification could not be done, in words an operator can act on.
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case unusableKey(String)
    /// The file is not a Custodes backup, or is damaged, cut short or altered.
    case damaged(path: String, detail: String)
    case wrongKey(path: String, sealedWith: String, given: String)
    case wrongEngine(path: String, backup: String, store: String)
    case notEmpty(store: String, tables: Int)
    case tooNew(path: String, found: Int, known: Int)
    case toolMissing(tool: String, why: String)
    case toolFailed(tool: String, status: Int32, output: String)
    /// The restored store does not hold what the manifest says it should.
    case mismatch(store: String, problems: [String])

    public var description: String {
        switch self {
        case .unusableKey(let detail): "backup key: \(detail)"
        case .damaged(let path, let detail): "\(path): \(detail)"
        case .wrongKey(let path, let sealedWith, let given):
            "\(path) was sealed with backup key \(sealedWith), not with the key given (\(given)); pass the key it was made with"
        case .wrongEngine(let path, let backup, let store):
            "\(path) is a backup of a \(backup) store and cannot be restored into a \(store) store"
        case .notEmpty(let store, let tables):
            "\(store) already holds \(tables) table\(tables == 1 ? "" : "s"): a backup is restored only into an empty "
                + "store, so nothing is overwritten; give a new SQLite path or an empty PostgreSQL database"
        case .tooNew(let path, let found, let known):
            "\(path) holds schema version \(found), but this Custodes knows only up to \(known); restore it with the "
                + "Custodes that made it, or a newer one"
        case .toolMissing(let tool, let why): "\(tool) is needed and \(why)"
        case .toolFailed(let tool, let status, let output):
            "\(tool) failed (exit status \(status))" + (output.isEmpty ? "" : ": " + output)
        case .mismatch(let store, let problems):
            "\(store) does not hold what the backup's manifest records: " + problems.joined(separator: "; ")
        }
    }
}
