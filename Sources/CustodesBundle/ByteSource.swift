#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read in large chunks into one reused buffer, for parsers that scan bytes. Memory stays flat however large
/// the file is; only a single record longer than the buffer makes it grow.
final class ByteSource {
    var path: String { input.path }
    private let input: any ByteInput
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

    /// Reads from byte `offset` of the file onwards (a piece of a large file read on another core).
    convenience init(path: String, chunkSize: Int = 1 << 20, from offset: Int = 0) throws(BundleError) {
        try self.init(input: FileInput(path: path, from: offset), chunkSize: chunkSize, from: offset)
    }

    /// Reads what `input` gives, which starts at byte `offset` of its file.
    init(input: any ByteInput, chunkSize: Int, from offset: Int = 0) {
        self.input = input
        bytes = [UInt8](repeating: 0, count: chunkSize)
        base = offset
    }

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
            input.read(into: UnsafeMutableRawPointer(pointer.baseAddress! + end), capacity: capacity)
        }
        end += got
        if got == 0 {
            failure = input.failure
            isAtEnd = true
            return false
        }
        return true
    }
}

/// Where a ``ByteSource`` takes its bytes from, in order.
protocol ByteInput: AnyObject {
    /// The file, to name in errors.
    var path: String { get }
    /// Why the last read gave nothing, when it was an error and not the end.
    var failure: String? { get }
    /// Reads up to `capacity` bytes into `destination` and returns how many: 0 at the end or on an error, otherwise
    /// fewer than `capacity` only at the end.
    func read(into destination: UnsafeMutableRawPointer, capacity: Int) -> Int
}

/// A file read through the C library from a byte onwards.
private final class FileInput: ByteInput {
    let path: String
    private let file: UnsafeMutablePointer<FILE>
    private(set) var failure: String?

    init(path: String, from offset: Int) throws(BundleError) {
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
    }

    deinit { fclose(file) }

    func read(into destination: UnsafeMutableRawPointer, capacity: Int) -> Int {
        let got = fread(destination, 1, capacity, file)
        if got == 0 && ferror(file) != 0 { failure = String(cString: strerror(errno)) }
        return got
    }
}
