#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files read or written around the page cache (`O_DIRECT`) where the file system allows it: the sorted runs
/// (``RunFileOutput``, ``RunFileInput``), each written once and read once by the same command.
enum DirectFile {
    /// Opens `path` with `flags` (and `mode`, when creating), direct unless `direct` is false or the file system
    /// refuses it; says whether it is. The descriptor is negative when the file could not be opened (`errno` says why).
    static func openFile(_ path: String, _ flags: Int32, mode: mode_t = 0, direct: Bool = true)
        -> (descriptor: Int32, isDirect: Bool) {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        if direct {
            let descriptor = open(path, flags | openDirect, mode)
            if descriptor >= 0 || errno != EINVAL { return (descriptor, descriptor >= 0) }
        }
        #endif
        return (open(path, flags, mode), false)
    }

    /// Turns direct access off on a file opened direct, after a read or write it refused (`EINVAL`: a file system
    /// that took `O_DIRECT` at open but not for the transfer), so that the caller can try again as with any file.
    /// False when it could not.
    static func stopDirect(_ descriptor: Int32) -> Bool {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        let flags = fcntl(descriptor, F_GETFL)
        return flags >= 0 && fcntl(descriptor, F_SETFL, flags & ~openDirect) == 0
        #else
        return false
        #endif
    }
}

#if os(Linux) && arch(x86_64)
/// `O_DIRECT`, which the C library declares only to C code that asks for GNU extensions (its value differs by
/// processor).
private let openDirect: Int32 = 0o40000
#elseif os(Linux) && arch(arm64)
private let openDirect: Int32 = 0o200000
#endif

/// The C library's `close`, which the methods of the same name hide inside the run files' classes.
func closeFile(_ descriptor: Int32) -> Int32 { close(descriptor) }

/// The process's limit on open files, raised to the most it may be: a merge split into lanes holds a file open for
/// each run and lane (``AuditEventStream/runChunk(files:)``), beyond the usual first limit of 1,024 on many threads.
enum OpenFileLimit {
    static func raise() {
        #if os(Linux)
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        #endif
    }

    /// The files the process may hold open once the limit is raised (where it cannot be raised, as it stands).
    static var afterRaising: Int {
        raise()
        var limit = rlimit()
        #if os(Linux)
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
        #else
        guard getrlimit(RLIMIT_NOFILE, &limit) == 0 else { return 256 }
        #endif
        return Int(clamping: limit.rlim_cur)
    }
}
