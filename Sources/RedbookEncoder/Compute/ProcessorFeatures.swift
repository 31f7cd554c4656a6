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

    /// The required features this CPU lacks; empty when it has them all or when the system does not say.
    static func missing(cpuinfo: String? = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) -> [String] {
        guard !required.isEmpty, let cpuinfo,
              let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return [] }
        let present = Set(line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }).map(String.init))
        return required.filter { !present.contains($0) }
    }
}
