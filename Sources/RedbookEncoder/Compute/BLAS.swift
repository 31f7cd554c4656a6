import CBLAS
import Foundation

/// The encoder's only door to OpenBLAS: row-major single-precision matrix products.
///
/// Pointers and leading dimensions come from the forward pass, which owns every buffer; this
/// file turns them into `cblas_sgemm` calls and nothing else.
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

    /// C[m×n] = alpha · A[m×k] · B[n×k]ᵀ + beta · C, the shape of a linear layer with PyTorch's [out, in] weights.
    static func multiplyTransposed(
        m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                    alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// C[m×n] = A[m×k] · B[k×n] + beta · C.
    static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
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
