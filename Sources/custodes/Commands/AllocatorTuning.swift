#if canImport(Glibc)
import Glibc
#endif

/// How the C allocator is told to keep memory for a long run over a bundle.
///
/// glibc's allocator takes blocks over its threshold (128 KiB at first, then as large as the largest freed, up to
/// 32 MiB) straight from the kernel and hands them back when freed, and gives back the top of its heap whenever
/// 128 KiB lie free there. A detection run allocates and frees such blocks all the way through (read buffers, each
/// batch, the parts' lists, the sorted runs), and each came back as fresh pages, which the kernel zeroes: the page
/// clearing was 12.7% of a one-core run's samples on the realistic 160-day force, 4.6% with the allocator told to
/// keep them (docs/performance.md, "Memory kept between batches"). Peak memory stays about the same (1% more on that
/// force): what is freed is taken again by the next batch.
enum AllocatorTuning {
    /// Blocks up to 32 MiB from the heap, and the heap's free top kept. Process-wide, so called once, by
    /// `custodes detect` over a bundle. Without glibc's `mallopt` (another C library, or none found), nothing changes.
    static func keepMemoryForLongRun() {
        #if canImport(Glibc)
        // `mallopt` is in malloc.h, which the Glibc module does not bring in; its parameters' numbers are glibc's ABI.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, Int32.max)
        #endif
    }
}
