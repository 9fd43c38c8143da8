#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import CustodesModel

/// A file written through a large in-memory buffer. Writers of bundle files (the simulator writes tens of millions of
/// rows) append bytes here rather than building strings, and times are formatted straight into the buffer.
public final class BufferedFileWriter {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private var closed = false
    private static let flushThreshold = 1 << 20

    public init(path: String) throws(BundleError) {
        guard let file = fopen(path, "wb") else {
            throw .cannotWrite(file: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        self.file = file
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    deinit {
        if !closed {
            try? flush()
            fclose(file)
        }
    }

    @inline(__always) public func append(_ byte: UInt8) { buffer.append(byte) }

    public func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    public func append(_ text: Substring) { buffer.append(contentsOf: text.utf8) }

    /// Appends `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DDTHH:MM:SS±HH:MM` when `offsetMinutes` is not zero (the same
    /// instant written in another zone, as some force systems export local time with its offset).
    public func append(_ time: Timestamp, offsetMinutes: Int = 0) {
        let local = time.seconds + Int64(offsetMinutes) * 60
        appendDigits(of: local, timeOfDay: true)
        if offsetMinutes == 0 {
            buffer.append(UInt8(ascii: "Z"))
        } else {
            buffer.append(offsetMinutes > 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
            let magnitude = abs(offsetMinutes)
            two(magnitude / 60)
            buffer.append(UInt8(ascii: ":"))
            two(magnitude % 60)
        }
    }

    /// Appends `YYYY-MM-DD`.
    public func appendDate(_ time: Timestamp) { appendDigits(of: time.seconds, timeOfDay: false) }

    private func appendDigits(of seconds: Int64, timeOfDay: Bool) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = Timestamp(seconds: days * 86_400).isoDate.utf8
        buffer.append(contentsOf: date)
        guard timeOfDay else { return }
        buffer.append(UInt8(ascii: "T"))
        two(secondOfDay / 3600)
        buffer.append(UInt8(ascii: ":"))
        two(secondOfDay / 60 % 60)
        buffer.append(UInt8(ascii: ":"))
        two(secondOfDay % 60)
    }

    @inline(__always) private func two(_ value: Int) {
        buffer.append(UInt8(48 + value / 10))
        buffer.append(UInt8(48 + value % 10))
    }

    /// Ends a line, writing the buffer out when it is full.
    public func newline() throws(BundleError) {
        buffer.append(10)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func flush() throws(BundleError) {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress!, 1, $0.count, file) }
        guard written == buffer.count else {
            throw .cannotWrite(file: path, reason: String(cString: strerror(errno)))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    public func close() throws(BundleError) {
        guard !closed else { return }
        closed = true
        try flush()
        guard fclose(file) == 0 else { throw .cannotWrite(file: path, reason: String(cString: strerror(errno))) }
    }
}
