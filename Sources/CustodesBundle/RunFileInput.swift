#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A sorted run's file read back around the page cache (`O_DIRECT`) where the file system allows it, the next chunk
/// read on another thread while the merge decodes the one before.
///
/// Runs are written around the page cache (``RunFileOutput``). Read back through it, the kernel read each page into
/// the cache and then copied it out, and on a virtual machine that copy was slow: `perf` put about a second of the
/// merging thread in it (`_copy_to_iter`) on the realistic 160-day force with two threads, a fifth of that thread's
/// time, and `dd` read 650 MiB so in 0.5 to 1.1 s of system time against 0.03 to 0.08 s direct. Read direct, the
/// disk's transfer lands in this reader's own buffer and the thread asking only waits, so the next chunk is asked for
/// on a thread of its own as soon as the one before is handed over, and the merge seldom waits at all. Where the file
/// system refuses `O_DIRECT`, the file is read as any other and the pages read are dropped from the page cache behind
/// the reader (the file is never read again).
final class RunFileInput: ByteInput, @unchecked Sendable {
    // Unchecked Sendable: the chunk being read (`spare`, `spareCount`, `spareFailure`, `isDirect`) belongs to the
    // reading thread from `readAhead()` until it signals `spareReady`, and to the caller only after waiting for it;
    // at most one read is under way.

    /// Bytes per read unless told otherwise: two such chunks per run (a large year has a couple of dozen runs).
    static let defaultChunk = 1 << 18
    /// Bytes per read, a whole number of blocks.
    let chunk: Int
    /// Reads for every run, one at a time: one disk, and a queue of its own rather than the pool's threads, which
    /// detection's parts may all be holding.
    private static let reading = DispatchQueue(label: "custodes.run-file-input")

    let path: String
    private let descriptor: Int32
    private var isDirect: Bool
    private(set) var failure: String?
    /// The chunk handed out from: bytes `current[position..<count]` are still to give.
    private var current: UnsafeMutableRawPointer
    private var position = 0
    private var count = 0
    /// The chunk being read ahead, how many bytes it got and why it stopped short, if it failed.
    private var spare: UnsafeMutableRawPointer
    private var spareCount = 0
    private var spareFailure: String?
    private let spareReady = DispatchSemaphore(value: 0)
    private var isReadingAhead = false
    /// Where the next read ahead starts in the file.
    private var offset = 0

    /// Opens the file direct unless `direct` is false (the tests read both ways), to read `chunk` bytes at a time
    /// (rounded up to whole blocks).
    init(path: String, chunk: Int = RunFileInput.defaultChunk, direct: Bool = true) throws(BundleError) {
        self.path = path
        let block = RunFileOutput.block
        self.chunk = max(block, (chunk + block - 1) / block * block)
        let (descriptor, isDirect) = DirectFile.openFile(path, O_RDONLY, direct: direct)
        self.isDirect = isDirect
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
        current = .allocate(byteCount: self.chunk, alignment: RunFileOutput.block)
        spare = .allocate(byteCount: self.chunk, alignment: RunFileOutput.block)
        readAhead()
    }

    deinit {
        if isReadingAhead { spareReady.wait() }
        current.deallocate()
        spare.deallocate()
        _ = closeFile(descriptor)
    }

    func read(into destination: UnsafeMutableRawPointer, capacity: Int) -> Int {
        var copied = 0
        while copied < capacity {
            if position == count {
                guard isReadingAhead else { break }
                spareReady.wait()
                isReadingAhead = false
                swap(&current, &spare)
                position = 0
                count = spareCount
                if let spareFailure {
                    failure = spareFailure
                    count = 0
                    break
                }
                // A chunk read short was the file's last.
                if count == chunk { readAhead() }
                if count == 0 { break }
            }
            let taken = min(capacity - copied, count - position)
            (destination + copied).copyMemory(from: current + position, byteCount: taken)
            position += taken
            copied += taken
        }
        return copied
    }

    /// Reads the next chunk into `spare` on the reading queue.
    private func readAhead() {
        isReadingAhead = true
        let start = offset
        offset += chunk
        Self.reading.async { [self] in
            fillSpare(from: start)
            spareReady.signal()
        }
    }

    /// Reads a whole chunk from `start` into `spare`, or up to the end of the file.
    private func fillSpare(from start: Int) {
        var done = 0
        spareFailure = nil
        while done < chunk {
            let got = pread(descriptor, spare + done, chunk - done, off_t(start + done))
            if got < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL && isDirect {
                    isDirect = false
                    if DirectFile.stopDirect(descriptor) { continue }
                }
                spareFailure = String(cString: strerror(errno))
                break
            }
            if got == 0 { break }
            done += got
            // Direct reads come in whole blocks but at the end of the file, and cannot go on from mid-block.
            if isDirect && got % RunFileOutput.block != 0 { break }
        }
        spareCount = done
        #if os(Linux)
        if !isDirect && done > 0 { _ = posix_fadvise(descriptor, off_t(start), off_t(done), POSIX_FADV_DONTNEED) }
        #endif
    }
}
