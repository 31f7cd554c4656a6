#if canImport(Glibc)
import Glibc
#endif

/// Gives back the memory a deep job touched on a long-lived large-stack thread.
///
/// A thread's stack pages stay resident once touched, so one block that recursed a hundred
/// megabytes deep would keep that memory for the life of the process. Pages near the top are
/// kept: every job touches them again, and faulting them in anew each time is what a fresh
/// thread per job used to cost.
enum StackPages {
    /// Pages within this distance below the caller's frame stay resident.
    static let kept = 8 << 20

    /// Releases the pages of the current thread's stack further than ``kept`` below this call.
    /// Call it only between jobs, when nothing lives down there.
    static func releaseDeep() {
        #if canImport(Glibc)
        guard let low = lowestAddress() else { return }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let start = (low + page - 1) / page * page
        guard here > start + UInt(kept) else { return }
        let end = (here - UInt(kept)) / page * page
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start),
              let edge = UnsafeMutableRawPointer(bitPattern: end - page) else { return }
        // A job that never went past the kept pages left the page below them untouched; asking
        // about that one page is cheaper than releasing half a gigabyte of nothing.
        var resident: UInt8 = 0
        guard mincore(edge, Int(page), &resident) == 0, resident & 1 != 0 else { return }
        _ = madvise(address, Int(end - start), MADV_DONTNEED)
        #endif
    }

    #if canImport(Glibc)
    private typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32

    /// glibc's `pthread_getattr_np`, which its Swift module leaves out (it is a GNU extension).
    private static let getAttributes: GetAttributes? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np")
        .map { unsafeBitCast($0, to: GetAttributes.self) }

    /// The low end of the current thread's stack, above its guard page.
    private static func lowestAddress() -> UInt? {
        var attributes = pthread_attr_t()
        guard let getAttributes, getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return nil }
        return UInt(bitPattern: base)
    }
    #endif
}
