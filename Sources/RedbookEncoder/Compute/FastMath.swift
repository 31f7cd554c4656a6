import Foundation

/// exp and the exact GELU over contiguous floats.
enum FastMath {
    /// x[i] = exp(x[i] - shift); returns the sum of the results.
    static func expShifted(_ values: UnsafeMutablePointer<Float>, count: Int, shift: Float) -> Float {
        var sum: Float = 0
        for index in 0..<count {
            let value = expf(values[index] - shift)
            values[index] = value
            sum += value
        }
        return sum
    }

    /// x[i] = gelu(x[i] + bias[i]) = 0.5 · v · (1 + erf(v / √2)).
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int, bias: UnsafePointer<Float>) {
        let inverseRoot2: Float = 0.70710678118654752
        for index in 0..<count {
            let value = values[index] + bias[index]
            values[index] = 0.5 * value * (1 + erff(value * inverseRoot2))
        }
    }
}
