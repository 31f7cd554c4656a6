import Foundation

/// Which code multiplies the encoder's matrices.
///
/// The two float32 paths give the same embeddings within the exactness bars (docs/encoder.md) and
/// differ in speed; the default is one of them, chosen from the CPU when the process starts.
/// ``bfloat16`` is an opt-in that trades a measured error for speed.
public enum MatrixPath: String, Sendable, CaseIterable {
    /// oneDNN's just-in-time kernels, AVX-512 on CPUs that have it and AVX2 on the others; short
    /// queries take the AVX-512 kernel where the CPU has it.
    case oneDNN = "onednn"
    /// OpenBLAS with the kernels it picks for the CPU; short queries take the AVX2 kernel. Forcing
    /// it on an AVX-512 CPU keeps the code an AVX2-only machine runs under test.
    case openBLAS = "openblas"
    /// The encoder's own AVX-512 BF16 kernels for the linear layers: weights and layer inputs
    /// rounded to bfloat16, every sum in float32; attention and the rest stay float32 through
    /// oneDNN. Opt-in only, and only on a CPU with AVX512_BF16 (elsewhere it is ``oneDNN``).
    case bfloat16 = "bf16"

    /// The paths that keep float32 throughout, which the exactness bars hold for.
    public static let float32Paths: [MatrixPath] = [.oneDNN, .openBLAS]

    /// A `REDBOOK_MATMUL` value: `onednn` or `openblas`, `avx512` and `avx2` for the same two, or
    /// `bf16` (also `bfloat16`), in any case; nil for anything else.
    public init?(setting: String) {
        switch setting.lowercased() {
        case "onednn", "avx512": self = .oneDNN
        case "openblas", "avx2": self = .openBLAS
        case "bf16", "bfloat16": self = .bfloat16
        default: return nil
        }
    }

    /// `REDBOOK_MATMUL` when set; else oneDNN on an x86-64 CPU with AVX2 and FMA, OpenBLAS
    /// otherwise. oneDNN is opened at the first product that needs it (a short query never does,
    /// so it starts no slower); without it installed, the products go through OpenBLAS.
    public static let standard: MatrixPath = {
        if let chosen = ProcessInfo.processInfo.environment["REDBOOK_MATMUL"].flatMap(MatrixPath.init(setting:)) {
            return chosen.runnable
        }
        #if arch(x86_64)
        return ProcessorFeatures.hasAVX2 ? .oneDNN : .openBLAS
        #else
        return .openBLAS
        #endif
    }()

    /// This path where this CPU and build can run it; ``bfloat16`` without AVX512_BF16 is ``oneDNN``.
    public var runnable: MatrixPath {
        self == .bfloat16 && !BFloat16Product.isAvailable ? .oneDNN : self
    }

    /// What runs this path here, for reports: oneDNN with the widest instructions it uses, OpenBLAS
    /// with its kernels, or the bfloat16 kernels with the library beside them. Naming oneDNN opens it.
    public var summary: String {
        switch self {
        case .oneDNN: BLAS.oneDNNConfiguration
        case .openBLAS: BLAS.configuration
        case .bfloat16: "bfloat16 (AVX-512 BF16) linear layers; attention through \(BLAS.oneDNNConfiguration)"
        }
    }

    /// The float32 library for the products that stay float32 on this path (attention, and the
    /// linear layers too on the float32 paths).
    var floatLibrary: MatrixPath { self == .bfloat16 ? .oneDNN : self }
}
