#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sorted run's file, written around the page cache (`O_DIRECT`) where the file system allows it.
///
/// A run is written once and read back once by the same command, so its pages gain nothing from staying in the page
/// cache, and on a virtual machine new page-cache pages cost what fresh memory does: `perf` put writing the ten runs
/// of the realistic 160-day force (650 MB) in the kernel's copy into new pages, more than a second, and `dd` wrote
/// 650 MiB in 3.7 s through the page cache against 0.23 to 0.26 s direct. Direct writes need aligned memory, lengths
/// and file offsets, so whole blocks are written from an aligned buffer and the file is cut to its length at the
/// end. Where the file system refuses `O_DIRECT` (some network file systems; tmpfs before Linux 6.6), the file is
/// written as any other.
final class RunFileOutput {
    /// The alignment direct writes need on Linux's usual file systems.
    static let block = 4096
    /// Bytes written per call.
    static let chunk = 1 << 20

    let path: String
    private let descriptor: Int32
    private var isDirect: Bool
    private var isOpen = true
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    /// Bytes waiting in `buffer`.
    private var count = 0
    /// Bytes written to the file: whole chunks until `close`.
    private var written = 0

    init(path: String) throws(BundleError) {
        self.path = path
        let (descriptor, isDirect) = DirectFile.openFile(path, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600)
        self.isDirect = isDirect
        guard descriptor >= 0 else { throw .cannotWrite(file: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
        capacity = 2 * Self.chunk
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: Self.block)
    }

    /// Closed by ``close()``; otherwise (an error on the way) the file is closed here and its runs are abandoned
    /// with the folder they are in.
    deinit {
        buffer.deallocate()
        if isOpen { _ = closeFile(descriptor) }
    }

    @inline(__always)
    func put<T: FixedWidthInteger>(_ value: T) {
        reserve(MemoryLayout<T>.size)
        buffer.storeBytes(of: value.littleEndian, toByteOffset: count, as: T.self)
        count += MemoryLayout<T>.size
    }

    /// The string at `text` (an initialized `String`) in the run file's form (``EventRunFile``): as its ASCII when
    /// `short` (``ShortText/isAvailable``) and the string is short ASCII, otherwise as its length in bytes, then its
    /// UTF-8. Read where it lies: a short string's value holds its bytes, so it is neither copied nor retained.
    @inline(__always)
    func put(textAt text: UnsafeRawPointer, short: Bool) {
        let words = (text.loadUnaligned(as: UInt64.self), text.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if short, let length = ShortText.count(of: words) {
            // The value's 16 bytes after the form's byte; only `length` of them are kept.
            reserve(17)
            buffer.storeBytes(of: ShortText.asciiMark | UInt8(length), toByteOffset: count, as: UInt8.self)
            buffer.storeBytes(of: words.0, toByteOffset: count + 1, as: UInt64.self)
            buffer.storeBytes(of: words.1, toByteOffset: count + 9, as: UInt64.self)
            count += 1 + length
            return
        }
        putLong(text.assumingMemoryBound(to: String.self).pointee)
    }

    /// A string as its length in bytes, then its UTF-8.
    private func putLong(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            put(EventRunFile.longForm)
            put(UInt32(utf8.count))
            reserve(utf8.count)
            if let base = utf8.baseAddress { (buffer + count).copyMemory(from: base, byteCount: utf8.count) }
            count += utf8.count
        }
    }

    /// Writes out the whole chunks waiting, keeping the rest.
    func writeFullChunks() throws(BundleError) {
        guard count >= Self.chunk else { return }
        var sent = 0
        while count - sent >= Self.chunk {
            try send(buffer + sent, Self.chunk)
            sent += Self.chunk
        }
        buffer.copyMemory(from: buffer + sent, byteCount: count - sent)
        count -= sent
    }

    /// Writes what is left, padded to a whole block, cuts the file to its length and closes it.
    func close() throws(BundleError) {
        precondition(isOpen, "a run file is closed once")
        try writeFullChunks()
        let length = written + count
        // Direct writes take whole blocks: the last is padded, and the padding cut off once written.
        let padded = isDirect ? (count + Self.block - 1) / Self.block * Self.block : count
        reserve(padded - count)
        (buffer + count).initializeMemory(as: UInt8.self, repeating: 0, count: padded - count)
        if padded > 0 { try send(buffer, padded) }
        isOpen = false
        let cut = padded > count ? ftruncate(descriptor, off_t(length)) : 0
        let failure = errno
        let closed = closeFile(descriptor)
        guard cut == 0 else { throw .cannotWrite(file: path, reason: String(cString: strerror(failure))) }
        guard closed == 0 else { throw .cannotWrite(file: path, reason: String(cString: strerror(errno))) }
    }

    private func send(_ bytes: UnsafeMutableRawPointer, _ length: Int) throws(BundleError) {
        precondition(isOpen, "a run file is written only until it is closed")
        var done = 0
        while done < length {
            let sent = write(descriptor, bytes + done, length - done)
            if sent < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL && isDirect {
                    isDirect = false
                    if DirectFile.stopDirect(descriptor) { continue }
                }
                throw .cannotWrite(file: path, reason: String(cString: strerror(errno)))
            }
            done += sent
        }
        written += length
    }

    /// Room for `more` bytes after those waiting.
    @inline(__always)
    private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        var size = capacity
        while size < count + more { size *= 2 }
        let larger = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: Self.block)
        larger.copyMemory(from: buffer, byteCount: count)
        buffer.deallocate()
        buffer = larger
        capacity = size
    }
}
