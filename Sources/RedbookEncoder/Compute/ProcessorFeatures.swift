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

    /// The required features this CPU lacks, read once per process; a portable build reads nothing.
    static let missingHere: [String] = required.isEmpty
        ? []
        : missing(cpuinfo: try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))

    /// Whether the CPU has the AVX-512 subsets oneDNN's fast kernels need (F, BW, VL, DQ).
    static let hasAVX512: Bool = {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
        return flags(cpuinfo).isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"])
    }()

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
