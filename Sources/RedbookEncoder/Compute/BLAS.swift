import CBLAS
import CDNNL
import Foundation

/// The encoder's only door to OpenBLAS and oneDNN: row-major single-precision matrix products.
///
/// Pointers and leading dimensions come from the forward pass, which owns every buffer; this
/// file turns them into `cblas_sgemm` or `dnnl_sgemm` calls, by the ``MatrixPath``, and nothing else.
enum BLAS {
    /// Sets OpenBLAS's own worker threads; the encoder parallelizes itself and runs OpenBLAS on one.
    static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(count))
    }

    /// OpenBLAS's build and the kernel family it chose for this CPU, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH … Haswell".
    static var configuration: String {
        guard let text = openblas_get_config() else { return "OpenBLAS" }
        return String(cString: text).trimmingCharacters(in: .whitespaces)
    }

    /// oneDNN's version and the widest instructions it uses here, e.g. "oneDNN 2.6.3 (avx512_core_bf16)".
    static var oneDNNConfiguration: String {
        guard let library = OneDNN.shared, let version = library.version()?.pointee else {
            return "oneDNN not found; OpenBLAS used instead"
        }
        let isa: String
        switch library.effectiveISA() {
        case dnnl_cpu_isa_avx2: isa = "avx2"
        case dnnl_cpu_isa_avx2_vnni: isa = "avx2_vnni"
        case dnnl_cpu_isa_avx512_core: isa = "avx512_core"
        case dnnl_cpu_isa_avx512_core_vnni: isa = "avx512_core_vnni"
        case dnnl_cpu_isa_avx512_core_bf16: isa = "avx512_core_bf16"
        case dnnl_cpu_isa_avx512_core_amx: isa = "avx512_core_amx"
        default: isa = "older than avx2"
        }
        return "oneDNN \(version.major).\(version.minor).\(version.patch) (\(isa))"
    }

    /// oneDNN, opened on first use.
    private struct OneDNN: @unchecked Sendable {
        let sgemm: redbook_dnnl_sgemm
        let version: redbook_dnnl_version
        let effectiveISA: redbook_dnnl_get_effective_cpu_isa
        /// oneDNN's OpenMP runtime would start a team of threads for each call; the encoder's own
        /// workers call it, so each asks for a team of one.
        let setThreads: (@convention(c) (Int32) -> Void)?

        static let shared: OneDNN? = {
            guard let handle = dlopen("libdnnl.so.2", RTLD_NOW | RTLD_LOCAL),
                  let sgemm = dlsym(handle, "dnnl_sgemm"), let version = dlsym(handle, "dnnl_version"),
                  let isa = dlsym(handle, "dnnl_get_effective_cpu_isa") else { return nil }
            return OneDNN(sgemm: unsafeBitCast(sgemm, to: redbook_dnnl_sgemm.self),
                          version: unsafeBitCast(version, to: redbook_dnnl_version.self),
                          effectiveISA: unsafeBitCast(isa, to: redbook_dnnl_get_effective_cpu_isa.self),
                          setThreads: dlsym(handle, "omp_set_num_threads").map { unsafeBitCast($0, to: (@convention(c) (Int32) -> Void).self) })
        }()
    }

    /// A row-major product through oneDNN; `false` when it is not installed.
    private static func oneDNNProduct(
        transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) -> Bool {
        guard let library = OneDNN.shared else { return false }
        library.setThreads?(1)
        _ = library.sgemm(CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: transposeB ? "T" : "N")),
                          dnnl_dim_t(m), dnnl_dim_t(n), dnnl_dim_t(k),
                          alpha, a, dnnl_dim_t(lda), b, dnnl_dim_t(ldb), beta, c, dnnl_dim_t(ldc))
        return true
    }

    /// C[m×n] = alpha · A[m×k] · B[n×k]ᵀ + beta · C, the shape of a linear layer with PyTorch's [out, in] weights.
    static func multiplyTransposed(
        m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int,
        path: MatrixPath = .openBLAS
    ) {
        if path == .oneDNN, oneDNNProduct(transposeB: true, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                                             b: b, ldb: ldb, beta: beta, c: c, ldc: ldc) {
            return
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                    alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// C[m×n] = A[m×k] · B[k×n] + beta · C.
    static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int,
        path: MatrixPath = .openBLAS
    ) {
        if path == .oneDNN, oneDNNProduct(transposeB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: lda,
                                             b: b, ldb: ldb, beta: beta, c: c, ldc: ldc) {
            return
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                    1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// y[rows] = M[rows×columns] · x + beta · y.
    static func multiplyVector(
        rows: Int, columns: Int, matrix: UnsafePointer<Float>, lda: Int,
        vector: UnsafePointer<Float>, beta: Float, result: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns), 1, matrix, Int32(lda), vector, 1, beta, result, 1)
    }
}
