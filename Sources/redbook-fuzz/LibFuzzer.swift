#if REDBOOK_FUZZ
import Glibc

// libFuzzer's entry for programs with their own `main`, from libclang_rt.fuzzer_no_main, which
// scripts/fuzz links in. It has no module to import; for pointer and integer arguments Swift's
// calling convention is C's.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

/// The libFuzzer driver, present only in builds compiled with `-DREDBOOK_FUZZ` and linked with it.
enum LibFuzzer {
    /// The target whose function the C callback calls; set once, before the driver starts.
    nonisolated(unsafe) private static var current: FuzzTarget?

    #if REDBOOK_FUZZ
    static let isLinked = true
    #else
    static let isLinked = false
    #endif

    /// Runs libFuzzer on `target` with libFuzzer's own command-line options and corpus folders.
    ///
    /// - Returns: libFuzzer's exit status (non-zero after a crash).
    static func run(_ target: FuzzTarget, program: String, options: [String]) -> Int32 {
        current = target
        #if REDBOOK_FUZZ
        // libFuzzer keeps pointers into argv for the whole run, so the strings are never freed.
        var pointers: [UnsafeMutablePointer<CChar>?] = ([program] + options).map { strdup($0) } + [nil]
        var count = Int32(pointers.count - 1)
        return pointers.withUnsafeMutableBufferPointer { buffer in
            var vector = buffer.baseAddress!
            return runDriver(&count, &vector) { data, size in
                let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                LibFuzzer.current?.run(bytes)
                return 0
            }
        }
        #else
        return 2
        #endif
    }
}
