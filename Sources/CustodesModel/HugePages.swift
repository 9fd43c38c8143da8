#if canImport(Glibc)
import Glibc
#endif

/// Asks Linux to back a large array with 2 MiB pages.
///
/// Two costs of large arrays on a virtual machine are paid per 4 KiB page: the first touch of each page is a fault
/// (profiling put a second of a 10-million-event pass in faults on the sort buffer), and random reads across tens of
/// megabytes (identifier tables, the explainer's flat tables) miss the TLB on nearly every read. With transparent
/// huge pages in `madvise` mode (Debian's default), advising an array's capacity before it is filled cuts both
/// 512-fold. Elsewhere, or when the kernel declines, nothing changes but the speed.
public enum HugePages {
    private static let size: UInt = 2 << 20

    /// Advises the whole reserved capacity of `array`; call it right after `reserveCapacity`.
    public static func advise<Element>(_ array: inout [Element]) {
        let bytes = array.capacity * MemoryLayout<Element>.stride
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            advise(UnsafeMutableRawPointer(base), byteCount: bytes)
        }
    }

    /// Advises the whole 2 MiB pages inside `byteCount` bytes from `base`, for memory not yet written.
    public static func advise(_ base: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        let bytes = UInt(max(byteCount, 0))
        guard bytes >= 2 * size else { return }
        let address = UInt(bitPattern: base)
        let start = (address + size - 1) & ~(size - 1)
        let end = (address + bytes) & ~(size - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, Int(end - start), MADV_HUGEPAGE)
        #endif
    }

    /// `count` copies of `value` in memory advised before it is written.
    public static func array<Element>(repeating value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(count)
        advise(&array)
        array.append(contentsOf: repeatElement(value, count: count))
        return array
    }
}
