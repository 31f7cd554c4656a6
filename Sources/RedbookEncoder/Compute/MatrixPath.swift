import Foundation

/// Which library multiplies the encoder's matrices.
///
/// Both keep float32 and give the same embeddings within the exactness bars (docs/encoder.md);
/// they differ in speed. The default is chosen from the CPU when the process starts.
public enum MatrixPath: String, Sendable, CaseIterable {
    /// oneDNN's just-in-time kernels, AVX-512 on CPUs that have it and AVX2 on the others; short
    /// queries take the AVX-512 kernel where the CPU has it.
    case oneDNN = "onednn"
    /// OpenBLAS with the kernels it picks for the CPU; short queries take the AVX2 kernel. Forcing
    /// it on an AVX-512 CPU keeps the code an AVX2-only machine runs under test.
    case openBLAS = "openblas"

    /// A `REDBOOK_MATMUL` value: `onednn` or `openblas`, or `avx512` and `avx2` for the same two,
    /// in any case; nil for anything else.
    public init?(setting: String) {
        switch setting.lowercased() {
        case "onednn", "avx512": self = .oneDNN
        case "openblas", "avx2": self = .openBLAS
        default: return nil
        }
    }

    /// `REDBOOK_MATMUL` when set; else oneDNN on an x86-64 CPU with AVX2 and FMA, OpenBLAS
    /// otherwise. oneDNN is opened at the first product that needs it (a short query never does,
    /// so it starts no slower); without it installed, the products go through OpenBLAS.
    public static let standard: MatrixPath = {
        if let chosen = ProcessInfo.processInfo.environment["REDBOOK_MATMUL"].flatMap(MatrixPath.init(setting:)) {
            return chosen
        }
        #if arch(x86_64)
        return ProcessorFeatures.hasAVX2 ? .oneDNN : .openBLAS
        #else
        return .openBLAS
        #endif
    }()
}
