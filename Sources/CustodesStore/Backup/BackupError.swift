/// Why a backup, restore or verification could not be done, in words an operator can act on.
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case unusableKey(String)
    /// The file is not a Custodes backup, or is damaged, cut short or altered.
    case damaged(path: String, detail: String)
    case wrongKey(path: String, sealedWith: String, given: String)
    case wrongEngine(path: String, backup: String, store: String)
    /// The store to restore into already holds something (`tables`, when counted), or a file is at the path.
    case notEmpty(store: String, tables: Int?)
    /// The store to back up holds no schema at all: the URL names the wrong file or database.
    case emptyStore(store: String)
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
            "\(store) already " + (tables.map { "holds \($0) table\($0 == 1 ? "" : "s") or other relations" } ?? "exists")
                + ": a backup is restored only into an empty store, so nothing is overwritten; give a new SQLite "
                + "path, or an empty PostgreSQL database (createdb), and stop any server using it first"
        case .emptyStore(let store):
            "\(store) holds no Custodes store (no schema at all): check the URL; nothing was backed up"
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
