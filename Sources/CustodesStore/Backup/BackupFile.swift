import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The backup file: a first line naming the format, the manifest as one line of JSON, then the payload in sealed
/// chunks of 1 MiB (AES-256-GCM). Each chunk's additional data binds the manifest's digest, the chunk's number and
/// whether it is the last, so chunks cannot be reordered, dropped, cut from the end or moved to another backup
/// without the reader noticing. The manifest stays readable without the key; it holds counts, never content.
enum BackupFile {
    static let firstLine = Data("CUSTODES BACKUP\n".utf8)
    static let chunkSize = 1 << 20
    /// A manifest is a few kilobytes; anything far longer is not one.
    static let longestManifest = 1 << 20

    /// Seals the file at `payload` into a new backup file at `path` (written beside it, then renamed, readable by its
    /// owner only), and returns the SHA-256 of the whole file for the operator's records.
    static func write(manifest: BackupManifest, payload: String, key: BackupKey, to path: String) throws -> String {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else {
            throw BackupError.damaged(path: path, detail: "already exists: a backup never overwrites a file")
        }
        // A name of its own, never one that is there already, and placed with link(), which never replaces a file
        // that appeared at the backup's name meanwhile.
        let partial = path + ".partial-" + UUID().uuidString.prefix(8)
        #if canImport(Glibc)
        let descriptor = Glibc.open(partial, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #else
        let descriptor = Darwin.open(partial, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #endif
        guard descriptor >= 0 else {
            throw BackupError.damaged(path: path, detail: "cannot be created (check the folder exists and is writable)")
        }
        close(descriptor)
        do {
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
            defer { try? output.close() }
            let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: payload))
            defer { try? input.close() }
            let manifestLine = try manifest.encodedLine()
            let binding = Data(SHA256.hash(data: manifestLine))
            try output.write(contentsOf: firstLine + manifestLine + Data("\n".utf8))
            let total = manifest.payloadBytes
            var written: Int64 = 0
            var index: UInt64 = 0
            repeat {
                let chunk = try input.read(upToCount: chunkSize) ?? Data()
                written += Int64(chunk.count)
                let last = written >= total
                let sealed = try AES.GCM.seal(chunk, using: key.key,
                                              authenticating: additionalData(binding, index: index, last: last))
                guard let combined = sealed.combined else { throw BackupError.damaged(path: path, detail: "sealing failed") }
                var header = Data([last ? 1 : 0])
                withUnsafeBytes(of: UInt32(combined.count).bigEndian) { header.append(contentsOf: $0) }
                try output.write(contentsOf: header + combined)
                index += 1
                if chunk.isEmpty && !last {
                    throw BackupError.damaged(path: payload, detail: "ended after \(written) of \(total) bytes")
                }
                if last { break }
            } while true
            try output.synchronize()
        } catch {
            try? manager.removeItem(atPath: partial)
            throw error
        }
        defer { unlink(partial) }
        guard link(partial, path) == 0 else {
            throw BackupError.damaged(path: path, detail: errno == EEXIST ? "already exists: a backup never overwrites a file"
                                      : "cannot be written (\(String(cString: strerror(errno))))")
        }
        return try FileDigest.sha256(path: path)
    }

    /// The manifest at the head of a backup file, read without the key.
    static func manifest(of path: String) throws -> (manifest: BackupManifest, line: Data, payloadOffset: UInt64) {
        let input: FileHandle
        do { input = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw BackupError.damaged(path: path, detail: "cannot be read (does it exist?)")
        }
        defer { try? input.close() }
        let head = try input.read(upToCount: firstLine.count + longestManifest) ?? Data()
        guard head.starts(with: firstLine) else {
            throw BackupError.damaged(path: path, detail: "not a Custodes backup (it does not start with CUSTODES BACKUP)")
        }
        let rest = head.dropFirst(firstLine.count)
        guard let end = rest.firstIndex(of: UInt8(ascii: "\n")) else {
            throw BackupError.damaged(path: path, detail: "its manifest is cut short")
        }
        let line = Data(rest[rest.startIndex..<end])
        let manifest: BackupManifest
        do { manifest = try JSONDecoder().decode(BackupManifest.self, from: line) } catch {
            throw BackupError.damaged(path: path, detail: "its manifest is not readable JSON")
        }
        guard manifest.format <= BackupManifest.currentFormat else {
            throw BackupError.damaged(path: path, detail: "backup format \(manifest.format) is newer than this Custodes reads")
        }
        return (manifest, line, UInt64(firstLine.count + line.count + 1))
    }

    /// Opens every chunk of the backup at `path` into `payload` (a new file readable by its owner only), checking
    /// each chunk, the end, and the payload's digest and length against the manifest. Returns the manifest.
    static func open(_ path: String, key: BackupKey, into payload: String) throws -> BackupManifest {
        let (manifest, line, offset) = try manifest(of: path)
        guard manifest.keyID == key.id else { throw BackupError.wrongKey(path: path, sealedWith: manifest.keyID, given: key.id) }
        let binding = Data(SHA256.hash(data: line))
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? input.close() }
        try input.seek(toOffset: offset)
        guard FileManager.default.createFile(atPath: payload, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw BackupError.damaged(path: payload, detail: "cannot be created (check the folder exists and is writable)")
        }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: payload))
        defer { try? output.close() }
        var hasher = SHA256()
        var bytes: Int64 = 0
        var index: UInt64 = 0
        while true {
            guard let header = try input.read(upToCount: 5), header.count == 5 else {
                throw BackupError.damaged(path: path, detail: "cut short after chunk \(index) (no final chunk)")
            }
            let last = header[header.startIndex] == 1
            let length = header.dropFirst().reduce(0) { $0 << 8 | Int($1) }
            guard length <= chunkSize + 28, let sealed = try input.read(upToCount: length), sealed.count == length else {
                throw BackupError.damaged(path: path, detail: "chunk \(index) is cut short or malformed")
            }
            let chunk: Data
            do {
                chunk = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key.key,
                                         authenticating: additionalData(binding, index: index, last: last))
            } catch {
                throw BackupError.damaged(path: path, detail: "chunk \(index) does not open: the file was altered or damaged")
            }
            hasher.update(data: chunk)
            bytes += Int64(chunk.count)
            try output.write(contentsOf: chunk)
            index += 1
            if last { break }
        }
        if let extra = try input.read(upToCount: 1), !extra.isEmpty {
            throw BackupError.damaged(path: path, detail: "has bytes after its final chunk")
        }
        let digest = hasher.finalize().hex
        guard bytes == manifest.payloadBytes, digest == manifest.payloadSHA256 else {
            throw BackupError.damaged(path: path, detail: "its payload does not match the manifest's digest")
        }
        try output.synchronize()
        return manifest
    }

    private static func additionalData(_ binding: Data, index: UInt64, last: Bool) -> Data {
        var data = binding
        withUnsafeBytes(of: index.bigEndian) { data.append(contentsOf: $0) }
        data.append(last ? 1 : 0)
        return data
    }
}
