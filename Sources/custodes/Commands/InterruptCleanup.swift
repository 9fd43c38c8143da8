import CustodesStore
import Dispatch
import Foundation

/// For the commands that hold a plaintext copy of the store for a while (backup, restore, verify): Ctrl-C or a
/// SIGTERM removes the copy before the process ends, instead of leaving it on disk.
enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for (signalNumber, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                ScratchFolder.removeAll()
                FileHandle.standardError.write(Data("interrupted: the plaintext working copy was removed\n".utf8))
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }
}
