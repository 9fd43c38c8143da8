#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read in large chunks into one reused buffer, for parsers that scan bytes. Memory stays flat however large
/// the file is; only a single record longer than the buffer makes it grow.
final class ByteSource {
    let path: String
    private let file: UnsafeMutablePointer<FILE>
    /// The buffer; valid bytes are `bytes[start..<end]`.
    private(set) var bytes: [UInt8]
    var start = 0
    private(set) var end = 0
    private(set) var isAtEnd = false
    /// Why reading stopped early, when it was an error and not the end of the file: the file's readers report it
    /// rather than take the bytes so far for the whole file.
    private(set) var failure: String?
    /// Where `bytes[0]` is in the file, so that a position in the buffer can be named in the file.
    private(set) var base: Int
    /// Whether the page cache is told to drop what has been read (a file read once and never again: see
    /// ``RunFileOutput``), and from where it has not been told yet (never before `offset`: what comes before a piece
    /// is another reader's).
    private let dropsPagesBehind: Bool
    private var droppedTo = 0

    /// Reads from byte `offset` of the file onwards (a piece of a large file read on another core). With
    /// `dropsPagesBehind`, the pages read are dropped from the page cache as reading moves on, so that the few pages
    /// reading ahead needs are taken again and again rather than fresh ones for the whole file.
    init(path: String, chunkSize: Int = 1 << 20, from offset: Int = 0, dropsPagesBehind: Bool = false)
        throws(BundleError) {
        guard let file = fopen(path, "rb") else {
            throw .unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        if offset > 0 && fseeko(file, off_t(offset), SEEK_SET) != 0 {
            let reason = String(cString: strerror(errno))
            fclose(file)
            throw .unreadable(file: path, reason: reason)
        }
        self.path = path
        self.file = file
        self.bytes = [UInt8](repeating: 0, count: chunkSize)
        base = offset
        self.dropsPagesBehind = dropsPagesBehind
        droppedTo = (offset + 4095) / 4096 * 4096
    }

    deinit { fclose(file) }

    /// Skips a UTF-8 byte order mark at the start of the file, which some exporters write.
    func skipByteOrderMark() {
        if end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { start += 3 }
    }

    /// Moves the unconsumed bytes to the front and reads more after them. Returns false at the end of the file.
    /// Positions into the buffer shift by the returned amount's caller-visible `start`, which becomes 0.
    @discardableResult
    func fill() -> Bool {
        guard !isAtEnd else { return false }
        if start > 0 {
            let remaining = end - start
            bytes.withUnsafeMutableBufferPointer { pointer in
                let base = pointer.baseAddress!
                _ = memmove(base, base + start, remaining)
            }
            end = remaining
            base += start
            start = 0
        }
        if end == bytes.count {
            bytes.append(contentsOf: repeatElement(0, count: bytes.count))
        }
        let capacity = bytes.count - end
        let got = bytes.withUnsafeMutableBufferPointer { pointer in
            fread(pointer.baseAddress! + end, 1, capacity, file)
        }
        end += got
        #if os(Linux)
        if dropsPagesBehind {
            // Whole pages before the buffer's first byte are done with (the buffer holds its own copy).
            let done = base / 4096 * 4096
            if done > droppedTo {
                _ = posix_fadvise(fileno(file), off_t(droppedTo), off_t(done - droppedTo), POSIX_FADV_DONTNEED)
                droppedTo = done
            }
        }
        #endif
        if got == 0 {
            if ferror(file) != 0 { failure = String(cString: strerror(errno)) }
            isAtEnd = true
            return false
        }
        return true
    }
}
