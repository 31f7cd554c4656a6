import CEncoderKernels

/// The CPUs a thread may run on, for keeping the worker pool's threads on separate cores.
///
/// After an idle moment the kernel wakes a sleeping helper on the CPU of the thread that woke
/// it when the two CPUs share no cache, as on this project's 2-core virtual machine. The caller
/// and its helper then take turns on one CPU while the other idles, and a short query takes
/// 8 ms instead of 3. Pinning each helper to a CPU of its own, and keeping the caller off those
/// CPUs for the length of a pass, is what OpenMP's `OMP_PROC_BIND` does for its teams.
struct CoreAffinity {
    /// One bit per CPU, in the kernel's layout.
    private var mask: [UInt8]

    /// Room for 8,192 CPUs; glibc's set holds 1,024.
    private static let capacity = 1024

    /// The calling thread's set, or nil where it cannot be read (outside Linux).
    static func current() -> CoreAffinity? {
        var mask = [UInt8](repeating: 0, count: capacity)
        let bytes = Int(redbook_thread_cpus(&mask, Int32(capacity)))
        guard bytes > 0 else { return nil }
        return CoreAffinity(mask: Array(mask.prefix(bytes)))
    }

    private init(mask: [UInt8]) {
        self.mask = mask
    }

    /// The same size of set as ``current()``'s, holding only `cpus`.
    func with(only cpus: [Int]) -> CoreAffinity {
        var copy = CoreAffinity(mask: [UInt8](repeating: 0, count: mask.count))
        for cpu in cpus where cpu >= 0 && cpu / 8 < mask.count { copy.mask[cpu / 8] |= UInt8(1 << (cpu % 8)) }
        return copy
    }

    /// The CPUs in the set, in order.
    var cpus: [Int] {
        (0..<mask.count * 8).filter { mask[$0 / 8] & UInt8(1 << ($0 % 8)) != 0 }
    }

    /// Applies the set to the calling thread; false when the kernel refuses it.
    @discardableResult
    func applyToCurrentThread() -> Bool {
        redbook_set_thread_cpus(mask, Int32(mask.count))
    }
}
