@testable import CustodesBundle
import Foundation
import Testing

@Suite("Sorted runs read back around the page cache")
struct RunFileInputTests {
    /// Direct reads come in whole blocks and the next chunk is read ahead on another thread: files that end inside a
    /// block, on a block, on a chunk and just past one must all read back byte for byte, whatever the caller asks
    /// for at a time, and then say they have ended, read direct or (where a file system refuses it) not.
    @Test("files of any length read back exactly, direct or not",
          arguments: [0, 1, 4095, 4096, RunFileInput.defaultChunk, RunFileInput.defaultChunk + 1, 2 * RunFileInput.defaultChunk + 4097])
    func anyLength(length: Int) throws {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 4096) }
        let path = NSTemporaryDirectory() + "custodes-run-input-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // A chunk asked for that is not a whole number of blocks is rounded up, and its buffers with it.
        for (direct, chunk) in [(true, RunFileInput.defaultChunk), (false, RunFileInput.defaultChunk), (true, 5000)] {
            for asked in [1000, RunFileInput.defaultChunk] {
                let input = try RunFileInput(path: path, chunk: chunk, direct: direct)
                #expect(input.chunk % RunFileOutput.block == 0 && input.chunk >= chunk)
                var read: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: asked)
                while true {
                    let got = buffer.withUnsafeMutableBytes { input.read(into: $0.baseAddress!, capacity: asked) }
                    if got == 0 { break }
                    read += buffer[0..<got]
                }
                #expect(read == bytes, "\(length) bytes, direct \(direct), chunks of \(chunk), \(asked) at a time")
                #expect(input.failure == nil)
                #expect(buffer.withUnsafeMutableBytes { input.read(into: $0.baseAddress!, capacity: asked) } == 0)
            }
        }
    }

    @Test("a run file that cannot be opened is an error naming it")
    func missing() {
        let path = NSTemporaryDirectory() + "custodes-no-such-run-\(UUID().uuidString).bin"
        let error = #expect(throws: BundleError.self) { try RunFileInput(path: path) }
        #expect(error.map { "\($0)" }?.contains(path) == true)
    }
}
