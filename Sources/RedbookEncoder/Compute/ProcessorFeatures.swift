import Foundation

/// The vector instructions this build of the encoder was compiled for, checked against the CPU.
///
/// Package.swift compiles the encoder with AVX2 and FMA when the building machine has them. A
/// binary carried to an older x86-64 machine would die on its first vector instruction; this check
/// turns that into an error that says how to rebuild.
enum ProcessorFeatures {
    /// Instructions the build uses, as /proc/cpuinfo names them.
    static var required: [String] {
        #if REDBOOK_AVX2
        ["avx2", "fma"]
        #else
        []
        #endif
    }

    /// This CPU's flags, read from /proc/cpuinfo once per process; empty when it cannot be read.
    static let flagsHere: Set<String> = flags((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")

    /// The required features this CPU lacks; none when the system does not say.
    static var missingHere: [String] {
        flagsHere.isEmpty ? [] : required.filter { !flagsHere.contains($0) }
    }

    /// Whether the CPU has AVX2 and FMA, which the AVX2 short-query kernel and oneDNN's AVX2 kernels need.
    static var hasAVX2: Bool {
        flagsHere.isSuperset(of: ["avx2", "fma"])
    }

    /// Whether the CPU has the AVX-512 subsets oneDNN's fast kernels need (F, BW, VL, DQ).
    static var hasAVX512: Bool {
        flagsHere.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"])
    }

    /// Whether the CPU has AVX-512 dot products of bfloat16 pairs, which the opt-in `bf16` path needs.
    static var hasAVX512BF16: Bool {
        flagsHere.isSuperset(of: ["avx512f", "avx512_bf16"])
    }

    /// The flags of the first processor in `cpuinfo`.
    static func flags(_ cpuinfo: String) -> Set<String> {
        guard let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
    }

    /// The required features absent from `cpuinfo`'s flags; empty when none are, or when it does not say.
    static func missing(cpuinfo: String?) -> [String] {
        guard !required.isEmpty, let cpuinfo else { return [] }
        let present = flags(cpuinfo)
        return present.isEmpty ? [] : required.filter { !present.contains($0) }
    }
}
