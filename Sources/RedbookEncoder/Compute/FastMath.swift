/// exp and the exact GELU over contiguous floats, written as plain loops of arithmetic.
///
/// The C library's expf and erff are opaque scalar calls (GELU alone took a sixth of the run time
/// through them). These loops hold only multiplications, additions, selects and bit casts, so the
/// optimizer turns them into vector code, and debug builds stay quick. Accuracy: exp within a few
/// float32 ulps, erf within 1.5e-7 absolute, well inside what float32 matrix products differ by.
enum FastMath {
    /// x[i] = exp(x[i] - shift) for x[i] - shift ≤ 0; returns the sum of the results.
    static func expShifted(_ values: UnsafeMutablePointer<Float>, count: Int, shift: Float) -> Float {
        // A loop without the running sum vectorizes; the sum follows in four independent lanes.
        for index in 0..<count {
            values[index] = negativeExp(values[index] - shift)
        }
        return sum(values, count: count)
    }

    /// The sum of `count` floats, in four interleaved partial sums.
    static func sum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var partial: (Float, Float, Float, Float) = (0, 0, 0, 0)
        var index = 0
        while index + 4 <= count {
            partial.0 += values[index]
            partial.1 += values[index + 1]
            partial.2 += values[index + 2]
            partial.3 += values[index + 3]
            index += 4
        }
        while index < count {
            partial.0 += values[index]
            index += 1
        }
        return (partial.0 + partial.1) + (partial.2 + partial.3)
    }

    /// The largest of `count` floats (at least one), in four interleaved partial maxima.
    static func maximum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var partial = (values[0], values[0], values[0], values[0])
        var index = 0
        while index + 4 <= count {
            partial.0 = Swift.max(partial.0, values[index])
            partial.1 = Swift.max(partial.1, values[index + 1])
            partial.2 = Swift.max(partial.2, values[index + 2])
            partial.3 = Swift.max(partial.3, values[index + 3])
            index += 4
        }
        while index < count {
            partial.0 = Swift.max(partial.0, values[index])
            index += 1
        }
        return Swift.max(Swift.max(partial.0, partial.1), Swift.max(partial.2, partial.3))
    }

    /// x[i] = gelu(x[i] + bias[i]) = 0.5 · v · (1 + erf(v / √2)).
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int, bias: UnsafePointer<Float>) {
        for index in 0..<count {
            let value = values[index] + bias[index]
            values[index] = 0.5 * value * (1 + erf(value * 0.70710678118654752))
        }
    }

    /// exp(x) for x ≤ 0: range reduction to [-ln2/2, ln2/2] and a degree-6 polynomial; 0 below -87.3.
    @inline(__always)
    static func negativeExp(_ x: Float) -> Float {
        let tooSmall = x < -87.3
        let clamped = tooSmall ? -87.3 : x
        // Adding 1.5 · 2^23 rounds to the nearest integer and leaves it in the low mantissa bits.
        let shifted = clamped * 1.44269504088896341 + 12_582_912
        let n = shifted - 12_582_912
        // ln 2 split in two so n · ln2 is subtracted without rounding error.
        let r = (clamped - n * 0.693359375) + n * 2.12194440e-4
        var p: Float = 1.9875691500e-4
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        p = p * (r * r) + r + 1
        let integer = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
        let scale = Float(bitPattern: UInt32(bitPattern: (integer &+ 127) &<< 23))
        // Below the bound the true value is under float32's normal range: flush to zero.
        return tooSmall ? 0 : p * scale
    }

    /// erf with Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
    @inline(__always)
    static func erf(_ x: Float) -> Float {
        let a = Swift.abs(x)
        let t = 1 / (1 + 0.3275911 * a)
        var p: Float = 1.061405429
        p = p * t - 1.453152027
        p = p * t + 1.421413741
        p = p * t - 0.284496736
        p = p * t + 0.254829592
        let magnitude = 1 - p * t * negativeExp(-(a * a))
        return x < 0 ? -magnitude : magnitude
    }
}
