import Foundation

/// Which library multiplies the encoder's matrices.
///
/// Both keep float32 and give the same embeddings within the exactness bars (docs/encoder.md);
/// they differ in speed. The default is chosen from the CPU when the process starts.
public enum MatrixPath: String, Sendable, CaseIterable {
    /// oneDNN's just-in-time kernels, which use AVX-512 on CPUs that have it.
    case avx512
    /// OpenBLAS with the kernels it picks for the CPU (AVX2 on most x86-64 machines).
    case avx2

    /// `REDBOOK_MATMUL=avx2` (or `avx512`) when set; else AVX-512 when the CPU has the
    /// F, BW, VL and DQ instructions, AVX2 otherwise. oneDNN is opened at the first product that
    /// needs it (a short query never does, so it starts no slower); without it installed, the
    /// products go through OpenBLAS.
    public static let standard: MatrixPath = {
        if let chosen = ProcessInfo.processInfo.environment["REDBOOK_MATMUL"].flatMap({ MatrixPath(rawValue: $0.lowercased()) }) {
            return chosen
        }
        return ProcessorFeatures.hasAVX512 ? .avx512 : .avx2
    }()
}
