import Foundation

/// Element-wise and row-wise operations of the forward pass, on raw buffers the caller owns.
///
/// Loops are written so the optimizer can vectorize them; none allocates.
enum Kernels {
    /// rows[r] += bias for every row of a [rows × width] matrix.
    static func addBias(_ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int, bias: UnsafePointer<Float>) {
        for row in 0..<rows {
            let line = matrix + row * width
            for column in 0..<width { line[column] += bias[column] }
        }
    }

    /// x = gelu(x + bias) with the exact (erf) GELU.
    static func biasGELU(_ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int, bias: UnsafePointer<Float>) {
        for row in 0..<rows {
            let line = matrix + row * width
            FastMath.gelu(line, count: width, bias: bias)
        }
    }

    /// x = LayerNorm(x + bias) row by row, in place: biased variance and `epsilon` as PyTorch computes it.
    static func biasLayerNorm(
        _ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int,
        bias: UnsafePointer<Float>?, weight: UnsafePointer<Float>, shift: UnsafePointer<Float>, epsilon: Float
    ) {
        let scale = 1 / Float(width)
        for row in 0..<rows {
            let line = matrix + row * width
            var sum: Float = 0
            if let bias {
                for column in 0..<width {
                    let value = line[column] + bias[column]
                    line[column] = value
                    sum += value
                }
            } else {
                for column in 0..<width { sum += line[column] }
            }
            let mean = sum * scale
            var squares: Float = 0
            for column in 0..<width {
                let centered = line[column] - mean
                squares += centered * centered
            }
            let inverse = 1 / (squares * scale + epsilon).squareRoot()
            for column in 0..<width {
                line[column] = (line[column] - mean) * inverse * weight[column] + shift[column]
            }
        }
    }

    /// Softmax of each row of a [rows × width] matrix whose rows are `stride` apart.
    static func softmaxRows(_ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int, stride: Int) {
        for row in 0..<rows {
            let line = matrix + row * stride
            let sum = FastMath.expShifted(line, count: width, shift: FastMath.maximum(line, count: width))
            let inverse = 1 / sum
            for column in 0..<width { line[column] *= inverse }
        }
    }
}
