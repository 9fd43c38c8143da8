/// A problem that stops a bundle from being read at all, as opposed to a bad row, which is quarantined.
public enum BundleError: Error, Equatable, Sendable, CustomStringConvertible {
    case notADirectory(String)
    case missingFiles(directory: String, files: [String])
    case missingColumns(file: String, columns: [String])
    case emptyFile(file: String)
    case unreadable(file: String, reason: String)
    case cannotWrite(file: String, reason: String)

    public var description: String {
        switch self {
        case .notADirectory(let path):
            "\(path): not a folder; a bundle is a folder of CSV files (see docs/data-format.md)"
        case .missingFiles(let directory, let files):
            "\(directory): missing \(files.joined(separator: ", ")) (see docs/data-format.md)"
        case .missingColumns(let file, let columns):
            "\(file): line 1: missing column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", "))"
        case .emptyFile(let file):
            "\(file): the file is empty; it needs at least a header row"
        case .unreadable(let file, let reason):
            "\(file): cannot be read: \(reason)"
        case .cannotWrite(let file, let reason):
            "\(file): cannot be written: \(reason)"
        }
    }
}
